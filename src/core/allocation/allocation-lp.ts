import { Kind, type BuiltModel } from "../matching/build-model";
import { PricedLp, type PricedSolution, type PricingHooks } from "../matching/column-pricing";
import type { LpColumns, LpRows, LpSolver } from "../matching/lp-model";
import type { Problem, Storage } from "../matching/problem";

/**
 * The LP relaxation of site allocation (DESIGN §9), kept in one solver session for the whole
 * search: the matching LP of DESIGN §2 plus one column y ∈ [0, 1] per candidate site, which the
 * branch and bound fixes to 0 or 1 by changing its bounds.
 *
 * Linking (a site that is not allocated takes no mass):
 * - capacity: Σ_k stock[j,k,t] ≤ capacity_j · y_j for every month of the site's window;
 * - inflow, per arc into the site: x[s,j,t] ≤ tonnes[s,t] · y_j. `"arc"` (default) adds the row of
 *   every arc as it enters the model; `"lazy"` adds a row only once a solution breaks it (a
 *   cutting plane): a third of the rows but more re-solves, about as fast (bench/allocation.ts);
 * - inflow, `"site"`: one big-M row per site, Σ x[·,j,·] ≤ M_j · y_j with M_j the tonnes that
 *   could reach it at all (the textbook formulation; a much weaker relaxation, kept to measure).
 * Stock and outflow need no row of their own: a site that receives nothing holds and sends nothing.
 * A candidate fixed out of the allocation has its inflow arcs' upper bounds set to 0; fixed in,
 * its linking rows cannot bind.
 * One more row counts the allocated candidates (Σ y ≤ maxAllocatedSites) and, with an area limit,
 * one sums their land (Σ areaM2 · y ≤ maxAllocatedAreaM2).
 */

export type Linking = "lazy" | "arc" | "site";

export interface Candidate {
  /** Index in `problem.storage`. */
  storageIndex: number;
  site: Storage;
  fixedCostNok: number;
  /** rentNokPerMonth × the months of the site's window within the horizon. */
  rentNok: number;
  /** What allocating the site adds to the objective: fixedCostNok + rentNok for `cost`, 0 for `co2`. */
  objectiveCost: number;
  areaM2: number | undefined;
  /** 1 for `allocation: "required"`, 0 for `"excluded"`. */
  forced: 0 | 1 | undefined;
}

/** The candidate sites of a prepared problem, in the order of `problem.storage`. */
export function candidatesOf(problem: Problem): Candidate[] {
  const co2 = problem.parameters.objective === "co2";
  const candidates: Candidate[] = [];
  problem.storage.forEach((site, storageIndex) => {
    if (!site.candidate) return;
    const months = Math.max(0, site.open.last - site.open.first + 1);
    const rentNok = site.candidate.rentNokPerMonth * months;
    const { fixedCostNok, allocation } = site.candidate;
    candidates.push({
      storageIndex,
      site,
      fixedCostNok,
      rentNok,
      objectiveCost: co2 ? 0 : fixedCostNok + rentNok,
      areaM2: site.areaM2,
      forced: allocation === "required" ? 1 : allocation === "excluded" ? 0 : undefined,
    });
  });
  return candidates;
}

export interface AllocationLpOptions {
  linking?: Linking;
  /**
   * See `PricedLpOptions.initialArcs`: arcs per lot-month and kind to start from (default 2), or
   * "all" (no pricing): about even at Asker size, a third slower at twice that (bench/allocation.ts).
   */
  initialArcs?: number | "all";
  /**
   * The simplex after priced arcs entered, and for the first (cold) solve of the warm-up:
   * `"primal"` (default) or HiGHS's default dual throughout (`"dual"`). Branching changes bounds,
   * so a node's first solve is always the dual (bench/allocation.ts measures both).
   */
  pricedSimplex?: "primal" | "dual";
}

export type AllocationSolution =
  | (Extract<PricedSolution, { status: "optimal" }> & {
      /** y of each candidate, 0–1. */
      allocation: Float64Array;
      /** Reduced cost of each candidate's y: what moving it from its bound changes, at least, per unit. */
      allocationReducedCost: Float64Array;
    })
  | Exclude<PricedSolution, { status: "optimal" }>;

export class AllocationLp {
  private readonly fixedIn: Uint8Array;
  private maxSites: number;
  private limitsRelaxed = false;

  /** Arcs whose linking row is in the LP ("lazy"). */
  private readonly linked: Uint8Array;

  private constructor(
    readonly lp: PricedLp,
    readonly candidates: readonly Candidate[],
    private readonly closed: Uint8Array,
    private readonly arcs: {
      /** Candidate index of each matching column that carries mass into a candidate site, else −1. */
      candidateOfColumn: Int16Array;
      arcsOfCandidate: number[][];
      /** The tonnes of the surplus lot-month each such arc leaves from. */
      tonnesOfArc: Float64Array;
      linking: Linking;
      linkingRows: (arcs: number[], masterOf: (column: number) => number) => LpRows | undefined;
    },
    private readonly siteCountRow: number,
    maxSites: number | undefined,
    private readonly areaRow: number,
    private readonly maxAreaM2: number,
    private readonly pricedSimplex: "primal" | "dual",
  ) {
    this.fixedIn = new Uint8Array(candidates.length);
    this.linked = new Uint8Array(arcs.candidateOfColumn.length);
    this.maxSites = maxSites ?? Infinity;
  }

  static async open(problem: Problem, built: BuiltModel, candidates: readonly Candidate[], solver: LpSolver, options: AllocationLpOptions = {}): Promise<AllocationLp> {
    const { linking = "arc", initialArcs = 2, pricedSimplex = "primal" } = options;
    const { model, columns } = built;
    const p = problem.parameters;
    const count = candidates.length;

    const candidateOfStorageNode = new Map(candidates.map((c, i) => [c.site.node, i]));
    const candidateOfColumn = new Int16Array(model.numCols).fill(-1);
    // Tonnes of the surplus lot-month an inflow arc leaves from: its row's right-hand side.
    const tonnesOfArc = new Float64Array(model.numCols);
    const surplusRows = problem.surplus.reduce((sum, s) => sum + s.tonnesByMonth.length, 0);
    const bigM = new Float64Array(count);
    for (let column = 0; column < model.numCols; column++) {
      if (columns.kind[column] !== Kind.to_storage) continue;
      const c = candidateOfStorageNode.get(columns.to[column] as number);
      if (c === undefined) continue;
      candidateOfColumn[column] = c;
      for (let e = model.colStart[column] as number; e < (model.colStart[column + 1] as number); e++) {
        const row = model.rowIndex[e] as number;
        if (row < surplusRows) tonnesOfArc[column] = model.rowUpper[row] as number;
      }
      bigM[c] = (bigM[c] as number) + (tonnesOfArc[column] as number);
    }

    // Rows after the matching rows: the site count, the area (with a limit), one big-M row per site ("site").
    const siteCountRow = model.numRows;
    const areaRow = p.maxAllocatedAreaM2 === undefined ? -1 : model.numRows + 1;
    const firstSiteRow = model.numRows + 1 + (areaRow >= 0 ? 1 : 0);
    const extraRowCount = firstSiteRow - model.numRows + (linking === "site" ? count : 0);
    const rowLower = new Float64Array(extraRowCount).fill(-Infinity);
    const rowUpper = new Float64Array(extraRowCount);
    rowUpper[0] = p.maxAllocatedSites ?? Infinity;
    if (areaRow >= 0) rowUpper[areaRow - model.numRows] = p.maxAllocatedAreaM2 ?? Infinity;

    // One y column per candidate: −capacity in each capacity row (whose bound becomes ≤ 0), 1 in the count row, …
    const rowBounds = new Map<number, readonly [number, number]>();
    const colStart = [0];
    const rowIndex: number[] = [];
    const value: number[] = [];
    candidates.forEach((candidate, c) => {
      const { site } = candidate;
      const first = built.rows.capacityRow[candidate.storageIndex] as number;
      if (first >= 0) {
        for (let t = site.open.first; t <= site.open.last; t++) {
          const row = first + t - site.open.first;
          rowIndex.push(row);
          value.push(-site.capacityTonnes);
          rowBounds.set(row, [-Infinity, 0]);
        }
      }
      rowIndex.push(siteCountRow);
      value.push(1);
      if (areaRow >= 0) {
        rowIndex.push(areaRow);
        value.push(candidate.areaM2 ?? 0);
      }
      if (linking === "site") {
        rowIndex.push(firstSiteRow + c);
        value.push(-(bigM[c] as number));
      }
      colStart.push(rowIndex.length);
    });
    const leading: LpColumns = {
      count,
      cost: Float64Array.from(candidates, (c) => c.objectiveCost),
      lower: new Float64Array(count),
      upper: new Float64Array(count).fill(1),
      colStart: Int32Array.from(colStart),
      rowIndex: Int32Array.from(rowIndex),
      value: Float64Array.from(value),
    };

    // 1 for a candidate fixed out of the allocation; shared with the instance, which sets it.
    const closed = new Uint8Array(count);
    const hooks: PricingHooks = {
      blocked: (column) => {
        const c = candidateOfColumn[column] as number;
        return c >= 0 && closed[c] === 1;
      },
      ...(linking === "site"
        ? {
            extraEntries: (column: number) => {
              const c = candidateOfColumn[column] as number;
              return c >= 0 ? [[firstSiteRow + c, 1] as const] : undefined;
            },
          }
        : {}),
      ...(linking === "arc"
        ? { rowsFor: (added: Int32Array, masterOf: (column: number) => number) => linkingRows(Array.from(added).filter((column) => (candidateOfColumn[column] as number) >= 0), masterOf) }
        : {}),
    };
    const linkingRows = (arcs: number[], masterOf: (column: number) => number): LpRows | undefined => {
      if (arcs.length === 0) return undefined;
      const colIndex = new Int32Array(arcs.length * 2);
      const values = new Float64Array(arcs.length * 2);
      arcs.forEach((column, i) => {
        colIndex[2 * i] = candidateOfColumn[column] as number;
        values[2 * i] = -(tonnesOfArc[column] as number);
        colIndex[2 * i + 1] = masterOf(column);
        values[2 * i + 1] = 1;
      });
      return {
        count: arcs.length,
        lower: new Float64Array(arcs.length).fill(-Infinity),
        upper: new Float64Array(arcs.length),
        rowStart: Int32Array.from({ length: arcs.length + 1 }, (_, i) => 2 * i),
        colIndex,
        value: values,
      };
    };
    const lp = await PricedLp.open(solver, built, { initialArcs, extras: { columns: leading, rows: { lower: rowLower, upper: rowUpper }, rowBounds }, hooks });
    const arcsOfCandidate: number[][] = candidates.map(() => []);
    candidateOfColumn.forEach((c, column) => c >= 0 && (arcsOfCandidate[c] as number[]).push(column));
    return new AllocationLp(lp, candidates, closed, { candidateOfColumn, arcsOfCandidate, tonnesOfArc, linking, linkingRows }, siteCountRow, p.maxAllocatedSites, areaRow, p.maxAllocatedAreaM2 ?? Infinity, pricedSimplex);
  }

  /** Bounds of each candidate's y: `lower[c] = upper[c] = 1` allocates it, `upper[c] = 0` closes it. */
  setAllocationBounds(lower: ArrayLike<number>, upper: ArrayLike<number>): void {
    const count = this.candidates.length;
    const changed: number[] = [];
    for (let c = 0; c < count; c++) {
      const closed = (upper[c] as number) <= 0 ? 1 : 0;
      if (closed !== this.closed[c]) changed.push(c);
      this.closed[c] = closed;
      this.fixedIn[c] = (lower[c] as number) >= 1 ? 1 : 0;
    }
    this.lp.session.setColumnBounds(Int32Array.from({ length: count }, (_, c) => c), Float64Array.from(lower), Float64Array.from(upper));
    // A closed site's inflow arcs get upper bound 0 (arcs that enter later are blocked from pricing).
    for (const c of changed) {
      const masters = this.lp.mastersOf(this.arcs.arcsOfCandidate[c] as number[]);
      const bound = this.closed[c] ? 0 : Infinity;
      this.lp.session.setColumnBounds(masters, new Float64Array(masters.length), new Float64Array(masters.length).fill(bound));
    }
  }

  /** Changes the limit on the number of allocated candidates (the curve of best plans with 0, 1, 2 … sites). */
  setMaxSites(maxSites: number | undefined): void {
    this.maxSites = maxSites ?? Infinity;
    this.lp.session.setRowBounds(this.siteCountRow, -Infinity, this.limitsRelaxed ? Infinity : this.maxSites);
  }

  /**
   * Lifts (true) or restores (false) the limits on sites and area in the LP, for what-ifs beyond
   * them (a site value "what allocating it too would change") and for the first solve.
   */
  relaxLimits(relaxed: boolean): void {
    this.lp.session.setRowBounds(this.siteCountRow, -Infinity, relaxed ? Infinity : this.maxSites);
    if (this.areaRow >= 0) this.lp.session.setRowBounds(this.areaRow, -Infinity, relaxed ? Infinity : this.maxAreaM2);
    this.limitsRelaxed = relaxed;
  }

  /**
   * The first solve: every candidate that is not excluded allocated, limits lifted. That is the
   * plain matching LP — far quicker to solve from scratch than the relaxation with free y — and
   * its basis is a warm start for the relaxation (bench/allocation.ts measures it). Gives that
   * allocation's plan (an incumbent, when it keeps to the limits).
   */
  async warmUp(clock: { deadline?: number; now?: () => number } = {}): Promise<{ allocated: Uint8Array; objective: number; values: Float64Array } | undefined> {
    const allocated = Uint8Array.from(this.candidates, (c) => (c.forced === 0 ? 0 : 1));
    this.relaxLimits(true);
    this.setAllocationBounds(allocated, allocated);
    const solution = await this.lp.solve({ ...clock, simplex: this.pricedSimplex, pricedSimplex: this.pricedSimplex });
    this.relaxLimits(false);
    if (solution.status !== "optimal") return undefined;
    return { allocated, objective: solution.objective, values: this.lp.fullValues(solution.colValue) };
  }

  /** Whether an allocation keeps to the limits on sites (as set now) and area, lifted in the LP or not. */
  allows(allocated: ArrayLike<number>): boolean {
    let sites = 0;
    let areaM2 = 0;
    this.candidates.forEach((c, i) => {
      if (!allocated[i]) return;
      sites++;
      areaM2 += c.areaM2 ?? 0;
    });
    return sites <= this.maxSites && areaM2 <= this.maxAreaM2;
  }

  /**
   * `allocated` trimmed to the limits on sites and area: the candidate with the smallest `weight`
   * goes first, never one that `fixing` holds in (1).
   */
  withinLimits(allocated: Uint8Array, weight: ArrayLike<number>, fixing: ArrayLike<number>): Uint8Array {
    const set = Uint8Array.from(allocated);
    const size = () => set.reduce((sum, v) => sum + v, 0);
    const area = () => this.candidates.reduce((sum, c, i) => sum + (set[i] ? (c.areaM2 ?? 0) : 0), 0);
    while (size() > this.maxSites || area() > this.maxAreaM2) {
      let drop = -1;
      for (let c = 0; c < set.length; c++) {
        if (set[c] && fixing[c] !== 1 && (drop < 0 || (weight[c] as number) < (weight[drop] as number))) drop = c;
      }
      if (drop < 0) break;
      set[drop] = 0;
    }
    return set;
  }

  /** Solves (with pricing), and with "lazy" linking adds the broken linking rows and solves again until none is broken. */
  async solve(clock: { deadline?: number; now?: () => number } = {}): Promise<AllocationSolution> {
    const count = this.candidates.length;
    for (;;) {
      const solution = await this.lp.solve({ ...clock, simplex: "dual", pricedSimplex: this.pricedSimplex });
      if (solution.status !== "optimal") return solution;
      const broken = this.arcs.linking === "lazy" ? this.brokenLinks(solution.colValue) : [];
      if (broken.length === 0) {
        return { ...solution, allocation: solution.colValue.slice(0, count), allocationReducedCost: solution.colDual.slice(0, count) };
      }
      for (const column of broken) this.linked[column] = 1;
      const rows = this.arcs.linkingRows(broken, (column) => this.lp.masterOf(column));
      if (rows) this.lp.session.addRows(rows);
    }
  }

  /** Arcs into a candidate that is neither closed nor fixed in, carrying more than tonnes · y (and without a row yet). */
  private brokenLinks(colValue: Float64Array): number[] {
    const { arcsOfCandidate, tonnesOfArc } = this.arcs;
    const broken: number[] = [];
    this.candidates.forEach((_, c) => {
      if (this.closed[c] || this.fixedIn[c]) return;
      const y = colValue[c] as number;
      for (const column of arcsOfCandidate[c] as number[]) {
        if (this.linked[column]) continue;
        const master = this.lp.masterOf(column);
        if (master < 0) continue;
        const tonnes = tonnesOfArc[column] as number;
        if ((colValue[master] as number) > tonnes * y + 1e-6 * (1 + tonnes)) broken.push(column);
      }
    });
    return broken;
  }

  /** Tonnes entering each candidate site in a solution (full column values). */
  inflowTonnes(values: Float64Array): Float64Array {
    const tonnes = new Float64Array(this.candidates.length);
    this.arcs.candidateOfColumn.forEach((c, column) => {
      if (c >= 0) tonnes[c] = (tonnes[c] as number) + (values[column] as number);
    });
    return tonnes;
  }

  dispose(): void {
    this.lp.dispose();
  }
}
