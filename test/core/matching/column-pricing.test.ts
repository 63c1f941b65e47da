import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../../src/core/matching/build-model";
import { PricedLp } from "../../../src/core/matching/column-pricing";
import { generateInstance } from "../../../src/core/matching/generate";
import { readPlan } from "../../../src/core/matching/plan";
import { prepareProblem } from "../../../src/core/matching/problem";
import { highs, instanceOf } from "./helpers";

describe("column pricing", () => {
  it("reaches the optimum of the whole LP from the cheapest arcs, with fewer columns (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 3 }), async (seed, initialArcs) => {
        const problem = prepareProblem(instanceOf(generateInstance({ lots: 60, storageSites: 3, landfills: 2, quarries: 2, months: 8, seed })));
        const built = buildModel(problem);
        const full = await highs.solve(built.model);
        const priced = await PricedLp.open(highs, built, { initialArcs });
        try {
          const solution = await priced.solve();
          expect(full.status).toBe("optimal");
          expect(solution.status).toBe("optimal");
          if (full.status !== "optimal" || solution.status !== "optimal") return;
          expect(Math.abs(solution.objective - full.objective)).toBeLessThanOrEqual(1e-7 * Math.abs(full.objective));
          expect(priced.arcCount).toBeLessThanOrEqual(built.model.numCols);
          // The plan read from the priced columns is a plan of the whole model with the same objective.
          const plan = readPlan(problem, built, priced.fullValues(solution.colValue));
          expect(plan.objective).toBeCloseTo(solution.objective, 3);
        } finally {
          priced.dispose();
        }
      }),
      { seed: 4711, numRuns: 8 },
    );
  }, 120_000);

  it("starts with every column and never prices with initialArcs \"all\"", async () => {
    const built = buildModel(prepareProblem(instanceOf(generateInstance({ lots: 30, storageSites: 2, landfills: 1, quarries: 1, months: 6, seed: 9 }))));
    const priced = await PricedLp.open(highs, built, { initialArcs: "all" });
    try {
      expect((await priced.solve()).status).toBe("optimal");
      expect(priced.arcCount).toBe(built.model.numCols);
      expect(priced.stats.pricingRounds).toBe(0);
    } finally {
      priced.dispose();
    }
  });
});
