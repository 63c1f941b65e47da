/**
 * The port between the matching model (pure) and an LP solver (src/solver). The model is plain,
 * read-only data in the layout HiGHS takes without conversion, so typed arrays cross a worker
 * boundary by transfer and reach WebAssembly by one copy.
 */

/**
 * A linear programme: minimise `colCost · x` subject to `rowLower ≤ A x ≤ rowUpper` and
 * `colLower ≤ x ≤ colUpper`, with `A` in compressed sparse column form (CSC). Infinite bounds are
 * `±Infinity`.
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
    }
  | { status: LpFailure; message: string; solveSeconds: number };

export interface LpSolveOptions {
  /** Stop after this many seconds; unlimited when absent. */
  timeLimitSeconds?: number;
}

/** An LP solver (HiGHS in src/solver; a fake in tests). Never rejects for an infeasible model. */
export interface LpSolver {
  solve(model: LpModel, options?: LpSolveOptions): Promise<LpSolution>;
}
