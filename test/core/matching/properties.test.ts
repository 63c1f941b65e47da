import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveWithJsLpSolver } from "../../../bench/lp-reference";
import { buildModel } from "../../../src/core/matching/build-model";
import { generateInstance } from "../../../src/core/matching/generate";
import { greedyValues } from "../../../src/core/matching/heuristics";
import type { InstanceInput } from "../../../src/core/matching/instance";
import { readPlan } from "../../../src/core/matching/plan";
import { prepareProblem } from "../../../src/core/matching/problem";
import { instanceOf, solve } from "./helpers";

/** Small seeded instances: a few lots, sites and months, so that 50 runs take a few seconds. */
const smallInstance = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    lots: fc.integer({ min: 2, max: 12 }),
    storageSites: fc.integer({ min: 0, max: 2 }),
    landfills: fc.integer({ min: 1, max: 2 }),
    quarries: fc.integer({ min: 0, max: 2 }),
    months: fc.integer({ min: 1, max: 5 }),
    maxHaulKm: fc.constantFrom(8, 20, 60),
  })
  .map(({ maxHaulKm, ...options }): InstanceInput => {
    const instance = generateInstance({ ...options, halfSideKm: 10, maxWindowMonths: 3 });
    return { ...instance, parameters: { maxHaulKm } };
  });

/**
 * Instances where storage matters: two materials, surplus and demand in different months, storage
 * that takes both materials at small capacities, expensive landfill and quarry.
 */
const month = (i: number) => `2027-0${i + 1}`;
const storageHeavy = fc
  .record({
    monthCount: fc.integer({ min: 2, max: 5 }),
    lots: fc.array(
      fc.record({
        surplus: fc.boolean(),
        material: fc.constantFrom("rock" as const, "clay_silt" as const),
        contaminationClass: fc.integer({ min: 1, max: 3 }),
        tonnes: fc.integer({ min: 10, max: 1000 }),
        start: fc.nat(),
        length: fc.integer({ min: 1, max: 2 }),
        location: fc.tuple(fc.double({ min: 10.35, max: 10.5, noNaN: true }), fc.double({ min: 59.78, max: 59.86, noNaN: true })),
      }),
      { minLength: 2, maxLength: 8 },
    ),
    storage: fc.array(
      fc.record({ capacityTonnes: fc.integer({ min: 50, max: 2000 }), worstClass: fc.integer({ min: 1, max: 3 }), keepsInventory: fc.boolean(), opensLate: fc.boolean() }),
      { minLength: 1, maxLength: 2 },
    ),
    landfillCapacity: fc.option(fc.integer({ min: 100, max: 3000 }), { nil: undefined }),
  })
  .map(({ monthCount, lots, storage, landfillCapacity }): InstanceInput => {
    const months = Array.from({ length: monthCount }, (_, i) => month(i));
    const at: [number, number] = [10.43, 59.83];
    return {
      months,
      lots: lots.map((l, i) => {
        const first = l.start % monthCount;
        const last = Math.min(monthCount - 1, first + l.length - 1);
        return {
          id: `L${i}`,
          direction: l.surplus ? "surplus" : "demand",
          material: l.material,
          contaminationClass: l.contaminationClass,
          quantity: { value: l.tonnes, unit: "tonnes" },
          window: { from: months[first] as string, to: months[last] as string },
          location: l.location,
        };
      }),
      sites: [
        ...storage.map((j, i) => ({
          id: `S${i}`,
          kind: "storage" as const,
          location: at,
          capacityTonnes: j.capacityTonnes,
          accepts: { materials: ["rock" as const, "clay_silt" as const], worstClass: j.worstClass },
          handlingCostPerTonne: 10,
          keepsInventory: j.keepsInventory && i === 0,
          ...(j.opensLate && monthCount > 2 ? { window: { from: months[1] as string, to: months[monthCount - 1] as string } } : {}),
        })),
        { id: "D", kind: "landfill" as const, location: at, gateFeePerTonne: 400, ...(landfillCapacity ? { capacityTonnes: landfillCapacity } : {}) },
        { id: "Q", kind: "quarry" as const, location: at, materials: ["rock" as const], pricePerTonne: 300, kgCO2ePerTonne: 5 },
      ],
    };
  });

const anyInstance = fc.oneof(smallInstance, storageHeavy);
const runs = { numRuns: 50 };
const relativeGap = (a: number, b: number) => (a - b) / Math.max(1, Math.abs(b));

describe("matching invariants on seeded random instances", () => {
  it("places every tonne once, respects capacity, classes and windows, and beats greedy and baseline", async () => {
    await fc.assert(
      fc.asyncProperty(anyInstance, async (raw) => {
        const result = await solve(raw); // checks the invariants of helpers.ts
        const problem = prepareProblem(instanceOf(raw));
        const built = buildModel(problem);
        const greedy = readPlan(problem, built, greedyValues(problem, built));
        expect(relativeGap(result.objective, greedy.objective)).toBeLessThanOrEqual(1e-9);
        expect(relativeGap(result.objective, result.baseline.objective)).toBeLessThanOrEqual(1e-9);
      }),
      runs,
    );
  });

  it("never costs more with one more site", async () => {
    await fc.assert(
      fc.asyncProperty(anyInstance, fc.nat(), async (raw, pick) => {
        const sites = raw.sites ?? [];
        if (sites.length === 0) return;
        const without = { ...raw, sites: sites.filter((_, i) => i !== pick % sites.length) };
        const all = await solve(raw);
        const fewer = await solve(without);
        expect(relativeGap(all.objective, fewer.objective)).toBeLessThanOrEqual(1e-9);
      }),
      runs,
    );
  });

  it("scales the objective with all quantities and capacities", async () => {
    await fc.assert(
      fc.asyncProperty(anyInstance, fc.constantFrom(0.5, 2, 10), async (raw, factor) => {
        const scaled: InstanceInput = {
          ...raw,
          lots: raw.lots.map((l) => ({ ...l, quantity: { ...l.quantity, value: l.quantity.value * factor } })),
          sites: (raw.sites ?? []).map((s) =>
            s.kind === "quarry" || s.capacityTonnes === undefined ? s : { ...s, capacityTonnes: s.capacityTonnes * factor },
          ),
        };
        const base = await solve(raw);
        const bigger = await solve(scaled);
        expect(Math.abs(relativeGap(bigger.objective, base.objective * factor))).toBeLessThanOrEqual(1e-6);
      }),
      runs,
    );
  });

  it("agrees with javascript-lp-solver's optimum within 1e-6", async () => {
    await fc.assert(
      fc.asyncProperty(anyInstance, async (raw) => {
        const result = await solve(raw);
        const problem = prepareProblem(instanceOf(raw));
        const reference = solveWithJsLpSolver(buildModel(problem).model);
        expect(reference).toBeDefined();
        expect(Math.abs(relativeGap(result.objective, reference as number))).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 25 },
    );
  });
});
