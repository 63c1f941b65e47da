import type { MatchResult, SolveStats } from "../matching/result";
import type { AreaNeedPoint } from "./area-need";

/**
 * The result of site allocation (`massekart recommend`, issue 11): the solve result of the
 * recommended plan plus `allocation`. Every delta below is "the other plan − the recommended
 * plan", so a positive deltaCost is what the other plan costs more.
 */

/** What one candidate site is worth, by re-solving the plan with it taken out (allocated) or added (left out). */
export interface SiteValue {
  siteId: string;
  /** Whether the recommendation allocates it. */
  allocated: boolean;
  /** NOK: total cost (flows, site fixed costs and rent) of the other plan − the recommended plan. */
  deltaCost: number;
  /** kg CO2e of the other plan − the recommended plan. */
  deltaKgCO2e: number;
  /** Tonnes reused in the other plan − the recommended plan (negative: reuse lost without the site). */
  deltaTonnesReused: number;
  /** The objective of the other plan − the recommended plan (NOK, or kg CO2e for `co2`). */
  deltaObjective: number;
  /** False when adding the site breaks `maxAllocatedSites` or `maxAllocatedAreaM2` (the value is then a what-if). */
  withinLimits: boolean;
  /** The site's fixed cost and rent over its window, NOK. */
  fixedCostNok: number;
  rentNok: number;
}

/** The best plan with at most `sites` candidate sites allocated. */
export interface CurvePoint {
  sites: number;
  /** Candidate site ids allocated. */
  allocated: string[];
  /** NOK, flows and sites. */
  cost: number;
  kgCO2e: number;
  reuseRate: number;
  objective: number;
  /** Relative gap proven for this point (≤ the requested gap unless the time limit stopped it). */
  gap: number;
}

export interface AllocationSummary {
  /** Candidate site ids the recommendation allocates (sites without `candidate` are allocated anyway). */
  allocated: string[];
  /** Σ fixedCostNok of the allocated candidates. */
  fixedCostNok: number;
  /** Σ rent of the allocated candidates over the months of their windows within the horizon. */
  rentNok: number;
  /** (objective − proven lower bound) ÷ |objective|: at most the requested gap (1e-4) when `proven`. */
  gap: number;
  /** The proven lower bound on the objective of any allocation. */
  lowerBound: number;
  /** False when the time limit stopped the search: the allocation is the best found, `gap` says how far it may be from the best. */
  proven: boolean;
  /** Every candidate site, allocated ones first, each by deltaObjective, largest first. */
  siteValues: SiteValue[];
  /** With `--curve`: the best plan with at most 0, 1, 2 … sites. */
  curve: CurvePoint[];
  /** Storage area the recommended plan needs per month. */
  areaNeedM2: AreaNeedPoint[];
  /** How the answer was found. */
  search: { nodes: number; evaluations: number; lpSolves: number; iterations: number; seconds: number; curveSeconds: number; valuesSeconds: number };
}

type Solved = Extract<MatchResult, { status: "optimal" | "infeasible" }>;

/**
 * `optimal`: the allocation is proven best within the gap. `time_limit`: the time limit passed
 * first; the plan is the best allocation found, `allocation.gap` says how far it may be from the
 * best. `error`: no plan (the message says why).
 */
export type RecommendResult =
  | (Omit<Solved, "status"> & { status: "optimal" | "time_limit"; allocation: AllocationSummary })
  | { status: "error"; message: string; warnings: string[]; stats: SolveStats };
