// ogr2ogr-made files of the real plan 4204_1536 in each format (test/fixtures/formats, see its
// PROVENANCE.md) must import to the same areas as their GeoJSON twin, and Massekart's readers must
// see the layers and feature counts GDAL sees in them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import area from "@turf/area";
import { describe, expect, it } from "vitest";
import { readVectorFile } from "../../../src/io/formats/read-vector-file";
import type { ImportedZoningArea, ZoningImport } from "../../../src/io/zoning/zoning-import";
import { importZoningFile } from "../../../src/io/zoning/zoning-file";
import { gdalLayers, scratch, gdalFeatures } from "./gdal";

const fixturePath = (name: string) => fileURLToPath(new URL(`../../fixtures/formats/${name}`, import.meta.url));
const twinPath = fileURLToPath(new URL("../../fixtures/zoning/plan-4204_1536-stemtjonn-skytebane-epsg25832.geojson", import.meta.url));

/** An area as the comparison sees it: what the suitability report uses, with its area in m². */
const summary = (area_: ImportedZoningArea) => ({
  code: area_.code,
  codeList: area_.codeList,
  planId: area_.planId,
  fieldName: area_.fieldName,
  status: area_.status,
  areaM2: area({ type: "Feature", properties: {}, geometry: area_.geometry }),
});

function areasOf(outcome: ZoningImport) {
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.areas.map(summary).sort((a, b) => (a.fieldName ?? "").localeCompare(b.fieldName ?? ""));
}

const twin = async () => areasOf(await importZoningFile(readFileSync(twinPath), { fileName: "plan.geojson" }));

const twins = ["plan-4204_1536.gpkg", "plan-4204_1536-shp.zip", "plan-4204_1536.kml", "plan-4204_1536.kmz", "plan-4204_1536.fgb"];

describe("zoning from ogr2ogr-made files equals zoning from the GeoJSON twin", () => {
  it.each(twins)("%s: the same ten areas (code, list, plan id, field, status), areas within 0.01 percent", async (name) => {
    const expected = await twin();
    expect(expected).toHaveLength(10);
    const outcome = await importZoningFile(readFileSync(fixturePath(name)), { fileName: name });
    const actual = areasOf(outcome);
    expect(actual.map(({ areaM2: _, ...rest }) => rest)).toEqual(expected.map(({ areaM2: _, ...rest }) => rest));
    actual.forEach((a, k) => expect(Math.abs(a.areaM2 - expected[k]!.areaM2) / expected[k]!.areaM2).toBeLessThan(1e-4));
    if (!outcome.ok) return;
    expect(outcome.skipped).toEqual([]);
    // The plan boundary is set aside and counted, never silently dropped.
    expect(outcome.ignored).toMatchObject({ RpOmråde: 1 });
  });

  it.each(twins)("%s: the same nine hensynssoner as the GeoJSON twin, also where the export dropped the code field", async (name) => {
    const zonesOf = (outcome: ZoningImport) => {
      if (!outcome.ok) throw new Error(outcome.problem);
      return outcome.zones.map((zone) => `${zone.objectType} ${zone.code} ${zone.name}`).sort();
    };
    const expected = zonesOf(await importZoningFile(readFileSync(twinPath), { fileName: "plan.geojson" }));
    expect(expected).toHaveLength(9);
    expect(zonesOf(await importZoningFile(readFileSync(fixturePath(name)), { fileName: name }))).toEqual(expected);
  });

  it("restores the Shapefile's cut field names and reads its ISO-8859-1 text without a .cpg, saying so", async () => {
    const read = await readVectorFile(readFileSync(fixturePath("plan-4204_1536-shp.zip")), { fileName: "plan.zip" });
    if (!read.ok) throw new Error(read.problem);
    const [layer] = read.value.layers;
    expect(layer!.name).toBe("RpPlan");
    expect(layer!.crs).toBe("EPSG:25832");
    const properties = layer!.features.find((feature) => feature.properties?.FELTNAVN === "BSK1")!.properties!;
    expect(properties).toMatchObject({ RPAREALFORMÅL: "1470", OBJTYPE: "RpArealformålOmråde", KOMM: 4204, PLANID: "1536", PLANNAVN: "Stemtjønn skytebane" });
    const hensyn = layer!.features.find((feature) => feature.properties?.OBJTYPE === "RpAngittHensynSone")!.properties!;
    expect(hensyn).toMatchObject({ HENSYNSONENAVN: expect.stringMatching(/^H560_/), RPANGITTHENSYN: "560" });
    expect(read.value.warnings.join(" ")).toMatch(/no \.cpg.*ISO-8859-1/);
  });

  it("hands over every property of a layer, so other readers (hensynssoner) can use them", async () => {
    const read = await readVectorFile(readFileSync(fixturePath("plan-4204_1536.gpkg")), { fileName: "plan.gpkg", layer: "RpAngittHensynSone" });
    if (!read.ok) throw new Error(read.problem);
    expect(read.value.layers.map((layer) => layer.name)).toEqual(["RpAngittHensynSone"]);
    expect(read.value.layers[0]!.features[0]!.properties).toMatchObject({ hensynSonenavn: "H560_1", angittHensyn: "560", kommunenummer: 4204 });
  });

  it.each(twins)("%s: Massekart's reader sees the layers and feature counts GDAL sees", async (name) => {
    const tmp = scratch();
    try {
      const path = fixturePath(name);
      const read = await readVectorFile(readFileSync(path), { fileName: name });
      if (!read.ok) throw new Error(read.problem);
      const gdal = gdalLayers(path);
      // FlatGeobuf has one layer, which Massekart names after the file; GDAL's KML driver writes "_" for spaces.
      if (!name.endsWith(".fgb")) expect(read.value.layers.map((layer) => layer.name.replace(/ /g, "_"))).toEqual(gdal);
      expect(read.value.layers).toHaveLength(gdal.length);
      read.value.layers.forEach((layer, k) => expect(layer.features).toHaveLength(gdalFeatures(path, gdal[k]!, tmp.dir).length));
    } finally {
      tmp.cleanup();
    }
  });

  it("reads one layer of a GeoPackage when asked, and says which layers there are when the name is wrong", async () => {
    const bytes = readFileSync(fixturePath("plan-4204_1536.gpkg"));
    const one = await importZoningFile(bytes, { fileName: "plan.gpkg", layer: "rparealformålområde" });
    expect(areasOf(one)).toHaveLength(10);
    const wrong = await importZoningFile(bytes, { fileName: "plan.gpkg", layer: "Arealformål", layerFlag: "--layer" });
    expect(wrong).toEqual({
      ok: false,
      problem: 'plan.gpkg: no layer is named "Arealformål" (--layer); the file\'s layers are "RpArealformålOmråde", "RpAngittHensynSone", "RpFareSone", "RpOmråde".',
      // The layers go with the problem, for a dialog to offer them.
      layers: [
        { name: "RpArealformålOmråde", featureCount: 10 },
        { name: "RpAngittHensynSone", featureCount: 6 },
        { name: "RpFareSone", featureCount: 3 },
        { name: "RpOmråde", featureCount: 1 },
      ],
    });
  });
});
