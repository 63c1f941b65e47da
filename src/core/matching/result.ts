import { z } from "zod";
import { materialSchema } from "../domain/materials";
import { messageSchema } from "../messages/message";

/**
 * The result of matching (DESIGN §7 "Result"); every field beyond §7's minimum is an addition.
 * Each shape is a zod schema: the contract of `POST /api/solve`, scenario results and the CLI file.
 */

/** How a flow moves: a route through storage is two flows, `to_storage` then `from_storage`. */
export const flowKinds = ["direct", "to_storage", "from_storage", "to_landfill", "virgin"] as const;
export type FlowKind = (typeof flowKinds)[number];

export const flowSchema = z.object({
  /** Lot or site id the tonnes leave. */
  from: z.string(),
  /** Lot or site id the tonnes reach. */
  to: z.string(),
  /** "YYYY-MM". */
  month: z.string(),
  tonnes: z.number(),
  km: z.number(),
  material: materialSchema,
  /** TA-2553 class of the mass; virgin material is class 1. */
  contaminationClass: z.number(),
  kind: z.enum(flowKinds),
});
export type Flow = z.infer<typeof flowSchema>;

/** A lot or part of one that could not be placed, with the reason a planner reads. */
export const unplacedSchema = z.object({
  lotId: z.string(),
  direction: z.enum(["surplus", "demand"]),
  tonnes: z.number(),
  months: z.array(z.string()),
  /** Why, in English: one reason per group of months, joined with "; ". */
  reason: z.string(),
  /** The same reasons as messages to translate (addition to DESIGN §7; absent in results saved before it). */
  reasonDetails: z.array(messageSchema).optional(),
});
export type Unplaced = z.infer<typeof unplacedSchema>;

/** Stock on a storage site at the end of a month, tonnes. */
export const inventoryPointSchema = z.object({ siteId: z.string(), month: z.string(), tonnes: z.number() });
export type InventoryPoint = z.infer<typeof inventoryPointSchema>;

/** Key figures of a plan (DESIGN §2 "Results"). */
export const kpisSchema = z.object({
  tonnesSurplus: z.number(),
  tonnesDemand: z.number(),
  /** Surplus that reaches a demand, directly or through storage. */
  tonnesReused: z.number(),
  /** tonnesReused ÷ tonnesSurplus; 0 without surplus. */
  reuseRate: z.number(),
  tonnesThroughStorage: z.number(),
  /** Surplus and stored mass sent to landfills. */
  tonnesToLandfill: z.number(),
  /** Virgin material bought from quarries. */
  tonnesVirgin: z.number(),
  tonnesUnplacedSurplus: z.number(),
  tonnesUnplacedDemand: z.number(),
  /** Mass left on storage sites that keep inventory beyond their window. */
  tonnesInStorageAtEnd: z.number(),
  /** Σ tonnes × km over haul legs. */
  tonneKm: z.number(),
  /** Whole truck loads: Σ over flows of ⌈tonnes ÷ truckPayloadTonnes⌉ (issue 17; before, a fraction). */
  truckTrips: z.number(),
  /** Σ over flows of trips × km × 2 (loaded out, empty back). */
  vehicleKm: z.number(),
  /** kgCO2Transport + kgCO2eVirgin: the plan's emissions in one number (DESIGN §7). */
  kgCO2e: z.number(),
  /** Tailpipe CO2 of the trucks (fossil diesel): vehicleKm × kgCO2PerVehicleKm. Addition (issue 17). */
  kgCO2Transport: z.number(),
  /** CO2e of the virgin material bought: virgin tonnes × the quarry's kgCO2ePerTonne. Addition (issue 17). */
  kgCO2eVirgin: z.number(),
  /** NOK: the cost objective without the carbon price and the unplaced penalty. */
  cost: z.number(),
  /** Highest end-of-month stock per storage site id, tonnes. */
  peakInventoryTonnes: z.record(z.string(), z.number()),
});
export type Kpis = z.infer<typeof kpisSchema>;

/** "No exchange": all surplus to its nearest accepting landfill, all demand from its nearest quarry. */
export const baselineSchema = z.object({ objective: z.number(), kpis: kpisSchema });
export type Baseline = z.infer<typeof baselineSchema>;

export const solveStatsSchema = z.object({
  variables: z.number(),
  constraints: z.number(),
  nonZeros: z.number(),
  /** Seconds converting the validated instance: tonnes per month and the distance matrix. */
  prepareSeconds: z.number(),
  /** Seconds building the LP (sparse columns). */
  buildSeconds: z.number(),
  /** Seconds in the solver, from passing the model to reading the solution. */
  solveSeconds: z.number(),
  /** Seconds for the whole solve, incl. reading flows, KPIs, reasons and the baseline. */
  totalSeconds: z.number(),
});
export type SolveStats = z.infer<typeof solveStatsSchema>;

export type MatchStatus = "optimal" | "infeasible" | "error";

/** A solved plan: every lot placed at least cost (`optimal`), or the best plan with some tonnes unplaced (`infeasible`). */
export const solvedResultSchema = z.object({
  status: z.enum(["optimal", "infeasible"]),
  objectiveKind: z.enum(["cost", "co2"]),
  /** Minimised objective incl. the carbon price and unplaced penalties (NOK, or kg CO2e for co2). */
  objective: z.number(),
  kpis: kpisSchema,
  baseline: baselineSchema,
  flows: z.array(flowSchema),
  inventory: z.array(inventoryPointSchema),
  unplaced: z.array(unplacedSchema),
  warnings: z.array(z.string()),
  stats: solveStatsSchema,
});
export type SolvedResult = z.infer<typeof solvedResultSchema>;

/**
 * `optimal`: the plan is optimal; lots that cannot be placed (or whose penalty is cheaper than
 * every route) are part of it, listed in `unplaced` with reasons. `infeasible`: reserved for a
 * model without any solution — matching's unplaced slack means it does not occur (before issue 11
 * it meant "some tonnes unplaced"). `error`: the solver failed; `message` says why.
 */
export const matchResultSchema = z.discriminatedUnion("status", [
  solvedResultSchema.extend({ status: z.literal("optimal") }),
  solvedResultSchema.extend({ status: z.literal("infeasible") }),
  z.object({ status: z.literal("error"), message: z.string(), warnings: z.array(z.string()), stats: solveStatsSchema }),
]);
export type MatchResult = z.infer<typeof matchResultSchema>;
