import { describe, expect, it } from "vitest";
import { zoningImportQuery } from "../../../../src/app/api/client";
import { urlOf } from "../../../../src/app/api/transport";
import { routes } from "../../../../src/core/api/routes";
import { formatOfFileName, ignoredText, importChoice } from "../../../../src/app/features/zoning-import/zoning-import";

describe("zoning import helpers", () => {
  it("takes the format from the file's extension", () => {
    expect(formatOfFileName("plan-feil-og-buer.SOS")).toBe("sosi");
    expect(formatOfFileName("plan.gml")).toBe("gml");
    expect(formatOfFileName("plan.geojson")).toBe("geojson");
    expect(formatOfFileName("plan.json")).toBe("geojson");
    expect(formatOfFileName("plan.zip")).toBeNull();
    expect(formatOfFileName("README")).toBeNull();
  });

  it("builds the query with only the options given", () => {
    const url = (options: Parameters<typeof zoningImportQuery>[0]) => urlOf(routes.importZoning, { query: zoningImportQuery(options) });
    expect(url({ format: "sosi", fileName: "a b.sos", crs: " ", dryRun: true })).toBe("/api/zoning/import?format=sosi&fileName=a+b.sos&dryRun=true");
    expect(url({ format: "geojson", fileName: "p.json", crs: "EPSG:25832", codeProperty: "arealformal", skipInvalid: true })).toBe(
      "/api/zoning/import?format=geojson&fileName=p.json&crs=EPSG%3A25832&codeProperty=arealformal&skipInvalid=true",
    );
  });

  it("offers Import, Import valid objects only, or nothing after a dry run", () => {
    const summary = { imported: 0, skipped: [], planIds: ["1"], sourceCrs: "EPSG:25832", warnings: [], ignored: {}, found: 3, zonesFound: 0, zonesImported: 0 };
    expect(importChoice(summary)).toBe("import");
    expect(importChoice({ ...summary, skipped: [{ object: ".FLATE 2:", reason: "broken reference" }] })).toBe("importValid");
    expect(importChoice({ ...summary, found: 0 })).toBe("nothing");
    // A file of zones only (an NVE hazard map) has something to import.
    expect(importChoice({ ...summary, found: 0, zonesFound: 4 })).toBe("import");
  });

  it("lists the ignored object types with counts", () => {
    expect(ignoredText({ RpGrense: 4, Planavgrensning: 1, Tom: 0 })).toBe("RpGrense 4, Planavgrensning 1");
  });
});
