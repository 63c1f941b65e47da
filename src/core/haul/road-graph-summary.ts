import { z } from "zod";
import { edgeTwoWay, type RoadGraph } from "./road-graph";

/** What a planner sees after importing a road network (issue 5, part 7). */
export const roadGraphSummarySchema = z.object({
  edges: z.number(),
  nodes: z.number(),
  /** Weakly connected pieces: more than one means some pairs of places have no road between them. */
  connectedComponents: z.number(),
  /** Share of the total length in the largest piece, 0–1. */
  largestComponentShare: z.number(),
  totalLengthKm: z.number(),
  oneWayEdges: z.number(),
  /** [minLon, minLat, maxLon, maxLat], WGS84 degrees. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** The network version, for cache keys and for telling two imports apart. */
  version: z.string(),
});
export type RoadGraphSummary = z.infer<typeof roadGraphSummarySchema>;

/**
 * `GET /api/road-network` (and `POST`, 201, with the new network's `id`): the network behind road
 * distances, the shipped one or the one a planner imported, with its summary and the reader's warnings.
 */
export const roadNetworkInfoSchema = z.object({
  id: z.string().optional(),
  source: z.enum(["shipped", "imported"]),
  name: z.string(),
  summary: roadGraphSummarySchema.nullable(),
  warnings: z.array(z.string()),
  uploadedBy: z.string().optional(),
  uploadedAt: z.string().optional(),
});
export type RoadNetworkInfo = z.infer<typeof roadNetworkInfoSchema>;

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
