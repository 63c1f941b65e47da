import { describe, expect, it } from "vitest";
import { zoningImportQuery } from "../../../../src/app/features/sites/sites-api";
import { zoningFileImportQuery } from "../../../../src/app/features/zoning-import/import-api";
import { ignoredText, importChoice } from "../../../../src/app/features/zoning-import/zoning-import";

describe("zoning import helpers", () => {
  it("builds the file import's query with the layer and without a format the server is to tell", () => {
    expect(zoningFileImportQuery({ fileName: "plan.gpkg", layer: "RpArealformålOmråde", crs: "", dryRun: true })).toBe(
      "fileName=plan.gpkg&layer=RpArealform%C3%A5lOmr%C3%A5de&dryRun=true",
    );
    expect(zoningFileImportQuery({ format: "shapefile", fileName: "plan.zip", skipInvalid: true })).toBe("format=shapefile&fileName=plan.zip&skipInvalid=true");
  });

  it("builds the query with only the options given", () => {
    expect(zoningImportQuery({ format: "sosi", fileName: "a b.sos", crs: " ", dryRun: true })).toBe("format=sosi&fileName=a+b.sos&dryRun=true");
    expect(zoningImportQuery({ format: "geojson", fileName: "p.json", crs: "EPSG:25832", codeProperty: "arealformal", skipInvalid: true })).toBe(
      "format=geojson&fileName=p.json&crs=EPSG%3A25832&codeProperty=arealformal&skipInvalid=true",
    );
  });

  it("offers Import, Import valid objects only, or nothing after a dry run", () => {
    const summary = { imported: 0, skipped: [], planIds: ["1"], sourceCrs: "EPSG:25832", warnings: [], ignored: {}, found: 3 };
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
