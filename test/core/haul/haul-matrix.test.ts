import { describe, expect, it } from "vitest";
import { matrixJson, type DistanceMatrix, type HaulPoint } from "../../../src/core/haul/distance-matrix";
import { haulLocationOf } from "../../../src/core/haul/haul-points";
import { haulMatrix, haulRoute } from "../../../src/core/haul/haul-matrix";
import { createLruMatrixCache, matrixCacheKey, pointSetHash, tieredMatrixCache, type MatrixCache } from "../../../src/core/haul/matrix-cache";
import { parsePointQuery } from "../../../src/core/haul/point-query";
import { buildRoadGraph } from "../../../src/core/haul/road-graph";
import { A, B, C, D, E, at, pathM, squareWithOneWay } from "./tiny-networks";

const build = buildRoadGraph(squareWithOneWay());
if (!build.ok) throw new Error(build.problem);
const graph = build.graph;
const points: HaulPoint[] = [
  { id: "a", location: A },
  { id: "e", location: E },
];

describe("haulMatrix", () => {
  it("mode straight is great-circle km × circuity, 1.3 by default", async () => {
    const m = await haulMatrix(points, points);
    expect(m.km[0]![1]).toBeCloseTo((pathM(A, E) / 1000) * 1.3, 9);
    expect((await haulMatrix(points, points, { circuityFactor: 1 })).km[0]![1]).toBeCloseTo(pathM(A, E) / 1000, 9);
    expect(m.mode).toBe("straight");
  });

  it("mode road uses the graph", async () => {
    const m = await haulMatrix(points, points, { mode: "road", graph });
    expect(m.mode).toBe("road");
    expect(m.km[1]![0]).toBeGreaterThan(m.km[0]![1]!);
  });

  it("falls back to straight lines with a warning when mode road has no network or osrm no server", async () => {
    const road = await haulMatrix(points, points, { mode: "road" });
    expect(road.mode).toBe("straight");
    expect(road.warnings).toEqual(["No road network is loaded for mode road. Straight-line distances × 1.3 are used instead."]);
    const osrm = await haulMatrix(points, points, { mode: "osrm", circuityFactor: 1.2 });
    expect(osrm.warnings).toEqual(["No OSRM server is configured for mode osrm. Straight-line distances × 1.2 are used instead."]);
  });

  it.each(["straight", "road", "osrm"] as const)("gives an empty matrix for empty point sets in mode %s", async (mode) => {
    const options = { mode, graph, osrm: { baseUrl: "http://127.0.0.1:9", fetch: () => Promise.reject(new Error("no call expected")) } };
    expect(matrixJson(await haulMatrix([], [], options))).toEqual({ from: [], to: [], km: [], unreachable: [], warnings: [] });
    expect(matrixJson(await haulMatrix(points, [], options))).toEqual({ from: ["a", "e"], to: [], km: [[], []], unreachable: [], warnings: [] });
  });

  it("answers a repeat from the cache, and recomputes when a point moves or the network changes", async () => {
    const cache = createLruMatrixCache();
    const first = await haulMatrix(points, points, { mode: "road", graph, cache });
    expect(cache.size).toBe(1);
    const again = await haulMatrix(points, points, { mode: "road", graph, cache });
    expect(again).toEqual(first);
    again.km[0]![0] = 99; // a copy: the cached matrix is untouched
    expect((await haulMatrix(points, points, { mode: "road", graph, cache })).km[0]![0]).toBe(0);
    const moved = [{ id: "a", location: at(0.1, 0) }, points[1]!];
    await haulMatrix(moved, points, { mode: "road", graph, cache });
    expect(cache.size).toBe(2);
    const other = buildRoadGraph(squareWithOneWay().slice(1));
    if (!other.ok) throw new Error(other.problem);
    await haulMatrix(points, points, { mode: "road", graph: other.graph, cache });
    expect(cache.size).toBe(3);
    await haulMatrix(points, points, { mode: "road", graph, cache, maxSnapKm: 1 });
    expect(cache.size).toBe(4);
  });

  it("does not cache a fallback, so a healed server is asked again", async () => {
    const cache = createLruMatrixCache();
    await haulMatrix(points, points, { mode: "osrm", cache, osrm: { baseUrl: "http://x", fetch: () => Promise.reject(new Error("down")) } });
    expect(cache.size).toBe(0);
  });

  it("reads through a tiered cache and fills the near tier from the far one", async () => {
    const far = new Map<string, DistanceMatrix>();
    const farCache: MatrixCache = { get: async (key) => far.get(key), set: async (key, m) => void far.set(key, m) };
    const near = createLruMatrixCache();
    await haulMatrix(points, points, { cache: tieredMatrixCache(near, farCache) });
    expect([near.size, far.size]).toEqual([1, 1]);
    near.clear();
    const hit = await haulMatrix(points, points, { cache: tieredMatrixCache(near, farCache) });
    expect(near.size).toBe(1);
    expect(hit.from).toEqual(["a", "e"]);
  });

  it("evicts the least recently used matrix", () => {
    const cache = createLruMatrixCache({ maxEntries: 2 });
    const m = (id: string): DistanceMatrix => ({ from: [id], to: [], km: [[]], unreachable: [], warnings: [] });
    cache.set("a", m("a"));
    cache.set("b", m("b"));
    cache.get("a");
    cache.set("c", m("c"));
    expect([cache.get("a")?.from, cache.get("b"), cache.get("c")?.from]).toEqual([["a"], undefined, ["c"]]);
  });
});

describe("cache keys", () => {
  it("change with every part and not with parameter order", () => {
    const base = { mode: "road" as const, networkVersion: "v1", parameters: { a: 1, b: 2 }, from: points, to: points };
    const key = matrixCacheKey(base);
    expect(key).toMatch(/^road:v1:[0-9a-f]{16}:[0-9a-f]{16}$/);
    expect(matrixCacheKey({ ...base, parameters: { b: 2, a: 1 } })).toBe(key);
    for (const changed of [{ mode: "osrm" as const }, { networkVersion: "v2" }, { parameters: { a: 1, b: 3 } }, { to: points.slice(1) }]) {
      expect(matrixCacheKey({ ...base, ...changed })).not.toBe(key);
    }
  });

  it("tell point sets apart by id, position and side", () => {
    const p = (id: string, lon: number): HaulPoint => ({ id, location: [lon, 59.8] });
    const hashes = [
      pointSetHash([p("a", 10)], [p("b", 10)]),
      pointSetHash([p("a", 10.000001)], [p("b", 10)]),
      pointSetHash([p("b", 10)], [p("a", 10)]),
      pointSetHash([p("a", 10), p("b", 10)], []),
      pointSetHash([], [p("a", 10), p("b", 10)]),
    ];
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});

describe("haulRoute", () => {
  it("is a straight segment in mode straight and along the roads in mode road", async () => {
    const straight = await haulRoute(points[0]!, points[1]!);
    expect(straight).toMatchObject({ status: "ok", coordinates: [A, E], connectorKm: { from: 0, to: 0 } });
    const road = await haulRoute(points[1]!, points[0]!, { mode: "road", graph });
    expect(road.status === "ok" && road.coordinates).toEqual([E, B, C, D, A]);
  });
});

describe("matrixJson", () => {
  it("keeps exactly the public fields and rounds km to the metre", () => {
    const m: DistanceMatrix = { from: ["a"], to: ["b", "c"], km: [[1.23456, null]], unreachable: [{ from: "a", to: "c", reason: "r" }], warnings: [], mode: "road", connectorKm: { from: [0], to: [0, 0] } };
    expect(JSON.stringify(matrixJson(m))).toBe('{"from":["a"],"to":["b","c"],"km":[[1.235,null]],"unreachable":[{"from":"a","to":"c","reason":"r"}],"warnings":[]}');
  });
});

describe("haulLocationOf", () => {
  it("is a point itself, and the area centroid of a polygon", () => {
    expect(haulLocationOf({ type: "Point", coordinates: [10.4, 59.8] })).toEqual([10.4, 59.8]);
    const square = [[10, 59], [10.2, 59], [10.2, 59.1], [10, 59.1], [10, 59]] as [number, number][];
    const [lon, lat] = haulLocationOf({ type: "Polygon", coordinates: [square] });
    expect(lon).toBeCloseTo(10.1, 9);
    expect(lat).toBeCloseTo(59.05, 9);
    // An L of two 2-unit rectangles, [0,2]×[0,1] and [0,1]×[1,3]: centroid ((1 + 0.5) / 2, (0.5 + 2) / 2).
    const l = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]] as [number, number][];
    const c = haulLocationOf({ type: "MultiPolygon", coordinates: [[l]] });
    expect(c[0]).toBeCloseTo(0.75, 9);
    expect(c[1]).toBeCloseTo(1.25, 9);
  });
});

describe("parsePointQuery", () => {
  it("reads records, sets and free points", () => {
    expect(parsePointQuery("project:p1; site:s-2;projects;sites:quarry;depot@10.43,59.83;P2:10.5,59.9")).toEqual({
      ok: true,
      items: [
        { kind: "project", id: "p1" },
        { kind: "site", id: "s-2" },
        { kind: "projects" },
        { kind: "sites", siteKind: "quarry" },
        { kind: "point", id: "depot", location: [10.43, 59.83] },
        { kind: "point", id: "P2", location: [10.5, 59.9] },
      ],
    });
    expect(parsePointQuery("")).toEqual({ ok: true, items: [] });
  });

  it.each([
    ["nonsense", /item 1 \("nonsense"\) is not project:<id>/],
    ["projects;x@200,10", /item 2 \("x@200,10"\): the position must be lon,lat/],
    ["sites:mine", /site kind must be one of storage, landfill, quarry/],
  ])("refuses %s", (text, message) => {
    const parsed = parsePointQuery(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(message);
  });
});
