import { describe, expect, it } from "vitest";
import { generateInstance } from "../../../src/core/matching/generate";
import { parseInstance } from "../../../src/core/matching/instance";

describe("generated instances with candidate sites (bench/allocation.ts)", () => {
  const size = { lots: 120, storageSites: 6, landfills: 2, quarries: 2, months: 12, seed: 3 };

  it("are the same instance as without candidates, plus area, fixed cost and rent on the candidates", () => {
    const plain = generateInstance(size);
    const some = generateInstance({ ...size, candidates: 4 });
    const all = generateInstance({ ...size, candidates: true });
    const strip = (raw: typeof plain) => ({
      ...raw,
      sites: (raw.sites ?? []).map((site) => {
        const { candidate, areaM2, fixedCostNok, rentNokPerMonth, ...rest } = site as Record<string, unknown>;
        void [candidate, areaM2, fixedCostNok, rentNokPerMonth];
        return rest;
      }),
    });
    expect(strip(some)).toEqual(plain);
    expect(strip(all)).toEqual(plain);
    const candidates = (all.sites ?? []).filter((s) => s.kind === "storage" && s.candidate);
    expect(candidates).toHaveLength(6);
    expect((some.sites ?? []).filter((s) => s.kind === "storage" && s.candidate)).toHaveLength(4);
    expect(parseInstance(all).ok).toBe(true);
  });

  it("give candidates plausible costs: area by the capacity rule, NOK 80–200 per m² plus 400,000, rent NOK 2–6 per m² and month", () => {
    for (const site of generateInstance({ ...size, candidates: true }).sites ?? []) {
      if (site.kind !== "storage") continue;
      const areaM2 = site.areaM2 as number;
      expect(areaM2).toBeCloseTo(site.capacityTonnes / (3 * 0.6 * 1.52), -1);
      expect(site.fixedCostNok).toBeGreaterThanOrEqual(400_000 + 80 * areaM2 - 1000);
      expect(site.fixedCostNok).toBeLessThanOrEqual(400_000 + 200 * areaM2 + 1000);
      expect(site.rentNokPerMonth).toBeGreaterThanOrEqual(2 * areaM2 - 100);
      expect(site.rentNokPerMonth).toBeLessThanOrEqual(6 * areaM2 + 100);
    }
  });
});
