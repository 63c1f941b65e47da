import { readFileSync } from "node:fs";
import proj4 from "proj4";
import { describe, expect, it } from "vitest";
import { roadMatrix } from "../../../src/core/haul/road-distances";
import { converterFor, epsgCodeOf, guessProjectedCrs } from "../../../src/io/crs";
import { featuresInWgs84, parseJsonText } from "../../../src/io/geojson-input";
import { haulPointsFromGeoJson } from "../../../src/io/road-network/haul-points-input";
import { defaultRoadNetworkPath, readHaulPointsFile, readRoadNetworkFile } from "../../../src/io/road-network/read-files";
import { roadNetworkFromGeoJson } from "../../../src/io/road-network/road-network";

type Collection = { type: "FeatureCollection"; crs?: unknown; features: { type: "Feature"; properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][] } }[] };
const asker = JSON.parse(readFileSync(new URL("../../../data/basemap/roads.geojson", import.meta.url), "utf8")) as Collection;
const utm32 = "+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs";

/** The Asker network with its coordinates in EPSG:25832 metres. */
function askerInUtm32(crs?: string): Collection {
  const toUtm = proj4("EPSG:4326", utm32);
  return {
    type: "FeatureCollection",
    ...(crs ? { crs: { type: "name", properties: { name: crs } } } : {}),
    features: asker.features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((p) => toUtm.forward([p[0]!, p[1]!])) } })),
  };
}

const problemOf = (outcome: { ok: boolean; problem?: string }) => (outcome.ok ? undefined : outcome.problem);

describe("road network CRS handling", () => {
  it("refuses UTM metres with no CRS, naming EPSG:25832 and the --crs option", () => {
    expect(problemOf(roadNetworkFromGeoJson(askerInUtm32(), { source: "roads.geojson" }))).toBe(
      "roads.geojson: no CRS is declared, and coordinates look like EPSG:25832 metres (UTM zone 32N, Asker's system; 25833 and 25835 look alike); " +
        "pass --crs EPSG:25832, or the EPSG code of your data's zone.",
    );
  });

  it("refuses UTM metres declared as degrees", () => {
    expect(problemOf(roadNetworkFromGeoJson(askerInUtm32("urn:ogc:def:crs:OGC:1.3:CRS84"), { source: "roads.geojson" }))).toMatch(
      /^roads\.geojson: the CRS is urn:ogc:def:crs:OGC:1\.3:CRS84 \(degrees\), but coordinates look like EPSG:25832 metres .* pass --crs EPSG:25832/,
    );
  });

  it("refuses degrees declared as metres", () => {
    expect(problemOf(roadNetworkFromGeoJson({ ...asker, crs: { type: "name", properties: { name: "EPSG:25832" } } }, { source: "r" }))).toBe(
      "r: the CRS is EPSG:25832 (metres), but the coordinates look like longitude/latitude degrees; pass --crs EPSG:4326.",
    );
  });

  it("converts a network declared in EPSG:25832 (file member or option) to the same graph as the WGS84 one", () => {
    const wgs = roadNetworkFromGeoJson(asker, { source: "wgs" });
    const declared = roadNetworkFromGeoJson(askerInUtm32("urn:ogc:def:crs:EPSG::25832"), { source: "utm" });
    const option = roadNetworkFromGeoJson(askerInUtm32(), { source: "utm", crs: "EPSG:25832" });
    if (!wgs.ok || !declared.ok || !option.ok) throw new Error("not built");
    for (const utm of [declared.value.graph, option.value.graph]) {
      expect([utm.nodeCount, utm.edgeCount, utm.componentCount]).toEqual([wgs.value.graph.nodeCount, wgs.value.graph.edgeCount, wgs.value.graph.componentCount]);
      for (let v = 0; v < utm.vertexLon.length; v++) {
        expect(Math.abs(utm.vertexLon[v]! - wgs.value.graph.vertexLon[v]!)).toBeLessThan(1e-7);
        expect(Math.abs(utm.vertexLat[v]! - wgs.value.graph.vertexLat[v]!)).toBeLessThan(1e-7);
      }
      const points = [
        { id: "Asker", location: [10.435, 59.833] as [number, number] },
        { id: "Slemmestad", location: [10.495, 59.781] as [number, number] },
      ];
      const a = roadMatrix(wgs.value.graph, points, points).km;
      const b = roadMatrix(utm, points, points).km;
      expect(Math.abs(a[0]![1]! - b[0]![1]!) * 1000).toBeLessThan(1);
    }
  });

  it("names supported systems when the CRS is unknown", () => {
    expect(problemOf(roadNetworkFromGeoJson(askerInUtm32("EPSG:2100"), { source: "r" }))).toMatch(/^r: the CRS "EPSG:2100" is not supported; use one of EPSG:4326, .*25832/);
  });

  it("guesses web Mercator and NTM, and reads EPSG names in their common spellings", () => {
    expect(guessProjectedCrs(1_150_000, 8_350_000, 1_170_000, 8_370_000)).toMatch(/EPSG:3857.*pass --crs EPSG:3857/);
    expect(guessProjectedCrs(90_000, 1_200_000, 110_000, 1_210_000)).toMatch(/NTM metres/);
    expect(["EPSG:25833", "urn:ogc:def:crs:EPSG::25832", "http://www.opengis.net/def/crs/EPSG/0/5973", "4326", "CRS84"].map(epsgCodeOf)).toEqual([25833, 25832, 5973, 4326, 4326]);
    const ntm10 = converterFor("EPSG:5110");
    expect(ntm10.ok && ntm10.convert(100_000, 1_000_000).map((n) => Math.round(n * 1e6) / 1e6)).toEqual([10.5, 58]);
  });
});

describe("road network bad input", () => {
  it("refuses a file with no lines", () => {
    expect(problemOf(roadNetworkFromGeoJson({ type: "FeatureCollection", features: [] }, { source: "empty.geojson" }))).toBe(
      "empty.geojson: the network has no features: a road network needs LineString or MultiLineString features.",
    );
  });

  it("refuses points instead of lines", () => {
    const points = { type: "FeatureCollection", features: [{ type: "Feature", properties: { id: "a" }, geometry: { type: "Point", coordinates: [10.4, 59.8] } }] };
    expect(problemOf(roadNetworkFromGeoJson(points, { source: "A.geojson" }))).toBe(
      "A.geojson: the network has no LineString or MultiLineString features (it has 1 Point): a road network needs lines. Is this a points file passed as the network?",
    );
  });

  it("refuses what is not GeoJSON, and broken JSON", () => {
    expect(problemOf(featuresInWgs84([1, 2], { source: "x.json" }))).toBe("x.json: not a GeoJSON FeatureCollection or Feature (found an array).");
    expect(problemOf(featuresInWgs84({ type: "Topology" }, { source: "x.json" }))).toBe('x.json: not a GeoJSON FeatureCollection or Feature (found type "Topology").');
    expect(problemOf(parseJsonText("{", "x.json"))).toMatch(/^x\.json: not valid JSON \(/);
    const bad = { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: [[10, "59"]] } }] };
    expect(problemOf(featuresInWgs84(bad, { source: "x.json" }))).toBe("x.json: feature 0: geometry.coordinates holds a position that is not [x, y] numbers.");
  });

  it("reports the features it leaves out", () => {
    const withPath = { ...asker, features: [...asker.features, { type: "Feature", properties: { highway: "footway" }, geometry: { type: "LineString", coordinates: [[10.4, 59.8], [10.41, 59.8]] } }] };
    const read = roadNetworkFromGeoJson(withPath, { source: "r" });
    expect(read.ok && read.warnings).toEqual(["r: 1 features are not used as truck roads: 1 × not a road for trucks (highway=footway)."]);
  });
});

describe("road network files", () => {
  it("reads the shipped Asker network", async () => {
    const read = await readRoadNetworkFile(defaultRoadNetworkPath());
    expect(read.ok && [read.value.graph.edgeCount, read.warnings]).toEqual([347, []]);
  });

  it("reads the NVDB sample (3D coordinates, node ids)", async () => {
    const read = await readRoadNetworkFile(new URL("../../fixtures/haul/nvdb-ev18-baerum-segmenter-wgs84.geojson", import.meta.url).pathname);
    expect(read.ok && [read.value.graph.edgeCount, read.value.graph.nodeCount]).toEqual([285, 251]);
  });

  it("names a missing file", async () => {
    expect(problemOf(await readRoadNetworkFile("/nonexistent/roads.geojson"))).toBe("/nonexistent/roads.geojson: cannot read the road network file (ENOENT).");
    expect(problemOf(await readHaulPointsFile("/nonexistent/a.geojson"))).toBe("/nonexistent/a.geojson: cannot read the points file (ENOENT).");
  });
});

describe("haul points from GeoJSON", () => {
  const collection = (...features: unknown[]) => ({ type: "FeatureCollection", features });
  const pointFeature = (properties: unknown, coordinates: unknown = [10.4, 59.8], type = "Point") => ({ type: "Feature", properties, geometry: { type, coordinates } });

  it("reads ids and locations, polygons by their centroid", () => {
    const read = haulPointsFromGeoJson(
      collection(pointFeature({ id: "P1" }), pointFeature({ id: 7 }, [10.5, 59.9]), pointFeature({ id: "S" }, [[[10, 59], [10.2, 59], [10.2, 59.2], [10, 59.2], [10, 59]]], "Polygon")),
      { source: "A.geojson" },
    );
    expect(read.ok && read.value.map((p) => [p.id, p.location.map((n) => Math.round(n * 1e9) / 1e9)])).toEqual([
      ["P1", [10.4, 59.8]],
      ["7", [10.5, 59.9]],
      ["S", [10.1, 59.1]],
    ]);
  });

  it("gives an empty list for an empty collection", () => {
    expect(haulPointsFromGeoJson(collection(), { source: "A.geojson" })).toEqual({ ok: true, value: [], warnings: [] });
  });

  it.each([
    [collection(pointFeature({ id: "a" }), pointFeature({ name: "no id" })), "A.geojson: feature 1: properties.id is missing or empty; every point needs an id (a string or a number)."],
    [collection(pointFeature({ id: "a" }), pointFeature({ id: "a" })), 'A.geojson: feature 1: properties.id "a" is used again (first by feature 0); ids must be unique.'],
    [collection(pointFeature({ id: "a" }, [[10, 59], [10.1, 59]], "LineString")), 'A.geojson: feature 0: geometry.type is "LineString"; a point must be a GeoJSON Point (or a Polygon, whose centroid is used).'],
    [collection({ type: "Feature", properties: { id: "a" }, geometry: null }), "A.geojson: feature 0: geometry.type is null; a point must be a GeoJSON Point (or a Polygon, whose centroid is used)."],
    [collection(pointFeature({ id: "a" }, [580_000, 6_630_000])), /^A\.geojson: no CRS is declared, and coordinates look like EPSG:25832 metres/],
    [collection(pointFeature({ id: "a" }, [[]], "Polygon")), "A.geojson: feature 0: geometry.coordinates is empty or malformed."],
    [collection(pointFeature({ id: "a" }, [], "Point")), "A.geojson: feature 0: geometry.coordinates is empty or malformed."],
  ])("names file, feature and field: %#", (json, message) => {
    const read = haulPointsFromGeoJson(json, { source: "A.geojson" });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(message);
  });

  it("converts points in EPSG:25832 when told", () => {
    const read = haulPointsFromGeoJson(collection(pointFeature({ id: "a" }, [580_000, 6_630_000])), { source: "A", crs: "EPSG:25832" });
    expect(read.ok && read.value[0]!.location.map((n) => Math.round(n * 1000) / 1000)).toEqual([10.426, 59.8]);
  });
});
