// Child process of bench/matching.ts: solves one LP with javascript-lp-solver and prints
// {"objective", "seconds"} on stdout. The parent kills it at 60 s.
import { readFileSync } from "node:fs";
import type { LpModel } from "../src/core/matching/lp-model";
import { solveWithJsLpSolver } from "./lp-reference";

const path = process.argv[2];
if (!path) throw new Error("usage: js-lp-solver-child MODEL.json");
const plain = JSON.parse(readFileSync(path, "utf8")) as Record<keyof LpModel, number | number[] | null[]>;
// JSON has no Infinity: the parent wrote it as null.
const floats = (values: unknown) => Float64Array.from(values as (number | null)[], (v) => (v === null ? Infinity : v));
const signed = (values: unknown, sign: number) => Float64Array.from(values as (number | null)[], (v) => (v === null ? sign * Infinity : v));
const model: LpModel = {
  numCols: plain.numCols as number,
  numRows: plain.numRows as number,
  colCost: floats(plain.colCost),
  colLower: floats(plain.colLower),
  colUpper: floats(plain.colUpper),
  rowLower: signed(plain.rowLower, -1),
  rowUpper: signed(plain.rowUpper, 1),
  colStart: Int32Array.from(plain.colStart as number[]),
  rowIndex: Int32Array.from(plain.rowIndex as number[]),
  value: floats(plain.value),
};
const started = performance.now();
const objective = solveWithJsLpSolver(model);
process.stdout.write(JSON.stringify({ objective: objective ?? null, seconds: (performance.now() - started) / 1000 }));
