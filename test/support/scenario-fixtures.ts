/** Two small solved scenarios for the compare, meeting and export unit tests. */
import type { Flow, Kpis } from "../../src/core/matching/result";
import type { ScenarioEntry } from "../../src/app/features/compare/scenario-data";

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
