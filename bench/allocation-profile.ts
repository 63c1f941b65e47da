// `tsx bench/allocation-profile.ts [asker|2x] [--curve]`: one `recommendSites` in process (after a
// cold start), with the time of each stage, for profiling (not part of the benchmark tables).
import { recommendSites, type RecommendOptions } from "../src/core/allocation/recommend";
import { generateInstance } from "../src/core/matching/generate";
import { parseInstance } from "../src/core/matching/instance";
import { createHighsSolver } from "../src/solver/highs-solver";

const size = process.argv[2] ?? "asker";
const options =
  size === "2x"
    ? { lots: 800, projects: 400, storageSites: 30, landfills: 8, quarries: 8, months: 24, candidates: true }
    : { lots: 400, projects: 200, storageSites: 15, landfills: 4, quarries: 4, months: 24, candidates: true };
const t0 = performance.now();
const highs = createHighsSolver();
const log: string[] = [];
if (!process.argv.includes("--engine")) process.argv.push("--engine", "{}");
const solver = {
  ...highs,
  async open(model: Parameters<typeof highs.open>[0]) {
    const session = await highs.open(model);
    const solve = session.solve.bind(session);
    session.solve = async (o) => {
      const s = await solve(o);
      log.push(`${session.numCols}x${session.numRows} ${s.status} ${s.solveSeconds.toFixed(3)} s ${"iterations" in s ? s.iterations : ""}`);
      return s;
    };
    return session;
  },
};
await highs.preload();
const t1 = performance.now();
const parsed = parseInstance(generateInstance({ ...options, seed: 1 }));
if (!parsed.ok) throw new Error("invalid");
if (process.argv.includes("--warm")) {
  await recommendSites(parsed.instance, solver, {});
  log.length = 0;
}
const stages: [string, number][] = [];
const cpu0 = process.cpuUsage();
const result = await recommendSites(parsed.instance, solver, {
  curve: process.argv.includes("--curve"),
  engine: JSON.parse(process.argv[process.argv.indexOf("--engine") + 1] ?? "{}") as RecommendOptions["engine"],
  onStage: (stage) => stages.push([stage, performance.now()]),
});
const cpu = process.cpuUsage(cpu0);
if (result.status === "error") throw new Error(result.message);
console.log(`load highs ${((t1 - t0) / 1000).toFixed(2)} s; recommend CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`);
stages.push(["end", performance.now()]);
for (let i = 0; i + 1 < stages.length; i++) console.log(`${stages[i]?.[0]}: ${(((stages[i + 1]?.[1] ?? 0) - (stages[i]?.[1] ?? 0)) / 1000).toFixed(2)} s`);
if (process.argv.includes("--log")) console.log(log.join("\n"));
console.log(JSON.stringify({ stats: result.stats, search: result.allocation.search, gap: result.allocation.gap, objective: result.objective, allocated: result.allocation.allocated }));
