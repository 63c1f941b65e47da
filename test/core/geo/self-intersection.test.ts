import { kinks } from "@turf/kinks";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstSelfIntersection } from "../../../src/core/geo/self-intersection";

describe("firstSelfIntersection", () => {
  it("finds a bow tie's crossing and passes a square", () => {
    expect(firstSelfIntersection({ type: "Polygon", coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] })).toEqual([1, 1]);
    expect(firstSelfIntersection({ type: "Polygon", coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] })).toBeUndefined();
  });

  it("finds where a hole crosses its shell", () => {
    expect(firstSelfIntersection({ type: "Polygon", coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [5, 1], [5, 2], [1, 2], [1, 1]]] })).toEqual([4, 1]);
  });

  it("agrees with Turf's kinks on random small polygons (fixed seed)", () => {
    const position = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }));
    fc.assert(
      fc.property(fc.array(fc.array(position, { minLength: 3, maxLength: 7 }), { minLength: 1, maxLength: 3 }), (rings) => {
        const geometry = { type: "Polygon" as const, coordinates: rings.map((ring) => [...ring, ring[0]!]) };
        const ours = firstSelfIntersection(geometry) !== undefined;
        const turfs = kinks({ type: "Feature", properties: {}, geometry }).features.length > 0;
        expect(ours).toBe(turfs);
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});
