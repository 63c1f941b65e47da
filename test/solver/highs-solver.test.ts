import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { solveWithJsLpSolver } from "../../bench/lp-reference";
import type { LpModel } from "../../src/core/matching/lp-model";
import { createHighsSolver } from "../../src/solver/highs-solver";

const solver = createHighsSolver();

/** An LP from dense columns: `columns[j]` lists [row, coefficient] pairs. */
function lp(
  cost: number[],
  columns: [number, number][][],
  rowLower: number[],
  rowUpper: number[],
  colUpper: number[] = cost.map(() => Infinity),
): LpModel {
  const colStart = [0];
  const rowIndex: number[] = [];
  const value: number[] = [];
  for (const column of columns) {
    for (const [row, coefficient] of column) {
      rowIndex.push(row);
      value.push(coefficient);
    }
    colStart.push(rowIndex.length);
  }
  return {
    numCols: cost.length,
    numRows: rowLower.length,
    colCost: Float64Array.from(cost),
    colLower: new Float64Array(cost.length),
    colUpper: Float64Array.from(colUpper),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    colStart: Int32Array.from(colStart),
    rowIndex: Int32Array.from(rowIndex),
    value: Float64Array.from(value),
  };
}

interface MinCostFlow {
  nodes: number;
  supply: number[];
  arcs: { tail: number; head: number; capacity: number; cost: number }[];
  published_optimum: number;
}

describe("HiGHS adapter", () => {
  it("solves a small LP to its known optimum", async () => {
    // min x + 2y  s.t.  x + y = 10,  x ≤ 4  →  x = 4, y = 6, objective 16.
    const solution = await solver.solve(lp([1, 2], [[[0, 1], [1, 1]], [[0, 1]]], [10, -Infinity], [10, 4]));
    expect(solution.status).toBe("optimal");
    if (solution.status !== "optimal") return;
    expect(solution.objective).toBeCloseTo(16, 9);
    expect([...solution.colValue]).toEqual([expect.closeTo(4, 9), expect.closeTo(6, 9)]);
    expect(solution.rowValue[1]).toBeCloseTo(4, 9);
  });

  it("returns infeasible and unbounded as values, never as exceptions", async () => {
    // x ≥ 5 and x ≤ 3.
    expect((await solver.solve(lp([1], [[[0, 1], [1, 1]]], [5, -Infinity], [Infinity, 3]))).status).toBe("infeasible");
    // min −x with x free upwards.
    expect((await solver.solve(lp([-1], [[[0, 1]]], [0], [Infinity]))).status).toBe("unbounded");
    // Bounds HiGHS refuses (it takes 1e300 as infinite): an error value with HiGHS's message.
    expect(await solver.solve(lp([1], [[[0, 1]]], [1e300], [1e300]))).toMatchObject({ status: "error", message: expect.stringContaining("passModel failed") });
  });

  it("answers an empty model as optimal with objective 0", async () => {
    expect(await solver.solve(lp([], [], [], []))).toMatchObject({ status: "optimal", objective: 0 });
  });

  it("reaches the published optimum 150 of the OR-Tools min-cost-flow sample, like javascript-lp-solver", async () => {
    const problem = JSON.parse(
      readFileSync(new URL("../fixtures/matching/ortools_simple_min_cost_flow.json", import.meta.url), "utf8"),
    ) as MinCostFlow;
    // One column per arc (bounded by its capacity), one conservation row per node: out − in = supply.
    const model = lp(
      problem.arcs.map((a) => a.cost),
      problem.arcs.map((a) => [
        [a.tail, 1],
        [a.head, -1],
      ]),
      problem.supply,
      problem.supply,
      problem.arcs.map((a) => a.capacity),
    );
    const solution = await solver.solve(model);
    expect(solution).toMatchObject({ status: "optimal", objective: expect.closeTo(problem.published_optimum, 9) });
    // javascript-lp-solver has no column bounds in its JSON form; the capacities become rows there.
    const bounded = lp(
      problem.arcs.map((a) => a.cost),
      problem.arcs.map((a, j) => [
        [a.tail, 1],
        [a.head, -1],
        [problem.nodes + j, 1],
      ]),
      [...problem.supply, ...problem.arcs.map(() => -Infinity)],
      [...problem.supply, ...problem.arcs.map((a) => a.capacity)],
    );
    expect(solveWithJsLpSolver(bounded)).toBeCloseTo(problem.published_optimum, 6);
  });
});
