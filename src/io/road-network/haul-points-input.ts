import { haulLocationOf } from "../../core/haul/haul-points";
import type { HaulPoint } from "../../core/haul/distance-matrix";
import type { LocationGeometry } from "../../core/geo/geometry";
import { featuresInWgs84, type GeoJsonReadOptions, type ReadOutcome } from "../geojson-input";

/**
 * Haul points from GeoJSON: one per feature, its id from the `id` property (or the feature's own
 * `id` member), its location the Point, or the centroid of a Polygon/MultiPolygon (a site outline).
 * Problems name the source, the feature index and the field.
 */
export function haulPointsFromGeoJson(json: unknown, options: GeoJsonReadOptions): ReadOutcome<HaulPoint[]> {
  const read = featuresInWgs84(json, options);
  if (!read.ok) return read;
  const { source } = options;
  const points: HaulPoint[] = [];
  const seen = new Map<string, number>();
  for (let index = 0; index < read.value.length; index++) {
    const feature = read.value[index]!;
    const rawId = feature.properties?.id ?? feature.id;
    if (!((typeof rawId === "string" && rawId.trim() !== "") || (typeof rawId === "number" && Number.isFinite(rawId)))) {
      return { ok: false, problem: `${source}: feature ${index}: properties.id is missing or empty; every point needs an id (a string or a number).` };
    }
    const id = String(rawId);
    const earlier = seen.get(id);
    if (earlier !== undefined) return { ok: false, problem: `${source}: feature ${index}: properties.id "${id}" is used again (first by feature ${earlier}); ids must be unique.` };
    seen.set(id, index);
    const geometry = feature.geometry;
    if (!geometry || !["Point", "Polygon", "MultiPolygon"].includes(geometry.type)) {
      return {
        ok: false,
        problem: `${source}: feature ${index}: geometry.type is ${geometry ? `"${geometry.type}"` : "null"}; a point must be a GeoJSON Point (or a Polygon, whose centroid is used).`,
      };
    }
    const coordinates = geometry.coordinates;
    // Positions are numbers already (featuresInWgs84); what is left is an empty shape.
    const hasRing = (polygon: unknown) => Array.isArray(polygon) && Array.isArray(polygon[0]) && polygon[0].length > 0;
    const wellFormed =
      geometry.type === "Point"
        ? Array.isArray(coordinates) && coordinates.length >= 2
        : geometry.type === "Polygon"
          ? hasRing(coordinates)
          : Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(hasRing);
    if (!wellFormed) {
      return { ok: false, problem: `${source}: feature ${index}: geometry.coordinates is empty or malformed.` };
    }
    const location = haulLocationOf({ type: geometry.type, coordinates } as LocationGeometry);
    points.push({ id, location: [location[0], location[1]] });
  }
  return { ok: true, value: points, warnings: read.warnings };
}
