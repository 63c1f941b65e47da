import { Kind, type BuiltModel } from "./build-model";
import type { LpColumns, LpFailure, LpRows, LpSession, LpSolver } from "./lp-model";

/**
 * Column generation (pricing) over the matching LP: the solver holds a restricted model with the
 * cheapest few arcs per lot and month, and after each solve every arc left out is priced with the
 * row duals; arcs with a negative reduced cost (cost − Σ dual × coefficient) are added and the
 * model is solved again from its last basis, until none is left. Then the duals are feasible for
 * the whole LP, so the restricted optimum is the optimum of the whole LP (exact, not a heuristic).
 *
 * Callers may put their own columns first and their own rows after the matching rows (site
 * allocation adds one column per candidate site and linking rows); `hooks` tell the pricing how
 * an arc touches those rows and which arcs must stay at zero.
 */

/** How a caller's rows and columns relate to the arcs of the matching LP. */
export interface PricingHooks {
  /** Entries of a matching column in the caller's own rows (row index in the session, coefficient). */
  extraEntries?(column: number): readonly (readonly [row: number, value: number])[] | undefined;
  /** Rows to append right after `added` columns enter; `masterOf` maps a matching column to its session column. */
  rowsFor?(added: Int32Array, masterOf: (column: number) => number): LpRows | undefined;
  /** True for a column that must stay at zero in the next solve (e.g. an arc into a closed site): not priced in. */
  blocked?(column: number): boolean;
}

/** The caller's columns (before the arcs) and rows (after the matching rows). */
export interface PricedLpExtras {
  /** Columns with entries over the matching rows and `rows`. */
  columns?: LpColumns;
  rows?: { lower: Float64Array; upper: Float64Array };
  /** Replacement bounds of matching rows (e.g. a candidate's capacity row becomes Σ stock − capacity·y ≤ 0). */
  rowBounds?: ReadonlyMap<number, readonly [lower: number, upper: number]>;
}

export interface PricedLpOptions {
  /**
   * Arcs per lot-month row and kind in the first restricted model, cheapest first (inventory and
   * unplaced columns always enter). `"all"` puts every column in from the start (no pricing).
   */
  initialArcs?: number | "all";
  extras?: PricedLpExtras;
  hooks?: PricingHooks;
}

export type PricedSolution =
  | {
      status: "optimal";
      objective: number;
      /** Session column values (caller's columns first, then the arcs in the order they entered). */
      colValue: Float64Array;
      rowValue: Float64Array;
      rowDual: Float64Array;
      colDual: Float64Array;
    }
  | { status: LpFailure; message: string };

export interface PricingStats {
  lpSolves: number;
  pricingRounds: number;
  columnsPriced: number;
  iterations: number;
  lpSeconds: number;
}

export interface PricedSolveOptions {
  /** Clock value (from `now`) after which the solve stops with `time_limit`. */
  deadline?: number;
  now?: () => number;
  /** The simplex of the first solve (default: the session's, HiGHS's dual). */
  simplex?: "dual" | "primal";
  /**
   * The simplex of the re-solves after priced columns entered (default: as `simplex`). The last
   * basis stays primal feasible when columns are added, so the primal simplex goes on from it;
   * the dual has to repair its dual infeasibilities first.
   */
  pricedSimplex?: "dual" | "primal";
}

/** Reduced costs below this (objective units per tonne) count as negative: HiGHS's dual feasibility tolerance is 1e-7. */
const reducedCostTolerance = 1e-6;

export class PricedLp {
  readonly stats: PricingStats = { lpSolves: 0, pricingRounds: 0, columnsPriced: 0, iterations: 0, lpSeconds: 0 };

  private constructor(
    readonly session: LpSession,
    private readonly built: BuiltModel,
    /** Number of caller columns before the arcs. */
    readonly leadingColumns: number,
    /** Session column of each matching column, −1 while it is left out. */
    private readonly masterOfColumn: Int32Array,
    /** Matching column of each session column after the leading ones. */
    private readonly columnOfMaster: number[],
    private readonly hooks: PricingHooks,
  ) {}

  /** Builds the first restricted model and opens a solver session on it. */
  static async open(solver: LpSolver, built: BuiltModel, { initialArcs = 1, extras = {}, hooks = {} }: PricedLpOptions = {}): Promise<PricedLp> {
    const { model } = built;
    const chosen = initialArcs === "all" ? Int32Array.from({ length: model.numCols }, (_, i) => i) : cheapestArcs(built, initialArcs);
    const lead = extras.columns;
    const leading = lead?.count ?? 0;
    const extraRowCount = extras.rows?.lower.length ?? 0;
    const numRows = model.numRows + extraRowCount;
    const numCols = leading + chosen.length;

    // Typed arrays filled in place: at 30–150k columns, arrays grown by push cost more than the solve's setup.
    const extra = hooks.extraEntries ? Array.from(chosen, (column) => hooks.extraEntries?.(column) ?? []) : undefined;
    let entries = lead?.value.length ?? 0;
    chosen.forEach((column, i) => (entries += (model.colStart[column + 1] as number) - (model.colStart[column] as number) + (extra?.[i]?.length ?? 0)));
    const colCost = new Float64Array(numCols);
    const colLower = new Float64Array(numCols);
    const colUpper = new Float64Array(numCols);
    const colStart = new Int32Array(numCols + 1);
    const rowIndex = new Int32Array(entries);
    const value = new Float64Array(entries);
    if (lead) {
      colCost.set(lead.cost);
      colLower.set(lead.lower);
      colUpper.set(lead.upper);
      colStart.set(lead.colStart);
      rowIndex.set(lead.rowIndex);
      value.set(lead.value);
    }
    const masterOfColumn = new Int32Array(model.numCols).fill(-1);
    let at = lead?.value.length ?? 0;
    chosen.forEach((column, i) => {
      const master = leading + i;
      masterOfColumn[column] = master;
      colCost[master] = model.colCost[column] as number;
      colLower[master] = model.colLower[column] as number;
      colUpper[master] = model.colUpper[column] as number;
      const from = model.colStart[column] as number;
      const to = model.colStart[column + 1] as number;
      rowIndex.set(model.rowIndex.subarray(from, to), at);
      value.set(model.value.subarray(from, to), at);
      at += to - from;
      for (const [row, coefficient] of extra?.[i] ?? []) {
        rowIndex[at] = row;
        value[at++] = coefficient;
      }
      colStart[master + 1] = at;
    });
    const rowLower = new Float64Array(numRows);
    const rowUpper = new Float64Array(numRows);
    rowLower.set(model.rowLower);
    rowUpper.set(model.rowUpper);
    if (extras.rows) {
      rowLower.set(extras.rows.lower, model.numRows);
      rowUpper.set(extras.rows.upper, model.numRows);
    }
    for (const [row, [lower, upper]] of extras.rowBounds ?? []) {
      rowLower[row] = lower;
      rowUpper[row] = upper;
    }
    const session = await solver.open({ numCols, numRows, colCost, colLower, colUpper, rowLower, rowUpper, colStart, rowIndex, value });
    const priced = new PricedLp(session, built, leading, masterOfColumn, Array.from(chosen), hooks);
    const linking = hooks.rowsFor?.(chosen, (column) => masterOfColumn[column] as number);
    if (linking) session.addRows(linking);
    return priced;
  }

  /** Session column of a matching column, or −1 when it has not entered. */
  masterOf(column: number): number {
    return this.masterOfColumn[column] as number;
  }

  /** Number of matching columns in the session. */
  get arcCount(): number {
    return this.columnOfMaster.length;
  }

  /**
   * Solves, prices the columns left out and adds those with a negative reduced cost, until none is
   * left: the result is optimal for the whole LP (with the blocked columns at zero).
   */
  async solve({ deadline = Infinity, now = () => performance.now(), simplex, pricedSimplex }: PricedSolveOptions = {}): Promise<PricedSolution> {
    const { model } = this.built;
    for (let round = 0; ; round++) {
      const remainingSeconds = (deadline - now()) / 1000;
      if (remainingSeconds <= 0) return { status: "time_limit", message: "the time limit passed" };
      const method = round === 0 ? simplex : (pricedSimplex ?? simplex);
      const solution = await this.session.solve({ ...(Number.isFinite(remainingSeconds) ? { timeLimitSeconds: remainingSeconds } : {}), ...(method ? { simplex: method } : {}) });
      this.stats.lpSolves++;
      this.stats.lpSeconds += solution.solveSeconds;
      if (solution.status !== "optimal") return { status: solution.status, message: solution.message };
      this.stats.iterations += solution.iterations;

      const dual = solution.rowDual;
      const entering: number[] = [];
      for (let column = 0; column < model.numCols; column++) {
        if ((this.masterOfColumn[column] as number) >= 0) continue;
        if (this.hooks.blocked?.(column)) continue;
        let reducedCost = model.colCost[column] as number;
        for (let e = model.colStart[column] as number; e < (model.colStart[column + 1] as number); e++) {
          reducedCost -= (dual[model.rowIndex[e] as number] as number) * (model.value[e] as number);
        }
        for (const [row, coefficient] of this.hooks.extraEntries?.(column) ?? []) reducedCost -= (dual[row] as number) * coefficient;
        if (reducedCost < -reducedCostTolerance) entering.push(column);
      }
      if (entering.length === 0) {
        return {
          status: "optimal",
          objective: solution.objective,
          colValue: solution.colValue,
          rowValue: solution.rowValue,
          rowDual: solution.rowDual,
          colDual: solution.colDual,
        };
      }
      this.stats.pricingRounds++;
      this.stats.columnsPriced += entering.length;
      this.addArcs(entering);
    }
  }

  /** One value per matching column (zero where a column never entered), as `readPlan` takes it. */
  fullValues(colValue: Float64Array): Float64Array {
    const values = new Float64Array(this.built.model.numCols);
    this.columnOfMaster.forEach((column, i) => (values[column] = colValue[this.leadingColumns + i] as number));
    return values;
  }

  /** Session columns of the given matching columns that have entered. */
  mastersOf(columns: readonly number[]): Int32Array {
    return Int32Array.from(columns.map((c) => this.masterOfColumn[c] as number).filter((m) => m >= 0));
  }

  dispose(): void {
    this.session.dispose();
  }

  private addArcs(columns: number[]): void {
    const { model } = this.built;
    const cost = new Float64Array(columns.length);
    const lower = new Float64Array(columns.length);
    const upper = new Float64Array(columns.length);
    const colStart = new Int32Array(columns.length + 1);
    const rowIndex: number[] = [];
    const value: number[] = [];
    columns.forEach((column, i) => {
      cost[i] = model.colCost[column] as number;
      lower[i] = model.colLower[column] as number;
      upper[i] = model.colUpper[column] as number;
      for (let e = model.colStart[column] as number; e < (model.colStart[column + 1] as number); e++) {
        rowIndex.push(model.rowIndex[e] as number);
        value.push(model.value[e] as number);
      }
      for (const [row, coefficient] of this.hooks.extraEntries?.(column) ?? []) {
        rowIndex.push(row);
        value.push(coefficient);
      }
      colStart[i + 1] = rowIndex.length;
      this.masterOfColumn[column] = this.leadingColumns + this.columnOfMaster.length;
      this.columnOfMaster.push(column);
    });
    this.session.addColumns({ count: columns.length, cost, lower, upper, colStart, rowIndex: Int32Array.from(rowIndex), value: Float64Array.from(value) });
    const rows = this.hooks.rowsFor?.(Int32Array.from(columns), (column) => this.masterOfColumn[column] as number);
    if (rows) this.session.addRows(rows);
  }
}

/**
 * The first restricted model: every inventory and unplaced column (so it is always feasible and
 * storage can hold stock), plus for each lot-month row its `perKind` cheapest arcs of each kind
 * (direct, into storage, to landfill; from storage, virgin). Sorted by column index.
 */
function cheapestArcs(built: BuiltModel, perKind: number): Int32Array {
  const { model, columns } = built;
  const lotRows = lotRowCount(built);
  const chosen = new Uint8Array(model.numCols);
  // Per lot row and kind, the cheapest columns so far (small arrays: perKind is 1–3).
  const best = new Map<number, number[]>();
  for (let column = 0; column < model.numCols; column++) {
    const kind = columns.kind[column] as number;
    if (kind === Kind.inventory || kind === Kind.unplaced_surplus || kind === Kind.unplaced_demand) {
      chosen[column] = 1;
      continue;
    }
    for (let e = model.colStart[column] as number; e < (model.colStart[column + 1] as number); e++) {
      const row = model.rowIndex[e] as number;
      if (row >= lotRows) continue;
      const key = row * 16 + kind;
      const list = best.get(key) ?? [];
      if (list.length < perKind || (model.colCost[column] as number) < (model.colCost[list.at(-1) as number] as number)) {
        list.push(column);
        list.sort((a, b) => (model.colCost[a] as number) - (model.colCost[b] as number));
        if (list.length > perKind) list.pop();
        best.set(key, list);
      }
    }
  }
  for (const list of best.values()) for (const column of list) chosen[column] = 1;
  const result: number[] = [];
  chosen.forEach((flag, column) => flag && result.push(column));
  return Int32Array.from(result);
}

/** Lot rows (surplus, then demand) come first in the matching LP. */
function lotRowCount(built: BuiltModel): number {
  return built.rows.slackOfRow.length;
}
