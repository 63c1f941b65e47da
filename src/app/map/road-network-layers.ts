/**
 * The road network in use for haul distances (issue 5, part 7), drawn over the basemap roads so a
 * planner sees which lines the distances follow — pure spec builders, tested without WebGL.
 */
import type { GeoJSONSourceSpecification, LineLayerSpecification } from "maplibre-gl";
import { roadNetworkColour } from "./road-network-colour";

export const roadNetworkSourceId = "road-network";

export const roadNetworkLayerIds = {
  casing: "road-network-casing",
  line: "road-network-line",
} as const;


/**
 * The source: `GET /api/road-network/features`, with the revision in the query so an import or a
 * revert fetches it again.
 * @param origin - the page's origin; MapLibre fetches GeoJSON in a worker, which needs an absolute URL
 */
export function roadNetworkSource(origin: string, revision: number): GeoJSONSourceSpecification {
  const url = new URL("/api/road-network/features", origin);
  url.searchParams.set("rev", String(revision));
  return { type: "geojson", data: url.href };
}

/** A white casing and a dashed violet line (dashes: one-way or not, it is a network, not a road class). */
export function roadNetworkLayers(sourceId: string, { visible = true }: { visible?: boolean } = {}): LineLayerSpecification[] {
  const layout: LineLayerSpecification["layout"] = { visibility: visible ? "visible" : "none", "line-join": "round", "line-cap": "round" };
  return [
    {
      id: roadNetworkLayerIds.casing,
      type: "line",
      source: sourceId,
      layout,
      paint: { "line-color": "#ffffff", "line-width": ["interpolate", ["linear"], ["zoom"], 8, 2.5, 14, 6], "line-opacity": 0.8 },
    },
    {
      id: roadNetworkLayerIds.line,
      type: "line",
      source: sourceId,
      layout,
      paint: {
        "line-color": roadNetworkColour,
        "line-width": ["interpolate", ["linear"], ["zoom"], 8, 1.2, 14, 3],
        "line-dasharray": [2, 1],
      },
    },
  ];
}
