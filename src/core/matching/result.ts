import type { Material } from "../domain/materials";
import type { FlagRefusal } from "../special-masses/flags";

/** The result of matching (DESIGN §7 "Result"); every field beyond §7's minimum is an addition. */

/** How a flow moves: a route through storage is two flows, `to_storage` then `from_storage`. */
export type FlowKind = "direct" | "to_storage" | "from_storage" | "to_landfill" | "virgin";

export interface Flow {
  /** Lot or site id the tonnes leave. */
  from: string;
  /** Lot or site id the tonnes reach. */
  to: string;
  /** "YYYY-MM". */
  month: string;
  tonnes: number;
  km: number;
  material: Material;
  /** TA-2553 class of the mass; virgin material is class 1. */
  contaminationClass: number;
  kind: FlowKind;
  /**
   * Class ≥ 2 mass to another project or into/out of storage without a recorded permit or
   * tiltaksplan (forurensningsloven § 11; DESIGN §8). Addition (issue 17): the matching sets it
   * on every flow; optional for results saved before it.
   */
  needsPermit?: boolean;
}

/** A lot or part of one that could not be placed, with the reason a planner reads. */
export interface Unplaced {
  lotId: string;
  direction: "surplus" | "demand";
  tonnes: number;
  months: string[];
  reason: string;
  /** A flagged lot with no receiver because of its special-mass flags: the rule, as a key for the UI's words (issue 17). */
  flagRefusal?: FlagRefusal;
}

/** Stock on a storage site at the end of a month, tonnes. */
export interface InventoryPoint {
  siteId: string;
  month: string;
  tonnes: number;
}

/** Key figures of a plan (DESIGN §2 "Results"). */
export interface Kpis {
  tonnesSurplus: number;
  tonnesDemand: number;
  /** Surplus that reaches a demand, directly or through storage. */
  tonnesReused: number;
  /** tonnesReused ÷ tonnesSurplus; 0 without surplus. */
  reuseRate: number;
  tonnesThroughStorage: number;
  /** Surplus and stored mass sent to landfills. */
  tonnesToLandfill: number;
  /** Virgin material bought from quarries. */
  tonnesVirgin: number;
  tonnesUnplacedSurplus: number;
  tonnesUnplacedDemand: number;
  /** Mass left on storage sites that keep inventory beyond their window. */
  tonnesInStorageAtEnd: number;
  /** Σ tonnes × km over haul legs. */
  tonneKm: number;
  /** Whole truck loads: Σ over flows of ⌈tonnes ÷ truckPayloadTonnes⌉ (issue 17; before, a fraction). */
  truckTrips: number;
  /** Σ over flows of trips × km × 2 (loaded out, empty back). */
  vehicleKm: number;
  /** kgCO2Transport + kgCO2eVirgin: the plan's emissions in one number (DESIGN §7). */
  kgCO2e: number;
  /** Tailpipe CO2 of the trucks (fossil diesel): vehicleKm × kgCO2PerVehicleKm. Addition (issue 17). */
  kgCO2Transport: number;
  /** CO2e of the virgin material bought: virgin tonnes × the quarry's kgCO2ePerTonne. Addition (issue 17). */
  kgCO2eVirgin: number;
  /** Tonnes in flows marked needsPermit: class ≥ 2 mass moved without a recorded permit (issue 17). */
  tonnesNeedingPermit: number;
  /** NOK: the cost objective without the carbon price and the unplaced penalty. */
  cost: number;
  /** Highest end-of-month stock per storage site id, tonnes. */
  peakInventoryTonnes: Record<string, number>;
}

/** "No exchange": all surplus to its nearest accepting landfill, all demand from its nearest quarry. */
export interface Baseline {
  objective: number;
  kpis: Kpis;
}

export interface SolveStats {
  variables: number;
  constraints: number;
  nonZeros: number;
  /** Seconds converting the validated instance: tonnes per month and the distance matrix. */
  prepareSeconds: number;
  /** Seconds building the LP (sparse columns). */
  buildSeconds: number;
  /** Seconds in the solver, from passing the model to reading the solution. */
  solveSeconds: number;
  /** Seconds for the whole solve, incl. reading flows, KPIs, reasons and the baseline. */
  totalSeconds: number;
}

export type MatchStatus = "optimal" | "infeasible" | "error";

/**
 * `optimal`: the plan is optimal; lots that cannot be placed (or whose penalty is cheaper than
 * every route) are part of it, listed in `unplaced` with reasons. `infeasible`: reserved for a
 * model without any solution — matching's unplaced slack means it does not occur (before issue 11
 * it meant "some tonnes unplaced"). `error`: the solver failed; `message` says why.
 */
export type MatchResult =
  | {
      status: "optimal" | "infeasible";
      objectiveKind: "cost" | "co2";
      /** Minimised objective incl. the carbon price and unplaced penalties (NOK, or kg CO2e for co2). */
      objective: number;
      kpis: Kpis;
      baseline: Baseline;
      flows: Flow[];
      inventory: InventoryPoint[];
      unplaced: Unplaced[];
      warnings: string[];
      stats: SolveStats;
    }
  | { status: "error"; message: string; warnings: string[]; stats: SolveStats };
