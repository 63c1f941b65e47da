import { Fnv1aHasher } from "./fnv-hash";
import { haversineM, metresPerDegree, metresPerDegreeLon } from "./geodesy";
import { roadAccessOf, type RoadAccess, type RoadAccessOptions } from "./road-properties";

/** A road feature as the graph builder reads it: GeoJSON, WGS84 [lon, lat] degrees (a third value, a height, is ignored). */
export interface RoadFeature {
  type?: "Feature";
  properties?: Readonly<Record<string, unknown>> | null;
  geometry:
    | { type: "LineString"; coordinates: readonly (readonly number[])[] }
    | { type: "MultiLineString"; coordinates: readonly (readonly (readonly number[])[])[] }
    | { type: string; coordinates?: unknown }
    | null;
}

/** Edge direction codes in `RoadGraph.edgeDirection`. */
export const edgeTwoWay = 0;
export const edgeForwardOnly = 1;
export const edgeBackwardOnly = 2;

/**
 * A road network as compact arrays (compressed sparse rows), built once per network version and
 * shared by every search. Nodes are road ends and junctions; an edge is one line (or one part of
 * a MultiLineString) between two nodes, with its full geometry kept for snapping and drawing.
 * Arc `a` is a directed way through an edge: `arcEdge[a] = e` runs along the edge's geometry
 * (edgeFrom → edgeTo), `~e` (that is −e−1) against it.
 */
export interface RoadGraph {
  /** FNV-1a hash of the edges' coordinates, directions, node ids and the build options: changes whenever the network does. */
  readonly version: string;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Node positions, WGS84 degrees. */
  readonly nodeLon: Float64Array;
  readonly nodeLat: Float64Array;
  /** Weakly connected component of each node (0 … componentCount−1), largest first. */
  readonly nodeComponent: Int32Array;
  readonly componentCount: number;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  /** Geodesic length of each edge along its geometry, metres. */
  readonly edgeLengthM: Float64Array;
  /** `edgeTwoWay`, `edgeForwardOnly` (edgeFrom → edgeTo) or `edgeBackwardOnly`. */
  readonly edgeDirection: Uint8Array;
  /** Index of the input feature each edge came from. */
  readonly edgeFeature: Int32Array;
  /** Edge e's vertices are `edgeVertexStart[e]` … `edgeVertexStart[e + 1] − 1`. */
  readonly edgeVertexStart: Int32Array;
  readonly vertexLon: Float64Array;
  readonly vertexLat: Float64Array;
  /** Metres along its edge from the edge's first vertex to this vertex. */
  readonly vertexAlongM: Float64Array;
  /** Outgoing arcs of node v: `outStart[v]` … `outStart[v + 1] − 1`. */
  readonly outStart: Int32Array;
  readonly outHead: Int32Array;
  readonly outLengthM: Float64Array;
  readonly outEdge: Int32Array;
  /** Incoming arcs of node v (the reverse graph, for searches from a destination). */
  readonly inStart: Int32Array;
  readonly inTail: Int32Array;
  readonly inLengthM: Float64Array;
  readonly inEdge: Int32Array;
}

export interface RoadGraphOptions extends RoadAccessOptions {
  /**
   * Ends closer than this, metres, are one node (default 0.5 m: the shipped N1000 extract is
   * rounded to 6 decimals, about 0.1 m, and digitised data seldom misses a junction by more).
   */
  nodeToleranceM?: number;
  /**
   * Topology from node ids on the features, e.g. NVDB's `startnode`/`sluttnode`: "auto" (default)
   * uses the first known pair of property names that a feature carries (`startnode`/`sluttnode`,
   * `source`/`target`, `u`/`v`, `from_node`/`to_node`, `fromNode`/`toNode`); "ignore" always uses
   * shared end coordinates; a [start, end] pair names the properties. Features without ids
   * join by coordinates.
   */
  nodeIds?: "auto" | "ignore" | readonly [start: string, end: string];
  /** Overrides the property rules of `roadAccessOf`, e.g. for a data set with its own flags. */
  access?: (properties: Readonly<Record<string, unknown>> | null | undefined, featureIndex: number) => RoadAccess;
}

export interface SkippedFeature {
  featureIndex: number;
  reason: string;
}

/** The graph, or the one problem that stops it, in words a planner can act on. */
export type RoadGraphBuild =
  | { ok: true; graph: RoadGraph; skipped: SkippedFeature[]; warnings: string[] }
  | { ok: false; problem: string };

const knownNodeIdPairs: readonly (readonly [string, string])[] = [
  ["startnode", "sluttnode"],
  ["source", "target"],
  ["u", "v"],
  ["from_node", "to_node"],
  ["fromNode", "toNode"],
];

/** Most warnings of one kind listed before "and n more". */
const maxListedWarnings = 5;

interface PendingEdge {
  featureIndex: number;
  line: readonly (readonly number[])[];
  direction: number;
  startId: string | undefined;
  endId: string | undefined;
}

/**
 * Builds the road graph of a network (DESIGN §3 mode `road`). Topology comes from node ids where
 * the features carry them, else from shared end coordinates within `nodeToleranceM` (found with a
 * grid hash, not by comparing every pair). Lines cross without a junction unless they share an
 * end: an overpass is not a junction. Edge lengths are geodesic (haversine, as Turf). Which
 * features count as roads, and which are one-way, follows `roadAccessOf`.
 *
 * Expected problems (no lines, coordinates not in degrees, every road closed) come back as
 * `{ ok: false, problem }`, features that are not drivable roads as `skipped`.
 */
export function buildRoadGraph(features: readonly RoadFeature[], options: RoadGraphOptions = {}): RoadGraphBuild {
  const { nodeToleranceM = 0.5, nodeIds = "auto", access } = options;
  const accessOf = access ?? ((properties: Readonly<Record<string, unknown>> | null | undefined) => roadAccessOf(properties, options));
  const skipped: SkippedFeature[] = [];
  const warnings: string[] = [];
  const pending: PendingEdge[] = [];
  const geometryTypes = new Map<string, number>();
  let lineFeatures = 0;
  let maxAbsLat = 0;
  let minLon = Infinity;
  let minLat = Infinity;

  for (let featureIndex = 0; featureIndex < features.length; featureIndex++) {
    const geometry = features[featureIndex]?.geometry;
    const type = geometry?.type ?? "null";
    geometryTypes.set(type, (geometryTypes.get(type) ?? 0) + 1);
    if (!geometry || (type !== "LineString" && type !== "MultiLineString")) continue;
    lineFeatures++;
    const parts = lineParts(geometry);
    if (!parts) return { ok: false, problem: `feature ${featureIndex}: ${type} coordinates are not arrays of [lon, lat] positions.` };
    for (const line of parts) {
      for (const position of line) {
        const lon = position[0];
        const lat = position[1];
        if (typeof lon !== "number" || typeof lat !== "number" || !Number.isFinite(lon) || !Number.isFinite(lat)) {
          return { ok: false, problem: `feature ${featureIndex}: a position is not two finite numbers [lon, lat] (${JSON.stringify(position)}).` };
        }
        if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
          return {
            ok: false,
            problem:
              `feature ${featureIndex}: the position [${lon}, ${lat}] is not WGS84 degrees (longitude −180…180, latitude −90…90); ` +
              `it looks like projected metres: convert the network to EPSG:4326 or declare its CRS when reading it.`,
          };
        }
        if (Math.abs(lat) > maxAbsLat) maxAbsLat = Math.abs(lat);
        if (lon < minLon) minLon = lon;
        if (lat < minLat) minLat = lat;
      }
    }
    const properties = features[featureIndex]?.properties;
    const road = accessOf(properties, featureIndex);
    if (!road.drivable) {
      skipped.push({ featureIndex, reason: road.reason });
      continue;
    }
    const direction = road.direction === "forward" ? edgeForwardOnly : road.direction === "backward" ? edgeBackwardOnly : edgeTwoWay;
    const ids = parts.length === 1 ? nodeIdsOf(properties, nodeIds) : undefined;
    for (const line of parts) {
      if (distinctPositions(line) < 2) {
        skipped.push({ featureIndex, reason: "a line with fewer than two distinct positions" });
        continue;
      }
      pending.push({ featureIndex, line, direction, startId: ids?.[0], endId: ids?.[1] });
    }
  }

  if (lineFeatures === 0) return { ok: false, problem: noLinesProblem(features.length, geometryTypes) };
  if (pending.length === 0) {
    const reasons = [...new Set(skipped.map((s) => s.reason))].slice(0, 3).join("; ");
    return { ok: false, problem: `none of the ${lineFeatures} line features is a drivable road (${reasons}).` };
  }

  // Node merging on a grid of cells as wide as the tolerance: two ends within the tolerance lie in
  // the same or neighbouring cells. The x scale is taken at the highest latitude, where a degree of
  // longitude is shortest, so grid metres never exceed true metres anywhere in the network.
  const toleranceM = Math.max(nodeToleranceM, 1e-6);
  const scaleX = metresPerDegreeLon(Math.min(maxAbsLat, 89.9)) / toleranceM;
  const scaleY = metresPerDegree / toleranceM;
  const cells = new CellTable(2 * pending.length);
  const nodeLon: number[] = [];
  const nodeLat: number[] = [];
  const nextInCell: number[] = [];
  const idNodes = new Map<string, number>();
  const idMismatch: string[] = [];

  const addNode = (lon: number, lat: number): number => {
    const node = nodeLon.length;
    nodeLon.push(lon);
    nodeLat.push(lat);
    nextInCell.push(cells.swapHead(Math.floor((lon - minLon) * scaleX), Math.floor((lat - minLat) * scaleY), node));
    return node;
  };
  const nodeAt = (lon: number, lat: number): number => {
    const ix = Math.floor((lon - minLon) * scaleX);
    const iy = Math.floor((lat - minLat) * scaleY);
    let best = -1;
    let bestM = toleranceM;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (let node = cells.head(ix + dx, iy + dy); node >= 0; node = nextInCell[node]!) {
          const m = haversineM(lon, lat, nodeLon[node]!, nodeLat[node]!);
          if (m <= bestM) {
            bestM = m;
            best = node;
          }
        }
      }
    }
    return best >= 0 ? best : addNode(lon, lat);
  };
  const nodeById = (id: string, lon: number, lat: number): number => {
    const known = idNodes.get(id);
    if (known === undefined) {
      const node = addNode(lon, lat);
      idNodes.set(id, node);
      return node;
    }
    const offM = haversineM(lon, lat, nodeLon[known]!, nodeLat[known]!);
    if (offM > toleranceM) idMismatch.push(`node ${id} (${offM.toFixed(1)} m apart)`);
    return known;
  };

  const edgeCount = pending.length;
  const edgeFrom = new Int32Array(edgeCount);
  const edgeTo = new Int32Array(edgeCount);
  // Ends with ids first, so an end without an id that meets an id node joins it.
  for (let e = 0; e < edgeCount; e++) {
    const { line, startId, endId } = pending[e]!;
    const first = line[0]!;
    const last = line[line.length - 1]!;
    edgeFrom[e] = startId === undefined ? -1 : nodeById(startId, first[0]!, first[1]!);
    edgeTo[e] = endId === undefined ? -1 : nodeById(endId, last[0]!, last[1]!);
  }
  for (let e = 0; e < edgeCount; e++) {
    const { line } = pending[e]!;
    if (edgeFrom[e] === -1) edgeFrom[e] = nodeAt(line[0]![0]!, line[0]![1]!);
    const last = line[line.length - 1]!;
    if (edgeTo[e] === -1) edgeTo[e] = nodeAt(last[0]!, last[1]!);
  }
  if (idMismatch.length > 0) {
    warnings.push(
      `${idMismatch.length} node ids sit at different positions on different features (${listed(idMismatch)}); ` +
        `the ids were trusted, so check the network for misdrawn links.`,
    );
  }

  let vertexCount = 0;
  for (const edge of pending) vertexCount += edge.line.length;
  const vertexLon = new Float64Array(vertexCount);
  const vertexLat = new Float64Array(vertexCount);
  const vertexAlongM = new Float64Array(vertexCount);
  const edgeVertexStart = new Int32Array(edgeCount + 1);
  const edgeLengthM = new Float64Array(edgeCount);
  const edgeDirection = new Uint8Array(edgeCount);
  const edgeFeature = new Int32Array(edgeCount);
  // The version hashes coordinates quantised to 1e-7° (about 1 cm): finer moves are not changes.
  const hash = new Fnv1aHasher().number(toleranceM).string(options.excludeFerries ? "no-ferries" : "ferries");
  let v = 0;
  for (let e = 0; e < edgeCount; e++) {
    const { line, direction, featureIndex } = pending[e]!;
    edgeVertexStart[e] = v;
    edgeDirection[e] = direction;
    edgeFeature[e] = featureIndex;
    hash.int32(direction).int32(edgeFrom[e]!).int32(edgeTo[e]!);
    let alongM = 0;
    for (let k = 0; k < line.length; k++) {
      const lon = line[k]![0]!;
      const lat = line[k]![1]!;
      if (k > 0) alongM += haversineM(vertexLon[v - 1]!, vertexLat[v - 1]!, lon, lat);
      vertexLon[v] = lon;
      vertexLat[v] = lat;
      vertexAlongM[v] = alongM;
      hash.int32(Math.round(lon * 1e7)).int32(Math.round(lat * 1e7));
      v++;
    }
    edgeLengthM[e] = alongM;
  }
  edgeVertexStart[edgeCount] = v;

  const nodeCount = nodeLon.length;
  const out = adjacency(nodeCount, edgeFrom, edgeTo, edgeLengthM, edgeDirection, "out");
  const into = adjacency(nodeCount, edgeFrom, edgeTo, edgeLengthM, edgeDirection, "in");
  const components = weakComponents(nodeCount, edgeFrom, edgeTo);

  return {
    ok: true,
    skipped,
    warnings,
    graph: {
      version: hash.hex(),
      nodeCount,
      edgeCount,
      nodeLon: Float64Array.from(nodeLon),
      nodeLat: Float64Array.from(nodeLat),
      nodeComponent: components.nodeComponent,
      componentCount: components.count,
      edgeFrom,
      edgeTo,
      edgeLengthM,
      edgeDirection,
      edgeFeature,
      edgeVertexStart,
      vertexLon,
      vertexLat,
      vertexAlongM,
      outStart: out.start,
      outHead: out.other,
      outLengthM: out.lengthM,
      outEdge: out.edge,
      inStart: into.start,
      inTail: into.other,
      inLengthM: into.lengthM,
      inEdge: into.edge,
    },
  };
}

function isLine(value: unknown): value is (readonly number[])[] {
  if (!Array.isArray(value)) return false;
  for (const position of value) if (!Array.isArray(position)) return false;
  return true;
}

function lineParts(geometry: { type: string; coordinates?: unknown }): (readonly (readonly number[])[])[] | undefined {
  const coordinates = geometry.coordinates;
  if (!Array.isArray(coordinates)) return undefined;
  if (geometry.type === "LineString") return isLine(coordinates) ? [coordinates] : undefined;
  return coordinates.every(isLine) ? coordinates : undefined;
}

function distinctPositions(line: readonly (readonly number[])[]): number {
  let distinct = 1;
  for (let k = 1; k < line.length && distinct < 2; k++) {
    if (line[k]![0] !== line[0]![0] || line[k]![1] !== line[0]![1]) distinct++;
  }
  return line.length === 0 ? 0 : distinct;
}

function nodeIdsOf(
  properties: Readonly<Record<string, unknown>> | null | undefined,
  setting: RoadGraphOptions["nodeIds"],
): [string, string] | undefined {
  if (!properties || setting === "ignore") return undefined;
  const pairs = setting === "auto" || setting === undefined ? knownNodeIdPairs : [setting];
  for (const [start, end] of pairs) {
    const a = properties[start];
    const b = properties[end];
    if (isNodeId(a) && isNodeId(b)) return [String(a), String(b)];
  }
  return undefined;
}

function isNodeId(value: unknown): boolean {
  return (typeof value === "string" && value !== "") || (typeof value === "number" && Number.isFinite(value));
}

/**
 * An open-addressing hash table from grid cells (two integers) to the first node in the cell,
 * in typed arrays: a JavaScript Map with number keys spent most of the build time here.
 */
class CellTable {
  private readonly xs: Int32Array;
  private readonly ys: Int32Array;
  private readonly heads: Int32Array;
  private readonly mask: number;

  constructor(entries: number) {
    let size = 16;
    while (size < entries * 2) size *= 2;
    this.xs = new Int32Array(size);
    this.ys = new Int32Array(size);
    this.heads = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  private slot(xIn: number, yIn: number): number {
    // Cells beyond 32 bits (a continent at millimetre tolerance) alias; the distance check of
    // every candidate node makes that harmless.
    const x = xIn | 0;
    const y = yIn | 0;
    let i = (Math.imul(x, 73_856_093) ^ Math.imul(y, 19_349_663)) & this.mask;
    while (this.heads[i] !== -1 && (this.xs[i] !== x || this.ys[i] !== y)) i = (i + 1) & this.mask;
    return i;
  }

  /** The first node in cell (x, y), or −1. */
  head(x: number, y: number): number {
    return this.heads[this.slot(x, y)]!;
  }

  /** Makes `node` the cell's first node and returns the previous first (−1 if none). */
  swapHead(x: number, y: number, node: number): number {
    const i = this.slot(x, y);
    const previous = this.heads[i]!;
    this.xs[i] = x | 0;
    this.ys[i] = y | 0;
    this.heads[i] = node;
    return previous;
  }
}

function noLinesProblem(featureCount: number, types: Map<string, number>): string {
  if (featureCount === 0) return "the network has no features: a road network needs LineString or MultiLineString features.";
  const found = [...types].map(([type, n]) => `${n} ${type}`).join(", ");
  const hint = types.has("Point") || types.has("MultiPoint") ? " Is this a points file passed as the network?" : "";
  return `the network has no LineString or MultiLineString features (it has ${found}): a road network needs lines.${hint}`;
}

const listed = (items: readonly string[]) =>
  items.slice(0, maxListedWarnings).join(", ") + (items.length > maxListedWarnings ? ` and ${items.length - maxListedWarnings} more` : "");

/** CSR arrays of the arcs leaving ("out") or entering ("in") each node. */
function adjacency(
  nodeCount: number,
  edgeFrom: Int32Array,
  edgeTo: Int32Array,
  edgeLengthM: Float64Array,
  edgeDirection: Uint8Array,
  side: "out" | "in",
) {
  const start = new Int32Array(nodeCount + 1);
  const forEachArc = (visit: (tail: number, head: number, arcEdge: number, e: number) => void) => {
    for (let e = 0; e < edgeFrom.length; e++) {
      const dir = edgeDirection[e]!;
      if (dir !== edgeBackwardOnly) visit(edgeFrom[e]!, edgeTo[e]!, e, e);
      if (dir !== edgeForwardOnly) visit(edgeTo[e]!, edgeFrom[e]!, ~e, e);
    }
  };
  forEachArc((tail, head) => {
    start[(side === "out" ? tail : head) + 1]!++;
  });
  for (let n = 0; n < nodeCount; n++) start[n + 1]! += start[n]!;
  const arcCount = start[nodeCount]!;
  const other = new Int32Array(arcCount);
  const lengthM = new Float64Array(arcCount);
  const edge = new Int32Array(arcCount);
  const fill = start.slice(0, nodeCount);
  forEachArc((tail, head, arcEdge, e) => {
    const at = side === "out" ? tail : head;
    const slot = fill[at]!++;
    other[slot] = side === "out" ? head : tail;
    lengthM[slot] = edgeLengthM[e]!;
    edge[slot] = arcEdge;
  });
  return { start, other, lengthM, edge };
}

/** Weakly connected components by union-find, numbered largest first. */
function weakComponents(nodeCount: number, edgeFrom: Int32Array, edgeTo: Int32Array): { nodeComponent: Int32Array; count: number } {
  const parent = new Int32Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) parent[n] = n;
  const find = (n: number): number => {
    while (parent[n] !== n) {
      parent[n] = parent[parent[n]!]!;
      n = parent[n]!;
    }
    return n;
  };
  for (let e = 0; e < edgeFrom.length; e++) {
    const a = find(edgeFrom[e]!);
    const b = find(edgeTo[e]!);
    if (a !== b) parent[a] = b;
  }
  const size = new Int32Array(nodeCount);
  const roots: number[] = [];
  for (let n = 0; n < nodeCount; n++) {
    const root = find(n);
    if (size[root]!++ === 0) roots.push(root);
  }
  roots.sort((x, y) => size[y]! - size[x]! || x - y);
  const number = new Int32Array(nodeCount);
  roots.forEach((root, i) => (number[root] = i));
  const nodeComponent = new Int32Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) nodeComponent[n] = number[find(n)]!;
  return { nodeComponent, count: roots.length };
}
