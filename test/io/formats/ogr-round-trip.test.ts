// Files Massekart writes must read back in GDAL (ogr2ogr/ogrinfo, the oracle) with the same
// features: count, attributes, CRS, and geometry within a millimetre's worth of area or position;
// and Massekart's own readers must give the same features back.
import area from "@turf/area";
import length from "@turf/length";
import { afterAll, describe, expect, it } from "vitest";
import type { LonLat } from "../../../src/core/geo/geometry";
import { metresPerDegree, metresPerDegreeLon } from "../../../src/core/haul/geodesy";
import { shortFieldNames } from "../../../src/io/formats/field-names";
import { readVectorFile } from "../../../src/io/formats/read-vector-file";
import type { OutputFeature, OutputLayer, VectorFormat } from "../../../src/io/formats/vector-data";
import { writeVectorFile } from "../../../src/io/formats/write-vector-file";
import { gdalFeatures, gdalLayerEpsg, gdalLayers, scratch, type GdalFeature } from "./gdal";

const tmp = scratch();
afterAll(() => tmp.cleanup());

// Near Asker sentrum, metres east/north of an origin.
const origin: LonLat = [10.435, 59.833];
const at = (x: number, y: number): LonLat => [origin[0] + x / metresPerDegreeLon(origin[1]), origin[1] + y / metresPerDegree];
const ring = (x0: number, y0: number, x1: number, y1: number): LonLat[] => [at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)];
const reversed = (positions: LonLat[]) => [...positions].reverse();

const sites: OutputLayer = {
  name: "sites",
  features: [
    {
      type: "Feature",
      properties: { name: "Bjørkåsen mellomlager", capacityTonnes: 120000, stackHeightM: 4.5, acceptsHazardous: false, notes: "Avtale med grunneier; «ja»" },
      // A hole: exterior counter-clockwise, hole clockwise (RFC 7946).
      geometry: { type: "Polygon", coordinates: [ring(0, 0, 300, 200), reversed(ring(100, 50, 150, 100))] },
    },
    {
      type: "Feature",
      properties: { name: "Øvre Hvalstad", capacityTonnes: 45000, stackHeightM: 3, acceptsHazardous: true, notes: null },
      geometry: { type: "MultiPolygon", coordinates: [[ring(500, 0, 600, 100)], [ring(700, 0, 750, 80)]] },
    },
    {
      type: "Feature",
      properties: { name: "Slemmestad deponi", capacityTonnes: 900000, stackHeightM: 12.25, acceptsHazardous: false, notes: "" },
      geometry: { type: "Polygon", coordinates: [ring(-900, -400, -400, -100)] },
    },
  ],
};
const projects: OutputLayer = {
  name: "projects",
  features: [
    { type: "Feature", properties: { name: "E18 Vestkorridoren", tonnesSurplus: 250000.5, tonnesDemand: 0 }, geometry: { type: "Point", coordinates: at(-200, 300) } },
    { type: "Feature", properties: { name: "Asker skole", tonnesSurplus: 0, tonnesDemand: 12000 }, geometry: { type: "Point", coordinates: at(250, -350) } },
    { type: "Feature", properties: { name: "Nye Holmen", tonnesSurplus: 8000, tonnesDemand: 3500 }, geometry: { type: "Polygon", coordinates: [ring(1000, 1000, 1200, 1150)] } },
  ],
};
const flows: OutputLayer = {
  name: "flows",
  features: [
    { type: "Feature", properties: { from: "E18 Vestkorridoren", to: "Bjørkåsen mellomlager", month: "2026-03", material: "rock", tonnes: 12000, km: 2.4 }, geometry: { type: "LineString", coordinates: [at(-200, 300), at(150, 100)] } },
    { type: "Feature", properties: { from: "Bjørkåsen mellomlager", to: "Asker skole", month: "2026-04", material: "rock", tonnes: 3000, km: 1.1 }, geometry: { type: "LineString", coordinates: [at(150, 100), at(250, -350)] } },
  ],
};
const layers = [sites, projects, flows];

const rounded = (value: number) => Math.round(value * 1e6) / 1e6;

/** Area (m²) of a polygon feature, length (m) of a line, or the position of a point, for comparison. */
function measure(geometry: { type: string; coordinates: unknown } | null): number | number[] | null {
  if (!geometry) return null;
  const feature = { type: "Feature" as const, properties: {}, geometry: geometry as never };
  if (/Polygon/.test(geometry.type)) return area(feature);
  if (/LineString/.test(geometry.type)) return length(feature, { units: "meters" });
  return (geometry.coordinates as number[]).slice(0, 2);
}

function expectSameGeometry(actual: { type: string; coordinates: unknown } | null, expected: OutputFeature["geometry"]) {
  const a = measure(actual);
  const e = measure(expected as { type: string; coordinates: unknown });
  if (typeof e === "number") {
    expect(typeof a).toBe("number");
    // Within 0.01 %: both sides project through EPSG:25832 and back with different libraries (proj4, PROJ).
    expect(Math.abs((a as number) - e) / e).toBeLessThan(1e-4);
  } else {
    expect((a as number[])[0]).toBeCloseTo(e![0]!, 7);
    expect((a as number[])[1]).toBeCloseTo(e![1]!, 7);
  }
}

/** The properties as a format can hold them: nulls and empty text dropped (dBase, KML), text only (KML). */
function comparable(properties: Record<string, unknown> | null, { textOnly = false, names = (name: string) => name } = {}) {
  return Object.fromEntries(
    Object.entries(properties ?? {})
      .filter(([, value]) => value !== null && value !== "")
      .map(([name, value]) => [names(name), textOnly ? String(value) : typeof value === "number" ? rounded(value) : value]),
  );
}

function gdalComparable(feature: GdalFeature, keep: readonly string[]) {
  return Object.fromEntries(
    Object.entries(feature.properties)
      .filter(([name, value]) => keep.includes(name) && value !== null && value !== "")
      .map(([name, value]) => [name, typeof value === "number" ? rounded(value) : value]),
  );
}

async function written(format: VectorFormat, outputLayers: readonly OutputLayer[]) {
  const file = await writeVectorFile(format, outputLayers, { baseName: "massekart" });
  return { file, path: tmp.file(file.fileName, file.bytes) };
}

describe("Massekart's files read back in GDAL with the same features", () => {
  it("GeoPackage: a table per layer in EPSG:25832, typed attributes, geometry kept", async () => {
    const { path, file } = await written("geopackage", layers);
    expect(file.fileName).toBe("massekart.gpkg");
    expect(gdalLayers(path)).toEqual(["sites", "projects", "flows"]);
    for (const layer of layers) {
      expect(gdalLayerEpsg(path, layer.name)).toBe(25832);
      const features = gdalFeatures(path, layer.name, tmp.dir);
      expect(features).toHaveLength(layer.features.length);
      features.forEach((feature, k) => {
        const expected = layer.features[k]!;
        expect(gdalComparable(feature, Object.keys(expected.properties ?? {}))).toEqual(comparable(expected.properties));
        expectSameGeometry(feature.geometry, expected.geometry);
      });
    }
  });

  it("zipped Shapefile: a .shp per layer and geometry kind, EPSG:25832 .prj, UTF-8 .cpg, names cut to 10 bytes", async () => {
    const { path } = await written("shapefile", layers);
    expect(gdalLayers(path).sort()).toEqual(["flows", "projects_points", "projects_polygons", "sites"]);
    const parts: [string, OutputLayer, (feature: OutputFeature) => boolean][] = [
      ["sites", sites, () => true],
      ["projects_points", projects, (feature) => feature.geometry?.type === "Point"],
      ["projects_polygons", projects, (feature) => feature.geometry?.type === "Polygon"],
      ["flows", flows, () => true],
    ];
    for (const [name, layer, belongs] of parts) {
      expect(gdalLayerEpsg(path, name)).toBe(25832);
      const expectedFeatures = layer.features.filter(belongs);
      const short = shortFieldNames(Object.keys(layer.features[0]!.properties ?? {}));
      const features = gdalFeatures(path, name, tmp.dir);
      expect(features).toHaveLength(expectedFeatures.length);
      features.forEach((feature, k) => {
        const expected = expectedFeatures[k]!;
        // GDAL 3.6 reads dBase logical fields as the text "T" or "F".
        const expectedProperties = Object.fromEntries(
          Object.entries(comparable(expected.properties, { names: (n) => short.get(n)! })).map(([n, value]) => [n, typeof value === "boolean" ? (value ? "T" : "F") : value]),
        );
        expect(gdalComparable(feature, [...short.values()])).toEqual(expectedProperties);
        expectSameGeometry(feature.geometry, expected.geometry);
      });
    }
  });

  it("KML: a folder per layer in WGS84, properties as ExtendedData text", async () => {
    const { path } = await written("kml", layers);
    expect(gdalLayers(path)).toEqual(["sites", "projects", "flows"]);
    for (const layer of layers) {
      const features = gdalFeatures(path, layer.name, tmp.dir);
      expect(features).toHaveLength(layer.features.length);
      features.forEach((feature, k) => {
        const expected = layer.features[k]!;
        const { name, ...rest } = expected.properties ?? {};
        expect(feature.properties.Name).toBe(name);
        expect(Object.fromEntries(Object.entries(feature.properties).filter(([key]) => key in rest && feature.properties[key] !== null && feature.properties[key] !== ""))).toEqual(comparable(rest, { textOnly: true }));
        expectSameGeometry(feature.geometry, expected.geometry);
      });
    }
  });

  it("KMZ: the same document zipped as doc.kml, named after the file", async () => {
    const file = await writeVectorFile("kml", layers, { baseName: "massekart", kmz: true });
    expect(file).toMatchObject({ fileName: "massekart.kmz", mediaType: "application/vnd.google-earth.kmz" });
    const path = tmp.file(file.fileName, file.bytes);
    expect(gdalLayers(path)).toEqual(["sites", "projects", "flows"]);
    expect(gdalFeatures(path, "flows", tmp.dir)).toHaveLength(flows.features.length);
  });

  it("FlatGeobuf: one layer in EPSG:25832 with typed columns, a column first null kept", async () => {
    const { path } = await written("flatgeobuf", [sites]);
    const [layerName] = gdalLayers(path);
    expect(gdalLayerEpsg(path, layerName!)).toBe(25832);
    const features = gdalFeatures(path, layerName!, tmp.dir);
    expect(features).toHaveLength(sites.features.length);
    features.forEach((feature, k) => {
      expect(gdalComparable(feature, Object.keys(sites.features[k]!.properties ?? {}))).toEqual(comparable(sites.features[k]!.properties));
      expectSameGeometry(feature.geometry, sites.features[k]!.geometry);
    });
  });

  it("GeoJSON: several layers as one collection with a layer property", async () => {
    const { path } = await written("geojson", layers);
    const [layerName] = gdalLayers(path);
    const features = gdalFeatures(path, layerName!, tmp.dir);
    expect(features.map((feature) => feature.properties.layer)).toEqual(layers.flatMap((layer) => layer.features.map(() => layer.name)));
  });

  it.each(["geopackage", "shapefile", "kml", "flatgeobuf", "geojson"] as const)("%s: Massekart's reader gives the features back", async (format) => {
    const { file } = await written(format, format === "flatgeobuf" ? [sites] : [sites, flows]);
    const read = await readVectorFile(file.bytes, { fileName: file.fileName });
    if (!read.ok) throw new Error(read.problem);
    const features = read.value.layers.flatMap((layer) => layer.features);
    const expected = format === "flatgeobuf" ? sites.features : [...sites.features, ...flows.features];
    expect(features).toHaveLength(expected.length);
    const crs = read.value.layers[0]!.crs;
    expect(crs).toBe(format === "kml" || format === "geojson" ? (format === "kml" ? "EPSG:4326" : undefined) : "EPSG:25832");
    // Names as written: the Shapefile reader restores names cut to 10 bytes that Massekart knows.
    const key = (feature: { properties: Record<string, unknown> | null }) => String(feature.properties?.name ?? `${String(feature.properties?.from)} → ${String(feature.properties?.to)}`);
    const byKey = new Map(features.map((feature) => [key(feature), feature]));
    for (const feature of expected) {
      const back = byKey.get(key(feature))!;
      const textOnly = format === "kml";
      expect(comparable(back.properties, { textOnly })).toMatchObject(
        Object.fromEntries(Object.entries(comparable(feature.properties, { textOnly })).filter(([key]) => key !== "layer")),
      );
    }
  });
});
