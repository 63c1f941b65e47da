import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildRoadGraph, edgeBackwardOnly, edgeForwardOnly, edgeTwoWay, type RoadFeature, type RoadGraph } from "../../../src/core/haul/road-graph";
import { summariseRoadGraph } from "../../../src/core/haul/road-graph-summary";
import { roadAccessOf } from "../../../src/core/haul/road-properties";
import { at, bridgeAndIsland, line, pathM, squareWithOneWay } from "./tiny-networks";

const built = (features: RoadFeature[], options = {}): RoadGraph => {
  const build = buildRoadGraph(features, options);
  if (!build.ok) throw new Error(build.problem);
  return build.graph;
};

describe("buildRoadGraph topology", () => {
  it("joins lines at shared end coordinates into nodes, with geodesic edge lengths", () => {
    const graph = built(squareWithOneWay());
    expect(graph.nodeCount).toBe(5);
    expect(graph.edgeCount).toBe(5);
    expect(graph.edgeLengthM[0]).toBeCloseTo(pathM(at(0, 0), at(1, 0)), 6);
    expect(graph.componentCount).toBe(1);
    // Two arcs per two-way edge, one for the one-way.
    expect(graph.outHead.length).toBe(9);
    expect(graph.inTail.length).toBe(9);
  });

  it("merges ends within the tolerance and keeps apart ends beyond it", () => {
    const nudged = (m: number): RoadFeature[] => {
      const [lon, lat] = at(1, 0);
      return [line([at(0, 0), at(1, 0)]), line([[lon + m / 56_000, lat], at(2, 0)])];
    };
    expect(built(nudged(0.3)).nodeCount).toBe(3);
    expect(built(nudged(3)).nodeCount).toBe(4);
    expect(built(nudged(3), { nodeToleranceM: 5 }).nodeCount).toBe(3);
  });

  it("does not join lines that cross without sharing an end (an overpass)", () => {
    const graph = built([line([at(0, 1), at(2, 1)]), line([at(1, 0), at(1, 2)])]);
    expect(graph.nodeCount).toBe(4);
    expect(graph.componentCount).toBe(2);
  });

  it("splits a MultiLineString into one edge per part", () => {
    const graph = built([{ type: "Feature", properties: {}, geometry: { type: "MultiLineString", coordinates: [[at(0, 0), at(1, 0)], [at(1, 0), at(1, 1)]] } }]);
    expect(graph.edgeCount).toBe(2);
    expect(graph.nodeCount).toBe(3);
  });

  it("counts components of a bridge network and an island", () => {
    const graph = built(bridgeAndIsland());
    const summary = summariseRoadGraph(graph);
    expect(summary).toMatchObject({ edges: 8, nodes: 8, connectedComponents: 2, oneWayEdges: 0 });
    const totalM = bridgeAndIsland().reduce((m, f) => m + pathM(...((f.geometry as { coordinates: [number, number][] }).coordinates)), 0);
    expect(summary.totalLengthKm).toBeCloseTo(totalM / 1000, 9);
    expect(summary.largestComponentShare).toBeGreaterThan(0.9);
    expect(summary.bbox).toEqual([at(0, 0)[0], at(0, 0)[1], at(11, 10)[0], at(11, 10)[1]]);
  });

  it("has a version that changes when a coordinate moves and stays when nothing does", () => {
    const a = built(squareWithOneWay()).version;
    expect(built(squareWithOneWay()).version).toBe(a);
    const moved = squareWithOneWay();
    moved[4] = line([at(1, 0), at(2, 0.0001)]);
    expect(built(moved).version).not.toBe(a);
    const oneWayDropped = squareWithOneWay();
    oneWayDropped[0] = line([at(0, 0), at(1, 0)]);
    expect(built(oneWayDropped).version).not.toBe(a);
  });
});

describe("buildRoadGraph with NVDB node ids", () => {
  const nvdb = JSON.parse(readFileSync(new URL("../../fixtures/haul/nvdb-ev18-baerum-segmenter-wgs84.geojson", import.meta.url), "utf8")) as {
    features: RoadFeature[];
  };

  it("builds the E18 sample's graph from startnode/sluttnode: 285 edges, 251 nodes", () => {
    const build = buildRoadGraph(nvdb.features);
    expect(build.ok).toBe(true);
    if (!build.ok) return;
    expect(build.graph.edgeCount).toBe(285);
    expect(build.graph.nodeCount).toBe(251);
    expect(build.warnings).toEqual([]);
    const summary = summariseRoadGraph(build.graph);
    expect(summary.totalLengthKm).toBeGreaterThan(17.5);
    expect(summary.totalLengthKm).toBeLessThan(19);
    // Each segment's length agrees with NVDB's own `lengde`: whole metres, measured in 3D on the
    // ellipsoid where we measure 2D on a sphere, hence 1.5 m or 1.5 %.
    for (let e = 0; e < build.graph.edgeCount; e++) {
      const lengde = nvdb.features[build.graph.edgeFeature[e]!]!.properties!.lengde as number;
      expect(Math.abs(build.graph.edgeLengthM[e]! - lengde)).toBeLessThanOrEqual(Math.max(1.5, lengde * 0.015));
    }
  });

  it("trusts the ids over coordinates: two ids at one position stay two nodes", () => {
    const features = [line([at(0, 0), at(1, 0)], { startnode: "1", sluttnode: "2" }), line([at(1, 0), at(2, 0)], { startnode: "3", sluttnode: "4" })];
    expect(built(features).nodeCount).toBe(4);
    expect(built(features, { nodeIds: "ignore" }).nodeCount).toBe(3);
  });

  it("warns when one id sits at two places", () => {
    const build = buildRoadGraph([line([at(0, 0), at(1, 0)], { startnode: 1, sluttnode: 2 }), line([at(1, 0.5), at(2, 0)], { startnode: 2, sluttnode: 3 })]);
    expect(build.ok && build.warnings[0]).toMatch(/node 2 \(\d+\.\d m apart\)/);
  });

  it("joins a line without ids to an id node at its end", () => {
    const graph = built([line([at(0, 0), at(1, 0)], { startnode: "a", sluttnode: "b" }), line([at(1, 0), at(2, 0)])]);
    expect(graph.nodeCount).toBe(3);
  });
});

describe("buildRoadGraph access and direction", () => {
  it("reads one-way roads forward and backward, and leaves out closed and non-truck roads", () => {
    const build = buildRoadGraph([
      line([at(0, 0), at(1, 0)], { oneway: "yes" }),
      line([at(1, 0), at(2, 0)], { oneway: "-1" }),
      line([at(2, 0), at(3, 0)], { feltoversikt: ["1", "3"] }),
      line([at(3, 0), at(4, 0)], { feltoversikt: "2#4" }),
      line([at(4, 0), at(5, 0)], { feltoversikt: ["1", "2"] }),
      line([at(5, 0), at(6, 0)], { typeVeg: "Gang- og sykkelveg" }),
      line([at(6, 0), at(7, 0)], { trafikantgruppe: "G" }),
      line([at(7, 0), at(8, 0)], { closed: true }),
      line([at(8, 0), at(9, 0)], { highway: "footway" }),
    ]);
    expect(build.ok).toBe(true);
    if (!build.ok) return;
    expect([...build.graph.edgeDirection]).toEqual([edgeForwardOnly, edgeBackwardOnly, edgeForwardOnly, edgeBackwardOnly, edgeTwoWay]);
    expect(build.skipped.map((s) => s.featureIndex)).toEqual([5, 6, 7, 8]);
    expect(build.skipped[0]!.reason).toBe("not a road for trucks (typeVeg=Gang- og sykkelveg)");
  });

  it.each([
    [{ oneway: true }, "forward"],
    [{ oneway: "no", junction: "roundabout" }, "both"],
    [{ junction: "roundabout" }, "forward"],
    [{ oneway: "backward" }, "backward"],
    [{ retning: "MOT" }, "both"],
    [{ typeVeg_sosi: "gangOgSykkelveg" }, undefined],
    [{ hgv: "no" }, undefined],
    [{ fase: "P" }, undefined],
    [{ type: "bilferje" }, "both"],
    [null, "both"],
  ] as const)("roadAccessOf(%j) → %s", (properties, direction) => {
    const access = roadAccessOf(properties);
    expect(access.drivable ? access.direction : undefined).toBe(direction);
  });

  it("leaves car ferries out only when asked", () => {
    expect(roadAccessOf({ typeVeg: "Bilferje" }, { excludeFerries: true })).toEqual({ drivable: false, reason: "ferry left out (typeVeg=Bilferje)" });
  });
});

describe("buildRoadGraph bad input", () => {
  it("refuses a network with no features", () => {
    expect(buildRoadGraph([])).toEqual({ ok: false, problem: expect.stringMatching(/no features: a road network needs LineString/) });
  });

  it("refuses points instead of lines, and says it may be a points file", () => {
    const build = buildRoadGraph([{ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: at(0, 0) } }]);
    expect(build.ok).toBe(false);
    if (!build.ok) expect(build.problem).toBe("the network has no LineString or MultiLineString features (it has 1 Point): a road network needs lines. Is this a points file passed as the network?");
  });

  it("refuses metres given as degrees", () => {
    const build = buildRoadGraph([line([[580_000, 6_630_000], [581_000, 6_630_500]])]);
    expect(build.ok).toBe(false);
    if (!build.ok) expect(build.problem).toMatch(/is not WGS84 degrees .* looks like projected metres/);
  });

  it("refuses a network whose every line is closed, naming the reason", () => {
    const build = buildRoadGraph([line([at(0, 0), at(1, 0)], { highway: "footway" })]);
    expect(build).toEqual({ ok: false, problem: "none of the 1 line features is a drivable road (not a road for trucks (highway=footway))." });
  });

  it("skips degenerate lines but builds the rest", () => {
    const build = buildRoadGraph([line([at(0, 0), at(0, 0)]), line([at(0, 0), at(1, 0)])]);
    expect(build.ok && build.skipped).toEqual([{ featureIndex: 0, reason: "a line with fewer than two distinct positions" }]);
  });
});
