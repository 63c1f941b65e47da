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

describe("HiGHS sessions (a model kept between solves)", () => {
  // min x + 2y + 3z  s.t.  x + y + z = 10 (row 0),  x ≤ 4 (row 1).
  const model = () => lp([1, 2, 3], [[[0, 1], [1, 1]], [[0, 1]], [[0, 1]]], [10, -Infinity], [10, 4]);

  it("re-solves after bound changes, added columns and added rows, and reports duals that price a column", async () => {
    const session = await solver.open(model());
    try {
      const first = await session.solve();
      expect(first).toMatchObject({ status: "optimal", objective: expect.closeTo(16, 9) });
      if (first.status !== "optimal") return;
      // Reduced cost = cost − Σ rowDual × coefficient: 0 for the basic y, > 0 for z.
      expect(3 - (first.rowDual[0] as number)).toBeCloseTo(first.colDual[2] as number, 9);
      expect(first.colDual[2]).toBeGreaterThan(0);

      session.setColumnBounds(Int32Array.from([1]), Float64Array.from([0]), Float64Array.from([1]));
      expect(await session.solve()).toMatchObject({ status: "optimal", objective: expect.closeTo(4 + 2 + 15, 9) });

      // A cheaper column w (cost 0.5, in row 0) takes all of it.
      session.addColumns({ count: 1, cost: Float64Array.from([0.5]), lower: Float64Array.from([0]), upper: Float64Array.from([Infinity]), colStart: Int32Array.from([0, 1]), rowIndex: Int32Array.from([0]), value: Float64Array.from([1]) });
      expect(session.numCols).toBe(4);
      expect(await session.solve()).toMatchObject({ status: "optimal", objective: expect.closeTo(5, 9) });

      // A row w ≤ 3 sends the rest to x (cost 1).
      session.addRows({ count: 1, lower: Float64Array.from([-Infinity]), upper: Float64Array.from([3]), rowStart: Int32Array.from([0, 1]), colIndex: Int32Array.from([3]), value: Float64Array.from([1]) });
      expect(session.numRows).toBe(3);
      expect(await session.solve()).toMatchObject({ status: "optimal", objective: expect.closeTo(1.5 + 4 + 2 * 1 + 3 * 2, 9) });

      session.setRowBounds(2, -Infinity, 10);
      expect(await session.solve()).toMatchObject({ status: "optimal", objective: expect.closeTo(5, 9) });
    } finally {
      session.dispose();
    }
  });

  it("restores a basis taken before columns and rows were added, and re-solves from it", async () => {
    const session = await solver.open(model());
    try {
      await session.solve();
      const basis = session.basis();
      expect(basis?.colStatus.length).toBe(3);
      session.addColumns({ count: 1, cost: Float64Array.from([5]), lower: Float64Array.from([0]), upper: Float64Array.from([Infinity]), colStart: Int32Array.from([0, 1]), rowIndex: Int32Array.from([0]), value: Float64Array.from([1]) });
      session.addRows({ count: 1, lower: Float64Array.from([-Infinity]), upper: Float64Array.from([9]), rowStart: Int32Array.from([0, 1]), colIndex: Int32Array.from([0]), value: Float64Array.from([1]) });
      if (basis) session.restoreBasis(basis);
      const again = await session.solve();
      expect(again).toMatchObject({ status: "optimal", objective: expect.closeTo(16, 9), iterations: 0 });
    } finally {
      session.dispose();
    }
  });

  it("answers infeasible and a passed time limit as values", async () => {
    const session = await solver.open(model());
    try {
      session.setColumnBounds(Int32Array.from([0, 1, 2]), new Float64Array(3), Float64Array.from([1, 1, 1]));
      expect((await session.solve()).status).toBe("infeasible");
      session.setColumnBounds(Int32Array.from([0, 1, 2]), new Float64Array(3), new Float64Array(3).fill(Infinity));
      expect(await session.solve({ timeLimitSeconds: 0 })).toMatchObject({ status: "time_limit" });
      // A later solve without a limit is not held to the old one.
      expect((await session.solve()).status).toBe("optimal");
    } finally {
      session.dispose();
    }
  });

  it("solves a MIP: integer columns and the gap it proved", async () => {
    // Knapsack: max 5a + 4b + 3c with 2a + 3b + c ≤ 5, binary (as min of the negatives).
    const knapsack: LpModel = { ...lp([-5, -4, -3], [[[0, 2]], [[0, 3]], [[0, 1]]], [-Infinity], [5], [1, 1, 1]), integrality: Uint8Array.from([1, 1, 1]) };
    const solution = await solver.solve(knapsack);
    expect(solution).toMatchObject({ status: "optimal", objective: expect.closeTo(-9, 9), mipGap: expect.any(Number) });
    if (solution.status === "optimal") {
      expect([...solution.colValue].map((v) => Math.round(v) + 0)).toEqual([1, 1, 0]);
      expect(solution.mipGap).toBeLessThanOrEqual(1e-4);
    }
    // Without integrality the same model is its LP relaxation, which is lower.
    const relaxed = await solver.solve({ ...knapsack, integrality: undefined });
    expect(relaxed.status === "optimal" && relaxed.objective).toBeLessThan(-9);
  });
});
