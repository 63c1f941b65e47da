// `npm run bench:registry-load [-- --requests N]`: GET /api/projects on a registry of 5,000 projects
// and 20,000 lots (generated) over the embedded database, 10 requests at a time (issue 12: p99 ≤
// 300 ms). Four routes — the whole list (what the views that need lots load), the first page of
// 100 (`?limit=100`), a page deep in the list (`?limit=100&offset=4900`) and the map's data
// (GET /api/map/projects: every project summed, without its lots: what the app loads at start) — each on two servers
// with the same generated registry: one building every answer (before: the baseline) and one with
// the registry cache (after, src/server/registry-cache.ts). All six alternate round by round in one
// run so the machine's load colours them alike; then the cost of the cache: the whole list rebuilt
// after a write.
// Prints p50/p99/errors and writes bench/results/registry-load.json.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { printTable, writeResults } from "./support/report";
import { startRegistryServer } from "./support/start-registry-server";

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

const deep = Math.max(0, projects - 100);
const routes = [
  { name: "whole list", route: "/api/projects", perRound: fullPerRound },
  { name: "map's data, summaries", route: "/api/map/projects", perRound: pagedPerRound },
  { name: "first page, limit=100", route: "/api/projects?limit=100", perRound: pagedPerRound },
  { name: `deep page, offset=${deep}`, route: `/api/projects?limit=100&offset=${deep}`, perRound: pagedPerRound },
] as const;
/** Each route on two servers: built at every request (before: the baseline) and kept while unchanged (after). */
const servers = ["before (no cache)", "after (registry cache)"] as const;
const ways = servers.flatMap((server) => routes.map((route) => ({ ...route, server, name: `${server}: ${route.name}` })));

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

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "viewer", password: "demo" }) });
  const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
  if (!response.ok || !cookie) throw new Error(`cannot sign in: ${response.status}`);
  return cookie;
}

/** One change to the registry (a planner renames a generated project), then one whole list: the rebuild after a write. */
/** Edits one project, then times `route`'s next answer: built again, alone. */
async function rebuildAfterWrite(url: string, viewerCookie: string, plannerCookie: string, round: number, route: string): Promise<number> {
  const page = (await (await fetch(`${url}/api/projects?limit=1&offset=${round}`, { headers: { cookie: viewerCookie } })).json()) as { items: { id: string; version: number; name: string; status: string; location: unknown; contact: string; notes: string }[] };
  const project = page.items[0]!;
  const put = await fetch(`${url}/api/projects/${project.id}`, {
    method: "PUT",
    headers: { cookie: plannerCookie, "content-type": "application/json" },
    body: JSON.stringify({ name: project.name, status: project.status, location: project.location, contact: project.contact, notes: `edited ${round}`, version: project.version }),
  });
  if (!put.ok) throw new Error(`the edit failed: ${put.status} ${await put.text()}`);
  const started = performance.now();
  const response = await fetch(`${url}${route}`, { headers: { cookie: viewerCookie } });
  await response.arrayBuffer();
  return performance.now() - started;
}

const dataDirs = servers.map(() => mkdtempSync(path.join(tmpdir(), "massekart-registry-load-")));
// One server at a time while the registries are generated, so both are generated alike.
const started: { url: string; stop(): Promise<void> }[] = [];
try {
  for (const [i, server] of servers.entries()) started.push(await startRegistryServer(dataDirs[i]!, projects, lots, server !== "before (no cache)"));
  const cookies = await Promise.all(started.map((server) => signIn(server.url)));
  const check = (await (await fetch(`${started[0]!.url}/api/projects?limit=1`, { headers: { cookie: cookies[0]! } })).json()) as { total: number };
  console.error(`Registry: ${check.total} projects (${projects} generated + the demo set), ${lots} generated lots; ${concurrency} concurrent; load average ${loadavg()[0]!.toFixed(1)} at the start.`);
  const at = (way: (typeof ways)[number]) => servers.indexOf(way.server);

  const samples = new Map<string, { ms: number[]; errors: number; bytes: number }>(ways.map((way) => [way.name, { ms: [], errors: 0, bytes: 0 }]));
  for (const way of ways) await load(started[at(way)]!.url, cookies[at(way)]!, way.route, concurrency); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const way of ways) {
      const run = await load(started[at(way)]!.url, cookies[at(way)]!, way.route, way.perRound);
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
    [["way", "GET"], ["requests", "requests"], ["errors", "errors"], ["p50Ms", "p50 ms"], ["p99Ms", "p99 ms"], ["answerKB", "answer KB"], ["meetsTarget", `p99 ≤ ${targetP99Ms} ms`]],
    rows,
  );
  for (const route of routes) {
    const [before, after] = servers.map((server) => rows.find((row) => row.way === `${server}: ${route.name}`)!);
    console.log(`${route.name}: p99 ${before!.p99Ms} → ${after!.p99Ms} ms (${(before!.p99Ms / Math.max(after!.p99Ms, 1)).toFixed(1)}× faster)`);
  }
  // What the cache costs: the first answer after each write is built again, alone — the map's data
  // (what the app asks for after every write) and the whole list (asked only by views that list lots).
  const planner = await fetch(`${started[1]!.url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "planner", password: "demo" }) });
  const plannerCookie = planner.headers.get("set-cookie")?.split(";")[0] ?? "";
  const rebuildMedian = async (route: string, first: number) => {
    const times: number[] = [];
    for (let round = first; round < first + 3; round++) times.push(await rebuildAfterWrite(started[1]!.url, cookies[1]!, plannerCookie, round, route));
    return Math.round(times.sort((a, b) => a - b)[1]!);
  };
  const rebuildMs = await rebuildMedian("/api/projects", 0);
  const mapRebuildMs = await rebuildMedian("/api/map/projects", 3);
  console.log(`after a write, built again (median of 3, alone): the map's data ${mapRebuildMs} ms, the whole list ${rebuildMs} ms`);
  const loadAverage = loadavg()[0]!;
  console.log(`load average (1 min) at the end: ${loadAverage.toFixed(1)}`);
  writeResults("registry-load", { projects, lots, concurrency, rounds, targetP99Ms, rows, rebuildAfterWriteMs: rebuildMs, mapDataRebuildAfterWriteMs: mapRebuildMs, loadAverage });
} finally {
  for (const server of started) await server.stop();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
