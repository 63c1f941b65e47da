import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LonLat } from "../../../src/core/geo/geometry";
import type { HaulPoint } from "../../../src/core/haul/distance-matrix";
import { haulMatrix, haulRoute } from "../../../src/core/haul/haul-matrix";
import { osrmBlocks, osrmTable, type OsrmOptions } from "../../../src/core/haul/osrm-client";
import { roadMatrix, roadRoute } from "../../../src/core/haul/road-distances";
import { buildRoadGraph, type RoadFeature } from "../../../src/core/haul/road-graph";
import { startOsrmStandIn, type OsrmStandIn } from "../../support/osrm-stand-in";
import { at, bridgeAndIsland, pathM } from "./tiny-networks";

const roads = JSON.parse(readFileSync(new URL("../../../data/basemap/roads.geojson", import.meta.url), "utf8")) as { features: RoadFeature[] };
const places = JSON.parse(readFileSync(new URL("../../../data/basemap/places.geojson", import.meta.url), "utf8")) as {
  features: { properties: { name: string }; geometry: { coordinates: LonLat } }[];
};
const build = buildRoadGraph(roads.features);
if (!build.ok) throw new Error(build.problem);
const asker = build.graph;
const points: HaulPoint[] = places.features.map((f) => ({ id: f.properties.name, location: f.geometry.coordinates }));

describe("OSRM client against a stand-in server over HTTP", () => {
  let server: OsrmStandIn;
  let options: OsrmOptions;
  beforeAll(async () => {
    server = await startOsrmStandIn(asker, { maxTableSize: 10 });
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    server.behaviour = "ok";
    server.requests.length = 0;
    // Generous, so a busy machine does not turn the ordinary cases into timeouts; the timeout case sets its own.
    options = { baseUrl: server.url, fetch: (url, init) => fetch(url, init), timeoutMs: 15_000, maxTableSize: 10 };
  });

  it("reads the table service into the same km as mode road (within 1 m), in batches the server accepts", async () => {
    const answer = await osrmTable(points, points.slice(0, 14), options);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const road = roadMatrix(asker, points, points.slice(0, 14));
    expect(answer.value.from).toEqual(road.from);
    answer.value.km.forEach((row, i) =>
      row.forEach((km, j) => {
        if (road.km[i]![j] === null) expect(km).toBeNull();
        else expect(Math.abs(km! - road.km[i]![j]!) * 1000).toBeLessThan(1);
      }),
    );
    expect(osrmBlocks(400, 60)).toEqual({ sources: 166, destinations: 60 });
    expect(osrmBlocks(3, 2)).toEqual({ sources: 3, destinations: 2 });
    expect(answer.value.unreachable.map((u) => [u.from, u.to])).toEqual(road.unreachable.map((u) => [u.from, u.to]));
    // 35 × 14 with at most 10² cells per request: five blocks of 7 sources × 14 destinations.
    expect(osrmBlocks(35, 14, 10)).toEqual({ sources: 7, destinations: 14 });
    expect(server.requests.length).toBe(5);
    const first = new URL(server.requests[0]!, "http://x");
    expect(first.pathname).toMatch(/^\/table\/v1\/driving\/[\d.]+,[\d.]+(;[\d.]+,[\d.]+){20}$/);
    expect(first.searchParams.get("sources")).toBe("0;1;2;3;4;5;6");
    expect(first.searchParams.get("destinations")).toBe("7;8;9;10;11;12;13;14;15;16;17;18;19;20");
    expect(first.searchParams.get("annotations")).toBe("distance");
  });

  it("is mode osrm of haulMatrix, without a warning", async () => {
    const m = await haulMatrix(points.slice(0, 3), points.slice(3, 6), { mode: "osrm", osrm: options });
    expect(m.mode).toBe("osrm");
    expect(m.warnings).toEqual([]);
    expect(m.connectorKm!.from.every((km) => km !== null && km >= 0)).toBe(true);
  });

  it("falls back to straight lines with a warning when the server answers an error", async () => {
    server.behaviour = "invalid-query";
    const answer = await osrmTable(points.slice(0, 2), points.slice(0, 2), options);
    expect(answer).toEqual({
      ok: false,
      problem: `OSRM at ${server.url} refused the request: InvalidQuery (Query string malformed close to position 28).`,
    });
    const m = await haulMatrix(points.slice(0, 2), points.slice(0, 2), { mode: "osrm", osrm: options });
    expect(m.mode).toBe("straight");
    expect(m.warnings).toEqual([`OSRM failed: ${answer.ok ? "" : answer.problem} Straight-line distances × 1.3 are used instead.`]);
    expect(m.km[0]![1]).toBeGreaterThan(0);
  });

  it("gives up after the timeout and falls back", async () => {
    server.behaviour = "hang";
    const started = performance.now();
    const m = await haulMatrix(points.slice(0, 2), points.slice(0, 2), { mode: "osrm", osrm: { ...options, timeoutMs: 300 } });
    const elapsedMs = performance.now() - started;
    expect(elapsedMs).toBeGreaterThanOrEqual(290);
    // The hanging server never answers: the client must stop long before the test's own time limit.
    expect(elapsedMs).toBeLessThan(10_000);
    expect(m.warnings).toEqual([`OSRM failed: OSRM at ${server.url} did not answer within 300 ms. Straight-line distances × 1.3 are used instead.`]);
  });

  it("falls back when nothing listens at the URL", async () => {
    const m = await haulMatrix(points.slice(0, 1), points.slice(0, 1), { mode: "osrm", osrm: { ...options, baseUrl: "http://127.0.0.1:1" } });
    expect(m.warnings[0]).toMatch(/^OSRM failed: could not reach OSRM at http:\/\/127\.0\.0\.1:1 \(.+\)\. Straight-line/);
  });

  it("reads the route service's geometry, with the connectors added", async () => {
    const from = points[0]!;
    const to = points[5]!;
    const route = await haulRoute(from, to, { mode: "osrm", osrm: options });
    const road = roadRoute(asker, from, to);
    expect(route.status).toBe("ok");
    if (route.status !== "ok" || road.status !== "ok") return;
    expect(Math.abs(route.km - road.km) * 1000).toBeLessThan(1);
    expect(route.coordinates[0]).toEqual(from.location);
    expect(route.coordinates.at(-1)).toEqual(to.location);
    expect(route.coordinates.length).toBe(road.coordinates.length);
    const url = new URL(server.requests.at(-1)!, "http://x");
    expect(url.pathname).toMatch(/^\/route\/v1\/driving\//);
    expect(url.searchParams.get("geometries")).toBe("geojson");
    expect(url.searchParams.get("overview")).toBe("full");
  });
});

describe("OSRM stand-in on a network with an island", () => {
  it("reports OSRM's null cells and NoRoute answers as unreachable pairs", async () => {
    const bridge = buildRoadGraph(bridgeAndIsland());
    if (!bridge.ok) throw new Error(bridge.problem);
    const server = await startOsrmStandIn(bridge.graph);
    try {
      const osrm = { baseUrl: server.url, fetch: (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => fetch(url, init) };
      const west = { id: "W", location: at(0, 0) };
      const island = { id: "I", location: at(10.5, 10) };
      const m = await haulMatrix([west], [island, { id: "E", location: at(5, 0) }], { mode: "osrm", osrm });
      expect(m.km[0]![0]).toBeNull();
      expect(m.unreachable).toEqual([{ from: "W", to: "I", reason: "OSRM found no road route from W to I." }]);
      expect(m.km[0]![1]! * 1000).toBeCloseTo(pathM(at(0, 0), at(1, 1)) + pathM(at(1, 1), at(2, 1.2), at(3, 1.2), at(4, 1)) + pathM(at(4, 1), at(5, 0)), 0);
      expect(await haulRoute(west, island, { mode: "osrm", osrm })).toMatchObject({ status: "unreachable", reason: "OSRM found no road route from W to I." });
    } finally {
      await server.close();
    }
  });
});
