// Child process of bench/allocation.ts: bare HiGHS on the textbook site-allocation MIP of an
// instance file (core/allocation/naive-model.ts), or on the plain matching LP with `--lp`.
// Building the model is not timed; the solve is, from passing the model to HiGHS to its answer.
// Prints one JSON line: {seconds, status, objective, mipGap, incumbent}.
import { readFileSync } from "node:fs";
import { candidatesOf } from "../src/core/allocation/allocation-lp";
import { naiveAllocationModel } from "../src/core/allocation/naive-model";
import { buildModel } from "../src/core/matching/build-model";
import { parseInstance } from "../src/core/matching/instance";
import { prepareProblem } from "../src/core/matching/problem";
import { createHighsSolver } from "../src/solver/highs-solver";

const [file, limitText, mode] = process.argv.slice(2);
if (!file) throw new Error("usage: allocation-highs-child.ts INSTANCE.json LIMIT_SECONDS [--lp]");
const parsed = parseInstance(JSON.parse(readFileSync(file, "utf8")));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields.slice(0, 3)));
const problem = prepareProblem(parsed.instance);
const built = buildModel(problem);
const model = mode === "--lp" ? built.model : naiveAllocationModel(problem, built, candidatesOf(problem));
const solution = await createHighsSolver().solve(model, { timeLimitSeconds: Number(limitText ?? 600), mipRelativeGap: 1e-4 });
console.log(
  JSON.stringify({
    seconds: solution.solveSeconds,
    status: solution.status,
    objective: solution.status === "optimal" ? solution.objective : (solution.incumbent?.objective ?? null),
    mipGap: solution.status === "optimal" ? (solution.mipGap ?? 0) : (solution.incumbent?.mipGap ?? null),
  }),
);
