import { recommendSites, type RecommendOptions } from "../../../src/core/allocation/recommend";
import type { RecommendResult } from "../../../src/core/allocation/result";
import { generateInstance } from "../../../src/core/matching/generate";
import type { InstanceInput } from "../../../src/core/matching/instance";
import { solveInstance } from "../../../src/core/matching/solve";
import { highs, instanceOf } from "../matching/helpers";

export type Recommended = Exclude<RecommendResult, { status: "error" }>;
type StorageInput = Extract<NonNullable<InstanceInput["sites"]>[number], { kind: "storage" }>;

/** Recommends and insists on a result. */
export async function recommend(raw: InstanceInput, options: RecommendOptions = {}): Promise<Recommended> {
  const result = await recommendSites(instanceOf(raw), highs, options);
  if (result.status === "error") throw new Error(`recommend failed: ${result.message}`);
  return result;
}

/**
 * A small generated instance whose candidates' costs are on the scale of its flows (so some are
 * worth allocating and some are not): fixed cost NOK 0–`maxFixedNok`, rent 0–`maxRentNok` a month.
 */
export function smallAllocationInstance(seed: number, { candidates = 3, lots = 18, months = 6, maxFixedNok = 600_000, maxRentNok = 30_000 } = {}): InstanceInput {
  const raw = generateInstance({ lots, storageSites: candidates, landfills: 1, quarries: 1, months, seed, candidates: true });
  let state = seed * 2654435761;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (const site of raw.sites ?? []) {
    if (site.kind !== "storage") continue;
    site.fixedCostNok = Math.round(random() * maxFixedNok);
    site.rentNokPerMonth = Math.round(random() * maxRentNok);
  }
  return raw;
}

export const candidatesOfInput = (raw: InstanceInput) => (raw.sites ?? []).filter((s): s is StorageInput => s.kind === "storage" && s.candidate === true);

/** Months of a site's window within the horizon (all of them without a window). */
function monthsOpen(raw: InstanceInput, site: StorageInput): number {
  return raw.months.filter((m) => !site.window || (m >= site.window.from && m <= site.window.to)).length;
}

export interface SubsetPlan {
  allocated: string[];
  objective: number;
  costNok: number;
  kgCO2e: number;
  tonnesReused: number;
  /**
   * How far `kgCO2e` may lie from another optimum's: trucks are whole loads per flow, so two plans
   * with the same objective (a tie among LP vertices) can differ by up to one load per flow.
   */
  loadRoundingKg: number;
}

/**
 * The plan of one allocation solved independently of the allocation engine: the instance with the
 * other candidates left out, solved by the plain matching (`solveInstance`, HiGHS one-shot), plus
 * the allocated candidates' fixed costs and rent (not for co2).
 */
export async function planWith(raw: InstanceInput, allocated: readonly string[], objective: "cost" | "co2" = "cost"): Promise<SubsetPlan> {
  const candidates = candidatesOfInput(raw);
  const kept = new Set(allocated);
  const sites = (raw.sites ?? []).filter((s) => !(s.kind === "storage" && s.candidate && !kept.has(s.id)));
  const result = await solveInstance(instanceOf({ ...raw, sites }), highs, { objective });
  if (result.status === "error") throw new Error(result.message);
  const siteCost = candidates.filter((c) => kept.has(c.id)).reduce((sum, c) => sum + (c.fixedCostNok ?? 0) + (c.rentNokPerMonth ?? 0) * monthsOpen(raw, c), 0);
  return {
    allocated: [...allocated],
    objective: result.objective + (objective === "co2" ? 0 : siteCost),
    costNok: result.kpis.cost + siteCost,
    kgCO2e: result.kpis.kgCO2e,
    tonnesReused: result.kpis.tonnesReused,
    loadRoundingKg: result.flows.reduce((sum, flow) => sum + 2 * (raw.parameters?.kgCO2PerVehicleKm ?? 1) * flow.km, 0),
  };
}

/** Every allocation that keeps to the required/excluded candidates and the limits, solved by `planWith`. */
export async function everyAllocation(raw: InstanceInput, { objective = "cost", maxSites }: { objective?: "cost" | "co2"; maxSites?: number } = {}): Promise<SubsetPlan[]> {
  const candidates = candidatesOfInput(raw);
  const limit = maxSites ?? raw.parameters?.maxAllocatedSites ?? Infinity;
  const maxAreaM2 = raw.parameters?.maxAllocatedAreaM2 ?? Infinity;
  const plans: SubsetPlan[] = [];
  for (let mask = 0; mask < 2 ** candidates.length; mask++) {
    const chosen = candidates.filter((_, i) => mask & (1 << i));
    if (chosen.length > limit) continue;
    if (chosen.reduce((sum, c) => sum + (c.areaM2 ?? 0), 0) > maxAreaM2) continue;
    if (candidates.some((c, i) => (c.allocation === "required" && !(mask & (1 << i))) || (c.allocation === "excluded" && mask & (1 << i)))) continue;
    plans.push(await planWith(raw, chosen.map((c) => c.id), objective));
  }
  return plans;
}

export const bestOf = (plans: SubsetPlan[]) => plans.reduce((a, b) => (b.objective < a.objective ? b : a));

/** Objectives agree within the proven gap (1e-4 relative) plus LP noise. */
export const closeObjective = (a: number, b: number, gap = 1e-4) => Math.abs(a - b) <= gap * Math.max(Math.abs(a), Math.abs(b)) + 1e-6 * Math.max(1, Math.abs(b));
