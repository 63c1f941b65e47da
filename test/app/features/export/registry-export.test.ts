// The standalone exports of the sites and projects views (issue 13): sites, suitability reports
// and zoning, or projects with their totals, one layer per kind, written as GeoPackage, zipped
// Shapefile (EPSG:25832), KML and GeoJSON; GDAL's ogr2ogr reads each back with the same features
// and attributes.
import { afterAll, describe, expect, it } from "vitest";
import type { Project, Site, ZoningArea } from "../../../../src/core/domain/records";
import type { RankingItem } from "../../../../src/core/suitability/report";
import { mapDataFormats } from "../../../../src/app/features/export/export-formats";
import { mapDataLayerNames, registryLayers, type RegistryData } from "../../../../src/app/features/export/map-data-layers";
import { writeVectorFile } from "../../../../src/io/formats/write-vector-file";
import { shortFieldNames } from "../../../../src/io/formats/field-names";
import type { OutputFeature, OutputLayer } from "../../../../src/io/formats/vector-data";
import { gdalFeatures, gdalLayerEpsg, gdalLayers, scratch, type GdalFeature } from "../../../io/formats/gdal";

const tmp = scratch();
afterAll(() => tmp.cleanup());

const square = (lon: number, lat: number, size = 0.003) => ({
  type: "Polygon" as const,
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]] as [number, number][][],
});
const stored = { version: 1, illustrative: false, updatedAt: "2026-12-01T10:00:00Z", updatedBy: "planner", deletedAt: null };
const site = (id: string, name: string, kind: Site["kind"], lon: number, capacityTonnes?: number): Site =>
  ({ id, name, kind, status: "candidate", geometry: square(lon, 59.82), notes: "", ...(capacityTonnes !== undefined ? { capacityTonnes } : {}), ...stored }) as Site;
const lot = (id: string, direction: "surplus" | "demand", tonnes: number, deletedAt: string | null = null) =>
  ({ id, projectId: "P1", direction, material: "rock", contaminationClass: 1, quantity: { value: tonnes, unit: "tonnes" }, window: { from: "2027-01", to: "2027-03" }, tonnes, notes: "", ...stored, deletedAt }) as Project["lots"][number];

const data: RegistryData = {
  sites: [site("S1", "Bjørkåsen mellomlager", "storage", 10.46, 120_000), site("S2", "Heggedal deponi", "landfill", 10.44), site("S3", "Kjekstad massetak", "quarry", 10.38, 0)],
  projects: [
    { id: "P1", name: "E18 Vestkorridoren", status: "in_progress", location: { type: "Point", coordinates: [10.43, 59.83] }, contact: "", notes: "", owner: "planner", members: [], lots: [lot("L1", "surplus", 250_000.5), lot("L2", "demand", 1_200), lot("L3", "surplus", 999, "2026-11-01T00:00:00Z")], ...stored },
    { id: "P2", name: "Nye Holmen skole", status: "planned", location: square(10.5, 59.85, 0.002), contact: "", notes: "", owner: "planner", members: [], lots: [lot("L4", "demand", 3_500)], ...stored },
  ] as Project[],
  ranking: [
    { siteId: "S1", name: "Bjørkåsen mellomlager", kind: "storage", status: "candidate", report: { verdict: "conditional", areaM2: 61_234.4, capacityTonnes: 120_000, capacityM3: 60_000, reasons: ["Flomsone 12 %", "LNF 40 %"] } },
    { siteId: "S2", name: "Heggedal deponi", kind: "landfill", status: "candidate", problem: "the outline crosses itself" },
  ] as unknown as RankingItem[],
  zoning: [{ id: "Z1", code: 5100, codeList: "kp", planId: "0220_2020", planName: "Kommuneplan for Asker", status: "in_force", geometry: square(10.45, 59.81, 0.01), illustrative: false }] as ZoningArea[],
};

describe("standalone map-data exports read back in GDAL", () => {
  it("the sites view holds sites, suitability and zoning; the projects view its projects with totals of live lots", () => {
    expect(registryLayers("sites", data).map((layer) => [layer.name, layer.features.length])).toEqual([
      [mapDataLayerNames.sites, 3],
      [mapDataLayerNames.suitability, 2],
      [mapDataLayerNames.zoning, 1],
    ]);
    const [projects] = registryLayers("projects", data);
    expect(registryLayers("projects", data)).toHaveLength(1);
    expect(projects!.features.map((f) => f.properties)).toEqual([
      { id: "P1", name: "E18 Vestkorridoren", status: "in_progress", surplusTonnes: 250_000.5, demandTonnes: 1_200, lots: 2, illustrative: false },
      { id: "P2", name: "Nye Holmen skole", status: "planned", surplusTonnes: 0, demandTonnes: 3_500, lots: 1, illustrative: false },
    ]);
  });

  const extension = { geopackage: "gpkg", shapefile: "zip", kml: "kml", geojson: "geojson" } as const;

  /** Where GDAL finds each written feature: a layer per kind, a Shapefile per kind and geometry, GeoJSON as one collection (with a layer property when it holds several). */
  function gdalParts(format: (typeof mapDataFormats)[number], layers: OutputLayer[], file: string): { gdalLayer: string; features: GdalFeature[]; expected: OutputFeature[]; layer: OutputLayer }[] {
    if (format === "geojson") {
      const [only] = gdalLayers(file);
      const all = gdalFeatures(file, only!, tmp.dir);
      return layers.map((layer) => ({ gdalLayer: only!, layer, expected: [...layer.features], features: layers.length === 1 ? all : all.filter((f) => f.properties.layer === layer.name) }));
    }
    return layers.flatMap((layer) => {
      const kinds = new Set(layer.features.map((f) => (f.geometry?.type === "Point" ? "points" : "polygons")));
      const split = format === "shapefile" && kinds.size > 1;
      const groups = split ? (["points", "polygons"] as const).map((kind) => [`${layer.name}_${kind}`, layer.features.filter((f) => (f.geometry?.type === "Point") === (kind === "points"))] as const) : [[layer.name, layer.features] as const];
      return groups.map(([gdalLayer, expected]) => ({ gdalLayer, layer, expected: [...expected], features: gdalFeatures(file, gdalLayer, tmp.dir) }));
    });
  }

  describe.each(mapDataFormats)("%s", (format) => {
    it.each(["sites", "projects"] as const)("the %s view's file has the same features and attributes in ogr2ogr", async (what) => {
      const layers = registryLayers(what, data);
      const written = await writeVectorFile(format, layers, { baseName: `massekart-${what}`, epsg: 25832 });
      const file = tmp.file(`${what}-${format}.${extension[format]}`, written.bytes);
      const parts = gdalParts(format, layers, file);
      expect(parts.reduce((n, part) => n + part.features.length, 0)).toBe(layers.reduce((n, layer) => n + layer.features.length, 0));
      for (const { gdalLayer, layer, expected, features } of parts) {
        if (format === "geopackage" || format === "shapefile") expect(gdalLayerEpsg(file, gdalLayer)).toBe(25832);
        expect(features, gdalLayer).toHaveLength(expected.length);
        const short = shortFieldNames(Object.keys(layer.features[0]!.properties ?? {}));
        features.forEach((feature, k) => {
          for (const [key, value] of Object.entries(expected[k]!.properties!)) {
            // Shapefile names are cut to 10 bytes; KML keeps the name as the placemark's Name and every value as text.
            const gdalKey = format === "shapefile" ? short.get(key)! : format === "kml" && key === "name" ? "Name" : key;
            const got = feature.properties[gdalKey];
            const where = `${gdalLayer}[${k}].${key}`;
            if (value === null || value === "") expect(got === null || got === undefined || got === "", where).toBe(true);
            else if (typeof value === "number") expect(Number(got), where).toBeCloseTo(value, 3);
            else if (typeof value === "boolean") expect([value, String(value), value ? 1 : 0, value ? "1" : "0", value ? "T" : "F"], where).toContainEqual(got);
            else expect(got, where).toBe(value);
          }
          expect(feature.geometry?.type).toMatch(expected[k]!.geometry!.type === "Point" ? /Point/ : /Polygon/);
        });
      }
    });
  });
});
