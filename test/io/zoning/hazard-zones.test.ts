import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { AreaGeometry } from "../../../src/core/geo/geometry";
import { planarAreaM2 } from "../../../src/core/geo/planar-area";
import { parseGeoJsonZoningText } from "../../../src/io/zoning/geojson-zoning";
import { parseGmlZoning } from "../../../src/io/zoning/gml-zoning";
import { parseSosiZoning } from "../../../src/io/zoning/sosi-zoning";
import { parseZoningFile } from "../../../src/io/zoning/zoning-file";
import type { ZoningImportResult } from "../../../src/io/zoning/zoning-import";

const fixture = (folder: "sosi" | "zoning", name: string) => readFileSync(new URL(`../../fixtures/${folder}/${name}`, import.meta.url));
const ok = <T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> => {
  if (!result.ok) throw new Error((result as unknown as { problem: string }).problem);
  return result as Extract<T, { ok: true }>;
};
/** Zones as comparable rows: object type, code, name, hazard. */
const rows = (result: ZoningImportResult) => result.zones.map((z) => [z.objectType, z.code, z.name, z.hazard]);

/** Shoelace area of the first ring of each polygon of a projected GeoJSON geometry, m². */
function shoelaceM2(geometry: { type: string; coordinates: number[][][] | number[][][][] }): number {
  const polygons = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  let sum = 0;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      let twice = 0;
      for (let k = 0; k + 1 < ring.length; k++) twice += ring[k]![0]! * ring[k + 1]![1]! - ring[k + 1]![0]! * ring[k]![1]!;
      sum += (r === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return sum;
}

describe("hensynssoner in the real plan 4204_1536 (DiBK's GeoJSON of the plan's GML)", () => {
  const read = (crs: "epsg25832" | "wgs84") => ok(parseZoningFile(fixture("zoning", `plan-4204_1536-stemtjonn-skytebane-${crs}.geojson`), { format: "geojson" }));

  it("imports its three RpFareSone (360 skytebane) and six RpAngittHensynSone (560 bevaring naturmiljø) beside the ten areas", () => {
    const result = read("epsg25832");
    expect(result.areas).toHaveLength(10);
    expect(rows(result)).toEqual([
      ...["H560_1", "H560_2", "H560_3", "H560_4", "H560_5", "H560_6"].map((name) => ["RpAngittHensynSone", 560, name, "natural_environment"]),
      ...["H360_1", "H360_2", "H360_4"].map((name) => ["RpFareSone", 360, name, "shooting_range"]),
    ]);
    expect(result.skipped).toEqual([]);
    // The zones are no longer counted as ignored objects.
    expect(result.ignored).not.toHaveProperty("RpFareSone");
    expect(result.zones.every((z) => z.planId === "4204_1536" && z.source === "plan" && z.planName === "Stemtjønn skytebane")).toBe(true);
  });

  it("gives each zone the planar area of its outline in the plan's EPSG:25832", () => {
    const json = JSON.parse(fixture("zoning", "plan-4204_1536-stemtjonn-skytebane-epsg25832.geojson").toString("utf8")) as {
      features: { properties: { hensynSonenavn?: string }; geometry: { type: string; coordinates: number[][][] } }[];
    };
    for (const zone of read("wgs84").zones) {
      const original = json.features.find((f) => f.properties.hensynSonenavn === zone.name)!;
      const expected = shoelaceM2(original.geometry);
      expect(Math.abs(planarAreaM2(zone.geometry) - expected)).toBeLessThan(Math.max(0.5, expected * 1e-4));
    }
  });
});

describe("hensynssoner in SOSI", () => {
  const result = ok(parseSosiZoning(fixture("sosi", "plan-4204_1536-hensynssoner.sos")));

  it("reads RpFareSone, RpAngittHensynSone, KpSikringSone and RpStøySone with their codes and hensynSonenavn (ISO-8859-1 file)", () => {
    expect(rows(result)).toEqual([
      ["RpFareSone", 360, "H360_1", "shooting_range"],
      ["RpAngittHensynSone", 560, "H560_1", "natural_environment"],
      ["RpFareSone", 310, "H310_1", "landslide"],
      ["KpSikringSone", 110, "H110_1", "drinking_water"],
      ["RpStøySone", 210, "H210_1", "noise"],
    ]);
    expect(result.zones[2]!.details).toEqual({ beskrivelse: "Syntetisk: ras- og skredfare" });
  });

  it("takes plan name and status from the RpOmråde (PLANSTAT 2: proposed)", () => {
    expect(result.zones.every((z) => z.planId === "4204_1536" && z.planName === "Stemtjønn skytebane" && z.status === "proposed")).toBe(true);
  });

  it("skips a zone without outline, without its code, or drawn as a line, each with its reason", () => {
    expect(result.skipped).toEqual([
      { object: ".FLATE 7:", reason: "RpFareSone has no ..REF to boundary curves" },
      { object: ".FLATE 8:", reason: 'RpSikringSone has no "sikring" code, so what the zone protects or warns of is unknown' },
      { object: ".KURVE 108:", reason: "RpFareSone is a .KURVE, not an area (.FLATE): a zone needs its outline to be rated" },
    ]);
  });

  it("measures the synthetic 100 m × 100 m landslide zone as 10,000 m²", () => {
    // Positions are kept to 1e-8° (about 1 mm), so the area is right to well under 1 m².
    expect(planarAreaM2(result.zones[2]!.geometry)).toBeCloseTo(10_000, 0);
  });
});

describe("hensynssoner in SOSI against GDAL's SOSI driver (ogr2ogr as the oracle)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "massekart-zones-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds the same zones with the same codes, names and areas", () => {
    const out = path.join(dir, "zones.geojson");
    // A copy in the temporary folder: GDAL's SOSI driver writes index files beside what it reads.
    const source = path.join(dir, "plan.sos");
    copyFileSync(new URL("../../fixtures/sosi/plan-4204_1536-hensynssoner.sos", import.meta.url), source);
    const run = spawnSync(inject("ogr2ogrPath"), ["-f", "GeoJSON", out, source, "polygons"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    // GDAL names the SOSI KOORDSYS 22 system EPSG:3044 (ETRS89 / ETRS-TM32, the same plane as 25832).
    const viaGdal = ok(parseGeoJsonZoningText(readFileSync(out, "utf8"), { crs: "EPSG:25832", source: "ogr2ogr output" }));
    const ours = ok(parseSosiZoning(fixture("sosi", "plan-4204_1536-hensynssoner.sos")));
    expect(rows(viaGdal)).toEqual(rows(ours));
    ours.zones.forEach((zone, k) => {
      const other = viaGdal.zones[k]!;
      expect(planarAreaM2(other.geometry)).toBeCloseTo(planarAreaM2(zone.geometry), 0);
    });
    // GDAL writes the zone without outline as an empty ring; Massekart skips it either way.
    expect(viaGdal.skipped.map((s) => s.reason)).toEqual([
      "RpFareSone: ring 0 has fewer than 4 positions",
      expect.stringContaining('RpSikringSone has no "sikring" code'),
    ]);
  });
});

describe("hensynssoner in SOSI-GML", () => {
  const result = ok(parseGmlZoning(fixture("zoning", "plan-4204_1536-hensynssoner.gml").toString("utf8")));

  it("reads fare, angittHensyn and sikring with hensynSonenavn, plan fields through planområde → Arealplan", () => {
    expect(rows(result)).toEqual([
      ["RpFareSone", 360, "H360_2", "shooting_range"],
      ["RpAngittHensynSone", 560, "H560_2", "natural_environment"],
      ["RpFareSone", 320, "H320_1", "flood"],
      ["RpSikringSone", 120, "H120_1", "drinking_water"],
    ]);
    expect(result.zones.every((z) => z.planId === "4204_1536" && z.status === "proposed" && z.planName === "Detaljregulering for Stemtjønn skytebane")).toBe(true);
    expect(planarAreaM2(result.zones[2]!.geometry)).toBeCloseTo(20_000, 0);
  });

  it("skips a zone without geometry and one without its code, naming them", () => {
    expect(result.skipped).toEqual([
      { object: "RpFareSone gml:id=fare-h310-9", reason: "RpFareSone has no zone geometry (område with a gml:Polygon or gml:Surface)" },
      { object: "RpSikringSone gml:id=sikring-h190-9", reason: 'RpSikringSone has no "sikring" code, so what the zone protects or warns of is unknown' },
    ]);
  });
});

describe("NVE hazard maps in GeoJSON", () => {
  const result = ok(parseZoningFile(fixture("zoning", "nve-kvikkleire-flom-syntetisk.geojson"), { fileName: "nve.geojson" }));

  it("reads quick-clay zones by NVE's attributes (faregrad, risikoklasse) and flood zones (gjentaksinterval)", () => {
    expect(result.zones.map((z) => [z.family, z.objectType, z.name, z.hazard])).toEqual([
      ["nve_quick_clay", "KvikkleireFaresone", "Syntetisk kvikkleiresone (Asker)", "quick_clay"],
      ["nve_quick_clay", "KvikkleireFaresone", "Syntetisk sone uten fare", "quick_clay_cleared"],
      ["nve_flood", "FlomAreal", "", "flood"],
      ["nve_quick_clay", "KvikkleireFaresone", "Syntetisk sone fra Shapefile", "quick_clay"],
    ]);
    expect(result.zones[0]!.details).toMatchObject({ faregrad: "Høy", risikoklasse: "Risikoklasse 4", konsekvens: "Alvorlig", id: "1234" });
    expect(result.zones[2]!.details).toMatchObject({ gjentaksintervall: "200", id: "fs002_37" });
    expect(result.zones[2]!.geometry.type).toBe("MultiPolygon");
  });

  it("reads Shapefile-cut field names (skredFareg, skredRisik) when the object type is gone", () => {
    expect(result.zones[3]!.details).toEqual({ faregrad: "Middels", risikoklasse: "Risikoklasse 2" });
  });

  it("stores each map under its own data set id, so importing it again replaces it", () => {
    expect(result.planIds).toEqual(["nve:quick_clay", "nve:flood"]);
    const named = ok(parseZoningFile(fixture("zoning", "nve-kvikkleire-flom-syntetisk.geojson"), { format: "geojson", planId: "nve-asker-2025" }));
    expect(new Set(named.zones.map((z) => z.planId))).toEqual(new Set(["nve-asker-2025"]));
  });

  it("ignores the analysis area and skips a zone without geometry or drawn as a point, naming each", () => {
    expect(result.areas).toEqual([]);
    expect(result.ignored).toEqual({ FlomsoneAnalyseomraade: 1 });
    expect(result.skipped).toEqual([
      { object: "feature 5 (KvikkleireFaresone)", reason: "KvikkleireFaresone has no geometry (null): a zone needs its outline to be rated" },
      { object: "feature 6 (FlomAreal)", reason: "FlomAreal is a Point, not a Polygon or MultiPolygon: a zone needs its outline to be rated" },
    ]);
  });

  it("still refuses a file with neither land-use codes nor zones", () => {
    const text = JSON.stringify({
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { navn: "noe" }, geometry: (result.zones[0]!.geometry as AreaGeometry) }],
    });
    const refused = parseGeoJsonZoningText(text, { source: "other.geojson" });
    expect(refused).toMatchObject({ ok: false, problem: expect.stringContaining("no polygon feature has the arealformål code property") });
  });
});

describe("a zone whose export dropped the code field", () => {
  const square = { type: "Polygon", coordinates: [[[431600, 6449600], [431650, 6449600], [431650, 6449650], [431600, 6449650], [431600, 6449600]]] };
  const file = (properties: Record<string, unknown>) =>
    JSON.stringify({
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "EPSG:25832" } },
      features: [
        { type: "Feature", properties: { objtype: "RpArealformålOmråde", arealformål: 1110, planidentifikasjon: "1536", kommunenummer: 4204 }, geometry: square },
        { type: "Feature", properties: { objtype: "RpFareSone", planidentifikasjon: "1536", kommunenummer: 4204, ...properties }, geometry: square },
      ],
    });

  it("takes the code from a hensynSonenavn of SOSI Plan's form H<code>_<number>", () => {
    const result = ok(parseGeoJsonZoningText(file({ hensynSonenavn: "H320_1" }), { source: "plan.geojson" }));
    expect(rows(result)).toEqual([["RpFareSone", 320, "H320_1", "flood"]]);
  });

  it("still skips it, saying why, when the name has another form", () => {
    const result = ok(parseGeoJsonZoningText(file({ hensynSonenavn: "Flomsone ved elva" }), { source: "plan.geojson" }));
    expect(result.zones).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual(['RpFareSone has no "fare" code, so what the zone protects or warns of is unknown']);
  });
});
