import { buildRoadGraph, type RoadFeature, type RoadGraph, type RoadGraphOptions, type SkippedFeature } from "../../core/haul/road-graph";
import { featuresInWgs84, type GeoJsonReadOptions, type ReadOutcome } from "../geojson-input";

/** A road network read and built: the graph, the features left out, and what the user should know. */
export interface LoadedRoadNetwork {
  graph: RoadGraph;
  skipped: SkippedFeature[];
  warnings: string[];
}

export interface RoadNetworkReadOptions extends GeoJsonReadOptions {
  graph?: RoadGraphOptions;
}

/**
 * Builds the road graph of a parsed GeoJSON road network in any supported CRS. Pure: the browser's
 * import dialog can call it on a file it has read. Problems name the source and the fix.
 */
export function roadNetworkFromGeoJson(json: unknown, options: RoadNetworkReadOptions): ReadOutcome<LoadedRoadNetwork> {
  const read = featuresInWgs84(json, options);
  if (!read.ok) return read;
  const build = buildRoadGraph(read.value as RoadFeature[], options.graph);
  if (!build.ok) return { ok: false, problem: `${options.source}: ${build.problem}` };
  const warnings = [...read.warnings, ...build.warnings.map((w) => `${options.source}: ${w}`)];
  if (build.skipped.length > 0) {
    const reasons = new Map<string, number>();
    for (const { reason } of build.skipped) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    const listed = [...reasons].map(([reason, n]) => `${n} × ${reason}`).join("; ");
    warnings.push(`${options.source}: ${build.skipped.length} features are not used as truck roads: ${listed}.`);
  }
  return { ok: true, value: { graph: build.graph, skipped: build.skipped, warnings }, warnings };
}
