// `npm run bench:solve-process [-- --runs N]`: the whole `massekart solve` process (Node start, the
// compiled CLI, validation, the LP, HiGHS, plan, KPIs, baseline, reasons, the result file) on an
// Asker-size generated instance, against a bare-HiGHS script that reads the same file and builds
// the same LP (prepareProblem + buildModel, then HiGHS createModel + run) and does nothing else.
// Both are bundled JavaScript, started as fresh processes, alternating so a busy neighbour slows
// both alike. Target (issue 15): massekart ≤ 1.10× the bare script (aim 1.05×). Prints a table and
// writes bench/results/solve-process.json.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { buildRuntimeIfNeeded } from "../scripts/runtime-build.mjs";
import { generateInstance } from "../src/core/matching/generate";
import { parseInstance } from "../src/core/matching/instance";
import type { MatchResult } from "../src/core/matching/result";
import { endedChildrenCpuSeconds, median, printTable, repoRoot, writeResults } from "./support/report";

const runsOption = process.argv.indexOf("--runs");
const runs = runsOption >= 0 ? Number(process.argv[runsOption + 1]) : 9;
// bench/matching.ts's "asker" size: 400 lots of 200 projects, 23 sites, 24 months.
const askerSize = { lots: 400, projects: 200, storageSites: 15, landfills: 4, quarries: 4, months: 24, seed: 1 };

const dir = mkdtempSync(path.join(tmpdir(), "massekart-bench-solve-"));
try {
  await buildRuntimeIfNeeded({ log: (message) => console.error(message) });
  // Beside the runtime's bundles, so it resolves its packages from the same node_modules.
  const bare = path.join(repoRoot, "build", "bench-bare-highs-solve.mjs");
  await build({ entryPoints: [path.join(repoRoot, "bench/support/bare-highs-solve.ts")], outfile: bare, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });

  // The instance as parseInstance returns it (defaults filled in), so the bare script can use it as is.
  const parsed = parseInstance(generateInstance(askerSize));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields.slice(0, 3)));
  const instanceFile = path.join(dir, "asker.json");
  writeFileSync(instanceFile, JSON.stringify(parsed.instance));
  const resultFile = path.join(dir, "asker.result.json");

  const timed = (args: string[]) => {
    const started = performance.now();
    const cpuBefore = endedChildrenCpuSeconds();
    // Run from the repo like `npx massekart`, and resolve packages from its node_modules.
    const run = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: "utf8" });
    const ms = performance.now() - started;
    const cpuMs = (endedChildrenCpuSeconds() - cpuBefore) * 1000;
    if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`);
    return { ms, cpuMs, stdout: run.stdout };
  };
  const sides = {
    massekart: () => timed([path.join(repoRoot, "bin/massekart.mjs"), "solve", instanceFile, "--out", resultFile]),
    bare: () => timed([bare, instanceFile]),
  };

  // Same LP, same optimum: the comparison is fair only if both solve the same model.
  const bareObjective = Number(/objective (\S+)/.exec(sides.bare().stdout)?.[1]);
  sides.massekart();
  const result = JSON.parse(readFileSync(resultFile, "utf8")) as MatchResult;
  if (result.status === "error") throw new Error(result.message);
  const objectiveGap = Math.abs(result.objective - bareObjective) / Math.abs(bareObjective);
  if (!(objectiveGap < 1e-9)) throw new Error(`different optima: massekart ${result.objective}, bare ${bareObjective}`);

  const times = { massekart: [] as number[], bare: [] as number[] };
  const cpu = { massekart: [] as number[], bare: [] as number[] };
  const ratios: number[] = [];
  for (let r = 0; r < runs; r++) {
    // Alternate which side goes first, so neither always runs right after the other.
    const order = r % 2 === 0 ? (["massekart", "bare"] as const) : (["bare", "massekart"] as const);
    const pair = { massekart: 0, bare: 0 };
    for (const side of order) {
      const run = sides[side]();
      pair[side] = run.ms;
      cpu[side].push(run.cpuMs);
    }
    times.massekart.push(pair.massekart);
    times.bare.push(pair.bare);
    ratios.push(pair.massekart / pair.bare);
    console.error(`run ${r + 1}/${runs}: massekart ${pair.massekart.toFixed(0)} ms (CPU ${cpu.massekart.at(-1)?.toFixed(0)}), bare ${pair.bare.toFixed(0)} ms (CPU ${cpu.bare.at(-1)?.toFixed(0)})`);
  }

  const row = (side: keyof typeof times, label: string) => ({
    side: label,
    medianMs: median(times[side]),
    minMs: Math.min(...times[side]),
    maxMs: Math.max(...times[side]),
    medianCpuMs: median(cpu[side]),
  });
  const rows = [row("massekart", "massekart solve (compiled)"), row("bare", "bare HiGHS script")];
  const ratioOfMedians = median(times.massekart) / median(times.bare);
  const medianPairRatio = median(ratios);
  const cpuRatio = median(cpu.massekart) / median(cpu.bare);
  printTable([["side", "process"], ["medianMs", "median ms"], ["minMs", "min ms"], ["maxMs", "max ms"], ["medianCpuMs", "median CPU ms"]], rows);
  console.log(
    `ratio massekart / bare: wall ${ratioOfMedians.toFixed(3)}× of the medians (${medianPairRatio.toFixed(3)}× median of ${runs} pairs), CPU ${cpuRatio.toFixed(3)}× (target ≤ 1.10×, aim 1.05×); ` +
      `${result.stats.variables} variables, ${result.stats.constraints} rows, same optimum`,
  );
  writeResults("solve-process", {
    instance: { ...askerSize, variables: result.stats.variables, constraints: result.stats.constraints, status: result.status },
    runs,
    rows,
    massekartMs: times.massekart,
    bareMs: times.bare,
    massekartCpuMs: cpu.massekart,
    bareCpuMs: cpu.bare,
    targets: { ratioOfMedians, medianPairRatio, cpuRatio, target: 1.1, aim: 1.05, met: ratioOfMedians <= 1.1 },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.join(repoRoot, "build", "bench-bare-highs-solve.mjs"), { force: true });
}
