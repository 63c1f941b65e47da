import { describe, expect, it } from "vitest";
import { longTermStorageMonths } from "../../../src/core/allocation/area-need";
import { shiftMonth } from "../../../src/core/domain/months";
import type { InstanceInput } from "../../../src/core/matching/instance";
import { areaForTonnesM2, capacityEstimate } from "../../../src/core/suitability/capacity";
import { defaultSuitabilityRules } from "../../../src/core/suitability/rules";
import { lot } from "../matching/helpers";
import { recommend } from "./helpers";

const months = Array.from({ length: 18 }, (_, i) => shiftMonth("2027-01", i));
const m = (i: number) => months[i] as string;

/** Storage is the only route: surplus in `in`, demand in `out`, one site J (with its own area when given). */
function throughStorage(flows: { into: [number, number][]; out: [number, number][] }, areaM2?: number): InstanceInput {
  const lots = [
    ...flows.into.map(([month, tonnes], i) => lot(`S${i}`, "surplus", "rock", 1, tonnes, m(month))),
    ...flows.out.map(([month, tonnes], i) => lot(`D${i}`, "demand", "rock", 1, tonnes, m(month))),
  ];
  return {
    months,
    lots,
    sites: [{ id: "J", kind: "storage", capacityTonnes: 5000, accepts: { materials: ["rock"], worstClass: 1 }, ...(areaM2 ? { areaM2 } : {}) }],
    distances: lots.map((l) => ({ from: l.id, to: "J", km: 1 })),
  };
}

describe("storage area needed per month", () => {
  it("turns stock into m² by the site's own tonnes per m², and stock a year old or more into long-term", async () => {
    const result = await recommend(throughStorage({ into: [[0, 1000]], out: [[15, 1000]] }, 2000));
    const need = result.allocation.areaNeedM2;
    expect(need.map((p) => p.month)).toEqual(months);
    // 5000 t on 2000 m²: 0.4 m² per tonne; the stock stays from the end of month 0 to the end of month 14.
    for (const [t, point] of need.entries()) {
      const m2 = t <= 14 ? 400 : 0;
      expect(point.m2).toBeCloseTo(m2, 6);
      expect(point.longTermM2).toBeCloseTo(t >= longTermStorageMonths && t <= 14 ? 400 : 0, 6);
      expect(point.shortTermM2 + point.longTermM2).toBeCloseTo(point.m2, 9);
      if (m2 > 0) expect(point.bySite).toEqual({ J: expect.closeTo(400, 6) });
    }
  });

  it("uses the capacity rule of the suitability report for a site without an area", async () => {
    const result = await recommend(throughStorage({ into: [[0, 1000]], out: [[3, 1000]] }));
    const m2 = areaForTonnesM2(1000, defaultSuitabilityRules.capacity);
    expect(result.allocation.areaNeedM2[1]?.m2).toBeCloseTo(m2, 6);
    // The inverse of capacityEstimate: that area holds 1000 t.
    expect(capacityEstimate(m2, defaultSuitabilityRules.capacity).capacityTonnes).toBeCloseTo(1000, 6);
  });

  it("takes what leaves from the oldest stock first", async () => {
    // 600 t in month 0, 400 t in month 10; 500 t leave in month 13, 500 t in month 16.
    const result = await recommend(throughStorage({ into: [[0, 600], [10, 400]], out: [[13, 500], [16, 500]] }, 5000));
    const at = (t: number) => result.allocation.areaNeedM2[t] as { m2: number; longTermM2: number; shortTermM2: number };
    expect(at(11)).toMatchObject({ m2: expect.closeTo(1000, 6), longTermM2: expect.closeTo(0, 6) });
    expect(at(12)).toMatchObject({ m2: expect.closeTo(1000, 6), longTermM2: expect.closeTo(600, 6), shortTermM2: expect.closeTo(400, 6) });
    // Month 13: 500 t left from the oldest layer, 100 t of it stay (a year old), the 400 t of month 10 are young.
    expect(at(13)).toMatchObject({ m2: expect.closeTo(500, 6), longTermM2: expect.closeTo(100, 6), shortTermM2: expect.closeTo(400, 6) });
    expect(at(16).m2).toBeCloseTo(0, 6);
  });
});
