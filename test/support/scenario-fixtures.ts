/** Two small solved scenarios for the compare, meeting and export unit tests. */
import type { Flow, Kpis } from "../../src/core/matching/result";
import type { RecommendationEntry, RecommendedResult, ScenarioEntry } from "../../src/app/features/compare/scenario-data";

export function kpis(overrides: Partial<Kpis> = {}): Kpis {
  return {
    tonnesSurplus: 10_000,
    tonnesNeedingPermit: 0,
    tonnesDemand: 8_000,
    tonnesReused: 6_000,
    reuseRate: 0.6,
    tonnesThroughStorage: 2_000,
    tonnesToLandfill: 4_000,
    tonnesVirgin: 2_000,
    tonnesUnplacedSurplus: 0,
    tonnesUnplacedDemand: 0,
    tonnesInStorageAtEnd: 0,
    tonneKm: 54_321,
    truckTrips: 700,
    vehicleKm: 9_800,
    kgCO2e: 12_345,
    kgCO2Transport: 9_800,
    kgCO2eVirgin: 2_545,
    cost: 1_234_567,
    peakInventoryTonnes: {},
    ...overrides,
  };
}

export const flows: Flow[] = [
  { from: "L1", to: "L2", month: "2027-01", tonnes: 1500, km: 4.25, material: "rock", contaminationClass: 1, kind: "direct" },
  { from: "L1", to: "L2", month: "2027-02", tonnes: 500, km: 4.25, material: "rock", contaminationClass: 1, kind: "direct" },
  { from: "L1", to: "S1", month: "2027-02", tonnes: 2000, km: 7.5, material: "rock", contaminationClass: 1, kind: "to_storage" },
  { from: "L3", to: "LF1", month: "2027-03", tonnes: 321.5, km: 12, material: "clay_silt", contaminationClass: 2, kind: "to_landfill" },
  { from: "Q1", to: "L2", month: "2027-03", tonnes: 10, km: 20, material: "gravel_sand", contaminationClass: 1, kind: "virgin" },
];

export function entry(id: string, name: string, kpiOverrides: Partial<Kpis> = {}, siteIds: string[] | null = null): ScenarioEntry {
  return {
    scenario: {
      id,
      name,
      note: "",
      siteIds,
      parameters: { carbonPricePerKg: 0.5 },
      overrides: [], siteAllocation: [],
      schemaVersion: 1,
      version: 1,
      createdBy: "planner",
      updatedBy: "planner",
      updatedAt: "2027-01-01T00:00:00.000Z",
      deletedAt: null,
      lastRun: null,
    },
    run: { id: `run-${id}`, scenarioId: id, status: "succeeded", kind: "matching", startedBy: "planner", startedAt: "2026-11-27T09:00:00.000Z", finishedAt: "2026-11-27T09:00:05.000Z", error: null },
    result: {
      status: "optimal",
      objectiveKind: "cost",
      objective: 1,
      kpis: kpis(kpiOverrides),
      baseline: { objective: 2, kpis: kpis({ tonnesReused: 0, reuseRate: 0, tonnesToLandfill: 10_000, tonnesVirgin: 8_000, tonneKm: 90_000, cost: 2_500_000 }) },
      flows,
      inventory: [],
      unplaced: [],
      warnings: [],
      stats: { variables: 0, constraints: 0, nonZeros: 0, prepareSeconds: 0, buildSeconds: 0, solveSeconds: 0, totalSeconds: 0 },
    },
  };
}

/**
 * A site-allocation recommendation for `base` (issue 11): "Sætre industriområde" allocated among
 * three candidates, with site values, the k-curve and the area need; `status`, `proven` and
 * `unplacedTonnes` make the other outcomes.
 */
export function recommendation(
  base: ScenarioEntry,
  { status = "optimal", proven = true, gap = 0, unplacedTonnes = 0 }: { status?: "optimal" | "time_limit"; proven?: boolean; gap?: number; unplacedTonnes?: number } = {},
): RecommendationEntry {
  const result = {
    ...base.result,
    status,
    unplaced: unplacedTonnes > 0 ? [{ lotId: "L3", direction: "surplus" as const, tonnes: unplacedTonnes, months: ["2027-03"], reason: "no receiver accepts class 2 clay_silt" }] : [],
    allocation: {
      allocated: ["C1"],
      fixedCostNok: 3_928_000,
      rentNok: 3_628_800,
      gap,
      lowerBound: base.result.objective,
      proven,
      siteValues: [
        { siteId: "C1", allocated: true, deltaCost: 2_345_678, deltaKgCO2e: 15_500, deltaTonnesReused: -12_000, deltaObjective: 2_345_678, withinLimits: true, fixedCostNok: 3_928_000, rentNok: 3_628_800 },
        { siteId: "C2", allocated: false, deltaCost: 812_000, deltaKgCO2e: -2_400, deltaTonnesReused: 1_500, deltaObjective: 812_000, withinLimits: true, fixedCostNok: 4_600_000, rentNok: 4_320_000 },
        { siteId: "C3", allocated: false, deltaCost: 1_250_000, deltaKgCO2e: 300, deltaTonnesReused: 0, deltaObjective: 1_250_000, withinLimits: false, fixedCostNok: 3_130_000, rentNok: 2_808_000 },
      ],
      curve: [
        { sites: 0, allocated: [], cost: 14_000_000, kgCO2e: 410_000, reuseRate: 0.41, objective: 14_000_000, gap: 0 },
        { sites: 1, allocated: ["C1"], cost: 11_654_322, kgCO2e: 394_500, reuseRate: 0.58, objective: 11_654_322, gap: 0 },
        { sites: 2, allocated: ["C1", "C2"], cost: 12_466_322, kgCO2e: 392_100, reuseRate: 0.6, objective: 12_466_322, gap: 0 },
      ],
      areaNeedM2: [
        { month: "2027-01", m2: 1_200, shortTermM2: 1_200, longTermM2: 0, bySite: { C1: 1_200 } },
        { month: "2027-02", m2: 3_450, shortTermM2: 2_000, longTermM2: 1_450, bySite: { C1: 3_450 } },
      ],
      search: { nodes: 3, evaluations: 5, lpSolves: 9, iterations: 100, seconds: 1.2, curveSeconds: 0.8, valuesSeconds: 0.4 },
    },
  } satisfies RecommendedResult;
  const run = { id: `alloc-${base.scenario.id}`, scenarioId: base.scenario.id, status: "succeeded" as const, kind: "allocation" as const, startedBy: "planner", startedAt: "2026-11-27T09:30:00.000Z", finishedAt: "2026-11-27T09:31:00.000Z", error: null };
  const site = (id: string, name: string, fixedCostNok: number) => ({ id, name, kind: "storage" as const, candidate: true, fixedCostNok, location: [10.4, 59.7] as [number, number] });
  return {
    scenario: base.scenario,
    result,
    view: {
      run,
      running: null,
      lastFailure: null,
      result,
      notes: [],
      dataChanged: null,
      sites: [site("C1", "Sætre industriområde", 3_928_000), site("C2", "Vettre grustak", 4_600_000), site("C3", "Spikkestad næringspark", 3_130_000)],
      sitesInPlay: ["C1", "LF1"],
    },
  };
}
