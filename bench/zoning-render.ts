// Does a zoning layer of 20,000 polygons pan smoothly? (issue 6, part 7.) Starts the real server on
// a throwaway embedded database with the demo set, adds a seeded 20,000-polygon zoning set, and
// measures in Debian's Chromium: time until the map is ready, and frame times while the map pans,
// against the same app with the demo zoning only (the baseline), in the same run. Prints a table
// and writes bench/results/zoning-render.json. Software WebGL (SwiftShader) makes absolute frame
// rates lower than on a real GPU; the comparison with the baseline is what the numbers are for.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { buildClientIfNeeded } from "../scripts/client-build.mjs";
import { zoningAreaInputSchema } from "../src/core/domain/records";
import { readConfig } from "../src/server/config";
import { insertZoningArea } from "../src/server/repositories/zoning";
import { startServer } from "../src/server/server";
import { zoningSet } from "./support/zoning-set";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const polygonCount = Number(process.env.BENCH_ZONING_POLYGONS ?? 20_000);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Pans back and forth for about four seconds and returns every frame's duration, ms. */
const panAndRecordFrames = `(async () => {
  const map = window.__massekartMap;
  const times = [];
  let last = performance.now();
  let running = true;
  const tick = (now) => { times.push(now - last); last = now; if (running) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  for (let k = 0; k < 8; k++) {
    await new Promise((resolve) => {
      map.once("moveend", () => resolve());
      map.panBy([k % 2 === 0 ? 300 : -300, k % 4 < 2 ? 120 : -120], { duration: 500 });
    });
  }
  running = false;
  return times.slice(1);
})()`;

interface Measurement {
  case: string;
  zoningAreas: number;
  readyS: number;
  framesMedianMs: number;
  framesP95Ms: number;
  fps: number;
}

/** Where to pan: the overview the app opens with, or zoomed in on Asker sentrum where detailed zoning is drawn. */
type View = "overview" | "zoom 13";

async function measure(label: string, extraPolygons: number, view: View = "overview"): Promise<Measurement> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "massekart-bench-"));
  const server = await startServer({ ...readConfig({}), port: 0, dataDir: path.join(dataDir, "db") }, { allowDemo: true, log: () => undefined });
  const profile = mkdtempSync(path.join(tmpdir(), "massekart-bench-chromium-"));
  try {
    if (extraPolygons > 0) {
      await server.db.transaction(async (tx) => {
        for (const area of zoningSet(extraPolygons, 7)) {
          await insertZoningArea(tx, zoningAreaInputSchema.parse({ ...area, planId: "bench", planName: "Benchmark", status: "in_force" }));
        }
      });
    }
    const zoningAreas = (await server.db.query<{ n: number }>("select count(*)::int as n from zoning_areas"))[0]!.n;
    const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/?lang=en`);
      await page.getByLabel("Username").fill("planner");
      await page.getByLabel("Password").fill("demo");
      const started = performance.now();
      await page.getByRole("button", { name: "Log in" }).click();
      await page.waitForSelector("body[data-map-ready='true']", { timeout: 180_000 });
      const readyS = (performance.now() - started) / 1000;
      if (view === "zoom 13") {
        await page.evaluate(`new Promise((resolve) => { const map = window.__massekartMap; map.once("idle", resolve); map.jumpTo({ center: [10.434, 59.833], zoom: 13 }); })`);
      }
      // Pan back and forth for about four seconds and record every frame's duration.
      // A string, not a function: tsx (esbuild) wraps named functions in a helper the page lacks.
      const frames = (await page.evaluate(panAndRecordFrames)) as number[];
      const sorted = [...frames].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
      const mean = frames.reduce((sum, t) => sum + t, 0) / frames.length;
      return { case: label, zoningAreas, readyS, framesMedianMs: at(0.5), framesP95Ms: at(0.95), fps: 1000 / mean };
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

buildClientIfNeeded();
const many = `+ ${polygonCount.toLocaleString("en-GB")} polygons`;
const results = [
  await measure("demo zoning (baseline), overview", 0),
  await measure(`${many}, overview`, polygonCount),
  await measure("demo zoning (baseline), zoom 13", 0, "zoom 13"),
  await measure(`${many}, zoom 13`, polygonCount, "zoom 13"),
];
const header = ["case", "zoning areas", "map ready s", "frame median ms", "frame p95 ms", "fps"];
const rows = results.map((r) => [r.case, String(r.zoningAreas), r.readyS.toFixed(1), r.framesMedianMs.toFixed(1), r.framesP95Ms.toFixed(1), r.fps.toFixed(1)]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padStart(widths[i]!)).join("  "));
mkdirSync(path.join(repoRoot, "bench", "results"), { recursive: true });
writeFileSync(path.join(repoRoot, "bench", "results", "zoning-render.json"), `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
