// javascript-lp-solver as an independent reference for the HiGHS results (benchmark and tests).
// A dev dependency only: the engine never uses it.
import jsLpSolver, { type Model, type SolveResult } from "javascript-lp-solver";
import type { LpModel } from "../src/core/matching/lp-model";

/** Our CSC model in javascript-lp-solver's JSON form (variables ≥ 0, as all of ours are). */
export function toJsLpModel(model: LpModel): Model {
  const constraints: Model["constraints"] = {};
  for (let i = 0; i < model.numRows; i++) {
    const lower = model.rowLower[i] as number;
    const upper = model.rowUpper[i] as number;
    if (lower === upper) constraints[`r${i}`] = { equal: lower };
    else if (lower === -Infinity) constraints[`r${i}`] = { max: upper };
    else if (upper === Infinity) constraints[`r${i}`] = { min: lower };
    else constraints[`r${i}`] = { min: lower, max: upper };
  }
  const variables: Model["variables"] = {};
  for (let j = 0; j < model.numCols; j++) {
    const column: Record<string, number> = { cost: model.colCost[j] as number };
    for (let e = model.colStart[j] as number; e < (model.colStart[j + 1] as number); e++) column[`r${model.rowIndex[e]}`] = model.value[e] as number;
    variables[`c${j}`] = column;
  }
  return { optimize: "cost", opType: "min", constraints, variables };
}

/** Solves with javascript-lp-solver; undefined when it finds no feasible optimum. */
export function solveWithJsLpSolver(model: LpModel): number | undefined {
  const result = jsLpSolver.Solve(toJsLpModel(model)) as SolveResult;
  return result.feasible && result.bounded !== false ? result.result : undefined;
}
