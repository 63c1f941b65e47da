// `npm run bench:matching [-- --sizes small,asker,large --runs N --no-js-lp]`: times the matching
// engine on seeded generated instances, beside HiGHS alone, CPLEX LP text, the greedy reference
// and javascript-lp-solver; prints a table and writes bench/results/matching.json.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
// The benchmark measures the text form against the adapter's arrays, so it calls `highs` itself;
// in src/ only src/solver may import it.
import loadHighs from "highs";
import { buildModel } from "../src/core/matching/build-model";
import { generateInstance, type GenerateOptions } from "../src/core/matching/generate";
import { greedyValues } from "../src/core/matching/heuristics";
import { parseInstance } from "../src/core/matching/instance";
import type { LpModel } from "../src/core/matching/lp-model";
import { readPlan } from "../src/core/matching/plan";
import { prepareProblem } from "../src/core/matching/problem";
import { solveInstance } from "../src/core/matching/solve";
import { createHighsSolver } from "../src/solver/highs-solver";
import { toCplexLp } from "./lp-text";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));

/** The sizes of issue 4. */
const sizes: Record<string, GenerateOptions & { runs: number }> = {
  small: { lots: 20, storageSites: 1, landfills: 1, quarries: 1, months: 6, runs: 5 },
  asker: { lots: 400, projects: 200, storageSites: 15, landfills: 4, quarries: 4, months: 24, runs: 5 },
  large: { lots: 1000, storageSites: 28, landfills: 6, quarries: 6, months: 36, runs: 3 },
};
const jsLpLimitSeconds = 60;

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const chosen = (option("sizes") ?? Object.keys(sizes).join(",")).split(",");
const runsOverride = option("runs") === undefined ? undefined : Number(option("runs"));
const withJsLp = !args.includes("--no-js-lp");

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const seconds = (from: number) => (performance.now() - from) / 1000;
const peakRssMB = () => process.resourceUsage().maxRSS / 1024;

/** javascript-lp-solver in a child process that is killed at the limit. */
async function jsLpSolver(model: LpModel): Promise<{ objective: number | null; seconds: number | null; outcome: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "massekart-bench-"));
  const file = path.join(dir, "model.json");
  const plain = Object.fromEntries(Object.entries(model).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Float64Array, (x) => (Number.isFinite(x) ? x : null)) : v]));
  writeFileSync(file, JSON.stringify(plain));
  try {
    return await new Promise((resolve) => {
      const child = spawn(process.execPath, ["--max-old-space-size=8192", "--import", "tsx", "bench/js-lp-solver-child.ts", file], { cwd: repoRoot });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve({ objective: null, seconds: null, outcome: `killed at ${jsLpLimitSeconds} s` });
      }, jsLpLimitSeconds * 1000);
      child.on("exit", (code) => {
        clearTimeout(timer);
        if (code !== 0) {
          resolve({ objective: null, seconds: null, outcome: code === null ? `killed at ${jsLpLimitSeconds} s` : `failed: ${stderr.split("\n")[0] ?? code}` });
          return;
        }
        const parsed = JSON.parse(stdout) as { objective: number | null; seconds: number };
        resolve({ ...parsed, outcome: parsed.objective === null ? "no optimum" : "solved" });
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const solver = createHighsSolver();
const highs = await loadHighs();
const rows: Record<string, unknown>[] = [];

for (const name of chosen) {
  const size = sizes[name];
  if (!size) throw new Error(`unknown size ${name}; sizes: ${Object.keys(sizes).join(", ")}`);
  const runs = runsOverride ?? size.runs;
  const raw = generateInstance({ ...size, seed: 1 });
  const sites = (raw.sites ?? []).length;
  console.error(`${name}: ${size.lots} lots, ${sites} sites, ${size.months} months, ${runs} runs …`);

  const parsedOnce = parseInstance(raw);
  if (!parsedOnce.ok) throw new Error(JSON.stringify(parsedOnce.fields.slice(0, 3)));
  const problem = prepareProblem(parsedOnce.instance);
  const built = buildModel(problem);

  // The first run is cold (WASM tiers up, caches fill); it is reported but not in the medians.
  const firstStarted = performance.now();
  const first = await solveInstance(parsedOnce.instance, solver);
  const firstRunSeconds = seconds(firstStarted);
  if (first.status === "error") throw new Error(first.message);

  // Whole runs and HiGHS-alone runs alternate, so a busy neighbour on this shared machine slows both alike.
  const parseTimes: number[] = [];
  const prepareTimes: number[] = [];
  const buildTimes: number[] = [];
  const solveTimes: number[] = [];
  const totalTimes: number[] = [];
  const aloneTimes: number[] = [];
  let status = "";
  let objective = NaN;
  let unplacedTonnes = 0;
  let stats = { variables: 0, constraints: 0, nonZeros: 0 };
  for (let r = 0; r < runs; r++) {
    const parseStarted = performance.now();
    const parsed = parseInstance(raw);
    parseTimes.push(seconds(parseStarted));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields.slice(0, 3)));
    const result = await solveInstance(parsed.instance, solver);
    if (result.status === "error") throw new Error(result.message);
    if (process.env.BENCH_DEBUG) console.error(JSON.stringify(result.stats));
    status = result.status;
    objective = result.objective;
    unplacedTonnes = result.kpis.tonnesUnplacedSurplus + result.kpis.tonnesUnplacedDemand;
    stats = result.stats;
    prepareTimes.push(result.stats.prepareSeconds);
    buildTimes.push(result.stats.buildSeconds);
    solveTimes.push(result.stats.solveSeconds);
    totalTimes.push(result.stats.totalSeconds);
    // The same LP, solved by the adapter alone (sparse arrays in, solution out).
    aloneTimes.push((await solver.solve(built.model)).solveSeconds);
  }

  // CPLEX LP text: write, parse and solve, read the values back (one run is enough to compare).
  const textStarted = performance.now();
  const text = toCplexLp(built.model);
  const textWriteSeconds = seconds(textStarted);
  const textSolved = highs.solve(text, { output_flag: false });
  const textColumns = textSolved.Columns as Record<string, { Primal: number }>;
  const values = new Float64Array(built.model.numCols);
  for (let j = 0; j < values.length; j++) values[j] = textColumns[`x${j}`]?.Primal ?? 0;
  const textSeconds = seconds(textStarted);
  const textObjective = textSolved.ObjectiveValue;

  const greedyStarted = performance.now();
  const greedy = readPlan(problem, built, greedyValues(problem, built));
  const greedySeconds = seconds(greedyStarted);

  const reference = withJsLp ? await jsLpSolver(built.model) : { objective: null, seconds: null, outcome: "skipped" };
  const gap = (other: number) => (other - objective) / Math.abs(objective);

  const row = {
    size: name,
    lots: size.lots,
    sites,
    months: size.months,
    variables: stats.variables,
    constraints: stats.constraints,
    nonZeros: stats.nonZeros,
    status,
    objective,
    runs,
    parseSeconds: median(parseTimes),
    prepareSeconds: median(prepareTimes),
    buildSeconds: median(buildTimes),
    solveSeconds: median(solveTimes),
    totalSeconds: median(totalTimes),
    firstRunSeconds,
    unplacedTonnes,
    highsAloneSeconds: median(aloneTimes),
    lpTextSeconds: textSeconds,
    lpTextWriteSeconds: textWriteSeconds,
    lpTextObjectiveGap: gap(textObjective),
    peakRssMB: peakRssMB(),
    greedySeconds,
    greedyObjective: greedy.objective,
    greedyGap: gap(greedy.objective),
    greedyUnplacedTonnes: greedy.kpis.tonnesUnplacedSurplus + greedy.kpis.tonnesUnplacedDemand,
    greedyCostGap: (greedy.kpis.cost - first.kpis.cost) / first.kpis.cost,
    jsLpSolver: reference.outcome,
    jsLpSolverSeconds: reference.seconds,
    jsLpSolverObjective: reference.objective,
    jsLpSolverGap: reference.objective === null ? null : gap(reference.objective),
    targets: {
      // Building the LP; preparing (tonnes, months and the distance matrix) is reported beside it.
      buildShareOfSolve: median(buildTimes) / median(aloneTimes),
      prepareShareOfSolve: median(prepareTimes) / median(aloneTimes),
      wholeOverHighsAlone: (median(parseTimes) + median(totalTimes)) / median(aloneTimes),
      ...(name === "asker" ? { askerBuildPlusSolveSeconds: median(prepareTimes) + median(buildTimes) + median(solveTimes) } : {}),
    },
  };
  rows.push(row);
}

const fixed = (digits: number) => (v: unknown) => (typeof v === "number" ? v.toFixed(digits) : String(v ?? "–"));
const percent = (v: unknown) => (typeof v === "number" ? `${(v * 100).toFixed(1)} %` : String(v ?? "–"));
const relative = (v: unknown) => (typeof v === "number" ? v.toExponential(1) : String(v ?? "–"));
const columns: [string, string, (v: unknown) => string][] = [
  ["size", "size", String],
  ["lots", "lots", String],
  ["sites", "sites", String],
  ["months", "months", String],
  ["variables", "vars", String],
  ["constraints", "rows", String],
  ["status", "status", String],
  ["prepareSeconds", "prep s", fixed(3)],
  ["buildSeconds", "build s", fixed(3)],
  ["solveSeconds", "solve s", fixed(3)],
  ["totalSeconds", "total s", fixed(3)],
  ["highsAloneSeconds", "HiGHS s", fixed(3)],
  ["lpTextSeconds", "LP text s", fixed(3)],
  ["peakRssMB", "peak MB", fixed(0)],
  ["greedyGap", "greedy gap", percent],
  ["jsLpSolverSeconds", "jsLP s", fixed(2)],
  ["jsLpSolverGap", "jsLP gap", relative],
];
const table = [columns.map(([, label]) => label), ...rows.map((row) => columns.map(([key, , format]) => format(row[key])))];
const widths = columns.map((_, c) => Math.max(...table.map((line) => (line[c] as string).length)));
console.log(table.map((line) => line.map((cell, c) => cell.padStart(widths[c] as number)).join("  ")).join("\n"));
for (const row of rows) console.log(`${row.size}: jsLP ${row.jsLpSolver}; targets ${JSON.stringify(row.targets)}`);

mkdirSync(path.join(repoRoot, "bench/results"), { recursive: true });
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, totalMemGB: Math.round(totalmem() / 2 ** 30) };
writeFileSync(path.join(repoRoot, "bench/results/matching.json"), `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`);
console.error("Wrote bench/results/matching.json");
