/**
 * The port between the matching model (pure) and an LP solver (src/solver). The model is plain,
 * read-only data in the layout HiGHS takes without conversion, so typed arrays cross a worker
 * boundary by transfer and reach WebAssembly by one copy.
 */

/**
 * A linear programme: minimise `colCost · x` subject to `rowLower ≤ A x ≤ rowUpper` and
 * `colLower ≤ x ≤ colUpper`, with `A` in compressed sparse column form (CSC). Infinite bounds are
 * `±Infinity`. With `integrality`, the columns marked 1 must take integer values (a MIP).
 */
export interface LpModel {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** Column j's entries sit at `colStart[j] … colStart[j + 1] - 1`; length numCols + 1. */
  readonly colStart: Int32Array;
  /** Row of each entry. */
  readonly rowIndex: Int32Array;
  /** Coefficient of each entry. */
  readonly value: Float64Array;
  /** 1 for an integer column, 0 for a continuous one; every column continuous when absent. */
  readonly integrality?: Uint8Array;
}

/** Outcomes of a solve that are not a solution, as values (STYLE.md habit 3). */
export type LpFailure = "infeasible" | "unbounded" | "time_limit" | "error";

export type LpSolution =
  | {
      status: "optimal";
      objective: number;
      colValue: Float64Array;
      rowValue: Float64Array;
      /** Wall-clock seconds inside the solver. */
      solveSeconds: number;
      /** A MIP only: the relative gap between the solution and the proven bound, ≤ the requested gap. */
      mipGap?: number;
    }
  | {
      status: LpFailure;
      message: string;
      solveSeconds: number;
      /** A MIP stopped at the time limit: the best objective found so far and its relative gap, when it has one. */
      incumbent?: { objective: number; mipGap: number };
    };

export interface LpSolveOptions {
  /** Stop after this many seconds; unlimited when absent. */
  timeLimitSeconds?: number;
  /** A MIP stops when (incumbent − bound) ÷ |incumbent| is at most this (HiGHS's default: 1e-4). */
  mipRelativeGap?: number;
  /**
   * Sessions: the simplex to run, `"dual"` (HiGHS's default; right after bound changes, where the
   * last basis stays dual feasible) or `"primal"` (right after added columns, where it stays
   * primal feasible). Plain solves ignore it.
   */
  simplex?: "dual" | "primal";
}

/** Columns to append to a session, in compressed sparse column form over the session's rows. */
export interface LpColumns {
  readonly count: number;
  readonly cost: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Length count + 1. */
  readonly colStart: Int32Array;
  readonly rowIndex: Int32Array;
  readonly value: Float64Array;
}

/** Rows to append to a session, in compressed sparse row form over the session's columns. */
export interface LpRows {
  readonly count: number;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Length count + 1. */
  readonly rowStart: Int32Array;
  readonly colIndex: Int32Array;
  readonly value: Float64Array;
}

/** A simplex basis as the solver reports it; opaque to the core, which only keeps and restores it. */
export interface LpBasis {
  readonly colStatus: Int32Array;
  readonly rowStatus: Int32Array;
}

export type LpSessionSolution =
  | {
      status: "optimal";
      objective: number;
      colValue: Float64Array;
      rowValue: Float64Array;
      /** Dual value of each row: a column's reduced cost is its cost − Σ rowDual × coefficient. */
      rowDual: Float64Array;
      /** Reduced cost of each column. */
      colDual: Float64Array;
      /** Simplex iterations of this solve. */
      iterations: number;
      solveSeconds: number;
    }
  | { status: LpFailure; message: string; solveSeconds: number };

/**
 * An LP kept inside the solver between solves (a persistent model): bounds change, columns and
 * rows are appended, and each solve starts from the basis the last one ended with, so a small
 * change re-solves in a fraction of a cold solve. Mutations apply in order before the next solve.
 * A session holds solver memory until `dispose()`.
 */
export interface LpSession {
  readonly numCols: number;
  readonly numRows: number;
  addColumns(columns: LpColumns): void;
  addRows(rows: LpRows): void;
  setColumnBounds(columns: Int32Array, lower: Float64Array, upper: Float64Array): void;
  setRowBounds(row: number, lower: number, upper: number): void;
  /** The basis of the last solve, or undefined when there is none. */
  basis(): LpBasis | undefined;
  /** Starts the next solve from `basis`; columns and rows added since it was taken start nonbasic and basic. */
  restoreBasis(basis: LpBasis): void;
  solve(options?: LpSolveOptions): Promise<LpSessionSolution>;
  dispose(): void;
}

/** An LP solver (HiGHS in src/solver). Never rejects for an infeasible model. */
export interface LpSolver {
  solve(model: LpModel, options?: LpSolveOptions): Promise<LpSolution>;
  /** Opens a session on a continuous model (integrality is ignored). */
  open(model: LpModel): Promise<LpSession>;
}
