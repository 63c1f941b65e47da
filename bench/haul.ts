// Haul-distance benchmark (issue 5): graph build, distance matrices and the cache on the shipped
// Asker network and on a seeded synthetic network of about 50,000 edges, against ngraph.path
// (A*, pair by pair) as the reference for speed and for correctness (every distance within 1 m).
// Prints a table and writes bench/results/haul.json. Run: npm run bench:haul
//   BENCH_REFERENCE_S  seconds the reference may spend per matrix before it is sampled (default 30)
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import createGraph from "ngraph.graph";
import { aStar } from "ngraph.path";
import type { LonLat } from "../src/core/geo/geometry";
import type { HaulPoint } from "../src/core/haul/distance-matrix";
import { haversineM } from "../src/core/haul/geodesy";
import { haulMatrix } from "../src/core/haul/haul-matrix";
import { createLruMatrixCache } from "../src/core/haul/matrix-cache";
import { roadMatrix } from "../src/core/haul/road-distances";
import { buildRoadGraph, type RoadFeature, type RoadGraph } from "../src/core/haul/road-graph";
import { summariseRoadGraph } from "../src/core/haul/road-graph-summary";
import { segmentIndexOf } from "../src/core/haul/snap-index";
import { seededRandom } from "../src/core/random/seeded-random";

const referenceBudgetMs = Number(process.env.BENCH_REFERENCE_S ?? 30) * 1000;
const repoRoot = fileURLToPath(new URL("../", import.meta.url));


/**
 * A perturbed street grid near Asker: size × size junctions about 120 m apart, jittered by up to
 * ±30 m; each street a LineString with a bent middle vertex; 3 % of streets missing, a diagonal in
 * 30 % of the blocks, and 5 % of streets one-way. size 150 gives about 50,000 edges.
 */
function syntheticNetwork(size: number, seed: number): RoadFeature[] {
  const random = seededRandom(seed);
  const stepLat = 120 / 111_195;
  const stepLon = 120 / (111_195 * Math.cos((59.75 * Math.PI) / 180));
  const jitter = () => (random() - 0.5) * 0.5;
  const junction: LonLat[] = [];
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) junction.push([10.2 + (x + jitter()) * stepLon, 59.65 + (y + jitter()) * stepLat]);
  const features: RoadFeature[] = [];
  const street = (a: LonLat, b: LonLat) => {
    if (random() < 0.03) return;
    const middle: LonLat = [(a[0] + b[0]) / 2 + jitter() * stepLon * 0.3, (a[1] + b[1]) / 2 + jitter() * stepLat * 0.3];
    const properties = random() < 0.05 ? { oneway: random() < 0.5 ? "yes" : "-1" } : {};
    features.push({ type: "Feature", properties, geometry: { type: "LineString", coordinates: [a, middle, b] } });
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const here = junction[y * size + x]!;
      if (x + 1 < size) street(here, junction[y * size + x + 1]!);
      if (y + 1 < size) street(here, junction[(y + 1) * size + x]!);
      if (x + 1 < size && y + 1 < size && random() < 0.3) street(here, junction[(y + 1) * size + x + 1]!);
    }
  }
  return features;
}

/** Points at random nodes (so the node-to-node reference applies), ids p0, p1 … */
function nodePoints(graph: RoadGraph, count: number, random: () => number, prefix: string): HaulPoint[] {
  return Array.from({ length: count }, (_, k) => {
    const node = Math.floor(random() * graph.nodeCount);
    return { id: `${prefix}${k}`, location: [graph.nodeLon[node]!, graph.nodeLat[node]!] as LonLat };
  });
}

const typedBytes = (graph: RoadGraph) =>
  Object.values(graph).reduce((bytes: number, value) => bytes + (ArrayBuffer.isView(value) ? value.byteLength : 0), 0);

const memoryMB = () => {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface MatrixRow {
  network: string;
  edges: number;
  nodes: number;
  size: string;
  matrixMsFirst: number;
  matrixMsMedian: number;
  memoryDeltaMB: number;
  cachedMs: number;
  referenceMs: number;
  referenceExtrapolated: boolean;
  referencePairs: number;
  pairs: number;
  speedup: number;
  maxDifferenceM: number;
  mismatches: number;
}

/**
 * ngraph.path A* (heuristic: the haversine distance, a lower bound of the road distance) over the
 * same directed arcs, node to node. Parallel arcs are merged to their shortest, as ngraph keeps
 * one link per ordered pair. Runs pairs in a shuffled order until the budget is spent.
 */
function referenceDistances(graph: RoadGraph, from: HaulPoint[], to: HaulPoint[], random: () => number) {
  const ngraph = createGraph<LonLat, number>();
  for (let v = 0; v < graph.nodeCount; v++) ngraph.addNode(v, [graph.nodeLon[v]!, graph.nodeLat[v]!]);
  const shortest = new Map<number, number>();
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let a = graph.outStart[u]!; a < graph.outStart[u + 1]!; a++) {
      const key = u * graph.nodeCount + graph.outHead[a]!;
      shortest.set(key, Math.min(shortest.get(key) ?? Infinity, graph.outLengthM[a]!));
    }
  }
  for (const [key, lengthM] of shortest) ngraph.addLink(Math.floor(key / graph.nodeCount), key % graph.nodeCount, lengthM);
  const finder = aStar(ngraph, {
    oriented: true,
    distance: (_from, _to, link) => link.data,
    heuristic: (a, b) => haversineM(a.data[0], a.data[1], b.data[0], b.data[1]),
  });
  const nodeOf = new Map<string, number>();
  for (let v = 0; v < graph.nodeCount; v++) nodeOf.set(`${graph.nodeLon[v]},${graph.nodeLat[v]}`, v);
  const node = (p: HaulPoint) => nodeOf.get(`${p.location[0]},${p.location[1]}`)!;

  const pairs: [number, number][] = [];
  for (let i = 0; i < from.length; i++) for (let j = 0; j < to.length; j++) pairs.push([i, j]);
  for (let k = pairs.length - 1; k > 0; k--) {
    const swap = Math.floor(random() * (k + 1));
    [pairs[k], pairs[swap]] = [pairs[swap]!, pairs[k]!];
  }
  const results: { i: number; j: number; m: number | null }[] = [];
  const started = performance.now();
  for (const [i, j] of pairs) {
    if (performance.now() - started > referenceBudgetMs) break;
    const a = node(from[i]!);
    const b = node(to[j]!);
    const path = finder.find(a, b);
    if (a === b) {
      results.push({ i, j, m: 0 });
      continue;
    }
    if (path.length === 0) {
      results.push({ i, j, m: null });
      continue;
    }
    // ngraph.path returns the path from the destination back to the origin.
    const ids = path.map((n) => Number(n.id)).reverse();
    let m = 0;
    for (let k = 1; k < ids.length; k++) m += shortest.get(ids[k - 1]! * graph.nodeCount + ids[k]!)!;
    results.push({ i, j, m });
  }
  const elapsedMs = performance.now() - started;
  return { results, elapsedMs, pairs: pairs.length };
}

function measure(network: string, graph: RoadGraph, from: HaulPoint[], to: HaulPoint[], seed: number): MatrixRow {
  const before = memoryMB();
  const times: number[] = [];
  const firstStarted = performance.now();
  let matrix = roadMatrix(graph, from, to);
  const matrixMsFirst = performance.now() - firstStarted;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    matrix = roadMatrix(graph, from, to);
    times.push(performance.now() - started);
  }
  const memoryDeltaMB = memoryMB() - before;
  const reference = referenceDistances(graph, from, to, seededRandom(seed));
  const referenceMs = (reference.elapsedMs * reference.pairs) / Math.max(reference.results.length, 1);
  let maxDifferenceM = 0;
  let mismatches = 0;
  for (const { i, j, m } of reference.results) {
    const ours = matrix.km[i]![j] ?? null;
    if (m === null || ours === null) {
      if (m !== ours) mismatches++;
      continue;
    }
    maxDifferenceM = Math.max(maxDifferenceM, Math.abs(ours * 1000 - m));
    if (Math.abs(ours * 1000 - m) > 1) mismatches++;
  }
  return {
    network,
    edges: graph.edgeCount,
    nodes: graph.nodeCount,
    size: `${from.length} × ${to.length}`,
    matrixMsFirst,
    matrixMsMedian: median(times),
    memoryDeltaMB,
    cachedMs: 0,
    referenceMs,
    referenceExtrapolated: reference.results.length < reference.pairs,
    referencePairs: reference.results.length,
    pairs: reference.pairs,
    speedup: referenceMs / median(times),
    maxDifferenceM,
    mismatches,
  };
}

async function cachedMs(graph: RoadGraph, from: HaulPoint[], to: HaulPoint[]): Promise<number> {
  const cache = createLruMatrixCache();
  await haulMatrix(from, to, { mode: "road", graph, cache });
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    await haulMatrix(from, to, { mode: "road", graph, cache });
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Builds the graph three times (the first run includes JIT warm-up) and the snap index once. */
function build(name: string, features: RoadFeature[]) {
  const before = memoryMB();
  const times: number[] = [];
  let result = buildRoadGraph(features);
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    result = buildRoadGraph(features);
    times.push(performance.now() - started);
  }
  if (!result.ok) throw new Error(`${name}: ${result.problem}`);
  const indexStarted = performance.now();
  segmentIndexOf(result.graph);
  const snapIndexMs = performance.now() - indexStarted;
  return { graph: result.graph, buildMs: median(times), snapIndexMs, graphMB: typedBytes(result.graph) / 1e6, buildHeapDeltaMB: memoryMB() - before };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function main() {
  const askerFeatures = (JSON.parse(readFileSync(new URL("../data/basemap/roads.geojson", import.meta.url), "utf8")) as { features: RoadFeature[] }).features;
  const syntheticFeatures = syntheticNetwork(150, 2027);
  const networks = [
    { name: "Asker N1000", features: askerFeatures },
    { name: "synthetic grid", features: syntheticFeatures },
  ];
  const builds: Record<string, unknown>[] = [];
  const rows: MatrixRow[] = [];
  for (const [n, { name, features }] of networks.entries()) {
    const built = build(name, features);
    const summary = summariseRoadGraph(built.graph);
    builds.push({ network: name, ...summary, buildMs: built.buildMs, snapIndexMs: built.snapIndexMs, graphMB: built.graphMB, buildHeapDeltaMB: built.buildHeapDeltaMB });
    for (const [sources, destinations] of [
      [100, 100],
      [400, 60],
    ] as const) {
      const random = seededRandom(100 * n + sources);
      const from = nodePoints(built.graph, sources, random, "o");
      const to = nodePoints(built.graph, destinations, random, "d");
      const row = measure(name, built.graph, from, to, 7 * n + destinations);
      row.cachedMs = await cachedMs(built.graph, from, to);
      rows.push(row);
    }
  }

  console.log("\nRoad graphs");
  console.log("| network | edges | nodes | components | km | one-way | build ms (median of 3) | snap index ms | arrays MB |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const b of builds) {
    console.log(
      `| ${b.network} | ${b.edges} | ${b.nodes} | ${b.connectedComponents} | ${fmt(b.totalLengthKm as number, 0)} | ${b.oneWayEdges} | ` +
        `${fmt(b.buildMs as number)} | ${fmt(b.snapIndexMs as number)} | ${fmt(b.graphMB as number, 2)} |`,
    );
  }
  console.log("\nDistance matrices (ours: one-to-many Dijkstra over CSR arrays; reference: ngraph.path A*, pair by pair)");
  console.log("| network | size | ours ms (median of 5) | ours ms (first call) | cached ms | reference ms | speed-up | pairs checked | max diff m | > 1 m | heap Δ MB |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const reference = r.referenceExtrapolated ? `${fmt(r.referenceMs, 0)} (extrapolated from ${r.referencePairs} pairs)` : fmt(r.referenceMs, 0);
    console.log(
      `| ${r.network} | ${r.size} | ${fmt(r.matrixMsMedian)} | ${fmt(r.matrixMsFirst)} | ${fmt(r.cachedMs, 2)} | ${reference} | ${fmt(r.speedup, 0)}× | ` +
        `${r.referencePairs}/${r.pairs} | ${r.maxDifferenceM.toExponential(1)} | ${r.mismatches} | ${fmt(r.memoryDeltaMB)} |`,
    );
  }
  const synthetic100 = rows.find((r) => r.network === "synthetic grid" && r.size === "100 × 100")!;
  const syntheticBuild = builds.find((b) => b.network === "synthetic grid")!;
  const targets = [
    ["100 × 100 on the synthetic network ≤ 500 ms", synthetic100.matrixMsMedian <= 500],
    ["… at least 50× faster than the pair-by-pair reference", synthetic100.speedup >= 50],
    ["graph build ≤ 100 ms", (syntheticBuild.buildMs as number) <= 100],
    ["cached matrix ≤ 10 ms", rows.every((r) => r.cachedMs <= 10)],
    ["every checked distance within 1 m of the reference", rows.every((r) => r.mismatches === 0)],
  ] as const;
  console.log("\nTargets (issue 5)");
  for (const [target, met] of targets) console.log(`  ${met ? "met    " : "MISSED "} ${target}`);

  mkdirSync(`${repoRoot}bench/results`, { recursive: true });
  const result = {
    bench: "haul",
    when: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model },
    referenceBudgetMs,
    graphs: builds,
    matrices: rows,
    targets: Object.fromEntries(targets),
    rssMB: process.memoryUsage().rss / 1e6,
  };
  writeFileSync(`${repoRoot}bench/results/haul.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWrote bench/results/haul.json (RSS ${fmt(result.rssMB, 0)} MB).`);
  if (rows.some((r) => r.mismatches > 0)) process.exitCode = 1;
}

await main();
