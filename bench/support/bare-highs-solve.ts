// The baseline of bench/solve-process.ts: the least a Node process must do to solve a matching
// instance file with HiGHS. It reads the file, builds the same LP as `massekart solve`
// (prepareProblem + buildModel), hands it to HiGHS as sparse arrays and runs it; nothing else:
// no validation, no plan, KPIs, baseline or reasons, no result file. Bundled by the benchmark
// like the runtime, so both sides are plain JavaScript.
import { readFileSync } from "node:fs";
import loadHighs from "highs";
import { buildModel } from "../../src/core/matching/build-model";
import type { Instance } from "../../src/core/matching/instance";
import { prepareProblem } from "../../src/core/matching/problem";

const [file] = process.argv.slice(2);
if (!file) throw new Error("usage: bare-highs-solve INSTANCE.json (an instance as parseInstance returns it)");
const instance = JSON.parse(readFileSync(file, "utf8")) as Instance;
const { model } = buildModel(prepareProblem(instance));
const highs = await loadHighs();
const highsModel = highs.createModel({
  numCols: model.numCols,
  numRows: model.numRows,
  colCost: model.colCost,
  colLower: model.colLower,
  colUpper: model.colUpper,
  rowLower: model.rowLower,
  rowUpper: model.rowUpper,
  matrix: { format: "csc", numRows: model.numRows, numCols: model.numCols, starts: model.colStart, indices: model.rowIndex, values: model.value },
});
highsModel.options.set({ output_flag: false });
const { modelStatus } = highsModel.run();
console.log(`status ${modelStatus}, objective ${highsModel.getObjectiveValue()}`);
highsModel.dispose();
