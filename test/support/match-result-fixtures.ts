import type { Flow, Kpis, MatchResult } from "../../src/core/matching/result";

export function kpis(over: Partial<Kpis> = {}): Kpis {
  return {
    tonnesSurplus: 1000,
    tonnesNeedingPermit: 0,
    tonnesDemand: 600,
    tonnesReused: 500,
    reuseRate: 0.5,
    tonnesThroughStorage: 200,
    tonnesToLandfill: 500,
    tonnesVirgin: 100,
    tonnesUnplacedSurplus: 0,
    tonnesUnplacedDemand: 0,
    tonnesInStorageAtEnd: 0,
    tonneKm: 4000,
    truckTrips: 70,
    vehicleKm: 900,
    kgCO2e: 2500,
    kgCO2Transport: 1800,
    kgCO2eVirgin: 700,
    cost: 50_000,
    peakInventoryTonnes: { S1: 200 },
    ...over,
  };
}

export function flow(over: Partial<Flow> = {}): Flow {
  return { from: "L1", to: "L2", month: "2027-01", tonnes: 100, km: 5, material: "rock", contaminationClass: 1, kind: "direct", ...over };
}

/** A small optimal result: a direct flow, storage in January out in March, a landfill flow and a virgin one. */
export function result(over: Partial<Exclude<MatchResult, { status: "error" }>> = {}): MatchResult {
  return {
    status: "optimal",
    objectiveKind: "cost",
    objective: 50_000,
    kpis: kpis(),
    baseline: {
      objective: 90_000,
      kpis: kpis({ tonnesReused: 0, reuseRate: 0, tonnesToLandfill: 1000, tonnesVirgin: 600, tonneKm: 9000, truckTrips: 95, vehicleKm: 1500, kgCO2e: 4000, cost: 90_000 }),
    },
    flows: [
      flow(),
      flow({ to: "S1", kind: "to_storage", tonnes: 200, km: 3 }),
      flow({ from: "S1", to: "L3", month: "2027-03", kind: "from_storage", tonnes: 200, km: 4 }),
      flow({ from: "L1", to: "F1", month: "2027-02", kind: "to_landfill", tonnes: 500, km: 10, material: "clay_silt" }),
      flow({ from: "Q1", to: "L2", month: "2027-02", kind: "virgin", tonnes: 100, km: 8, material: "gravel_sand" }),
    ],
    inventory: [
      { siteId: "S1", month: "2027-01", tonnes: 200 },
      { siteId: "S1", month: "2027-02", tonnes: 200 },
      { siteId: "S1", month: "2027-03", tonnes: 0 },
    ],
    unplaced: [],
    warnings: [],
    stats: { variables: 1, constraints: 1, nonZeros: 1, prepareSeconds: 0, buildSeconds: 0, solveSeconds: 0, totalSeconds: 0 },
    ...over,
  };
}

export const places = {
  L1: { name: "Tunnel", location: [10.4, 59.8] as [number, number], kind: "surplus" as const },
  L2: { name: "School", location: [10.5, 59.85] as [number, number], kind: "demand" as const },
  L3: { name: "Road", location: [10.45, 59.7] as [number, number], kind: "demand" as const },
  S1: { name: "Lahell", location: [10.35, 59.75] as [number, number], kind: "storage" as const },
  F1: { name: "Landfill", location: [10.3, 59.9] as [number, number], kind: "landfill" as const },
  Q1: { name: "Quarry", location: null, kind: "quarry" as const },
};
