import { edgeTwoWay, type RoadGraph } from "./road-graph";

/** What a planner sees after importing a road network (issue 5, part 7). */
export interface RoadGraphSummary {
  edges: number;
  nodes: number;
  /** Weakly connected pieces: more than one means some pairs of places have no road between them. */
  connectedComponents: number;
  /** Share of the total length in the largest piece, 0–1. */
  largestComponentShare: number;
  totalLengthKm: number;
  oneWayEdges: number;
  /** [minLon, minLat, maxLon, maxLat], WGS84 degrees. */
  bbox: [number, number, number, number];
  /** The network version, for cache keys and for telling two imports apart. */
  version: string;
}

/** Counts and lengths of a road graph, for the import dialog and the benchmark. */
export function summariseRoadGraph(graph: RoadGraph): RoadGraphSummary {
  let totalM = 0;
  let oneWayEdges = 0;
  const componentM = new Float64Array(graph.componentCount);
  for (let e = 0; e < graph.edgeCount; e++) {
    const m = graph.edgeLengthM[e]!;
    totalM += m;
    componentM[graph.nodeComponent[graph.edgeFrom[e]!]!]! += m;
    if (graph.edgeDirection[e] !== edgeTwoWay) oneWayEdges++;
  }
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let v = 0; v < graph.vertexLon.length; v++) {
    minLon = Math.min(minLon, graph.vertexLon[v]!);
    maxLon = Math.max(maxLon, graph.vertexLon[v]!);
    minLat = Math.min(minLat, graph.vertexLat[v]!);
    maxLat = Math.max(maxLat, graph.vertexLat[v]!);
  }
  return {
    edges: graph.edgeCount,
    nodes: graph.nodeCount,
    connectedComponents: graph.componentCount,
    largestComponentShare: totalM > 0 ? componentM.reduce((a, b) => Math.max(a, b), 0) / totalM : 0,
    totalLengthKm: totalM / 1000,
    oneWayEdges,
    bbox: [minLon, minLat, maxLon, maxLat],
    version: graph.version,
  };
}
