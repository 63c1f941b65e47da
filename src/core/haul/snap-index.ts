import { haversineM, metresPerDegree, metresPerDegreeLon } from "./geodesy";
import type { RoadGraph } from "./road-graph";

/** Where a point meets the road network: the nearest point on the nearest edge. */
export interface Snap {
  edge: number;
  /** Global index of the vertex that starts the segment the snapped point lies on. */
  segment: number;
  /** Metres along the edge from its first vertex to the snapped point. */
  alongM: number;
  /** Straight distance from the point to the snapped point (the off-road connector), metres. */
  connectorM: number;
  lon: number;
  lat: number;
}

/**
 * A uniform grid over the network's segments, so snapping a point looks at the cells around it
 * instead of every segment. Cells are square in metres of the grid frame; a segment is listed in
 * every cell its bounding box covers.
 */
export interface SegmentIndex {
  readonly cellM: number;
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
  /** Grid metres per degree of longitude (at the network's highest latitude: never more than true metres). */
  readonly scaleX: number;
  readonly columns: number;
  readonly rows: number;
  /** Segments of cell c: `cellSegments[cellStart[c]]` … `cellSegments[cellStart[c + 1] − 1]` (segment = its start vertex). */
  readonly cellStart: Int32Array;
  readonly cellSegments: Int32Array;
  /** Edge of each vertex; the last vertex of an edge starts no segment. */
  readonly vertexEdge: Int32Array;
}

const indexes = new WeakMap<RoadGraph, SegmentIndex>();

/** The segment index of a graph, built on first use and kept as long as the graph lives. */
export function segmentIndexOf(graph: RoadGraph): SegmentIndex {
  let index = indexes.get(graph);
  if (!index) {
    index = buildSegmentIndex(graph);
    indexes.set(graph, index);
  }
  return index;
}

/** Longest side of a grid cell, so a fine network still gets a grid of manageable size. */
const maxCells = 4_000_000;

function buildSegmentIndex(graph: RoadGraph): SegmentIndex {
  const { vertexLon, vertexLat, edgeVertexStart, edgeCount } = graph;
  const vertexEdge = new Int32Array(vertexLon.length);
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  let maxAbsLat = 0;
  for (let v = 0; v < vertexLon.length; v++) {
    const lon = vertexLon[v]!;
    const lat = vertexLat[v]!;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (Math.abs(lat) > maxAbsLat) maxAbsLat = Math.abs(lat);
  }
  let totalM = 0;
  let segments = 0;
  for (let e = 0; e < edgeCount; e++) {
    const first = edgeVertexStart[e]!;
    const end = edgeVertexStart[e + 1]!;
    for (let v = first; v < end; v++) vertexEdge[v] = e;
    totalM += graph.vertexAlongM[end - 1]!;
    segments += end - first - 1;
  }
  const scaleX = metresPerDegreeLon(Math.min(maxAbsLat, 89.9));
  const widthM = Math.max((maxLon - minLon) * scaleX, 1);
  const heightM = Math.max((maxLat - minLat) * metresPerDegree, 1);
  // About one segment length per cell: a query then reads a handful of segments per cell.
  let cellM = Math.min(Math.max(totalM / Math.max(segments, 1), 25), 5_000);
  cellM = Math.max(cellM, Math.sqrt((widthM * heightM) / maxCells));
  const columns = Math.floor(widthM / cellM) + 1;
  const rows = Math.floor(heightM / cellM) + 1;

  const cellRange = (v: number) => {
    const x0 = ((vertexLon[v]! - minLon) * scaleX) / cellM;
    const x1 = ((vertexLon[v + 1]! - minLon) * scaleX) / cellM;
    const y0 = ((vertexLat[v]! - minLat) * metresPerDegree) / cellM;
    const y1 = ((vertexLat[v + 1]! - minLat) * metresPerDegree) / cellM;
    return [Math.floor(Math.min(x0, x1)), Math.floor(Math.max(x0, x1)), Math.floor(Math.min(y0, y1)), Math.floor(Math.max(y0, y1))] as const;
  };
  const cellStart = new Int32Array(columns * rows + 1);
  const forEachSegmentCell = (visit: (cell: number, v: number) => void) => {
    for (let e = 0; e < edgeCount; e++) {
      const end = edgeVertexStart[e + 1]! - 1;
      for (let v = edgeVertexStart[e]!; v < end; v++) {
        const [cx0, cx1, cy0, cy1] = cellRange(v);
        for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) visit(cy * columns + cx, v);
      }
    }
  };
  forEachSegmentCell((cell) => {
    cellStart[cell + 1]!++;
  });
  for (let c = 0; c < columns * rows; c++) cellStart[c + 1]! += cellStart[c]!;
  const cellSegments = new Int32Array(cellStart[columns * rows]!);
  const fill = cellStart.slice(0, columns * rows);
  forEachSegmentCell((cell, v) => {
    cellSegments[fill[cell]!++] = v;
  });
  return { cellM, minLon, minLat, maxLon, maxLat, scaleX, columns, rows, cellStart, cellSegments, vertexEdge };
}

/**
 * The nearest point of the network to a point (WGS84 degrees). Candidates are compared in a flat
 * frame centred on the point (exact enough over the few km a snap spans); the connector and the
 * distance along the edge are then measured geodesically. Searches rings of cells outward until
 * no nearer segment can exist; a point more than `searchLimitM` from the grid is matched against
 * every segment, which is slow but only happens to points that are flagged as too far anyway.
 */
export function snapToNetwork(graph: RoadGraph, lon: number, lat: number, { searchLimitM = 5_000 }: { searchLimitM?: number } = {}): Snap {
  const index = segmentIndexOf(graph);
  const { cellM, columns, rows, minLon, minLat, scaleX } = index;
  const kx = metresPerDegreeLon(lat);
  const best = { segment: -1, distance2: Infinity, t: 0 };
  const consider = (v: number) => {
    const ax = (graph.vertexLon[v]! - lon) * kx;
    const ay = (graph.vertexLat[v]! - lat) * metresPerDegree;
    const bx = (graph.vertexLon[v + 1]! - lon) * kx;
    const by = (graph.vertexLat[v + 1]! - lat) * metresPerDegree;
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    const t = length2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / length2)) : 0;
    const px = ax + t * dx;
    const py = ay + t * dy;
    const distance2 = px * px + py * py;
    if (distance2 < best.distance2) {
      best.segment = v;
      best.distance2 = distance2;
      best.t = t;
    }
  };

  const gx = ((lon - minLon) * scaleX) / cellM;
  const gy = ((lat - minLat) * metresPerDegree) / cellM;
  // Grid metres over-state true metres only for points north of the network (where a degree of
  // longitude is shorter); the bound below corrects for that.
  const trueMetresPerGridMetre = Math.min(1, kx / scaleX);
  const outsideM = Math.max(0, -gx, gx - columns, -gy, gy - rows) * cellM * trueMetresPerGridMetre;
  if (outsideM > searchLimitM) {
    for (let v = 0; v < graph.vertexLon.length - 1; v++) if (index.vertexEdge[v] === index.vertexEdge[v + 1]) consider(v);
  } else {
    const cx = Math.floor(gx);
    const cy = Math.floor(gy);
    const maxRing = Math.max(columns, rows) + Math.ceil(Math.max(Math.abs(gx), Math.abs(gy)));
    for (let ring = 0; ring <= maxRing; ring++) {
      for (let y = cy - ring; y <= cy + ring; y++) {
        if (y < 0 || y >= rows) continue;
        const step = y === cy - ring || y === cy + ring ? 1 : 2 * ring;
        for (let x = cx - ring; x <= cx + ring; x += Math.max(step, 1)) {
          if (x < 0 || x >= columns) continue;
          const cell = y * columns + x;
          for (let k = index.cellStart[cell]!; k < index.cellStart[cell + 1]!; k++) consider(index.cellSegments[k]!);
        }
      }
      // Every segment not yet seen lies at least `ring` whole cells away.
      const nearestUnseenM = ring * cellM * trueMetresPerGridMetre;
      if (best.segment >= 0 && best.distance2 <= nearestUnseenM * nearestUnseenM) break;
    }
  }

  const v = best.segment;
  const edge = index.vertexEdge[v]!;
  const snappedLon = graph.vertexLon[v]! + best.t * (graph.vertexLon[v + 1]! - graph.vertexLon[v]!);
  const snappedLat = graph.vertexLat[v]! + best.t * (graph.vertexLat[v + 1]! - graph.vertexLat[v]!);
  // At t = 1 the along-distance is the next vertex's own, so a point on a node is exactly at the edge's end.
  const alongM =
    best.t === 1
      ? graph.vertexAlongM[v + 1]!
      : Math.min(graph.vertexAlongM[v]! + haversineM(graph.vertexLon[v]!, graph.vertexLat[v]!, snappedLon, snappedLat), graph.edgeLengthM[edge]!);
  return { edge, segment: v, alongM, connectorM: haversineM(lon, lat, snappedLon, snappedLat), lon: snappedLon, lat: snappedLat };
}
