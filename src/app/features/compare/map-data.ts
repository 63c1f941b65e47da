/**
 * The flow lines of several scenarios for maps shown together: one shared width scale and one
 * shared extent, so the same tonnes look the same on every map. Pure.
 */
import type { FeatureCollection, LineString } from "geojson";
import type { Bbox } from "../../../core/geo/geometry";
import { flowsToFeatures, maxLineTonnes, type FlowFeatureProperties } from "../../map/flow-layers";
import type { Endpoints } from "../export/endpoints";
import type { ScenarioEntry } from "./scenario-data";

export interface SharedFlowMaps {
  collections: FeatureCollection<LineString, FlowFeatureProperties>[];
  maxTonnes: number;
  /** Around every line of every map; null without lines. */
  bounds: Bbox | null;
}

export function sharedFlowMaps(entries: readonly ScenarioEntry[], endpoints: Endpoints): SharedFlowMaps {
  const locations: Record<string, [number, number]> = {};
  const names: Record<string, string> = {};
  for (const [id, endpoint] of endpoints) {
    locations[id] = [endpoint.location[0], endpoint.location[1]];
    names[id] = endpoint.name;
  }
  const collections = entries.map((e) => flowsToFeatures(e.result.flows, locations, { names }));
  const coordinates = collections.flatMap((c) => c.features.flatMap((f) => f.geometry.coordinates));
  const bounds: Bbox | null =
    coordinates.length === 0
      ? null
      : [
          Math.min(...coordinates.map((p) => p[0]!)),
          Math.min(...coordinates.map((p) => p[1]!)),
          Math.max(...coordinates.map((p) => p[0]!)),
          Math.max(...coordinates.map((p) => p[1]!)),
        ];
  return { collections, maxTonnes: Math.max(1, ...collections.map(maxLineTonnes)), bounds };
}
