// Site-suitability benchmark (issue 6, part 7): a seeded set of 20,000 small zoning polygons over
// Asker, the Flatbush index build, and suitability reports for several sites (target ≤ 100 ms per
// report), compared in the same run with a linear scan over the polygons' boxes and with a naive
// scan that measures every polygon. Prints a table and writes bench/results/sites.json.
// Run: npm run bench:sites   (BENCH_SITES_POLYGONS and BENCH_SITES_SITES change the sizes)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import type { AreaGeometry, LonLat } from "../src/core/geo/geometry";
import { metresPerDegree, metresPerDegreeLon } from "../src/core/haul/geodesy";
import { seededRandom } from "../src/core/random/seeded-random";
import { randomPoint, zoningSet } from "./support/zoning-set";
import type { HaulLot } from "../src/core/suitability/mean-haul";
import { buildRoadIndex } from "../src/core/suitability/road-index";
import { suitabilityReport, suitabilitySearchBox, type SuitabilityReport } from "../src/core/suitability/report";
import { buildZoningIndex, linearZoningIndex, type ZoningIndex } from "../src/core/suitability/zoning-index";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));
const polygonCount = Number(process.env.BENCH_SITES_POLYGONS ?? 20_000);
const siteCount = Number(process.env.BENCH_SITES_SITES ?? 12);
const targetMs = 100;

/** Rotated rectangles 100–400 m × 80–250 m: candidate storage sites. */
function sites(count: number, seed: number): AreaGeometry[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const [lon, lat] = randomPoint(random);
    const w = 100 + random() * 300;
    const h = 80 + random() * 170;
    const turn = random() * Math.PI;
    const kx = metresPerDegreeLon(lat);
    const corner = (x: number, y: number): LonLat => [
      lon + (x * Math.cos(turn) - y * Math.sin(turn)) / kx,
      lat + (x * Math.sin(turn) + y * Math.cos(turn)) / metresPerDegree,
    ];
    const ring = [corner(-w / 2, -h / 2), corner(w / 2, -h / 2), corner(w / 2, h / 2), corner(-w / 2, h / 2)];
    return { type: "Polygon", coordinates: [[...ring, ring[0]!]] };
  });
}

function lots(count: number, seed: number): HaulLot[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, k) => ({ id: `L${k}`, tonnes: 100 + Math.round(random() * 20_000), location: randomPoint(random) }));
}

const median = (values: number[]) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const percentile = (values: number[], p: number) => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
};
const time = <T>(run: () => T): { ms: number; value: T } => {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
};

console.log(`Site suitability: ${polygonCount.toLocaleString("en")} zoning polygons over Asker, ${siteCount} sites (seeded).`);
const zoning = zoningSet(polygonCount, 20_260_601);
const siteGeometries = sites(siteCount, 7);
const haulLots = lots(300, 11);
const roadsJson = JSON.parse(readFileSync(`${repoRoot}data/basemap/roads.geojson`, "utf8")) as { features: { geometry: { type: string; coordinates: LonLat[] } }[] };
const roads = buildRoadIndex(roadsJson.features.filter((f) => f.geometry.type === "LineString").map((f) => f.geometry.coordinates));

const builds = Array.from({ length: 5 }, () => time(() => buildZoningIndex(zoning)).ms);
const flatbush = buildZoningIndex(zoning);
const linear = linearZoningIndex(zoning);
// The naive scan: every polygon is a candidate, measured exactly (no box test at all).
const everything = Array.from({ length: zoning.length }, (_, k) => k);
const naive: ZoningIndex = { areas: linear.areas, boxes: linear.boxes, search: () => everything };

function reportTimes(index: ZoningIndex, repeats: number, sample = siteGeometries): { times: number[]; reports: SuitabilityReport[] } {
  const times: number[] = [];
  const reports: SuitabilityReport[] = [];
  for (const geometry of sample) {
    // One warm-up per site, then the median of `repeats` runs.
    suitabilityReport({ geometry }, index, { roads, lots: haulLots });
    const runs = Array.from({ length: repeats }, () => time(() => suitabilityReport({ geometry }, index, { roads, lots: haulLots })));
    const outcome = runs[0]!.value;
    if (!outcome.ok) throw new Error(outcome.problem);
    reports.push(outcome.report);
    times.push(median(runs.map((run) => run.ms)));
  }
  return { times, reports };
}

// Warm every code path up first, so the first index measured does not pay for the JIT.
for (const index of [flatbush, linear]) reportTimes(index, 1);
const indexed = reportTimes(flatbush, 5);
const scanned = reportTimes(linear, 5);
const naiveSample = siteGeometries.slice(0, 3);
const measured = reportTimes(naive, 1, naiveSample);

/** The candidate search alone, µs per site: what the index itself saves. */
function searchMicros(index: ZoningIndex): number {
  const boxes = siteGeometries.map((geometry) => suitabilitySearchBox(geometry));
  const rounds = 200;
  const { ms } = time(() => {
    let found = 0;
    for (let r = 0; r < rounds; r++) for (const box of boxes) found += index.search(box).length;
    return found;
  });
  return (ms * 1000) / (rounds * boxes.length);
}
searchMicros(flatbush);
searchMicros(linear);
const searchUs = { flatbush: searchMicros(flatbush), linear: searchMicros(linear) };

// The three must agree: the index only skips what cannot matter.
indexed.reports.forEach((report, k) => {
  if (JSON.stringify(report) !== JSON.stringify(scanned.reports[k])) throw new Error(`site ${k}: indexed and linear reports differ`);
  if (k < measured.reports.length && JSON.stringify(report) !== JSON.stringify(measured.reports[k])) throw new Error(`site ${k}: indexed and naive reports differ`);
});

const row = (name: string, times: number[]) => ({ name, sites: times.length, medianMs: median(times), p95Ms: percentile(times, 0.95), maxMs: Math.max(...times) });
const rows = [row("Flatbush index", indexed.times), row("linear box scan", scanned.times), row("naive (measure every polygon)", measured.times)];
const fmt = (value: number, digits = 1) => value.toFixed(digits).padStart(9);
console.log(`\nIndex build (Flatbush, ${polygonCount.toLocaleString("en")} boxes): median ${median(builds).toFixed(1)} ms of 5`);
console.log("\nreport per site              sites  median ms     p95 ms     max ms");
for (const r of rows) console.log(`${r.name.padEnd(29)}${String(r.sites).padStart(5)}${fmt(r.medianMs)}  ${fmt(r.p95Ms)}  ${fmt(r.maxMs)}`);
const verdicts = indexed.reports.reduce<Record<string, number>>((count, report) => ({ ...count, [report.verdict]: (count[report.verdict] ?? 0) + 1 }), {});
const candidates = siteGeometries.map((geometry) => flatbush.search(suitabilitySearchBox(geometry)).length);
console.log(`\ncandidate search alone: Flatbush ${searchUs.flatbush.toFixed(1)} µs, linear box scan ${searchUs.linear.toFixed(1)} µs per site (×${(searchUs.linear / searchUs.flatbush).toFixed(0)})`);
console.log(`verdicts ${JSON.stringify(verdicts)}; zoning candidates per site (box + 200 m): median ${median(candidates)}, max ${Math.max(...candidates)}`);
const worst = rows[0]!.maxMs;
console.log(`target ≤ ${targetMs} ms per report with the index: ${worst <= targetMs ? "met" : "MISSED"} (slowest ${worst.toFixed(1)} ms); ` +
  `whole report: index vs linear ×${(rows[1]!.medianMs / rows[0]!.medianMs).toFixed(1)}, vs naive ×${(rows[2]!.medianMs / rows[0]!.medianMs).toFixed(0)} (medians)`);

mkdirSync(`${repoRoot}bench/results`, { recursive: true });
writeFileSync(
  `${repoRoot}bench/results/sites.json`,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model.split(" ").slice(0, 2).join(" "), totalMemGB: Math.round(totalmem() / 1e9) },
      polygons: polygonCount,
      sites: siteCount,
      lots: haulLots.length,
      targetMs,
      indexBuildMs: median(builds),
      rows,
      searchMicrosecondsPerSite: searchUs,
      verdicts,
      candidatesPerSite: { median: median(candidates), max: Math.max(...candidates) },
      targetMet: worst <= targetMs,
    },
    null,
    2,
  )}\n`,
);
console.log("\nWrote bench/results/sites.json.");
