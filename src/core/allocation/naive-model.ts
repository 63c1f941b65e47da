import { Kind, type BuiltModel } from "../matching/build-model";
import type { LpModel } from "../matching/lp-model";
import type { Problem } from "../matching/problem";
import type { Candidate } from "./allocation-lp";

/**
 * Site allocation as one textbook MIP, for a general MIP solver: the matching LP, one binary y per
 * candidate (cost: fixed cost and rent), capacity rows Σ_k stock ≤ capacity · y, one big-M inflow
 * row per candidate Σ inflow ≤ M · y (M = every tonne that could reach it), and the limits on the
 * number of sites and their area. It is the reference the benchmark times bare HiGHS on, and an
 * independent check of the branch and bound in the tests; the engine itself does not use it.
 * The y columns come after the matching columns, in the order of `candidates`.
 */
export function naiveAllocationModel(problem: Problem, built: BuiltModel, candidates: readonly Candidate[]): LpModel {
  const { model, columns, rows } = built;
  const p = problem.parameters;
  const count = candidates.length;
  const candidateOfNode = new Map(candidates.map((c, i) => [c.site.node, i]));
  const surplusRows = problem.surplus.reduce((sum, s) => sum + s.tonnesByMonth.length, 0);

  const inflowRow = (c: number) => model.numRows + c;
  const siteCountRow = model.numRows + count;
  const areaRow = siteCountRow + 1;
  const numRows = areaRow + (p.maxAllocatedAreaM2 === undefined ? 0 : 1);

  const colStart = [0];
  const rowIndex: number[] = [];
  const value: number[] = [];
  const bigM = new Float64Array(count);
  for (let column = 0; column < model.numCols; column++) {
    let candidate = -1;
    if (columns.kind[column] === Kind.to_storage) candidate = candidateOfNode.get(columns.to[column] as number) ?? -1;
    for (let e = model.colStart[column] as number; e < (model.colStart[column + 1] as number); e++) {
      const row = model.rowIndex[e] as number;
      rowIndex.push(row);
      value.push(model.value[e] as number);
      if (candidate >= 0 && row < surplusRows) bigM[candidate] = (bigM[candidate] as number) + (model.rowUpper[row] as number);
    }
    if (candidate >= 0) {
      rowIndex.push(inflowRow(candidate));
      value.push(1);
    }
    colStart.push(rowIndex.length);
  }
  const rowLower = new Float64Array(numRows).fill(-Infinity);
  const rowUpper = new Float64Array(numRows);
  rowLower.set(model.rowLower);
  rowUpper.set(model.rowUpper);
  rowUpper[siteCountRow] = p.maxAllocatedSites ?? Infinity;
  if (p.maxAllocatedAreaM2 !== undefined) rowUpper[areaRow] = p.maxAllocatedAreaM2;

  candidates.forEach((candidate, c) => {
    const first = rows.capacityRow[candidate.storageIndex] as number;
    if (first >= 0) {
      for (let t = candidate.site.open.first; t <= candidate.site.open.last; t++) {
        const row = first + t - candidate.site.open.first;
        rowIndex.push(row);
        value.push(-candidate.site.capacityTonnes);
        rowUpper[row] = 0;
      }
    }
    rowIndex.push(inflowRow(c), siteCountRow);
    value.push(-(bigM[c] as number), 1);
    if (p.maxAllocatedAreaM2 !== undefined) {
      rowIndex.push(areaRow);
      value.push(candidate.areaM2 ?? 0);
    }
    colStart.push(rowIndex.length);
  });

  const numCols = model.numCols + count;
  const colCost = new Float64Array(numCols);
  colCost.set(model.colCost);
  const colLower = new Float64Array(numCols);
  colLower.set(model.colLower);
  const colUpper = new Float64Array(numCols);
  colUpper.set(model.colUpper);
  const integrality = new Uint8Array(numCols);
  candidates.forEach((candidate, c) => {
    const column = model.numCols + c;
    colCost[column] = candidate.objectiveCost;
    colLower[column] = candidate.forced === 1 ? 1 : 0;
    colUpper[column] = candidate.forced === 0 ? 0 : 1;
    integrality[column] = 1;
  });
  return { numCols, numRows, colCost, colLower, colUpper, rowLower, rowUpper, colStart: Int32Array.from(colStart), rowIndex: Int32Array.from(rowIndex), value: Float64Array.from(value), integrality };
}
