// `npm run bench:allocation [-- --sizes asker,2x --limit 300 --runs 2 --no-ablation]`: site
// allocation (issue 11). Per size, side by side in one run: the whole `massekart recommend`
// process (node start to exit, default options) against bare HiGHS on the textbook big-M MIP of
// the same instance (in a child process, solve time only), with both objectives, the gap and the
// ratio; then `massekart solve`'s LP with pricing against HiGHS on the full LP; then (Asker size)
// each engine technique switched off or changed, one at a time. Prints tables and writes
// bench/results/allocation.json.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { recommendSites, type RecommendOptions } from "../src/core/allocation/recommend";
import type { RecommendResult } from "../src/core/allocation/result";
import { buildModel } from "../src/core/matching/build-model";
import { PricedLp } from "../src/core/matching/column-pricing";
import { generateInstance, type GenerateOptions } from "../src/core/matching/generate";
import { parseInstance, type Instance } from "../src/core/matching/instance";
import { prepareProblem } from "../src/core/matching/problem";
import { createHighsSolver } from "../src/solver/highs-solver";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));

/** Asker size as bench/matching.ts's "asker", every storage site a candidate; and twice that. */
const sizes: Record<string, GenerateOptions> = {
  asker: { lots: 400, projects: 200, storageSites: 15, landfills: 4, quarries: 4, months: 24, candidates: true },
  "2x": { lots: 800, projects: 400, storageSites: 30, landfills: 8, quarries: 8, months: 24, candidates: true },
};

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const chosen = (option("sizes") ?? Object.keys(sizes).join(",")).split(",");
/** Bare HiGHS is stopped here and reported as "> limit". */
const limitSeconds = Number(option("limit") ?? 300);
/** `massekart recommend` runs per size (before and after the HiGHS run, alternating). */
const runs = Number(option("runs") ?? 2);
const withAblation = !args.includes("--no-ablation");

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-9);

/** Runs a command to its exit; wall seconds from spawn to exit, and its stdout. */
function run(command: string[], timeoutSeconds = Infinity): Promise<{ seconds: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, command, { cwd: repoRoot, env: { ...process.env, MASSEKART_SOLVE_TIMEOUT_S: String(limitSeconds) } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = Number.isFinite(timeoutSeconds) ? setTimeout(() => child.kill("SIGKILL"), timeoutSeconds * 1000) : undefined;
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ seconds: (performance.now() - started) / 1000, code, stdout, stderr });
    });
  });
}

interface HighsRun {
  seconds: number;
  status: string;
  objective: number | null;
  mipGap: number | null;
}

async function bareHighs(file: string, lp = false): Promise<HighsRun> {
  const child = await run(["--import", "tsx", "bench/allocation-highs-child.ts", file, String(limitSeconds), ...(lp ? ["--lp"] : [])], limitSeconds + 120);
  if (child.code !== 0) throw new Error(`bare HiGHS failed: ${child.stderr.split("\n").slice(0, 3).join(" ")}`);
  return JSON.parse(child.stdout) as HighsRun;
}

async function recommendProcess(file: string, out: string) {
  const child = await run(["bin/massekart.mjs", "recommend", file, "--out", out]);
  if (child.code !== 0) throw new Error(`massekart recommend exited ${child.code}: ${child.stderr.split("\n").slice(0, 3).join(" ")}`);
  const result = JSON.parse(readFileSync(out, "utf8")) as RecommendResult;
  if (result.status === "error") throw new Error(result.message);
  return { seconds: child.seconds, result };
}

const dir = mkdtempSync(path.join(tmpdir(), "massekart-bench-allocation-"));
const allocationRows: Record<string, unknown>[] = [];
const pricingRows: Record<string, unknown>[] = [];
let ablationRows: Record<string, unknown>[] = [];
try {
  for (const name of chosen) {
    const size = sizes[name];
    if (!size) throw new Error(`unknown size ${name}; sizes: ${Object.keys(sizes).join(", ")}`);
    const raw = generateInstance({ ...size, seed: 1 });
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(raw));
    const out = path.join(dir, `${name}.result.json`);
    console.error(`${name}: ${size.lots} lots, ${size.storageSites} candidate sites, ${size.months} months …`);

    // recommend, HiGHS, recommend …: a busy neighbour on this shared machine slows both alike.
    const recommendTimes: number[] = [];
    let recommended: Awaited<ReturnType<typeof recommendProcess>> | undefined;
    let highs: HighsRun | undefined;
    for (let r = 0; r < runs; r++) {
      recommended = await recommendProcess(file, out);
      recommendTimes.push(recommended.seconds);
      console.error(`  massekart recommend: ${recommended.seconds.toFixed(2)} s`);
      if (r === 0) {
        highs = await bareHighs(file);
        console.error(`  bare HiGHS MIP: ${highs.status} ${highs.seconds.toFixed(2)} s`);
      }
    }
    if (!recommended || !highs) throw new Error("no runs");
    const { result } = recommended;
    const highsFinished = highs.status === "optimal";
    const recommendSeconds = median(recommendTimes);
    allocationRows.push({
      size: name,
      lots: size.lots,
      candidates: size.storageSites,
      months: size.months,
      variables: result.stats.variables,
      constraints: result.stats.constraints,
      recommendSeconds,
      recommendRuns: recommendTimes,
      recommendStatus: result.status,
      recommendObjective: result.objective,
      recommendGap: result.allocation.gap,
      allocated: result.allocation.allocated,
      search: result.allocation.search,
      highsSeconds: highs.seconds,
      highsStatus: highs.status,
      highsObjective: highs.objective,
      highsGap: highs.mipGap,
      // Stopped at the limit, HiGHS took longer than `limit`: the true ratio is below this one.
      ratio: recommendSeconds / (highsFinished ? highs.seconds : limitSeconds),
      ratioIsUpperBound: !highsFinished,
      objectiveDifference: highs.objective === null ? null : relative(result.objective, highs.objective),
    });

    // Pricing on the plain matching LP (every site in play), in this process after a warm-up solve.
    pricingRows.push(await pricingVersusFull(name, raw));

    if (withAblation && name === "asker") {
      const parsed = parseInstance(raw);
      if (!parsed.ok) throw new Error("invalid instance");
      ablationRows = await ablation(parsed.instance);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** `massekart solve`'s LP: every column at once (bare HiGHS) against pricing from the cheapest arcs; alternating, 3 each. */
async function pricingVersusFull(name: string, raw: unknown) {
  const parsed = parseInstance(raw);
  if (!parsed.ok) throw new Error("invalid instance");
  const problem = prepareProblem(parsed.instance);
  const built = buildModel(problem);
  const solver = createHighsSolver();
  await solver.solve(built.model); // warm-up: WebAssembly compiled and tiered up for both
  const full: number[] = [];
  const priced: number[] = [];
  let fullObjective = NaN;
  let pricedObjective = NaN;
  let stats = {};
  let columns = 0;
  for (let r = 0; r < 3; r++) {
    const a = await solver.solve(built.model);
    if (a.status !== "optimal") throw new Error(a.status);
    full.push(a.solveSeconds);
    fullObjective = a.objective;
    const started = performance.now();
    const lp = await PricedLp.open(solver, built, { initialArcs: 1 });
    const b = await lp.solve();
    priced.push((performance.now() - started) / 1000);
    if (b.status !== "optimal") throw new Error(b.status);
    pricedObjective = b.objective;
    stats = lp.stats;
    columns = lp.arcCount;
    lp.dispose();
  }
  return {
    size: name,
    columns: built.model.numCols,
    pricedColumns: columns,
    fullLpSeconds: median(full),
    pricedSeconds: median(priced),
    ratio: median(priced) / median(full),
    objectiveDifference: relative(pricedObjective, fullObjective),
    pricing: stats,
  };
}

/** Each technique switched off or changed, one at a time, in this process (a warm-up run first). */
async function ablation(instance: Instance) {
  const variants: [string, RecommendOptions["engine"]][] = [
    ["default", {}],
    ["big-M row per site (linking site)", { linking: "site" }],
    ["linking rows as cuts (linking lazy)", { linking: "lazy" }],
    ["pricing from 1 arc per kind", { initialArcs: 1 }],
    ["no warm-up with all sites open", { warmUp: false }],
    ["no reduced-cost fixing", { search: { reducedCostFixing: false } }],
    ["no rounding incumbent", { search: { rounding: "none" } }],
    ["rounding at every node", { search: { rounding: "all" } }],
    ["branch on the most fractional y", { search: { branching: "fractional" } }],
    ["warm start from the last LP", { search: { warmStart: "last" } }],
    ["plunging (depth first dives)", { search: { plunge: true } }],
  ];
  const solver = createHighsSolver();
  await recommendSites(instance, solver);
  const rows: Record<string, unknown>[] = [];
  for (const [label, engine] of variants) {
    const cpuStarted = process.cpuUsage().user;
    const result = await recommendSites(instance, solver, { engine });
    if (result.status === "error") throw new Error(result.message);
    const { search } = result.allocation;
    rows.push({
      variant: label,
      searchSeconds: search.seconds,
      cpuSeconds: (process.cpuUsage().user - cpuStarted) / 1e6,
      nodes: search.nodes,
      lpSolves: search.lpSolves,
      iterations: search.iterations,
      objective: result.objective,
      gap: result.allocation.gap,
    });
    console.error(`  ${label}: ${search.seconds.toFixed(2)} s, ${search.nodes} nodes`);
  }
  return rows;
}

const fixed = (digits: number) => (v: unknown) => (typeof v === "number" ? v.toFixed(digits) : String(v ?? "–"));
const exponent = (v: unknown) => (typeof v === "number" ? v.toExponential(1) : String(v ?? "–"));
function print(rows: Record<string, unknown>[], columns: [string, string, (v: unknown) => string][]) {
  const table = [columns.map(([, label]) => label), ...rows.map((row) => columns.map(([key, , format]) => format(row[key])))];
  const widths = columns.map((_, c) => Math.max(...table.map((line) => (line[c] as string).length)));
  console.log(table.map((line) => line.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join("  ")).join("\n"));
}

console.log("Site allocation: whole `massekart recommend` process vs bare HiGHS MIP (naive big-M formulation)");
print(allocationRows, [
  ["size", "size", String],
  ["candidates", "cand.", String],
  ["variables", "vars", String],
  ["recommendSeconds", "recommend s", fixed(2)],
  ["recommendGap", "gap", exponent],
  ["highsSeconds", "HiGHS s", fixed(2)],
  ["highsStatus", "HiGHS", String],
  ["highsGap", "HiGHS gap", exponent],
  ["ratio", "ratio", (v) => fixed(3)(v)],
  ["objectiveDifference", "obj. diff", exponent],
]);
for (const row of allocationRows) if (row.ratioIsUpperBound) console.log(`${String(row.size)}: HiGHS stopped at the ${limitSeconds} s limit; the ratio is at most the one shown.`);
console.log("\n`massekart solve`'s LP: pricing (cheapest arcs first) vs bare HiGHS on the full LP (warm, median of 3)");
print(pricingRows, [
  ["size", "size", String],
  ["columns", "columns", String],
  ["pricedColumns", "priced in", String],
  ["fullLpSeconds", "full LP s", fixed(3)],
  ["pricedSeconds", "pricing s", fixed(3)],
  ["ratio", "ratio", fixed(2)],
  ["objectiveDifference", "obj. diff", exponent],
]);
if (ablationRows.length > 0) {
  console.log("\nTechniques, one at a time (Asker size, in process, search only)");
  print(ablationRows, [
    ["variant", "variant", String],
    ["searchSeconds", "search s", fixed(2)],
    ["cpuSeconds", "cpu s", fixed(2)],
    ["nodes", "nodes", String],
    ["lpSolves", "LP solves", String],
    ["iterations", "iterations", String],
    ["gap", "gap", exponent],
  ]);
}

mkdirSync(path.join(repoRoot, "bench/results"), { recursive: true });
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, totalMemGB: Math.round(totalmem() / 2 ** 30) };
writeFileSync(
  path.join(repoRoot, "bench/results/allocation.json"),
  `${JSON.stringify({ date: new Date().toISOString(), machine, limitSeconds, allocation: allocationRows, pricing: pricingRows, ablation: ablationRows }, null, 2)}\n`,
);
console.error("Wrote bench/results/allocation.json");
