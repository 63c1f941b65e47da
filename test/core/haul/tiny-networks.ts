// Hand-made road networks with known shortest paths, near Asker (10.4 °E, 59.8 °N). Positions are
// given on a grid of 0.01° (about 560 m east–west, 1,110 m north–south); lengths are measured
// with the same haversine as the graph, so expectations are exact sums of segment lengths.
import type { LonLat } from "../../../src/core/geo/geometry";
import { distanceM } from "../../../src/core/haul/geodesy";
import type { RoadFeature } from "../../../src/core/haul/road-graph";

export const at = (x: number, y: number): LonLat => [10.4 + x * 0.01, 59.8 + y * 0.01];

export const line = (points: LonLat[], properties: Record<string, unknown> = {}): RoadFeature => ({
  type: "Feature",
  properties,
  geometry: { type: "LineString", coordinates: points },
});

/** Length of a polyline in metres (haversine, as the graph measures). */
export const pathM = (...points: LonLat[]) => points.slice(1).reduce((m, p, k) => m + distanceM(points[k]!, p), 0);

export const A = at(0, 0);
export const B = at(1, 0);
export const C = at(1, 1);
export const D = at(0, 1);
export const E = at(2, 0);

/**
 * A square A(0,0) B(1,0) C(1,1) D(0,1) whose side A → B is one-way, and a two-way stub B–E(2,0).
 * A → E is A–B–E; E → A must go round: E–B–C–D–A.
 */
export const squareWithOneWay = (): RoadFeature[] => [
  line([A, B], { oneway: "yes" }),
  line([B, C]),
  line([C, D]),
  line([D, A]),
  line([B, E]),
];

/**
 * Two triangles joined by one bridge: West W1(0,0) W2(0,2) W3(1,1), East E1(4,1) E2(5,0) E3(5,2),
 * and the bridge W3–E1. Every West–East route crosses it. Plus an island I1(10,10)–I2(11,10)
 * that no road reaches (a second component).
 */
export const bridgeAndIsland = (): RoadFeature[] => [
  line([at(0, 0), at(0, 2)]),
  line([at(0, 2), at(1, 1)]),
  line([at(1, 1), at(0, 0)]),
  line([at(4, 1), at(5, 0)]),
  line([at(5, 0), at(5, 2)]),
  line([at(5, 2), at(4, 1)]),
  line([at(1, 1), at(2, 1.2), at(3, 1.2), at(4, 1)], { name: "bridge" }),
  line([at(10, 10), at(11, 10)], { name: "island" }),
];
