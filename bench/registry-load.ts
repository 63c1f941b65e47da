// `npm run bench:registry-load [-- --requests N]`: GET /api/projects on a registry of 5,000 projects
// and 20,000 lots (generated) over the embedded database, 10 requests at a time (issue 12: p99 ≤
// 300 ms). Three ways, alternating round by round in one run so the machine's load colours them
// alike: the whole list (the baseline: the answer before pagination, still the default), the first
// page of 100 (`?limit=100`), and a page deep in the list (`?limit=100&offset=4900`).
// Prints p50/p99/errors and writes bench/results/registry-load.json.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { printTable, repoRoot, writeResults } from "./support/report";

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const projects = option("--projects", 5000);
const lots = option("--lots", 20000);
const concurrency = option("--concurrency", 10);
/** Requests per way and round; the whole list is slow, so it gets fewer. */
const pagedPerRound = option("--requests", 100);
const fullPerRound = Math.max(concurrency, Math.round(pagedPerRound / 5));
const rounds = option("--rounds", 3);
const targetP99Ms = 300;

const ways = [
  { name: "whole list (baseline)", route: "/api/projects", perRound: fullPerRound },
  { name: "first page, limit=100", route: "/api/projects?limit=100", perRound: pagedPerRound },
  { name: `deep page, offset=${Math.max(0, projects - 100)}`, route: `/api/projects?limit=100&offset=${Math.max(0, projects - 100)}`, perRound: pagedPerRound },
] as const;

async function startServer(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "bench/support/registry-load-server.ts"), dataDir, String(projects), String(lots)], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith("READY ")) resolve(line.slice(6));
    });
    child.once("exit", (code) => reject(new Error(`the bench server ended (${code}) before it was ready`)));
  });
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** `count` GETs of `route`, `concurrency` at a time; each one's ms, and how many failed. */
async function load(url: string, cookie: string, route: string, count: number): Promise<{ ms: number[]; errors: number; bytes: number }> {
  const ms: number[] = [];
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const started = performance.now();
      try {
        const response = await fetch(url + route, { headers: { cookie } });
        const body = await response.arrayBuffer();
        bytes = body.byteLength;
        if (!response.ok) errors++;
      } catch {
        errors++;
      }
      ms.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms, errors, bytes };
}

const dataDir = mkdtempSync(path.join(tmpdir(), "massekart-registry-load-"));
const server = await startServer(dataDir);
try {
  const signIn = await fetch(`${server.url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "viewer", password: "demo" }) });
  const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
  if (!signIn.ok || !cookie) throw new Error(`cannot sign in: ${signIn.status}`);
  const check = (await (await fetch(`${server.url}/api/projects?limit=1`, { headers: { cookie } })).json()) as { total: number };
  console.error(`Registry: ${check.total} projects (${projects} generated + the demo set), ${lots} generated lots; ${concurrency} concurrent.`);

  const samples = new Map<string, { ms: number[]; errors: number; bytes: number }>(ways.map((way) => [way.name, { ms: [], errors: 0, bytes: 0 }]));
  for (const way of ways) await load(server.url, cookie, way.route, concurrency); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const way of ways) {
      const run = await load(server.url, cookie, way.route, way.perRound);
      const sample = samples.get(way.name)!;
      sample.ms.push(...run.ms);
      sample.errors += run.errors;
      sample.bytes = run.bytes;
    }
  }
  const rows = ways.map((way) => {
    const sample = samples.get(way.name)!;
    const sorted = [...sample.ms].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    return {
      way: way.name,
      route: way.route,
      requests: sorted.length,
      errors: sample.errors,
      p50Ms: Math.round(percentile(sorted, 50)),
      p99Ms: Math.round(p99),
      answerKB: Math.round(sample.bytes / 1024),
      meetsTarget: p99 <= targetP99Ms && sample.errors === 0 ? "yes" : "no",
    };
  });
  printTable(
    [["way", "GET /api/projects"], ["requests", "requests"], ["errors", "errors"], ["p50Ms", "p50 ms"], ["p99Ms", "p99 ms"], ["answerKB", "answer KB"], ["meetsTarget", `p99 ≤ ${targetP99Ms} ms`]],
    rows,
  );
  const baseline = rows[0]!;
  for (const row of rows.slice(1)) console.log(`${row.way}: p99 ${(baseline.p99Ms / Math.max(row.p99Ms, 1)).toFixed(1)}× faster than the whole list`);
  writeResults("registry-load", { projects, lots, concurrency, rounds, targetP99Ms, rows });
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
