import type { LonLat } from "../geo/geometry";
import type { DistanceMatrix, HaulPoint, HaulRoute, UnreachablePair } from "./distance-matrix";
import { NodeHeap } from "./node-heap";
import { edgeBackwardOnly, edgeForwardOnly, type RoadGraph } from "./road-graph";
import { snapToNetwork, type Snap } from "./snap-index";

/** Default farthest a point may lie from the road network and still be routed, km (issue 5). */
export const defaultMaxSnapKm = 2;

export interface RoadDistanceOptions {
  /** A point farther than this from any road, km, is flagged and its pairs are unreachable. Default 2 km. */
  maxSnapKm?: number;
}

/** A snapped point this close to a node, metres, counts as at the node (the graph's default node tolerance). */
const atNodeM = 0.5;

/** A point on the network and the nodes it reaches or is reached from, with the metres in between. */
interface Placed {
  snap: Snap;
  component: number;
  /** Nodes the point can drive to, and metres to each (along its edge). */
  leaves: { node: number; m: number; side: 0 | 1 }[];
  /** Nodes from which the point can be driven to, and metres from each. */
  arrives: { node: number; m: number; side: 0 | 1 }[];
}

/** Reusable search state for one graph: distances, predecessors and a heap sized to its nodes. */
class RoadSearch {
  readonly distM: Float64Array;
  /** Arc that reached each node, or −1 / −2 for a start entry through the from / to end of the start edge. */
  readonly pred: Int32Array;
  private readonly stamp: Int32Array;
  private readonly heap: NodeHeap;
  private round = 0;
  // Attachments of the points on the other side: per node a linked list of (point, metres, side).
  private readonly attachHead: Int32Array;
  private attachNext: number[] = [];
  private attachPoint: number[] = [];
  private attachM: number[] = [];
  private attachSide: number[] = [];

  constructor(private readonly graph: RoadGraph) {
    this.distM = new Float64Array(graph.nodeCount);
    this.pred = new Int32Array(graph.nodeCount);
    this.stamp = new Int32Array(graph.nodeCount);
    this.heap = new NodeHeap(graph.nodeCount, this.distM);
    this.attachHead = new Int32Array(graph.nodeCount).fill(-1);
  }

  attach(points: readonly (Placed | undefined)[], side: "leaves" | "arrives"): void {
    points.forEach((point, index) => {
      for (const entry of point?.[side] ?? []) {
        this.attachNext.push(this.attachHead[entry.node]!);
        this.attachHead[entry.node] = this.attachPoint.length;
        this.attachPoint.push(index);
        this.attachM.push(entry.m);
        this.attachSide.push(entry.side);
      }
    });
  }

  detachAll(): void {
    this.attachHead.fill(-1);
    this.attachNext = [];
    this.attachPoint = [];
    this.attachM = [];
    this.attachSide = [];
  }

  /**
   * One Dijkstra search from `starts` (forward over outgoing arcs, or backward over incoming arcs
   * to get distances *to* the start). `bestM[j]` is lowered to the best distance to attached point
   * j (it may hold a direct same-edge distance already); `open` lists the points still wanted,
   * and the search stops as soon as none of them can improve.
   */
  run(
    starts: readonly { node: number; m: number; side: 0 | 1 }[],
    reverse: boolean,
    bestM: Float64Array,
    via: Int32Array,
    open: number[],
  ): void {
    const { graph, distM, pred, stamp, heap } = this;
    const round = ++this.round;
    heap.clear();
    for (const { node, m, side } of starts) {
      if (stamp[node] !== round || m < distM[node]!) {
        stamp[node] = round;
        distM[node] = m;
        pred[node] = side === 0 ? -1 : -2;
        heap.pushOrDecrease(node);
      }
    }
    const arcStart = reverse ? graph.inStart : graph.outStart;
    const arcOther = reverse ? graph.inTail : graph.outHead;
    const arcLengthM = reverse ? graph.inLengthM : graph.outLengthM;
    let threshold = Infinity;
    for (const j of open) if (bestM[j]! < threshold) threshold = bestM[j]!;
    let openCount = open.length;

    while (heap.length > 0 && openCount > 0) {
      const node = heap.pop();
      const d = distM[node]!;
      if (d >= threshold) {
        // Every node left is at least d away, so a point whose best is ≤ d is final.
        threshold = Infinity;
        for (let k = 0; k < openCount; ) {
          const j = open[k]!;
          if (bestM[j]! <= d) {
            open[k] = open[--openCount]!;
            open[openCount] = j;
          } else {
            if (bestM[j]! < threshold) threshold = bestM[j]!;
            k++;
          }
        }
        if (openCount === 0) break;
      }
      for (let a = this.attachHead[node]!; a >= 0; a = this.attachNext[a]!) {
        const j = this.attachPoint[a]!;
        const m = d + this.attachM[a]!;
        if (m < bestM[j]!) {
          bestM[j] = m;
          via[j] = node * 2 + this.attachSide[a]!;
          if (m < threshold) threshold = m;
        }
      }
      const end = arcStart[node + 1]!;
      for (let a = arcStart[node]!; a < end; a++) {
        const next = arcOther[a]!;
        const m = d + arcLengthM[a]!;
        if (stamp[next] !== round) {
          stamp[next] = round;
          distM[next] = m;
          pred[next] = a;
          heap.pushOrDecrease(next);
        } else if (m < distM[next]!) {
          distM[next] = m;
          pred[next] = a;
          heap.pushOrDecrease(next);
        }
      }
    }
  }
}

const searches = new WeakMap<RoadGraph, RoadSearch>();

function searchOf(graph: RoadGraph): RoadSearch {
  let search = searches.get(graph);
  if (!search) {
    search = new RoadSearch(graph);
    searches.set(graph, search);
  }
  return search;
}

function place(graph: RoadGraph, location: LonLat): Placed {
  const snap = snapToNetwork(graph, location[0], location[1]);
  const e = snap.edge;
  const u = graph.edgeFrom[e]!;
  const v = graph.edgeTo[e]!;
  const direction = graph.edgeDirection[e]!;
  const toEndM = graph.edgeLengthM[e]! - snap.alongM;
  // A point at a node (within atNodeM) reaches and is reached through that node whatever the
  // direction of the edge it happened to snap to.
  const atU = snap.alongM <= atNodeM;
  const atV = toEndM <= atNodeM;
  const leaves: Placed["leaves"] = [];
  const arrives: Placed["arrives"] = [];
  if (direction !== edgeForwardOnly || atU) leaves.push({ node: u, m: snap.alongM, side: 0 });
  if (direction !== edgeBackwardOnly || atV) leaves.push({ node: v, m: toEndM, side: 1 });
  if (direction !== edgeBackwardOnly || atU) arrives.push({ node: u, m: snap.alongM, side: 0 });
  if (direction !== edgeForwardOnly || atV) arrives.push({ node: v, m: toEndM, side: 1 });
  return { snap, component: graph.nodeComponent[u]!, leaves, arrives };
}

/** Metres from a to b along their shared edge, if driving that way is allowed; else Infinity. */
function sameEdgeM(graph: RoadGraph, a: Snap, b: Snap): number {
  if (a.edge !== b.edge) return Infinity;
  const direction = graph.edgeDirection[a.edge]!;
  if (b.alongM >= a.alongM && direction !== edgeBackwardOnly) return b.alongM - a.alongM;
  if (b.alongM <= a.alongM && direction !== edgeForwardOnly) return a.alongM - b.alongM;
  return Infinity;
}

/** Km with two decimals below 10 km, so "2.04 km (limit 2 km)" does not read as 2.0. */
const kmText = (m: number) => (m < 10_000 ? (m / 1000).toFixed(2) : (m / 1000).toFixed(1));

function tooFarMessage(point: HaulPoint, connectorM: number, maxSnapKm: number): string {
  return (
    `point ${point.id} is ${kmText(connectorM)} km from the nearest road (limit ${maxSnapKm} km), so it is not routed: ` +
    `check its location, or raise maxSnapKm if the road network lacks the roads near it.`
  );
}

function noRouteReason(from: HaulPoint, to: HaulPoint, a: Placed, b: Placed): string {
  if (a.component !== b.component) {
    return `no road connects ${from.id} and ${to.id}: they lie on separate pieces of the network (components ${a.component} and ${b.component}).`;
  }
  return `no road route from ${from.id} to ${to.id} in the allowed driving directions (one-way roads).`;
}

/**
 * Road distances in km between every `from` and every `to` point (DESIGN §3, mode `road`). Each
 * point is snapped to the nearest point of the network; the straight connector to it is added and
 * reported in `connectorKm`. One Dijkstra search per point on the smaller side (backwards over the
 * reverse graph when that is the destinations), each stopping once all its targets are settled.
 * Points at the same position are 0 km apart.
 */
export function roadMatrix(
  graph: RoadGraph,
  from: readonly HaulPoint[],
  to: readonly HaulPoint[],
  { maxSnapKm = defaultMaxSnapKm }: RoadDistanceOptions = {},
): DistanceMatrix {
  if (from.length === 0 || to.length === 0) {
    // No pairs: nothing to route, and nothing to warn about.
    return { from: from.map((p) => p.id), to: to.map((p) => p.id), km: from.map(() => []), unreachable: [], warnings: [], mode: "road" };
  }
  const maxSnapM = maxSnapKm * 1000;
  const warnings: string[] = [];
  const placeAll = (points: readonly HaulPoint[]) =>
    points.map((point) => {
      const placed = place(graph, point.location);
      if (placed.snap.connectorM <= maxSnapM) return placed;
      warnings.push(tooFarMessage(point, placed.snap.connectorM, maxSnapKm));
      return { ...placed, far: true as const };
    });
  const fromPlaced = placeAll(from);
  const toPlaced = placeAll(to);
  const usable = (p: Placed & { far?: true }) => (p.far ? undefined : p);
  const fromUsable = fromPlaced.map(usable);
  const toUsable = toPlaced.map(usable);

  const km: (number | null)[][] = from.map(() => to.map(() => null));
  const reverse = to.length < from.length;
  const starts = reverse ? toUsable : fromUsable;
  const others = reverse ? fromUsable : toUsable;
  const search = searchOf(graph);
  search.attach(others, reverse ? "leaves" : "arrives");
  try {
    const bestM = new Float64Array(others.length);
    const via = new Int32Array(others.length);
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i];
      if (!start) continue;
      const open: number[] = [];
      for (let j = 0; j < others.length; j++) {
        const other = others[j];
        bestM[j] = Infinity;
        if (!other || other.component !== start.component) continue;
        bestM[j] = reverse ? sameEdgeM(graph, other.snap, start.snap) : sameEdgeM(graph, start.snap, other.snap);
        open.push(j);
      }
      if (open.length > 0) search.run(reverse ? start.arrives : start.leaves, reverse, bestM, via, open);
      for (let j = 0; j < others.length; j++) {
        const other = others[j];
        if (!other || !Number.isFinite(bestM[j]!)) continue;
        const totalKm = (bestM[j]! + start.snap.connectorM + other.snap.connectorM) / 1000;
        if (reverse) km[j]![i] = totalKm;
        else km[i]![j] = totalKm;
      }
    }
  } finally {
    search.detachAll();
  }

  const unreachable: UnreachablePair[] = [];
  for (let i = 0; i < from.length; i++) {
    for (let j = 0; j < to.length; j++) {
      const a = from[i]!;
      const b = to[j]!;
      if (fromUsable[i] && toUsable[j] && a.location[0] === b.location[0] && a.location[1] === b.location[1]) {
        km[i]![j] = 0;
        continue;
      }
      if (km[i]![j] !== null) continue;
      const reason =
        !fromUsable[i] || !toUsable[j]
          ? [!fromUsable[i] ? a : undefined, !toUsable[j] ? b : undefined]
              .filter((p) => p !== undefined)
              .map((p) => `point ${p.id} is too far from the road network`)
              .join("; ")
          : noRouteReason(a, b, fromUsable[i]!, toUsable[j]!);
      unreachable.push({ from: a.id, to: b.id, reason });
    }
  }
  const connector = (placed: (Placed & { far?: true })[]) => placed.map((p) => (p.far ? null : p.snap.connectorM / 1000));
  return {
    from: from.map((p) => p.id),
    to: to.map((p) => p.id),
    km,
    unreachable,
    warnings: [...new Set(warnings)],
    connectorKm: { from: connector(fromPlaced), to: connector(toPlaced) },
    mode: "road",
  };
}

/**
 * The road route of one haul, with its geometry along the road lines: the off-road connector,
 * the rest of the start edge, the edges of the shortest path, the part of the end edge, and the
 * connector to the destination.
 */
export function roadRoute(graph: RoadGraph, from: HaulPoint, to: HaulPoint, { maxSnapKm = defaultMaxSnapKm }: RoadDistanceOptions = {}): HaulRoute {
  const a = place(graph, from.location);
  const b = place(graph, to.location);
  const warnings: string[] = [];
  for (const [point, placed] of [
    [from, a],
    [to, b],
  ] as const) {
    if (placed.snap.connectorM > maxSnapKm * 1000) warnings.push(tooFarMessage(point, placed.snap.connectorM, maxSnapKm));
  }
  if (warnings.length > 0) return { status: "unreachable", from: from.id, to: to.id, reason: warnings.join(" "), warnings };
  const base = { from: from.id, to: to.id, warnings };
  if (from.location[0] === to.location[0] && from.location[1] === to.location[1]) {
    return { ...base, status: "ok", km: 0, connectorKm: { from: 0, to: 0 }, coordinates: [from.location, to.location] };
  }

  const bestM = new Float64Array([sameEdgeM(graph, a.snap, b.snap)]);
  const direct = bestM[0]!;
  const via = new Int32Array([-1]);
  const search = searchOf(graph);
  if (a.component === b.component) {
    search.attach([b], "arrives");
    try {
      search.run(a.leaves, false, bestM, via, [0]);
    } finally {
      search.detachAll();
    }
  }
  if (!Number.isFinite(bestM[0]!)) return { ...base, status: "unreachable", reason: noRouteReason(from, to, a, b) };

  const path: LonLat[] = [from.location, [a.snap.lon, a.snap.lat]];
  if (bestM[0]! === direct && via[0] === -1) {
    path.push(...partialEdge(graph, a.snap, b.snap.alongM, b.snap.segment));
  } else {
    const viaNode = via[0]! >> 1;
    const arriveSide = via[0]! & 1;
    // Walk the predecessor arcs back to the start edge, then lay the edges out forwards.
    const arcs: number[] = [];
    let node = viaNode;
    while (search.pred[node]! >= 0) {
      const arc = search.pred[node]!;
      arcs.push(arc);
      const e = graph.outEdge[arc]!;
      node = e >= 0 ? graph.edgeFrom[e]! : graph.edgeTo[~e]!;
    }
    const leaveSide = search.pred[node] === -1 ? 0 : 1;
    path.push(...partialEdge(graph, a.snap, leaveSide === 0 ? 0 : graph.edgeLengthM[a.snap.edge]!, leaveSide === 0 ? -1 : Infinity));
    for (let k = arcs.length - 1; k >= 0; k--) path.push(...edgeCoordinates(graph, graph.outEdge[arcs[k]!]!));
    path.push(...partialEdgeFromEnd(graph, b.snap, arriveSide));
  }
  path.push([b.snap.lon, b.snap.lat], to.location);
  return {
    ...base,
    status: "ok",
    km: (bestM[0]! + a.snap.connectorM + b.snap.connectorM) / 1000,
    connectorKm: { from: a.snap.connectorM / 1000, to: b.snap.connectorM / 1000 },
    coordinates: dedupe(path),
  };
}

/** Vertices of an edge in the direction of travel of arc edge code `code` (e or ~e). */
function edgeCoordinates(graph: RoadGraph, code: number): LonLat[] {
  const e = code >= 0 ? code : ~code;
  const coordinates: LonLat[] = [];
  for (let v = graph.edgeVertexStart[e]!; v < graph.edgeVertexStart[e + 1]!; v++) coordinates.push([graph.vertexLon[v]!, graph.vertexLat[v]!]);
  return code >= 0 ? coordinates : coordinates.reverse();
}

/**
 * Vertices strictly between a snapped point and a position further along (or back along) the
 * same edge, ending with that position's vertex when it is an end of the edge. `targetSegment`
 * is the segment of the target point, −1 for the edge's start and Infinity for its end.
 */
function partialEdge(graph: RoadGraph, snap: Snap, targetAlongM: number, targetSegment: number): LonLat[] {
  const first = graph.edgeVertexStart[snap.edge]!;
  const last = graph.edgeVertexStart[snap.edge + 1]! - 1;
  const coordinates: LonLat[] = [];
  if (targetAlongM >= snap.alongM) {
    const end = Math.min(targetSegment, last);
    for (let v = snap.segment + 1; v <= end; v++) coordinates.push([graph.vertexLon[v]!, graph.vertexLat[v]!]);
  } else {
    const end = Math.max(targetSegment + 1, first);
    for (let v = snap.segment; v >= end; v--) coordinates.push([graph.vertexLon[v]!, graph.vertexLat[v]!]);
  }
  return coordinates;
}

/** Vertices from the end node `side` (0 = edge start, 1 = edge end) of the snap's edge up to the snapped point. */
function partialEdgeFromEnd(graph: RoadGraph, snap: Snap, side: number): LonLat[] {
  const first = graph.edgeVertexStart[snap.edge]!;
  const last = graph.edgeVertexStart[snap.edge + 1]! - 1;
  const coordinates: LonLat[] = [];
  if (side === 0) for (let v = first; v <= snap.segment; v++) coordinates.push([graph.vertexLon[v]!, graph.vertexLat[v]!]);
  else for (let v = last; v > snap.segment; v--) coordinates.push([graph.vertexLon[v]!, graph.vertexLat[v]!]);
  return coordinates;
}

function dedupe(path: LonLat[]): LonLat[] {
  return path.filter((p, k) => k === 0 || p[0] !== path[k - 1]![0] || p[1] !== path[k - 1]![1]);
}
