import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { candidatesOf } from "../../../src/core/allocation/allocation-lp";
import { naiveAllocationModel } from "../../../src/core/allocation/naive-model";
import { recommendSites } from "../../../src/core/allocation/recommend";
import { buildModel } from "../../../src/core/matching/build-model";
import { prepareProblem } from "../../../src/core/matching/problem";
import { solveInstance } from "../../../src/core/matching/solve";
import { highs, instanceOf } from "../matching/helpers";
import { bestOf, candidatesOfInput, closeObjective, everyAllocation, planWith, recommend, smallAllocationInstance } from "./helpers";

const sorted = (ids: readonly string[]) => [...ids].sort();

describe("site allocation against brute force over every subset", () => {
  it("finds the allocation of least objective, keeping required, excluded and the limits (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 1, max: 10_000 }),
          candidates: fc.integer({ min: 2, max: 4 }),
          maxSites: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
          forced: fc.array(fc.constantFrom("required", "excluded", undefined), { minLength: 4, maxLength: 4 }),
          areaLimited: fc.boolean(),
        }),
        async ({ seed, candidates, maxSites, forced, areaLimited }) => {
          const raw = smallAllocationInstance(seed, { candidates });
          const sites = candidatesOfInput(raw);
          sites.forEach((site, i) => {
            const allocation = forced[i];
            if (allocation) site.allocation = allocation;
          });
          const required = sites.filter((s) => s.allocation === "required");
          const open = sites.filter((s) => s.allocation !== "excluded");
          // Limits that leave room for the required sites and at least one more (else the input is refused; see validation.test.ts).
          const limit = maxSites === undefined ? undefined : Math.max(maxSites, required.length, 1);
          const areaLimit = areaLimited && open.length > 0 ? Math.max(...open.map((s) => s.areaM2 ?? 0)) + required.reduce((sum, s) => sum + (s.areaM2 ?? 0), 0) : undefined;
          raw.parameters = { ...raw.parameters, ...(limit !== undefined ? { maxAllocatedSites: limit } : {}), ...(areaLimit !== undefined ? { maxAllocatedAreaM2: areaLimit } : {}) };

          const result = await recommend(raw);
          const plans = await everyAllocation(raw);
          const best = bestOf(plans);
          expect(result.status).toBe("optimal");
          expect(result.allocation.proven).toBe(true);
          expect(result.allocation.gap).toBeLessThanOrEqual(1e-4);
          expect(closeObjective(result.objective, best.objective)).toBe(true);
          // The recommended allocation is one of the allowed ones, and its objective is its own plan's.
          expect(plans.map((p) => sorted(p.allocated).join())).toContain(sorted(result.allocation.allocated).join());
          expect(closeObjective(result.objective, (await planWith(raw, result.allocation.allocated)).objective, 1e-9)).toBe(true);
          for (const site of required) expect(result.allocation.allocated).toContain(site.id);
          for (const site of sites.filter((s) => s.allocation === "excluded")) expect(result.allocation.allocated).not.toContain(site.id);
          if (limit !== undefined) expect(result.allocation.allocated.length).toBeLessThanOrEqual(limit);
          const areaM2 = sites.filter((s) => result.allocation.allocated.includes(s.id)).reduce((sum, s) => sum + (s.areaM2 ?? 0), 0);
          if (areaLimit !== undefined) expect(areaM2).toBeLessThanOrEqual(areaLimit);
        },
      ),
      { seed: 20_271, numRuns: 12 },
    );
  }, 300_000);

  it("agrees with bare HiGHS on the textbook big-M MIP of the same instance", async () => {
    for (const seed of [3, 8]) {
      const raw = smallAllocationInstance(seed, { candidates: 4, lots: 24 });
      const instance = instanceOf(raw);
      const problem = prepareProblem(instance);
      const naive = await highs.solve(naiveAllocationModel(problem, buildModel(problem), candidatesOf(problem)), { mipRelativeGap: 1e-6 });
      expect(naive.status).toBe("optimal");
      const result = await recommend(raw);
      if (naive.status === "optimal") expect(closeObjective(result.objective, naive.objective)).toBe(true);
    }
  }, 120_000);

  it("gives the same optimum with every engine setting the benchmark compares", async () => {
    const raw = smallAllocationInstance(8, { candidates: 4, lots: 24 });
    const reference = await recommend(raw);
    const settings = [
      { linking: "site" as const },
      { linking: "lazy" as const },
      { initialArcs: 1 },
      { warmUp: false },
      { search: { reducedCostFixing: false, rounding: "none" as const } },
      { search: { rounding: "all" as const, branching: "weighted" as const } },
      { search: { warmStart: "last" as const, plunge: true } },
    ];
    for (const engine of settings) {
      const result = await recommend(raw, { engine });
      expect(closeObjective(result.objective, reference.objective), JSON.stringify(engine)).toBe(true);
    }
  }, 120_000);
});

describe("what each site is worth", () => {
  it("equals re-solving the plan with the site taken out, or added, every other site kept", async () => {
    for (const seed of [3, 6]) {
      const raw = smallAllocationInstance(seed, { candidates: 3 });
      const result = await recommend(raw);
      const { allocated } = result.allocation;
      const recommended = await planWith(raw, allocated);
      expect(result.allocation.siteValues.map((v) => v.siteId).sort()).toEqual(candidatesOfInput(raw).map((c) => c.id).sort());
      for (const value of result.allocation.siteValues) {
        expect(value.allocated).toBe(allocated.includes(value.siteId));
        const other = await planWith(raw, value.allocated ? allocated.filter((id) => id !== value.siteId) : [...allocated, value.siteId]);
        const tolerance = 1e-6 * Math.max(1, Math.abs(recommended.objective));
        expect(Math.abs(value.deltaObjective - (other.objective - recommended.objective))).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(value.deltaCost - (other.costNok - recommended.costNok))).toBeLessThanOrEqual(tolerance);
        // The objective prices tonne-km; CO2 counts whole loads, which may differ between tied optima.
        expect(Math.abs(value.deltaKgCO2e - (other.kgCO2e - recommended.kgCO2e))).toBeLessThanOrEqual(other.loadRoundingKg + recommended.loadRoundingKg + 1e-3);
        expect(value.deltaTonnesReused).toBeCloseTo(other.tonnesReused - recommended.tonnesReused, 3);
        // The recommendation is optimal, so no single change improves its objective.
        expect(value.deltaObjective).toBeGreaterThanOrEqual(-tolerance - 1e-4 * Math.abs(recommended.objective));
      }
    }
  }, 120_000);

  it("marks a site whose addition breaks the site limit as a what-if", async () => {
    const raw = smallAllocationInstance(3, { candidates: 3 });
    const free = await recommend(raw);
    const limit = Math.max(1, free.allocation.allocated.length);
    raw.parameters = { ...raw.parameters, maxAllocatedSites: limit };
    const limited = await recommend(raw);
    for (const value of limited.allocation.siteValues) {
      expect(value.withinLimits).toBe(value.allocated || limited.allocation.allocated.length < limit);
    }
  }, 60_000);
});

describe("the curve of best plans with at most k sites", () => {
  it("is monotone, each point the brute-force best with at most k sites, and ends at the recommendation", async () => {
    for (const seed of [3, 8]) {
      const raw = smallAllocationInstance(seed, { candidates: 4, lots: 22 });
      const result = await recommend(raw, { curve: true });
      const { curve, allocated } = result.allocation;
      expect(curve[0]?.sites).toBe(0);
      expect(curve.at(-1)?.objective).toBeCloseTo(result.objective, 6);
      expect(curve.length).toBe(Math.min(allocated.length + 1, 4) + 1);
      for (const [i, point] of curve.entries()) {
        expect(point.sites).toBe(i);
        expect(point.allocated.length).toBeLessThanOrEqual(point.sites);
        if (i > 0) expect(point.objective).toBeLessThanOrEqual((curve[i - 1]?.objective as number) + 1e-9);
        const best = bestOf(await everyAllocation(raw, { maxSites: point.sites }));
        expect(closeObjective(point.objective, best.objective)).toBe(true);
        expect(point.gap).toBeLessThanOrEqual(1e-4);
      }
    }
  }, 300_000);

  it("starts at the number of required sites", async () => {
    const raw = smallAllocationInstance(8, { candidates: 3 });
    const first = candidatesOfInput(raw)[0];
    if (first) first.allocation = "required";
    const result = await recommend(raw, { curve: true });
    expect(result.allocation.curve[0]?.sites).toBe(1);
    expect(result.allocation.curve.every((p) => p.allocated.includes(first?.id ?? ""))).toBe(true);
  }, 60_000);
});

describe("the recommended plan", () => {
  it("counts fixed costs and rent in the objective and the cost KPI", async () => {
    const raw = smallAllocationInstance(6, { candidates: 3 });
    const result = await recommend(raw);
    const plan = await planWith(raw, result.allocation.allocated);
    expect(result.kpis.cost).toBeCloseTo(plan.costNok, 3);
    const chosen = candidatesOfInput(raw).filter((c) => result.allocation.allocated.includes(c.id));
    expect(result.allocation.fixedCostNok).toBe(chosen.reduce((sum, c) => sum + (c.fixedCostNok ?? 0), 0));
    expect(result.allocation.areaNeedM2.map((p) => p.month)).toEqual(raw.months);
    // A site not allocated takes no mass at all.
    const closed = candidatesOfInput(raw).filter((c) => !result.allocation.allocated.includes(c.id)).map((c) => c.id);
    expect(result.flows.filter((f) => closed.includes(f.to) || closed.includes(f.from))).toEqual([]);
    expect(result.inventory.filter((p) => closed.includes(p.siteId) && p.tonnes > 1e-6)).toEqual([]);
  }, 60_000);

  it("minimises kg CO2e with --objective co2 and allocates no site that carries nothing", async () => {
    const raw = smallAllocationInstance(8, { candidates: 4, lots: 22 });
    const result = await recommend(raw, { objective: "co2" });
    expect(result.objectiveKind).toBe("co2");
    expect(closeObjective(result.objective, bestOf(await everyAllocation(raw, { objective: "co2" })).objective)).toBe(true);
    for (const id of result.allocation.allocated) {
      expect(result.flows.some((f) => f.to === id && f.kind === "to_storage")).toBe(true);
    }
    expect(result.warnings.join(" ")).toContain("fixed costs and rent are reported, not minimised");
  }, 120_000);

  it("is the plain matching plan when there are no candidates", async () => {
    const raw = smallAllocationInstance(6, { candidates: 2 });
    for (const site of candidatesOfInput(raw)) site.candidate = false;
    const result = await recommend(raw);
    const plain = await solveInstance(instanceOf(raw), highs);
    expect(result.allocation.allocated).toEqual([]);
    expect(plain.status === "optimal" && closeObjective(result.objective, plain.objective, 1e-9)).toBe(true);
    expect(result.warnings.join(" ")).toContain("no candidate storage sites");
  }, 60_000);
});

describe("the time limit", () => {
  it("answers with the best allocation found, its gap, and says it is not proven", async () => {
    const raw = smallAllocationInstance(8, { candidates: 4, lots: 40, months: 8 });
    const instance = instanceOf(raw);
    // A clock that moves 1 s per reading: the search stops after a fixed amount of work (12
    // readings). Each LP still gets the remaining clock time as HiGHS's own limit, in real seconds,
    // so those must be ample (a busy machine took more than the 11 ms a 1 ms step gave).
    let clock = 0;
    const stopped = await recommendSites(instance, highs, { timeLimitSeconds: 12, now: () => (clock += 1000) });
    expect(stopped.status).toBe("time_limit");
    if (stopped.status === "error") return;
    expect(stopped.allocation.proven).toBe(false);
    expect(stopped.allocation.gap).toBeGreaterThanOrEqual(0);
    expect(stopped.allocation.lowerBound).toBeLessThanOrEqual(stopped.objective);
    expect(stopped.warnings.join(" ")).toContain("not proven best");
    // What it answers is a real plan: the objective of its allocation.
    expect(closeObjective(stopped.objective, (await planWith(raw, stopped.allocation.allocated)).objective, 1e-9)).toBe(true);
    const proven = await recommendSites(instance, highs, { timeLimitSeconds: 600 });
    expect(proven.status === "optimal" && proven.objective).toBeLessThanOrEqual(stopped.objective + 1e-6);
  }, 60_000);
});
