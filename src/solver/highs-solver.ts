import loadHighs, { type Highs, type InitOptions, type ModelStatusCode } from "highs";
import type { LpFailure, LpModel, LpSolution, LpSolveOptions, LpSolver } from "../core/matching/lp-model";

/**
 * The HiGHS adapter (npm `highs`, WebAssembly): the only module that imports the solver.
 *
 * The model goes in as compressed sparse columns through `createModel(ModelData)` rather than as
 * CPLEX LP text: no text to write or parse, and the typed arrays are copied into WASM memory once.
 * bench/matching.ts measures both; STACK-NOTES had arrays 1.6–2× faster at 100k+ columns.
 */

/**
 * Loads HiGHS once per realm (thread); `loader` lets the browser worker say where the WASM is.
 * `preload()` loads and compiles the WebAssembly now, so that a later first solve need not wait.
 */
export function createHighsSolver(loader: InitOptions = {}): LpSolver & { preload(): Promise<void> } {
  let highs: Promise<Highs> | undefined;
  return {
    async preload() {
      highs ??= loadHighs(loader);
      await highs;
    },
    async solve(model: LpModel, options: LpSolveOptions = {}): Promise<LpSolution> {
      const started = performance.now();
      const elapsed = () => (performance.now() - started) / 1000;
      if (model.numCols === 0) {
        // HiGHS reports an empty model as status "empty", not optimal; nothing to decide is optimal.
        return { status: "optimal", objective: 0, colValue: new Float64Array(0), rowValue: new Float64Array(model.numRows), solveSeconds: elapsed() };
      }
      try {
        highs ??= loadHighs(loader);
        return solveWith(await highs, model, options, started);
      } catch (error) {
        return { status: "error", message: error instanceof Error ? error.message : String(error), solveSeconds: elapsed() };
      }
    },
  };
}

function solveWith(highs: Highs, model: LpModel, options: LpSolveOptions, started: number): LpSolution {
  const hm = highs.createModel({
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
  });
  try {
    hm.options.set({ output_flag: false, ...(options.timeLimitSeconds === undefined ? {} : { time_limit: options.timeLimitSeconds }) });
    const { modelStatus } = hm.run();
    const solveSeconds = (performance.now() - started) / 1000;
    if (modelStatus === highs.constants.modelStatus.optimal) {
      const solution = hm.getSolution();
      return { status: "optimal", objective: hm.getObjectiveValue(), colValue: solution.colValue, rowValue: solution.rowValue, solveSeconds };
    }
    const failure = failureOf(modelStatus, highs);
    return { status: failure, message: `HiGHS model status ${modelStatus} (${failure})`, solveSeconds };
  } finally {
    // The model holds WASM memory that garbage collection does not free.
    hm.dispose();
  }
}

function failureOf(status: ModelStatusCode, highs: Highs): LpFailure {
  const codes = highs.constants.modelStatus;
  if (status === codes.infeasible) return "infeasible";
  if (status === codes.unbounded || status === codes.unboundedOrInfeasible) return "unbounded";
  if (status === codes.timeLimit) return "time_limit";
  return "error";
}
