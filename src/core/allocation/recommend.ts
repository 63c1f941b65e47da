import { buildModel, type BuiltModel } from "../matching/build-model";
import { baselineValues } from "../matching/heuristics";
import type { Instance } from "../matching/instance";
import type { LpBasis, LpSolver } from "../matching/lp-model";
import { readPlan, tonnesTolerance } from "../matching/plan";
import { prepareProblem, type Problem } from "../matching/problem";
import { unplacedWithReasons } from "../matching/reasons";
import type { SolveStats } from "../matching/result";
import { AllocationLp, candidatesOf, type AllocationLpOptions, type Candidate } from "./allocation-lp";
import { areaNeed } from "./area-need";
import { branchAndBound, evaluateAllocation, keyOf, type Evaluated, type Fixing, type SearchOptions } from "./branch-and-bound";
import type { AllocationSummary, CurvePoint, RecommendResult, SiteValue } from "./result";

/** What the engine is doing, for a progress indicator. */
export type RecommendStage = "building" | "searching" | "valuing" | "curve" | "reading";

export interface RecommendOptions {
  /** Overrides `parameters.objective` (`--objective`). */
  objective?: "cost" | "co2";
  /** Overrides `parameters.maxAllocatedSites` (`--max-sites`); validate it as the instance field first. */
  maxSites?: number;
  /** Also find the best plan with at most 0, 1, 2 … sites (`--curve`). */
  curve?: boolean;
  /** The allocation is proven when (objective − bound) ÷ |objective| ≤ this. Default 1e-4. */
  relativeGap?: number;
  /** Stop searching after this many seconds and answer with the best allocation found. */
  timeLimitSeconds?: number;
  /** Clock in milliseconds, injectable for tests. */
  now?: () => number;
  onStage?: (stage: RecommendStage) => void;
  /** Engine settings bench/allocation.ts compares; the defaults are the fastest it measured. */
  engine?: AllocationLpOptions & {
    warmUp?: boolean;
    /** Site values: each what-if from the recommendation's basis (default), or each from the last one's (`"chain"`). */
    values?: "from-best" | "chain";
    search?: Pick<SearchOptions, "reducedCostFixing" | "rounding" | "branching" | "warmStart" | "plunge"> };
}

/**
 * Recommends which candidate storage sites to allocate (DESIGN §9, issue 11): prepare → build the
 * matching LP → open the allocation LP in one solver session → branch and bound over the
 * candidates → site values (each allocated site taken out, each other candidate added, the plan
 * re-solved) → the curve (optional) → read flows, KPIs, area need. Never throws: the outcome is
 * the `status` of the result.
 *
 * Objective: the matching objective of DESIGN §2 plus each allocated candidate's fixed cost and
 * rent. With `co2` it is kg CO2e alone: fixed costs and rent are NOK, so they are reported but do
 * not steer the choice, which then is "least CO2e within the limits"; a candidate that carries no
 * mass in the plan is never allocated, so co2 does not allocate sites for nothing.
 */
export async function recommendSites(instance: Instance, solver: LpSolver, options: RecommendOptions = {}): Promise<RecommendResult> {
  const { objective, maxSites, curve = false, relativeGap = 1e-4, timeLimitSeconds, now = () => performance.now(), onStage, engine = {} } = options;
  const started = now();
  const seconds = (from: number) => (now() - from) / 1000;
  const deadline = timeLimitSeconds === undefined ? Infinity : started + timeLimitSeconds * 1000;
  const clock = { deadline, now };
  const stats: SolveStats = { variables: 0, constraints: 0, nonZeros: 0, prepareSeconds: 0, buildSeconds: 0, solveSeconds: 0, totalSeconds: 0 };
  let warnings: string[] = [];
  try {
    onStage?.("building");
    const parameters = {
      ...instance.parameters,
      ...(objective ? { objective } : {}),
      ...(maxSites !== undefined ? { maxAllocatedSites: maxSites } : {}),
    };
    const problem = prepareProblem({ ...instance, parameters });
    warnings = [...problem.warnings];
    stats.prepareSeconds = seconds(started);
    const buildStarted = now();
    const built = buildModel(problem);
    const candidates = candidatesOf(problem);
    const lp = await AllocationLp.open(problem, built, candidates, solver, engine);
    stats.buildSeconds = seconds(buildStarted);
    if (candidates.length === 0) warnings.push("The instance has no candidate storage sites (`candidate: true`): the plan uses the sites already allocated.");
    if (problem.parameters.objective === "co2" && candidates.length > 0) {
      warnings.push("Objective co2: sites are chosen for the least kg CO2e within the limits; their fixed costs and rent are reported, not minimised.");
    }
    try {
      onStage?.("searching");
      const searchStarted = now();
      const cache = new Map<string, Evaluated>();
      if (engine.warmUp ?? true) {
        const allOpen = await lp.warmUp(clock);
        if (allOpen && lp.allows(allOpen.allocated)) cache.set(keyOf(allOpen.allocated), allOpen);
      }
      const fixing: Fixing = Int8Array.from(candidates, (c) => c.forced ?? -1);
      const search = await branchAndBound(lp, fixing, { ...engine.search, relativeGap, cache, ...clock });
      const found = search.best;
      if (!found) return fail(search.complete ? "no allocation keeps to the limits" : "the time limit passed before any allocation was solved");
      const best = await withoutIdleSites(lp, found, cache, clock);
      const searchSeconds = seconds(searchStarted);

      onStage?.("valuing");
      const valuesStarted = now();
      const siteValues = await valuesOf(problem, built, lp, best, cache, clock, engine.values !== "chain");
      const valuesSeconds = seconds(valuesStarted);

      const curveStarted = now();
      let curvePoints: CurvePoint[] = [];
      if (curve) {
        onStage?.("curve");
        curvePoints = await curveOf(problem, built, lp, best, cache, { ...engine.search, relativeGap, ...clock });
      }
      const curveSeconds = seconds(curveStarted);

      onStage?.("reading");
      const plan = readPlan(problem, built, best.values);
      const siteCosts = siteCostsOf(candidates, best.allocated);
      const unplaced = unplacedWithReasons(problem, built, { colValue: best.values, rowValue: rowActivity(built, best.values) });
      const baselinePlan = readPlan(problem, built, baselineValues(problem, built));
      const proven = search.complete && search.gap <= relativeGap;
      stats.variables = lp.lp.session.numCols;
      stats.constraints = lp.lp.session.numRows;
      stats.nonZeros = built.model.value.length;
      stats.solveSeconds = lp.lp.stats.lpSeconds;
      stats.totalSeconds = seconds(started);
      const allocation: AllocationSummary = {
        allocated: candidates.filter((_, c) => best.allocated[c]).map((c) => c.site.id),
        fixedCostNok: siteCosts.fixedCostNok,
        rentNok: siteCosts.rentNok,
        gap: search.gap,
        lowerBound: search.lowerBound,
        proven,
        siteValues,
        curve: curvePoints,
        areaNeedM2: areaNeed(problem, built, best.values),
        search: {
          nodes: search.nodes,
          evaluations: search.evaluations,
          lpSolves: lp.lp.stats.lpSolves,
          iterations: lp.lp.stats.iterations,
          seconds: searchSeconds,
          valuesSeconds,
          curveSeconds,
        },
      };
      if (!proven) {
        warnings.push(`The time limit passed: this is the best allocation found, not proven best; its objective may be up to ${(search.gap * 100).toFixed(2)} % above the best.`);
      }
      return {
        status: proven ? "optimal" : "time_limit",
        objectiveKind: problem.parameters.objective,
        objective: best.objective,
        kpis: { ...plan.kpis, cost: plan.kpis.cost + siteCosts.fixedCostNok + siteCosts.rentNok },
        baseline: { objective: baselinePlan.objective, kpis: baselinePlan.kpis },
        flows: plan.flows,
        inventory: plan.inventory,
        unplaced,
        warnings,
        stats,
        allocation,
      };
    } finally {
      lp.dispose();
    }
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }

  function fail(message: string): RecommendResult {
    stats.totalSeconds = seconds(started);
    return { status: "error", message, warnings, stats };
  }
}

/** Fixed cost and rent of the allocated candidates, NOK. */
function siteCostsOf(candidates: readonly Candidate[], allocated: ArrayLike<number>) {
  let fixedCostNok = 0;
  let rentNok = 0;
  candidates.forEach((c, i) => {
    if (!allocated[i]) return;
    fixedCostNok += c.fixedCostNok;
    rentNok += c.rentNok;
  });
  return { fixedCostNok, rentNok };
}

/**
 * Drops allocated candidates that receive nothing (not required ones): ties in the co2 objective,
 * where a site costs nothing, would otherwise allocate sites for nothing. Same flows, same or
 * lower objective.
 */
async function withoutIdleSites(lp: AllocationLp, best: Evaluated, cache: Map<string, Evaluated>, clock: { deadline: number; now: () => number }): Promise<Evaluated> {
  const inflow = lp.inflowTonnes(best.values);
  const trimmed = Uint8Array.from(best.allocated, (v, c) => (v && lp.candidates[c]?.forced !== 1 && (inflow[c] as number) <= tonnesTolerance ? 0 : v));
  if (keyOf(trimmed) === keyOf(best.allocated)) return best;
  const evaluated = await evaluateAllocation(lp, trimmed, cache, clock);
  return typeof evaluated !== "string" && evaluated.objective <= best.objective + 1e-9 * Math.abs(best.objective) ? evaluated : best;
}

/**
 * Each candidate's value: the recommended allocation with the site taken out (when allocated) or
 * added (when left out), the matching re-solved — leave one out, so every other site stays as
 * recommended. Adding a site may break a limit; the value is then a what-if (`withinLimits: false`).
 */
async function valuesOf(
  problem: Problem,
  built: BuiltModel,
  lp: AllocationLp,
  best: Evaluated,
  cache: Map<string, Evaluated>,
  clock: { deadline: number; now: () => number },
  fromBest: boolean,
): Promise<SiteValue[]> {
  const candidates = lp.candidates;
  const summary = summarise(problem, built, candidates);
  const recommended = summary(best);
  const values: SiteValue[] = [];
  lp.relaxLimits(true);
  try {
    // Each what-if is one candidate away from the recommendation: start each from its basis rather
    // than from the last what-if's (two candidates away).
    let basis: LpBasis | undefined;
    if (fromBest) {
      lp.setAllocationBounds(best.allocated, best.allocated);
      const solution = await lp.solve(clock);
      if (solution.status === "optimal") basis = lp.lp.session.basis();
    }
    for (let c = 0; c < candidates.length; c++) {
      const candidate = candidates[c] as Candidate;
      const other = Uint8Array.from(best.allocated);
      other[c] = other[c] ? 0 : 1;
      if (basis && !cache.has(keyOf(other))) lp.lp.session.restoreBasis(basis);
      const evaluated = await evaluateAllocation(lp, other, cache, clock);
      if (typeof evaluated === "string") break; // the time limit: the values found so far
      const alternative = summary(evaluated);
      values.push({
        siteId: candidate.site.id,
        allocated: best.allocated[c] === 1,
        deltaCost: alternative.cost - recommended.cost,
        deltaKgCO2e: alternative.kgCO2e - recommended.kgCO2e,
        deltaTonnesReused: alternative.tonnesReused - recommended.tonnesReused,
        deltaObjective: evaluated.objective - best.objective,
        withinLimits: lp.allows(other),
        fixedCostNok: candidate.fixedCostNok,
        rentNok: candidate.rentNok,
      });
    }
  } finally {
    lp.relaxLimits(false);
  }
  return values.sort((a, b) => Number(b.allocated) - Number(a.allocated) || b.deltaObjective - a.deltaObjective);
}

/** Cost (flows and sites), kg CO2e, tonnes reused and reuse rate of a solved allocation. */
function summarise(problem: Problem, built: BuiltModel, candidates: readonly Candidate[]) {
  return (evaluated: Evaluated) => {
    const { kpis } = readPlan(problem, built, evaluated.values);
    const sites = siteCostsOf(candidates, evaluated.allocated);
    return { cost: kpis.cost + sites.fixedCostNok + sites.rentNok, kgCO2e: kpis.kgCO2e, tonnesReused: kpis.tonnesReused, reuseRate: kpis.reuseRate };
  };
}

/**
 * The best plan with at most k candidate sites, for k from the number of required sites up to one
 * more than the recommendation allocates (within maxAllocatedSites): beyond the recommendation's
 * own count the best plan is the recommendation, so the curve ends flat. Each k below it is a
 * search of its own on the same session, seeded with every allocation solved so far.
 */
async function curveOf(
  problem: Problem,
  built: BuiltModel,
  lp: AllocationLp,
  best: Evaluated,
  cache: Map<string, Evaluated>,
  search: SearchOptions,
): Promise<CurvePoint[]> {
  const candidates = lp.candidates;
  const summary = summarise(problem, built, candidates);
  const count = best.allocated.reduce((sum, v) => sum + v, 0);
  const required = candidates.filter((c) => c.forced === 1).length;
  const available = candidates.filter((c) => c.forced !== 0).length;
  const limit = problem.parameters.maxAllocatedSites ?? Infinity;
  const last = Math.min(count + 1, available, limit);
  const fixing: Fixing = Int8Array.from(candidates, (c) => c.forced ?? -1);
  const point = (sites: number, evaluated: Evaluated, gap: number): CurvePoint => {
    const s = summary(evaluated);
    return {
      sites,
      allocated: candidates.filter((_, c) => evaluated.allocated[c]).map((c) => c.site.id),
      cost: s.cost,
      kgCO2e: s.kgCO2e,
      reuseRate: s.reuseRate,
      objective: evaluated.objective,
      gap,
    };
  };
  const points: CurvePoint[] = [];
  try {
    for (let k = required; k <= last; k++) {
      if (k >= count) {
        points.push(point(k, best, 0));
        continue;
      }
      lp.setMaxSites(k);
      const outcome = await branchAndBound(lp, fixing, { ...search, cache });
      if (!outcome.best) break;
      points.push(point(k, outcome.best, outcome.gap));
      if (!outcome.complete) break;
    }
  } finally {
    lp.setMaxSites(problem.parameters.maxAllocatedSites);
  }
  return points;
}

/** A·x over the matching rows, for the unplaced reasons (which read binding rows). */
function rowActivity(built: BuiltModel, values: Float64Array): Float64Array {
  const { model } = built;
  const activity = new Float64Array(model.numRows);
  for (let column = 0; column < model.numCols; column++) {
    const x = values[column] as number;
    if (x === 0) continue;
    for (let e = model.colStart[column] as number; e < (model.colStart[column + 1] as number); e++) {
      const row = model.rowIndex[e] as number;
      activity[row] = (activity[row] as number) + x * (model.value[e] as number);
    }
  }
  return activity;
}
