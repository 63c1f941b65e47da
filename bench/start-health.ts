// `npm run bench:start-health [-- --runs N]`: how long `npm start` takes, with everything built and
// an existing data folder, from the process start to the first answer of GET /api/health — the
// compiled server (scripts/start.mjs → build/server.mjs) against the start before issue 15, which
// ran the TypeScript server through tsx (bench/support/tsx-start.mjs), alternating in one run, and
// the floor: PGlite alone opening the same folder behind a bare health answer (bench/support/pglite-alone.mjs).
// Target (issue 15): ≤ 1.5 s. Prints a table and writes bench/results/start-health.json.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildClientIfNeeded } from "../scripts/client-build.mjs";
import { buildRuntimeIfNeeded } from "../scripts/runtime-build.mjs";
import { median, printTable, processCpuSeconds, repoRoot, writeResults } from "./support/report";
import { freePort } from "../test/support/free-port";

const runsOption = process.argv.indexOf("--runs");
const runs = runsOption >= 0 ? Number(process.argv[runsOption + 1]) : 7;

/**
 * Starts `node script`, polls /api/health every 10 ms until it answers 200, then stops the server
 * and waits for its exit. Returns the wall time to the answer and the CPU time the start had used
 * by then (the process and its children).
 */
async function startToHealth(script: string, dataDir: string): Promise<{ ms: number; cpuMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(repoRoot, script)], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), MASSEKART_DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${script} ended (${child.exitCode}) before answering: ${stderr}`);
      if (performance.now() - started > 120_000) throw new Error(`${script} did not answer in 120 s`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.ok, () => false);
      if (ok) return { ms: performance.now() - started, cpuMs: processCpuSeconds(child.pid as number) * 1000 };
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "massekart-bench-start-")), "db");
try {
  buildClientIfNeeded({ log: (message) => console.error(message) });
  await buildRuntimeIfNeeded({ log: (message) => console.error(message) });
  const sides = { compiled: "scripts/start.mjs", tsx: "bench/support/tsx-start.mjs", pglite: "bench/support/pglite-alone.mjs" } as const;
  // The first start creates the database and loads the demo set: timed, but not part of the comparison.
  const firstStartMs = (await startToHealth(sides.compiled, dataDir)).ms;
  console.error(`first start (new database, demo seed): ${firstStartMs.toFixed(0)} ms`);

  const times = { compiled: [] as number[], tsx: [] as number[], pglite: [] as number[] };
  const cpu = { compiled: [] as number[], tsx: [] as number[], pglite: [] as number[] };
  for (let r = 0; r < runs; r++) {
    const order = r % 2 === 0 ? (["compiled", "tsx", "pglite"] as const) : (["pglite", "tsx", "compiled"] as const);
    for (const side of order) {
      const run = await startToHealth(sides[side], dataDir);
      times[side].push(run.ms);
      cpu[side].push(run.cpuMs);
    }
    console.error(`run ${r + 1}/${runs}: compiled ${times.compiled.at(-1)?.toFixed(0)} ms, tsx ${times.tsx.at(-1)?.toFixed(0)} ms, PGlite alone ${times.pglite.at(-1)?.toFixed(0)} ms`);
  }
  const row = (side: keyof typeof times, label: string) => ({
    side: label,
    medianMs: median(times[side]),
    minMs: Math.min(...times[side]),
    maxMs: Math.max(...times[side]),
    medianCpuMs: median(cpu[side]),
  });
  const rows = [row("compiled", "npm start (compiled, built)"), row("tsx", "before: tsx at run time"), row("pglite", "floor: PGlite alone + bare health")];
  printTable([["side", "start"], ["medianMs", "median ms to health"], ["minMs", "min ms"], ["maxMs", "max ms"], ["medianCpuMs", "median CPU ms by then"]], rows);
  const compiledMs = median(times.compiled);
  console.log(
    `compiled start to health: ${(compiledMs / 1000).toFixed(2)} s wall, ${(median(cpu.compiled) / 1000).toFixed(2)} s CPU (target ≤ 1.5 s); ` +
      `${(median(times.tsx) / compiledMs).toFixed(2)}× faster than through tsx (CPU ${(median(cpu.tsx) / median(cpu.compiled)).toFixed(2)}×); first start ${(firstStartMs / 1000).toFixed(1)} s; ` +
      `PGlite alone ${(median(times.pglite) / 1000).toFixed(2)} s wall, ${(median(cpu.pglite) / 1000).toFixed(2)} s CPU`,
  );
  writeResults("start-health", {
    runs,
    rows,
    firstStartMs,
    compiledMs: times.compiled,
    tsxMs: times.tsx,
    compiledCpuMs: cpu.compiled,
    tsxCpuMs: cpu.tsx,
    pgliteAloneMs: times.pglite,
    pgliteAloneCpuMs: cpu.pglite,
    targets: { compiledMedianSeconds: compiledMs / 1000, compiledMedianCpuSeconds: median(cpu.compiled) / 1000, target: 1.5, met: compiledMs <= 1500 },
  });
} finally {
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
