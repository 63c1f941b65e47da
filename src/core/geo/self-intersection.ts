import { kinks } from "@turf/kinks";
import type { AreaGeometry, LonLat } from "./geometry";

/** Where a polygon's edges cross each other (Turf's kinks), or undefined for a simple polygon. */
export function firstSelfIntersection(geometry: AreaGeometry): LonLat | undefined {
  const found = kinks({ type: "Feature", properties: {}, geometry });
  const point = found.features[0]?.geometry.coordinates;
  return point ? [point[0]!, point[1]!] : undefined;
}
