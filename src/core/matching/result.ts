import type { Material } from "../domain/materials";
import type { Message } from "../messages/message";

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
}

/** A lot or part of one that could not be placed, with the reason a planner reads. */
export interface Unplaced {
  lotId: string;
  direction: "surplus" | "demand";
  tonnes: number;
  months: string[];
  /** Why, in English: one reason per group of months, joined with "; ". */
  reason: string;
  /** The same reasons as messages to translate (addition to DESIGN §7; absent in results saved before it). */
  reasonDetails?: Message[];
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
  /** Σ tonnes ÷ truckPayloadTonnes over haul legs. */
  truckTrips: number;
  /** truck trips × km × 2 (loaded out, empty back). */
  vehicleKm: number;
  /** tonne-km × kgCO2ePerTonneKm + virgin tonnes × the quarry's kgCO2ePerTonne. */
  kgCO2e: number;
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
 * `optimal`: every lot placed at least cost. `infeasible`: the best plan leaves some tonnes
 * unplaced (listed with reasons; flows and KPIs still describe that plan). `error`: the solver
 * failed; `message` says why.
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
