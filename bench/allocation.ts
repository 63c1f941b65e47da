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
/** `massekart recommend` runs per size, alternating with bare HiGHS runs (one fewer, at least one). */
const runs = Number(option("runs") ?? 3);
const withAblation = !args.includes("--no-ablation");

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-9);

/**
 * CPU seconds (user + system) of this process's finished children, from /proc (Linux; fields
 * cutime and cstime, in clock ticks of 1/100 s): less swayed than wall time by the other jobs
 * on a shared machine. NaN elsewhere.
 */
function childrenCpuSeconds(): number {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

/** Runs a command to its exit; wall and CPU seconds (its own and its children's) from spawn to exit, and its output. */
function run(command: string[], timeoutSeconds = Infinity): Promise<{ seconds: number; cpuSeconds: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const cpuBefore = childrenCpuSeconds();
    const child = spawn(process.execPath, command, { cwd: repoRoot, env: { ...process.env, MASSEKART_SOLVE_TIMEOUT_S: String(limitSeconds) } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = Number.isFinite(timeoutSeconds) ? setTimeout(() => child.kill("SIGKILL"), timeoutSeconds * 1000) : undefined;
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds: childrenCpuSeconds() - cpuBefore, code, stdout, stderr });
    });
  });
}

interface HighsRun {
  seconds: number;
  /** CPU of the whole child process (reading and building the model included). */
  processCpuSeconds: number;
  status: string;
  objective: number | null;
  mipGap: number | null;
}

async function bareHighs(file: string, lp = false): Promise<HighsRun> {
  const child = await run(["--import", "tsx", "bench/allocation-highs-child.ts", file, String(limitSeconds), ...(lp ? ["--lp"] : [])], limitSeconds + 120);
  if (child.code !== 0) throw new Error(`bare HiGHS failed: ${child.stderr.split("\n").slice(0, 3).join(" ")}`);
  return { ...(JSON.parse(child.stdout) as Omit<HighsRun, "processCpuSeconds">), processCpuSeconds: child.cpuSeconds };
}

async function recommendProcess(file: string, out: string) {
  const child = await run(["bin/massekart.mjs", "recommend", file, "--out", out]);
  if (child.code !== 0) throw new Error(`massekart recommend exited ${child.code}: ${child.stderr.split("\n").slice(0, 3).join(" ")}`);
  const result = JSON.parse(readFileSync(out, "utf8")) as RecommendResult;
  if (result.status === "error") throw new Error(result.message);
  return { seconds: child.seconds, cpuSeconds: child.cpuSeconds, result };
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

    // recommend, HiGHS, recommend, HiGHS, recommend: a busy neighbour on this shared machine slows
    // both alike. A HiGHS run that hits the limit is not repeated (it would only hit it again).
    const recommendRuns: { seconds: number; cpuSeconds: number }[] = [];
    const highsRuns: HighsRun[] = [];
    let recommended: Awaited<ReturnType<typeof recommendProcess>> | undefined;
    for (let r = 0; r < runs; r++) {
      recommended = await recommendProcess(file, out);
      recommendRuns.push({ seconds: recommended.seconds, cpuSeconds: recommended.cpuSeconds });
      console.error(`  massekart recommend: ${recommended.seconds.toFixed(2)} s (CPU ${recommended.cpuSeconds.toFixed(2)} s)`);
      const limited = highsRuns.some((h) => h.status !== "optimal");
      if (r < Math.max(1, runs - 1) && !limited) {
        const h = await bareHighs(file);
        highsRuns.push(h);
        console.error(`  bare HiGHS MIP: ${h.status} ${h.seconds.toFixed(2)} s (process CPU ${h.processCpuSeconds.toFixed(2)} s)`);
      }
    }
    if (!recommended || highsRuns.length === 0) throw new Error("no runs");
    const { result } = recommended;
    const highs = highsRuns[0] as HighsRun;
    const highsFinished = highsRuns.every((h) => h.status === "optimal");
    const recommendSeconds = median(recommendRuns.map((r) => r.seconds));
    const highsSeconds = median(highsRuns.map((h) => h.seconds));
    allocationRows.push({
      size: name,
      lots: size.lots,
      candidates: size.storageSites,
      months: size.months,
      variables: result.stats.variables,
      constraints: result.stats.constraints,
      recommendSeconds,
      recommendCpuSeconds: median(recommendRuns.map((r) => r.cpuSeconds)),
      recommendRuns,
      recommendStatus: result.status,
      recommendObjective: result.objective,
      recommendGap: result.allocation.gap,
      allocated: result.allocation.allocated,
      search: result.allocation.search,
      highsSeconds,
      highsProcessCpuSeconds: median(highsRuns.map((h) => h.processCpuSeconds)),
      highsRuns: highsRuns.map((h) => h.seconds),
      highsStatus: highs.status,
      highsObjective: highs.objective,
      highsGap: highs.mipGap,
      // Stopped at the limit, HiGHS took longer than `limit`: the true ratio is below this one.
      ratio: recommendSeconds / (highsFinished ? highsSeconds : limitSeconds),
      // Whole recommend process against the whole HiGHS child (its reading and building included).
      cpuRatio: median(recommendRuns.map((r) => r.cpuSeconds)) / median(highsRuns.map((h) => h.processCpuSeconds)),
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

/**
 * Each technique switched off or changed, one at a time, in this process (a warm-up run first),
 * every variant twice in turn; the lower of the two times is kept, as the other jobs on a shared
 * machine only ever add to a time.
 */
async function ablation(instance: Instance) {
  const variants: [string, RecommendOptions["engine"]][] = [
    ["default", {}],
    ["big-M row per site (linking site)", { linking: "site" }],
    ["linking rows as cuts (linking lazy)", { linking: "lazy" }],
    ["pricing from 1 arc per kind", { initialArcs: 1 }],
    ["no warm-up with all sites open", { warmUp: false }],
    ["dual simplex after priced arcs (pricedSimplex dual)", { pricedSimplex: "dual" }],
    ["site values each from the last (values chain)", { values: "chain" }],
    ["no reduced-cost fixing", { search: { reducedCostFixing: false } }],
    ["no rounding incumbent", { search: { rounding: "none" } }],
    ["rounding at every node", { search: { rounding: "all" } }],
    ["branch on the most fractional y", { search: { branching: "fractional" } }],
    ["warm start from the last LP", { search: { warmStart: "last" } }],
    ["plunging (depth first dives)", { search: { plunge: true } }],
  ];
  const solver = createHighsSolver();
  await recommendSites(instance, solver);
  const rows = new Map<string, Record<string, number | string>>();
  for (let round = 0; round < 2; round++) {
    for (const [label, engine] of variants) {
      const cpuStarted = process.cpuUsage();
      const result = await recommendSites(instance, solver, { engine });
      if (result.status === "error") throw new Error(result.message);
      const cpu = process.cpuUsage(cpuStarted);
      const { search } = result.allocation;
      const before = rows.get(label);
      rows.set(label, {
        variant: label,
        searchSeconds: Math.min(search.seconds, Number(before?.searchSeconds ?? Infinity)),
        cpuSeconds: Math.min((cpu.user + cpu.system) / 1e6, Number(before?.cpuSeconds ?? Infinity)),
        nodes: search.nodes,
        lpSolves: search.lpSolves,
        iterations: search.iterations,
        objective: result.objective,
        gap: result.allocation.gap,
      });
      console.error(`  ${label}: ${search.seconds.toFixed(2)} s, ${search.nodes} nodes`);
    }
  }
  return [...rows.values()];
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
  ["recommendCpuSeconds", "rec. CPU s", fixed(2)],
  ["highsProcessCpuSeconds", "HiGHS CPU s", fixed(2)],
  ["cpuRatio", "CPU ratio", fixed(3)],
  ["objectiveDifference", "obj. diff", exponent],
]);
for (const row of allocationRows) if (row.ratioIsUpperBound) console.log(`${String(row.size)}: HiGHS stopped at the ${limitSeconds} s limit; the ratios are at most the ones shown.`);
console.log("ratio: median wall time of the whole `massekart recommend` process ÷ HiGHS's solve (wall); CPU ratio: CPU of the recommend process ÷ CPU of the HiGHS child process.");
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
  console.log("\nTechniques, one at a time (Asker size, in process, warm; the lower of two runs: search wall time, and CPU of the whole recommendation)");
  print(ablationRows, [
    ["variant", "variant", String],
    ["searchSeconds", "search s", fixed(2)],
    ["cpuSeconds", "whole CPU s", fixed(2)],
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
