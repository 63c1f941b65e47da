import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { LonLat } from "../../../src/core/geo/geometry";
import type { HaulPoint } from "../../../src/core/haul/distance-matrix";
import { roadMatrix, roadRoute } from "../../../src/core/haul/road-distances";
import { buildRoadGraph, type RoadFeature, type RoadGraph } from "../../../src/core/haul/road-graph";
import { straightLineMatrix } from "../../../src/core/haul/straight-line";
import { A, B, C, D, E, at, bridgeAndIsland, line, pathM, squareWithOneWay } from "./tiny-networks";
import { seededRandom } from "../../../src/core/random/seeded-random";

const graphOf = (features: RoadFeature[]): RoadGraph => {
  const build = buildRoadGraph(features);
  if (!build.ok) throw new Error(build.problem);
  return build.graph;
};
const point = (id: string, location: LonLat): HaulPoint => ({ id, location });
const km = (m: number) => m / 1000;


describe("roadMatrix on hand-made networks", () => {
  const square = graphOf(squareWithOneWay());

  it("drives a one-way road only forwards", () => {
    const m = roadMatrix(square, [point("A", A), point("E", E)], [point("A", A), point("E", E)]);
    expect(m.km[0]![1]).toBeCloseTo(km(pathM(A, B, E)), 9);
    expect(m.km[1]![0]).toBeCloseTo(km(pathM(E, B, C, D, A)), 9);
    expect(m.km[0]![0]).toBe(0);
    expect(m.unreachable).toEqual([]);
  });

  it("goes straight along an edge, or round when the edge is one-way the other way", () => {
    const p1 = at(0.25, 0);
    const p2 = at(0.75, 0);
    const m = roadMatrix(square, [point("p1", p1), point("p2", p2)], [point("p1", p1), point("p2", p2)]);
    expect(m.km[0]![1]).toBeCloseTo(km(pathM(p1, p2)), 6);
    expect(m.km[1]![0]).toBeCloseTo(km(pathM(p2, B, C, D, A, p1)), 6);
  });

  it("adds and reports the off-road connectors", () => {
    const off = at(0.5, -0.1); // about 111 m south of A–B
    const m = roadMatrix(square, [point("off", off)], [point("E", E)]);
    const connectorKm = m.connectorKm!.from[0]!;
    expect(connectorKm).toBeCloseTo(km(pathM(off, at(0.5, 0))), 3);
    expect(m.km[0]![0]).toBeCloseTo(connectorKm + km(pathM(at(0.5, 0), B, E)), 3);
    expect(m.connectorKm!.to).toEqual([0]);
  });

  it("crosses the bridge, and finds no road to the island, saying why", () => {
    const graph = graphOf(bridgeAndIsland());
    const m = roadMatrix(graph, [point("W1", at(0, 0))], [point("E2", at(5, 0)), point("I2", at(11, 10))]);
    expect(m.km[0]![0]).toBeCloseTo(km(pathM(at(0, 0), at(1, 1)) + pathM(at(1, 1), at(2, 1.2), at(3, 1.2), at(4, 1)) + pathM(at(4, 1), at(5, 0))), 9);
    expect(m.km[0]![1]).toBeNull();
    expect(m.unreachable).toEqual([
      { from: "W1", to: "I2", reason: "no road connects W1 and I2: they lie on separate pieces of the network (components 0 and 1)." },
    ]);
  });

  it("says when a one-way road makes a pair unreachable in one direction", () => {
    const graph = graphOf([line([A, B], { oneway: "yes" })]);
    const m = roadMatrix(graph, [point("a", A), point("b", B)], [point("a", A), point("b", B)]);
    expect(m.km).toEqual([
      [0, km(pathM(A, B))],
      [null, 0],
    ]);
    expect(m.unreachable[0]!.reason).toBe("no road route from b to a in the allowed driving directions (one-way roads).");
  });

  it("reaches a point on a node through the node, whichever edge it snapped to (regression)", () => {
    // B is the end of the one-way A → B and of the two-way B–E: C → B must not be refused
    // because B happened to snap onto the one-way.
    for (const features of [squareWithOneWay(), squareWithOneWay().reverse()]) {
      const graph = graphOf(features);
      const m = roadMatrix(graph, [point("B", B), point("E", E)], [point("B", B), point("E", E)]);
      expect(m.km).toEqual([
        [0, km(pathM(B, E))],
        [km(pathM(E, B)), 0],
      ]);
    }
  });

  it("flags a point too far from any road instead of routing it", () => {
    const far = at(0.5, -5); // about 5.6 km south
    const m = roadMatrix(square, [point("far", far), point("A", A)], [point("E", E)]);
    expect(m.km).toEqual([[null], [km(pathM(A, B, E))]]);
    expect(m.unreachable).toEqual([{ from: "far", to: "E", reason: "point far is too far from the road network" }]);
    expect(m.warnings).toEqual([expect.stringMatching(/^point far is 5\.\d\d km from the nearest road \(limit 2 km\), so it is not routed/)]);
    expect(m.connectorKm!.from[0]).toBeNull();
    expect(roadMatrix(square, [point("far", far)], [point("E", E)], { maxSnapKm: 10 }).km[0]![0]).not.toBeNull();
  });

  it("gives an empty matrix for empty point sets", () => {
    expect(roadMatrix(square, [], [point("A", A)])).toMatchObject({ from: [], to: ["A"], km: [], unreachable: [], warnings: [] });
    expect(roadMatrix(square, [point("A", A)], [])).toMatchObject({ from: ["A"], to: [], km: [[]], unreachable: [] });
  });

  it("agrees with Floyd–Warshall on a random network with one-ways, searching forwards and backwards", () => {
    const random = seededRandom(5);
    const size = 6;
    const features: RoadFeature[] = [];
    for (let x = 0; x < size; x++) {
      for (let y = 0; y < size; y++) {
        const oneway = () => (random() < 0.3 ? { oneway: random() < 0.5 ? "yes" : "-1" } : {});
        if (x + 1 < size && random() < 0.85) features.push(line([at(x, y), at(x + 0.5, y + random() * 0.3), at(x + 1, y)], oneway()));
        if (y + 1 < size && random() < 0.85) features.push(line([at(x, y), at(x, y + 1)], oneway()));
      }
    }
    const graph = graphOf(features);
    // Reference: all-pairs shortest paths between nodes.
    const n = graph.nodeCount;
    const dist = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
    for (let u = 0; u < n; u++) {
      for (let a = graph.outStart[u]!; a < graph.outStart[u + 1]!; a++) {
        const v = graph.outHead[a]!;
        dist[u]![v] = Math.min(dist[u]![v]!, graph.outLengthM[a]!);
      }
    }
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dist[i]![j] = Math.min(dist[i]![j]!, dist[i]![k]! + dist[k]![j]!);

    const nodes = Array.from({ length: n }, (_, v) => point(`n${v}`, [graph.nodeLon[v]!, graph.nodeLat[v]!]));
    const from = nodes.filter((_, v) => v % 3 === 0);
    const to = nodes.filter((_, v) => v % 4 === 1);
    const wide = roadMatrix(graph, from, to); // from > to: backward searches
    const tall = roadMatrix(graph, to, from); // forward searches
    let checked = 0;
    let asymmetric = 0;
    from.forEach((a, i) =>
      to.forEach((b, j) => {
        const expected = dist[Number(a.id.slice(1))]![Number(b.id.slice(1))]!;
        const forward = roadMatrix(graph, [a], [b]).km[0]![0];
        for (const value of [wide.km[i]![j], forward]) {
          if (expected === Infinity) expect(value).toBeNull();
          else expect(value! * 1000, `${a.id} ${b.id}`).toBeCloseTo(expected, 6);
        }
        const back = dist[Number(b.id.slice(1))]![Number(a.id.slice(1))]!;
        if (back === Infinity) expect(tall.km[j]![i]).toBeNull();
        else expect(tall.km[j]![i]! * 1000).toBeCloseTo(back, 6);
        if (Math.abs(back - expected) > 1) asymmetric++;
        checked++;
      }),
    );
    expect(checked).toBeGreaterThan(20);
    // The one-ways matter: many pairs differ by direction.
    expect(asymmetric).toBeGreaterThan(5);
  });
});

describe("roadRoute", () => {
  const bridge = graphOf(bridgeAndIsland());

  it("draws the path along the road lines, connectors included, as long as its km", () => {
    const from = point("x", at(0.1, 0.5));
    const to = point("y", at(5.2, 1));
    const route = roadRoute(bridge, from, to);
    expect(route.status).toBe("ok");
    if (route.status !== "ok") return;
    expect(route.coordinates[0]).toEqual(from.location);
    expect(route.coordinates.at(-1)).toEqual(to.location);
    expect(route.coordinates).toContainEqual(at(2, 1.2));
    expect(pathM(...route.coordinates) / 1000).toBeCloseTo(route.km, 6);
    expect(route.km).toBeCloseTo(roadMatrix(bridge, [from], [to]).km[0]![0]!, 9);
  });

  it("follows one-way rules and same-edge trips", () => {
    const square = graphOf(squareWithOneWay());
    const back = roadRoute(square, point("p2", at(0.75, 0)), point("p1", at(0.25, 0)));
    expect(back.status === "ok" && back.coordinates).toEqual([at(0.75, 0), B, C, D, A, at(0.25, 0)]);
    const ahead = roadRoute(square, point("p1", at(0.25, 0)), point("p2", at(0.75, 0)));
    expect(ahead.status === "ok" && ahead.coordinates).toEqual([at(0.25, 0), at(0.75, 0)]);
  });

  it("reports unreachable pairs with the reason", () => {
    const route = roadRoute(bridge, point("w", at(0, 0)), point("i", at(10.5, 10)));
    expect(route).toMatchObject({ status: "unreachable", reason: expect.stringMatching(/separate pieces/) });
  });
});

describe("roadMatrix on the shipped Asker network", () => {
  const roads = JSON.parse(readFileSync(new URL("../../../data/basemap/roads.geojson", import.meta.url), "utf8")) as { features: RoadFeature[] };
  const places = JSON.parse(readFileSync(new URL("../../../data/basemap/places.geojson", import.meta.url), "utf8")) as {
    features: { properties: { name: string }; geometry: { coordinates: LonLat } }[];
  };
  const graph = graphOf(roads.features);
  const points = places.features.map((f) => point(f.properties.name, f.geometry.coordinates));
  const road = roadMatrix(graph, points, points);
  const straight = straightLineMatrix(points, points, { circuityFactor: 1 });
  const n = points.length;

  it("routes most place pairs, flags the far ones and explains the rest", () => {
    const routed = road.km.flat().filter((v) => v !== null).length;
    expect(routed).toBeGreaterThan(0.7 * n * n);
    for (const pair of road.unreachable) expect(pair.reason).toMatch(/too far from the road network|separate pieces/);
  });

  it("is never shorter than the straight line (circuity 1.0)", () => {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (road.km[i]![j] !== null) expect(road.km[i]![j]!).toBeGreaterThanOrEqual(straight.km[i]![j]! - 1e-9);
  });

  it("is symmetric on two-way roads", () => {
    expect(summariseOneWays(graph)).toBe(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) {
      if (road.km[i]![j] === null) expect(road.km[j]![i]).toBeNull();
      else expect(road.km[j]![i]!).toBeCloseTo(road.km[i]![j]!, 9);
    }
  });

  it("keeps the triangle inequality on sampled triples", () => {
    const random = seededRandom(42);
    let checked = 0;
    for (let k = 0; k < 2_000; k++) {
      const [a, b, c] = [0, 0, 0].map(() => Math.floor(random() * n)) as [number, number, number];
      const ab = road.km[a]![b]!;
      const bc = road.km[b]![c]!;
      const ac = road.km[a]![c]!;
      if (ab === null || bc === null || ac === null) continue;
      expect(ac).toBeLessThanOrEqual(ab + bc + 1e-9);
      checked++;
    }
    expect(checked).toBeGreaterThan(1_000);
  });

  it("gives the same numbers when asked row by row", () => {
    for (const i of [0, 7, 19]) expect(roadMatrix(graph, [points[i]!], points).km[0]).toEqual(road.km[i]!.map((v) => (v === null ? null : expect.closeTo(v, 9))));
  });
});

function summariseOneWays(graph: RoadGraph): number {
  return graph.edgeDirection.reduce((count, d) => count + (d === 0 ? 0 : 1), 0);
}
