// CPLEX LP text for an LpModel: the other input form the `highs` package takes, kept here only
// so the benchmark can measure it against the sparse arrays the adapter passes.
import type { LpModel } from "../src/core/matching/lp-model";

const term = (coefficient: number, name: string) => `${coefficient < 0 ? "-" : "+"} ${Math.abs(coefficient)} ${name}`;

/** Writes the model with columns x0… and rows r0…, ten terms per line. */
export function toCplexLp(model: LpModel): string {
  const lines = ["Minimize", " obj:"];
  let line: string[] = [];
  const flush = () => {
    if (line.length) lines.push(`  ${line.join(" ")}`);
    line = [];
  };
  const push = (text: string) => {
    line.push(text);
    if (line.length === 10) flush();
  };
  for (let j = 0; j < model.numCols; j++) {
    const cost = model.colCost[j] as number;
    if (cost !== 0) push(term(cost, `x${j}`));
  }
  flush();
  // Rows from the columns (CSC → CSR).
  const counts = new Int32Array(model.numRows + 1);
  for (const row of model.rowIndex) counts[row + 1] = (counts[row + 1] as number) + 1;
  for (let i = 0; i < model.numRows; i++) counts[i + 1] = (counts[i + 1] as number) + (counts[i] as number);
  const cursor = counts.slice(0, model.numRows);
  const cols = new Int32Array(model.rowIndex.length);
  const values = new Float64Array(model.rowIndex.length);
  for (let j = 0; j < model.numCols; j++) {
    for (let e = model.colStart[j] as number; e < (model.colStart[j + 1] as number); e++) {
      const row = model.rowIndex[e] as number;
      const at = cursor[row] as number;
      cols[at] = j;
      values[at] = model.value[e] as number;
      cursor[row] = at + 1;
    }
  }
  lines.push("Subject To");
  for (let i = 0; i < model.numRows; i++) {
    const start = counts[i] as number;
    const end = counts[i + 1] as number;
    if (start === end) continue;
    lines.push(` r${i}:`);
    for (let e = start; e < end; e++) push(term(values[e] as number, `x${cols[e]}`));
    flush();
    const lower = model.rowLower[i] as number;
    const upper = model.rowUpper[i] as number;
    if (lower === upper) lines.push(`  = ${lower}`);
    else if (lower === -Infinity) lines.push(`  <= ${upper}`);
    else if (upper === Infinity) lines.push(`  >= ${lower}`);
    else throw new Error(`row ${i} is ranged; not needed by the matching model`);
  }
  lines.push("End");
  return lines.join("\n");
}
