// `npm run bench:import-stall`: how long other requests wait while a large import runs (issue 12
// item 6: a 12,000-row lots CSV and a 20,000-polygon zoning import must not delay other requests by
// more than 1 s). A server on a fresh embedded database (PGlite); /api/health is asked every 50 ms
// while each import runs, and idle beforehand for comparison. Prints the slowest and p99 answer and
// writes bench/results/import-stall.json with the load average.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { readConfig } from "../src/server/config";
import { startServer } from "../src/server/server";
import { largeLotsCsv, largeZoningGeoJson, pollWhile } from "../test/support/large-imports";
import { printTable, writeResults } from "./support/report";

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const rows = option("--rows", 12_000);
const polygons = option("--polygons", 20_000);
const targetMs = 1000;

const dataDir = mkdtempSync(path.join(tmpdir(), "massekart-import-stall-"));
const server = await startServer({ ...readConfig({}), port: 0, dataDir, databaseUrl: undefined }, { allowDemo: true, log: () => undefined });
try {
  const signIn = await fetch(`${server.url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "planner", password: "demo" }) });
  const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
  const health = `${server.url}/api/health`;
  const summarise = (way: string, answers: { ms: number }[], importMs: number, status: number | string) => {
    const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
    const max = sorted.at(-1) ?? NaN;
    return { way, importS: Number((importMs / 1000).toFixed(1)), status, answers: sorted.length, p99Ms: Math.round(sorted[Math.max(0, Math.ceil(0.99 * sorted.length) - 1)] ?? NaN), maxMs: Math.round(max), meetsTarget: max <= targetMs ? "yes" : "no" };
  };
  const idleFor = new Promise((resolve) => setTimeout(resolve, 3000));
  const results = [summarise("idle (3 s)", await pollWhile(health, idleFor), 0, "–")];
  for (const [way, route, body, type] of [
    [`lots CSV, ${rows} rows`, "/api/lots/import", largeLotsCsv(rows), "text/csv"],
    [`zoning GeoJSON, ${polygons} polygons`, "/api/zoning/import?format=geojson&planId=bench-stall", largeZoningGeoJson(polygons), "application/octet-stream"],
  ] as const) {
    const started = performance.now();
    const importing = fetch(server.url + route, { method: "POST", headers: { cookie, "content-type": type, connection: "close" }, body }).then(async (response) => {
      await response.arrayBuffer();
      return response.status;
    });
    const answers = await pollWhile(health, importing);
    results.push(summarise(way, answers, performance.now() - started, await importing));
  }
  printTable(
    [["way", "while"], ["importS", "import s"], ["status", "status"], ["answers", "health answers"], ["p99Ms", "p99 ms"], ["maxMs", "max ms"], ["meetsTarget", `max ≤ ${targetMs} ms`]],
    results,
  );
  const loadAverage = loadavg()[0]!;
  console.log(`load average (1 min) at the end: ${loadAverage.toFixed(1)}`);
  writeResults("import-stall", { rows, polygons, targetMs, results, loadAverage });
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
