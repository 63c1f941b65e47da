import loadHighs, { type Highs, type InitOptions, type Model, type ModelData, type ModelStatusCode } from "highs";
import type {
  LpBasis,
  LpColumns,
  LpFailure,
  LpModel,
  LpRows,
  LpSession,
  LpSessionSolution,
  LpSolution,
  LpSolveOptions,
  LpSolver,
} from "../core/matching/lp-model";

/**
 * The HiGHS adapter (npm `highs`, WebAssembly): the only module that imports the solver.
 *
 * The model goes in as compressed sparse columns through `createModel(ModelData)` rather than as
 * CPLEX LP text: no text to write or parse, and the typed arrays are copied into WASM memory once.
 * bench/matching.ts measures both; STACK-NOTES had arrays 1.6–2× faster at 100k+ columns.
 * Sessions keep one HiGHS model alive between solves (the package's persistent `Model`), so the
 * site-allocation search changes bounds and adds columns and rows, and each solve starts from
 * the last basis (a warm start; bench/allocation.ts measures what it gains).
 */

/**
 * Loads HiGHS once per solver, when first needed; `loader` lets the browser worker say where the
 * WASM is. `preload()` loads and compiles the WebAssembly now (the app calls it when idle, the
 * commands before they read and build their model), so that the first solve need not wait.
 */
export function createHighsSolver(loader: InitOptions = {}): LpSolver & { preload(): Promise<void> } {
  let highs: Promise<Highs> | undefined;
  const load = () => {
    if (!highs) {
      highs = loadHighs(loader);
      // A failed load surfaces at the first solve, as an "error" outcome; never as an unhandled rejection.
      highs.catch(() => undefined);
    }
    return highs;
  };
  return {
    async preload() {
      await load();
    },
    async solve(model: LpModel, options: LpSolveOptions = {}): Promise<LpSolution> {
      const started = performance.now();
      const elapsed = () => (performance.now() - started) / 1000;
      if (model.numCols === 0) {
        // HiGHS reports an empty model as status "empty", not optimal; nothing to decide is optimal.
        return { status: "optimal", objective: 0, colValue: new Float64Array(0), rowValue: new Float64Array(model.numRows), solveSeconds: elapsed() };
      }
      try {
        return solveWith(await load(), model, options, started);
      } catch (error) {
        return { status: "error", message: messageOf(error), solveSeconds: elapsed() };
      }
    },
    async open(model: LpModel): Promise<LpSession> {
      return new HighsSession(await load(), model);
    },
  };
}

function modelData(model: LpModel, withIntegrality: boolean): ModelData {
  return {
    numCols: model.numCols,
    numRows: model.numRows,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    matrix: {
      format: "csc",
      numRows: model.numRows,
      numCols: model.numCols,
      starts: model.colStart,
      indices: model.rowIndex,
      values: model.value,
    },
    ...(withIntegrality && model.integrality ? { integrality: Int32Array.from(model.integrality) } : {}),
  };
}

function solveWith(highs: Highs, model: LpModel, options: LpSolveOptions, started: number): LpSolution {
  const mip = model.integrality?.some((flag) => flag === 1) ?? false;
  const hm = highs.createModel(modelData(model, mip));
  try {
    hm.options.set({ output_flag: false, ...limits(options, mip) });
    const { modelStatus } = hm.run();
    const solveSeconds = (performance.now() - started) / 1000;
    const codes = highs.constants.modelStatus;
    if (modelStatus === codes.optimal) {
      const solution = hm.getSolution();
      return {
        status: "optimal",
        objective: hm.getObjectiveValue(),
        colValue: solution.colValue,
        rowValue: solution.rowValue,
        solveSeconds,
        ...(mip ? { mipGap: Number(hm.info.get("mip_gap")) } : {}),
      };
    }
    const failure = failureOf(modelStatus, highs);
    const feasible = mip && Number(hm.info.get("primal_solution_status")) === highs.constants.solutionStatus.feasible;
    return {
      status: failure,
      message: `HiGHS model status ${modelStatus} (${failure})`,
      solveSeconds,
      ...(feasible ? { incumbent: { objective: hm.getObjectiveValue(), mipGap: Number(hm.info.get("mip_gap")) } } : {}),
    };
  } finally {
    // The model holds WASM memory that garbage collection does not free.
    hm.dispose();
  }
}

function limits(options: LpSolveOptions, mip: boolean): Record<string, number> {
  return {
    ...(options.timeLimitSeconds === undefined ? {} : { time_limit: Math.max(0, options.timeLimitSeconds) }),
    ...(mip && options.mipRelativeGap !== undefined ? { mip_rel_gap: options.mipRelativeGap } : {}),
  };
}

/**
 * A persistent HiGHS model. HiGHS keeps the basis of the last run and re-solves from it after
 * bound changes and added columns or rows (dual simplex after bound changes, primal after added
 * columns), which is what makes a branch and bound of our own cheap per node.
 */
class HighsSession implements LpSession {
  private readonly model: Model;
  private cols: number;
  private rows: number;
  private basisValid = false;

  constructor(
    private readonly highs: Highs,
    lp: LpModel,
  ) {
    this.model = highs.createModel(modelData(lp, false));
    // Presolve off: every solve after the first starts from a basis and skips it anyway, and on the
    // first (cold) solve of a matching LP it cost about 0.5 s of CPU more than it saved (1.5 s vs
    // 0.95 s, Asker size, measured here).
    this.model.options.set({ output_flag: false, presolve: "off" });
    this.cols = lp.numCols;
    this.rows = lp.numRows;
  }

  get numCols(): number {
    return this.cols;
  }

  get numRows(): number {
    return this.rows;
  }

  addColumns(columns: LpColumns): void {
    if (columns.count === 0) return;
    this.model.addCols({
      cost: columns.cost,
      lower: columns.lower,
      upper: columns.upper,
      matrix: { format: "csc", numRows: this.rows, numCols: columns.count, starts: columns.colStart, indices: columns.rowIndex, values: columns.value },
    });
    this.cols += columns.count;
  }

  addRows(rows: LpRows): void {
    if (rows.count === 0) return;
    this.model.addRows({
      lower: rows.lower,
      upper: rows.upper,
      matrix: { format: "csr", numRows: rows.count, numCols: this.cols, starts: rows.rowStart, indices: rows.colIndex, values: rows.value },
    });
    this.rows += rows.count;
  }

  setColumnBounds(columns: Int32Array, lower: Float64Array, upper: Float64Array): void {
    if (columns.length === 0) return;
    // HiGHS wants a strictly increasing set; callers pass columns in any order.
    const order = Array.from(columns.keys()).sort((a, b) => (columns[a] as number) - (columns[b] as number));
    this.model.changeColsBounds(
      { kind: "set", indices: Int32Array.from(order, (i) => columns[i] as number) },
      Float64Array.from(order, (i) => lower[i] as number),
      Float64Array.from(order, (i) => upper[i] as number),
    );
  }

  setRowBounds(row: number, lower: number, upper: number): void {
    this.model.changeRowBounds(row, lower, upper);
  }

  basis(): LpBasis | undefined {
    if (!this.basisValid) return undefined;
    const basis = this.model.getBasis();
    return { colStatus: basis.colStatus, rowStatus: basis.rowStatus };
  }

  restoreBasis(basis: LpBasis): void {
    const { lower, basic } = this.highs.constants.basisStatus;
    const colStatus = new Int32Array(this.cols).fill(lower);
    colStatus.set(basis.colStatus.subarray(0, this.cols));
    const rowStatus = new Int32Array(this.rows).fill(basic);
    rowStatus.set(basis.rowStatus.subarray(0, this.rows));
    this.model.setBasis({ colStatus, rowStatus });
  }

  async solve(options: LpSolveOptions = {}): Promise<LpSessionSolution> {
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    if (this.cols === 0) {
      // As in `solve`: HiGHS calls an empty model an error, but nothing to decide is optimal.
      const zero = new Float64Array(0);
      return { status: "optimal", objective: 0, colValue: zero, rowValue: new Float64Array(this.rows), rowDual: new Float64Array(this.rows), colDual: zero, iterations: 0, solveSeconds: elapsed() };
    }
    try {
      // An unlimited run after a limited one must not keep the old limit (HiGHS takes no Infinity here;
      // its own default is 1e20 s, "no limit").
      const limit = options.timeLimitSeconds;
      // simplex_strategy 1 is HiGHS's (serial) dual simplex, its default; 4 the primal.
      this.model.options.set({ time_limit: limit === undefined || !Number.isFinite(limit) ? 1e20 : Math.max(0, limit), simplex_strategy: options.simplex === "primal" ? 4 : 1 });
      const { modelStatus } = this.model.run();
      this.basisValid = modelStatus === this.highs.constants.modelStatus.optimal;
      if (!this.basisValid) {
        const failure = failureOf(modelStatus, this.highs);
        return { status: failure, message: `HiGHS model status ${modelStatus} (${failure})`, solveSeconds: elapsed() };
      }
      const solution = this.model.getSolution();
      return {
        status: "optimal",
        objective: this.model.getObjectiveValue(),
        colValue: solution.colValue,
        rowValue: solution.rowValue,
        rowDual: solution.rowDual,
        colDual: solution.colDual,
        iterations: Number(this.model.info.get("simplex_iteration_count")),
        solveSeconds: elapsed(),
      };
    } catch (error) {
      this.basisValid = false;
      return { status: "error", message: messageOf(error), solveSeconds: elapsed() };
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}

function failureOf(status: ModelStatusCode, highs: Highs): LpFailure {
  const codes = highs.constants.modelStatus;
  if (status === codes.infeasible) return "infeasible";
  if (status === codes.unbounded || status === codes.unboundedOrInfeasible) return "unbounded";
  if (status === codes.timeLimit) return "time_limit";
  return "error";
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
