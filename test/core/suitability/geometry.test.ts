import { pointToPolygonDistance } from "@turf/point-to-polygon-distance";
import { nearestPointOnLine } from "@turf/nearest-point-on-line";
import { lineString, point, polygon } from "@turf/helpers";
import { describe, expect, it } from "vitest";
import type { AreaGeometry, LonLat } from "../../../src/core/geo/geometry";
import { metresPerDegree, metresPerDegreeLon } from "../../../src/core/haul/geodesy";
import { localPlane, polygonsDistanceM, toPlane } from "../../../src/core/suitability/local-plane";
import { buildRoadIndex, nearestRoadM } from "../../../src/core/suitability/road-index";
import { bboxOf } from "../../../src/core/geo/geometry";

const origin: LonLat = [10.43, 59.8];
const at = (x: number, y: number): LonLat => [origin[0] + x / metresPerDegreeLon(origin[1]), origin[1] + y / metresPerDegree];
const square = (x: number, y: number, size: number): AreaGeometry => ({
  type: "Polygon",
  coordinates: [[at(x, y), at(x + size, y), at(x + size, y + size), at(x, y + size), at(x, y)]],
});

const outer = (geometry: AreaGeometry): LonLat[] => (geometry.type === "Polygon" ? geometry.coordinates[0]! : geometry.coordinates[0]![0]!);

/** A small seeded generator, so the random cases are the same every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("polygonsDistanceM", () => {
  const plane = localPlane(origin);
  const site = toPlane(square(0, 0, 10), plane);

  it("is 0 for overlap, touch and containment, and honours holes", () => {
    expect(polygonsDistanceM(site, toPlane(square(5, 5, 10), plane))).toBe(0);
    expect(polygonsDistanceM(site, toPlane(square(10, 0, 10), plane))).toBeLessThan(1e-6);
    expect(polygonsDistanceM(site, toPlane(square(-100, -100, 300), plane))).toBe(0);
    const ring: AreaGeometry = {
      type: "Polygon",
      coordinates: [outer(square(-100, -100, 300)), outer(square(-20, -20, 50)).slice().reverse()],
    };
    // The site lies in the hole: 20 m from the hole's edge on every side.
    expect(polygonsDistanceM(site, toPlane(ring, plane))).toBeCloseTo(20, 3);
  });

  it("agrees with Turf's point-to-polygon distance for a vertex-to-edge case within 0.1 %", () => {
    const random = seeded(7);
    for (let k = 0; k < 50; k++) {
      const dx = 20 + random() * 400;
      const dy = (random() - 0.5) * 50;
      const other = square(dx, dy, 30);
      // The nearest point of the site to `other` is a corner or edge point; compare against
      // Turf measuring from the site's corners and edge midpoints (all nearest points lie there for these squares).
      const ours = polygonsDistanceM(site, toPlane(other, plane));
      const turfM = Math.min(
        ...[at(10, 0), at(10, 10), at(10, 5), at(10, Math.max(0, Math.min(10, dy))), at(10, Math.max(0, Math.min(10, dy + 30)))].map(
          (p) => pointToPolygonDistance(point(p), polygon(other.coordinates as number[][][]), { units: "meters" }),
        ),
      );
      expect(Math.abs(ours - turfM) / turfM).toBeLessThan(0.001);
    }
  });

  it("stops at maxM", () => {
    expect(polygonsDistanceM(site, toPlane(square(500, 0, 10), plane), 100)).toBe(Infinity);
    expect(polygonsDistanceM(site, toPlane(square(110, 0, 10), plane), 100)).toBeCloseTo(100, 3);
  });
});

describe("nearestRoadM", () => {
  it("matches a brute-force search with Turf over random roads", () => {
    const random = seeded(42);
    const roads: LonLat[][] = [];
    for (let k = 0; k < 300; k++) {
      const x = (random() - 0.5) * 20_000;
      const y = (random() - 0.5) * 20_000;
      roads.push([at(x, y), at(x + (random() - 0.5) * 800, y + (random() - 0.5) * 800), at(x + (random() - 0.5) * 1600, y + (random() - 0.5) * 1600)]);
    }
    const index = buildRoadIndex(roads);
    for (let k = 0; k < 10; k++) {
      const x = (random() - 0.5) * 16_000;
      const y = (random() - 0.5) * 16_000;
      const site = square(x, y, 50);
      const plane = localPlane(at(x + 25, y + 25));
      const ours = nearestRoadM(index, toPlane(site, plane), plane, bboxOf(site));
      // Brute force: the nearest point of each road to each site corner (exact for roads outside the site).
      const corners = outer(site).slice(0, 4);
      const brute = Math.min(
        ...roads.flatMap((road) => corners.map((c) => nearestPointOnLine(lineString(road), point(c), { units: "meters" }).properties.dist)),
      );
      // Turf's corner-based answer is an upper bound; ours may be shorter where a road passes a site edge.
      expect(ours).not.toBeNull();
      expect(ours!).toBeLessThanOrEqual(brute * 1.002 + 0.01);
      expect(ours!).toBeGreaterThan(brute - 50);
    }
  });

  it("is 0 for a road through the site and null without any road within 50 km", () => {
    const site = square(0, 0, 100);
    const plane = localPlane(at(50, 50));
    expect(nearestRoadM(buildRoadIndex([[at(-50, 50), at(150, 50)]]), toPlane(site, plane), plane, bboxOf(site))).toBe(0);
    expect(nearestRoadM(buildRoadIndex([[at(60_000, 0), at(61_000, 0)]]), toPlane(site, plane), plane, bboxOf(site))).toBeNull();
    expect(nearestRoadM(buildRoadIndex([]), toPlane(site, plane), plane, bboxOf(site))).toBeNull();
    expect(nearestRoadM(buildRoadIndex([[at(40_100, 0), at(40_100, 100)]]), toPlane(site, plane), plane, bboxOf(site))).toBeCloseTo(40_000, -2);
  });
});
