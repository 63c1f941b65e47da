// `npm run bench:map-start [-- --runs N]`: what a planner waits for in Chromium with 5,000 projects and
// 20,000 lots (issue 12), through the app's own client (fetch, schema check, store, render):
//  - after: a page load until the project list says "5,0xx projects" — the app's start, which loads
//    the summaries of GET /api/map/projects — timed from that request's start (and from the page load);
//  - baseline, same run and page: opening "Mass balance", which fetches every project with its lots
//    (GET /api/projects, what the app loaded at start before), until the balance's totals show.
// The two alternate per round on one server with the registry cache (bench/support/registry-load-server.ts).
// Prints the medians and writes bench/results/map-start.json.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { buildClientIfNeeded } from "../scripts/client-build.mjs";
import { launchBrowser, signIn } from "../test/support/browser";
import { median, printTable, writeResults } from "./support/report";
import { startRegistryServer, type RegistryServer } from "./support/start-registry-server";

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = option("--runs", 3);
const projects = option("--projects", 5000);
const lots = option("--lots", 20000);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

interface ListTimes {
  /** From the navigation's start (the page, its scripts, every map layer's data). */
  fromNavigationMs: number;
  /** From the start of the GET /api/map/projects request: what the projects' data itself costs. */
  fromRequestMs: number;
}

/** Reloads the page; ms until the project list (in the DOM even while its panel is closed) counts every project. */
async function listReady(page: Page): Promise<ListTimes> {
  await page.reload();
  const handle = await page.waitForFunction(
    (least) => {
      const text = document.querySelector(".projects-count")?.textContent ?? "";
      const count = Number(text.replace(/[^\d]/g, ""));
      if (!/projects$/.test(text) || count < least) return false;
      const request = performance.getEntriesByType("resource").find((entry) => new URL(entry.name).pathname === "/api/map/projects");
      return request ? { fromNavigationMs: performance.now(), fromRequestMs: performance.now() - request.startTime } : false;
    },
    projects,
    { timeout: 180_000, polling: 20 },
  );
  return (await handle.jsonValue()) as ListTimes;
}

/** Milliseconds from the click on "Mass balance" until its totals have tonnes: every project's lots fetched and summed. */
async function balanceReady(page: Page): Promise<number> {
  await page.waitForSelector("body[data-map-ready='true']", { timeout: 180_000 });
  const started = await page.evaluate(() => performance.now());
  await page.getByRole("button", { name: "Mass balance" }).click();
  const handle = await page.waitForFunction(
    (since) => {
      const rows = document.querySelectorAll(".balance-panel tbody tr").length;
      return rows > 0 ? performance.now() - since : false;
    },
    started,
    { timeout: 180_000, polling: 20 },
  );
  const ms = (await handle.jsonValue()) as number;
  await page.getByRole("button", { name: "Mass balance" }).click();
  return ms;
}

const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "massekart-bench-map-start-")), "db");
let server: RegistryServer | undefined;
const browser = await launchBrowser(chromiumPath, { width: 1440, height: 900 });
try {
  buildClientIfNeeded({ log: (message) => console.error(message) });
  server = await startRegistryServer(dataDir, projects, lots, true);
  const errors: string[] = [];
  const page = await signIn(browser.context, server.url, "planner", "en", errors);
  // A first of each, not counted: the server builds and keeps each answer once (registry cache).
  await listReady(page);
  await balanceReady(page);
  const times = { list: [] as ListTimes[], withLots: [] as number[] };
  for (let r = 0; r < runs; r++) {
    times.list.push(await listReady(page));
    times.withLots.push(await balanceReady(page));
    const list = times.list.at(-1)!;
    console.error(`run ${r + 1}/${runs}: list ${list.fromRequestMs.toFixed(0)} ms from its request (${list.fromNavigationMs.toFixed(0)} ms from the page load), balance ${times.withLots.at(-1)!.toFixed(0)} ms`);
  }
  const row = (way: string, values: number[]) => ({ way, medianMs: median(values), minMs: Math.min(...values), maxMs: Math.max(...values) });
  const rows = [
    row("after: the summaries' request to the list of every project (GET /api/map/projects)", times.list.map((t) => t.fromRequestMs)),
    row("baseline: the click to the balance, every project with its lots (GET /api/projects)", times.withLots),
    row("the page load to the list of every project (scripts, all map data)", times.list.map((t) => t.fromNavigationMs)),
  ];
  printTable([["way", `${projects} projects, ${lots} lots, Chromium`], ["medianMs", "median ms"], ["minMs", "min ms"], ["maxMs", "max ms"]], rows);
  if (errors.length > 0) console.error(`page errors: ${errors.join("; ")}`);
  writeResults("map-start", { projects, lots, runs, rows, times, pageErrors: errors });
} finally {
  await browser.close();
  await server?.stop();
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
}
