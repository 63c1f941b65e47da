// Vector-format benchmark (issue 13, part 4): which library per format, by bundle size and by the
// time to import a 20,000-polygon GeoPackage in Node and in Chromium.
//
// - Bundle size: each format's reader and writer bundled for the browser by esbuild (minified),
//   gzip, plus the WebAssembly it loads; @ngageoint/geopackage by its own browser build.
// - Import time: a seeded set of 20,000 zoning polygons over Asker written as a GeoPackage (and
//   in the other formats), read by Massekart's reader (sql.js + the GeoPackage codec in
//   src/io/formats) and by @ngageoint/geopackage, alternating, median of the runs; the whole
//   zoning import (read, convert to WGS84, check every area) beside it; the other formats too.
// Prints tables and writes bench/results/formats.json.
// Run: npm run bench:formats   (BENCH_FORMATS_POLYGONS and BENCH_FORMATS_RUNS change the sizes)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, totalmem, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { readGeoPackage } from "../src/io/formats/geopackage";
import { readVectorFile } from "../src/io/formats/read-vector-file";
import type { OutputLayer, VectorFormat } from "../src/io/formats/vector-data";
import { writeVectorFile } from "../src/io/formats/write-vector-file";
import { importZoningFile } from "../src/io/zoning/zoning-file";
import { zoningSet } from "./support/zoning-set";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const polygonCount = Number(process.env.BENCH_FORMATS_POLYGONS ?? 20_000);
const runs = Number(process.env.BENCH_FORMATS_RUNS ?? 3);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const ngageDist = path.join(repoRoot, "node_modules/@ngageoint/geopackage/dist");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kB = (bytes: number) => Math.round(bytes / 1024);
const gzipKB = (bytes: Uint8Array) => kB(gzipSync(bytes, { level: 9 }).length);

// ---------------------------------------------------------------------------------------------
// The data: 20,000 zoning polygons with the properties a plan carries.

const zoning: OutputLayer = {
  name: "zoning",
  features: zoningSet(polygonCount, 7).map((zone, k) => ({
    type: "Feature",
    properties: { arealformål: zone.code, kodeliste: zone.codeList, feltnavn: `F${k}`, planidentifikasjon: "bench", planstatus: "3" },
    geometry: zone.geometry,
  })),
};
const files = new Map<VectorFormat, Uint8Array>();
const writeMs: Record<string, number> = {};
for (const format of ["geopackage", "shapefile", "flatgeobuf", "kml", "geojson"] as const) {
  const started = performance.now();
  files.set(format, (await writeVectorFile(format, [zoning])).bytes);
  writeMs[format] = performance.now() - started;
}
const gpkg = files.get("geopackage")!;

// ---------------------------------------------------------------------------------------------
// Node: Massekart's reader against @ngageoint/geopackage, alternating.

// @ngageoint/geopackage on Node 20: it looks for better-sqlite3 (not installed: its current major
// needs Node 22), falls back to its sql.js build, which loads its WebAssembly with fetch() when
// fetch exists and fails on a file path; without fetch it reads the file. So fetch is hidden
// while it loads.
const savedFetch = globalThis.fetch;
// @ts-expect-error -- hidden on purpose, see above
delete globalThis.fetch;
// It reports the missing better-sqlite3 with a stack trace on console.error and its adapter on console.log.
const { log: savedLog, error: savedError } = console;
console.log = console.error = () => undefined;
const ngage = await import("@ngageoint/geopackage");
ngage.setSqljsWasmLocateFile((file: string) => path.join(ngageDist, file));

async function ngageRead(bytes: Uint8Array): Promise<number> {
  const geoPackage = await ngage.GeoPackageAPI.open(bytes);
  let count = 0;
  for (const table of geoPackage.getFeatureTables()) for (const _feature of geoPackage.iterateGeoJSONFeatures(table)) count++;
  geoPackage.close();
  return count;
}
async function oursRead(bytes: Uint8Array): Promise<number> {
  const read = await readGeoPackage(bytes);
  if (!read.ok) throw new Error(read.problem);
  return read.value.layers.reduce((sum, layer) => sum + layer.features.length, 0);
}
async function zoningImport(bytes: Uint8Array, fileName: string): Promise<number> {
  const read = await importZoningFile(bytes, { fileName });
  if (!read.ok) throw new Error(read.problem);
  return read.areas.length;
}
async function timed(read: () => Promise<number>): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  const count = await read();
  return { ms: performance.now() - started, count };
}

await ngageRead(gpkg);
Object.assign(console, { log: savedLog, error: savedError });
await oursRead(gpkg);
const node: Record<string, number[]> = { "Massekart (sql.js + codec)": [], "@ngageoint/geopackage": [], "Massekart zoning import (read + WGS84 + checks)": [] };
for (let run = 0; run < runs; run++) {
  for (const [name, read] of [
    ["Massekart (sql.js + codec)", () => oursRead(gpkg)],
    ["@ngageoint/geopackage", () => ngageRead(gpkg)],
    ["Massekart zoning import (read + WGS84 + checks)", () => zoningImport(gpkg, "bench.gpkg")],
  ] as const) {
    const result = await timed(read);
    if (result.count !== polygonCount) throw new Error(`${name} read ${result.count} features, not ${polygonCount}`);
    node[name]!.push(result.ms);
  }
}
globalThis.fetch = savedFetch;

// The other formats, read by Massekart's readers, and as zoning imports.
const otherFormats: Record<string, { sizeKB: number; writeMs: number; readMs: number; zoningImportMs: number }> = {};
for (const [format, bytes] of files) {
  const fileName = `bench.${{ geopackage: "gpkg", shapefile: "zip", flatgeobuf: "fgb", kml: "kml", geojson: "geojson" }[format]}`;
  const reads: number[] = [];
  const imports: number[] = [];
  for (let run = 0; run < runs; run++) {
    reads.push(
      (
        await timed(async () => {
          const read = await readVectorFile(bytes, { fileName });
          if (!read.ok) throw new Error(read.problem);
          return read.value.layers[0]!.features.length;
        })
      ).ms,
    );
    imports.push((await timed(() => zoningImport(bytes, fileName))).ms);
  }
  otherFormats[format] = { sizeKB: kB(bytes.length), writeMs: writeMs[format]!, readMs: median(reads), zoningImportMs: median(imports) };
}

// ---------------------------------------------------------------------------------------------
// Bundle sizes: esbuild, browser, minified, gzip; proj4 and zod left out, as the app loads them
// at sign-in already.

const scratch = mkdtempSync(path.join(tmpdir(), "massekart-bench-formats-"));
const src = (file: string) => JSON.stringify(path.join(repoRoot, "src/io/formats", file));
const entries: Record<string, string> = {
  "GeoPackage: sql.js + Massekart's codec": `export { readGeoPackage, writeGeoPackage } from ${src("geopackage.ts")};`,
  "Shapefile: shpjs + Massekart's writer + fflate": `export { readShapefileZip, writeShapefileZip } from ${src("shapefile.ts")};`,
  "KML/KMZ: @tmcw/togeojson + @xmldom/xmldom + @placemarkio/tokml": `export { readKml, writeKml } from ${src("kml.ts")};`,
  "FlatGeobuf: flatgeobuf": `export { readFlatGeobuf, writeFlatGeobuf } from ${src("flatgeobuf.ts")};`,
  "Excel: exceljs": `import ExcelJS from "exceljs"; export const Workbook = ExcelJS.Workbook;`,
  "all vector formats (read-vector-file + write-vector-file)": `export { readVectorFile } from ${src("read-vector-file.ts")}; export { writeVectorFile } from ${src("write-vector-file.ts")};`,
};
async function bundle(code: string, name: string, external: string[] = []): Promise<Uint8Array> {
  const entry = path.join(scratch, `${name}.ts`);
  writeFileSync(entry, code);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
    absWorkingDir: repoRoot,
    external,
    nodePaths: [path.join(repoRoot, "node_modules")],
  });
  return result.outputFiles[0]!.contents;
}
const sqlWasm = readFileSync(path.join(repoRoot, "node_modules/sql.js/dist/sql-wasm-browser.wasm"));
const ngageJs = readFileSync(path.join(ngageDist, "geopackage.min.js"));
const ngageWasm = readFileSync(path.join(ngageDist, "sql-wasm.wasm"));
const bundles: { name: string; jsGzipKB: number; wasmGzipKB: number }[] = [];
for (const [name, code] of Object.entries(entries)) {
  const js = await bundle(code, `entry-${bundles.length}`, ["proj4", "zod"]);
  bundles.push({ name, jsGzipKB: gzipKB(js), wasmGzipKB: name.startsWith("GeoPackage") || name.startsWith("all") ? gzipKB(sqlWasm) : 0 });
}
bundles.splice(1, 0, { name: "GeoPackage: @ngageoint/geopackage (its browser build)", jsGzipKB: gzipKB(ngageJs), wasmGzipKB: gzipKB(ngageWasm) });

// ---------------------------------------------------------------------------------------------
// Chromium: the same GeoPackage read by both in the page, alternating; the first read of each
// includes loading its WebAssembly.

const oursJs = await bundle(
  `import { readGeoPackage } from ${src("geopackage.ts")};
   window.oursRead = async (bytes) => { const read = await readGeoPackage(bytes, { wasmUrl: "/sql-wasm.wasm" }); if (!read.ok) throw new Error(read.problem); return read.value.layers[0].features.length; };`,
  "browser-ours",
);
const page = `<!doctype html><meta charset="utf-8"><title>formats bench</title>
<script src="/ngage.js"></script>
<script type="module">
  import "/ours.js";
  window.GeoPackage.setSqljsWasmLocateFile(() => "/ngage-sql-wasm.wasm");
  window.ngageRead = async (bytes) => {
    const geoPackage = await window.GeoPackage.GeoPackageAPI.open(bytes);
    let count = 0;
    for (const table of geoPackage.getFeatureTables()) for (const _ of geoPackage.iterateGeoJSONFeatures(table)) count++;
    geoPackage.close();
    return count;
  };
  window.benchReady = true;
</script>`;
const served: Record<string, [string, Uint8Array | string]> = {
  "/": ["text/html", page],
  "/ours.js": ["text/javascript", oursJs],
  "/ngage.js": ["text/javascript", ngageJs],
  "/sql-wasm.wasm": ["application/wasm", sqlWasm],
  "/ngage-sql-wasm.wasm": ["application/wasm", ngageWasm],
  "/bench.gpkg": ["application/geopackage+sqlite3", gpkg],
};
const server: Server = createServer((request, response) => {
  const file = served[request.url ?? "/"];
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "Content-Type": file[0] }).end(file[1]);
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const profile = mkdtempSync(path.join(tmpdir(), "massekart-bench-chromium-"));
const browser: Record<string, { firstMs: number; warmMs: number[] }> = {};
try {
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: chromiumArgs });
  try {
    const tab = await context.newPage();
    await tab.goto(url);
    await tab.waitForFunction("window.benchReady === true", undefined, { timeout: 60_000 });
    await tab.evaluate(`(async () => { window.gpkgBytes = new Uint8Array(await (await fetch("/bench.gpkg")).arrayBuffer()); })()`);
    const readIn = (fn: "oursRead" | "ngageRead") =>
      tab.evaluate(`(async () => { const started = performance.now(); const count = await window.${fn}(window.gpkgBytes.slice()); return { ms: performance.now() - started, count }; })()`) as Promise<{ ms: number; count: number }>;
    const names = { oursRead: "Massekart (sql.js + codec)", ngageRead: "@ngageoint/geopackage" } as const;
    for (let run = 0; run <= runs; run++) {
      for (const fn of ["oursRead", "ngageRead"] as const) {
        const { ms, count } = await readIn(fn);
        if (count !== polygonCount) throw new Error(`${names[fn]} in Chromium read ${count} features`);
        const entry = (browser[names[fn]] ??= { firstMs: ms, warmMs: [] });
        if (run > 0) entry.warmMs.push(ms);
      }
    }
  } finally {
    await context.close();
  }
} finally {
  server.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Report.

const pad = (text: string, width: number) => text.padEnd(width);
const num = (value: number, width = 9, digits = 0) => value.toFixed(digits).padStart(width);
console.log(`\n${polygonCount.toLocaleString("en")}-polygon GeoPackage (${kB(gpkg.length).toLocaleString("en")} kB), median of ${runs} runs, alternating`);
console.log(`${pad("Node: read all features", 50)} median ms`);
for (const [name, times] of Object.entries(node)) console.log(`${pad(name, 50)}${num(median(times))}`);
const nodeRatio = median(node["@ngageoint/geopackage"]!) / median(node["Massekart (sql.js + codec)"]!);
console.log(`@ngageoint/geopackage ÷ Massekart: ×${nodeRatio.toFixed(1)} (note: it also reprojects to WGS84 while reading)`);
console.log(`\n${pad("Chromium: read all features", 50)}  first ms  warm median ms`);
for (const [name, entry] of Object.entries(browser)) console.log(`${pad(name, 50)}${num(entry.firstMs)}${num(median(entry.warmMs), 16)}`);
const browserRatio = median(browser["@ngageoint/geopackage"]!.warmMs) / median(browser["Massekart (sql.js + codec)"]!.warmMs);
console.log(`@ngageoint/geopackage ÷ Massekart (warm): ×${browserRatio.toFixed(1)}`);
console.log(`\n${pad("format (Node, Massekart's readers)", 36)}   size kB  write ms   read ms  zoning import ms`);
for (const [format, entry] of Object.entries(otherFormats)) console.log(`${pad(format, 36)}${num(entry.sizeKB, 10)}${num(entry.writeMs, 10)}${num(entry.readMs, 10)}${num(entry.zoningImportMs, 18)}`);
console.log(`\n${pad("bundle (browser, minified, gzip; without proj4, zod)", 66)}  JS kB  wasm kB`);
for (const entry of bundles) console.log(`${pad(entry.name, 66)}${num(entry.jsGzipKB, 7)}${num(entry.wasmGzipKB, 9)}`);

mkdirSync(`${repoRoot}bench/results`, { recursive: true });
writeFileSync(
  `${repoRoot}bench/results/formats.json`,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model.split(" ").slice(0, 2).join(" "), totalMemGB: Math.round(totalmem() / 1e9) },
      polygons: polygonCount,
      runs,
      geopackageKB: kB(gpkg.length),
      nodeReadMs: Object.fromEntries(Object.entries(node).map(([name, times]) => [name, { median: median(times), runs: times }])),
      nodeRatioNgageToOurs: nodeRatio,
      chromiumReadMs: Object.fromEntries(Object.entries(browser).map(([name, entry]) => [name, { first: entry.firstMs, warmMedian: median(entry.warmMs), warm: entry.warmMs }])),
      chromiumRatioNgageToOurs: browserRatio,
      formats: otherFormats,
      bundlesGzipKB: bundles,
    },
    null,
    2,
  )}\n`,
);
console.log("\nWrote bench/results/formats.json.");
