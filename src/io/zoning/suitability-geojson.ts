// GeoJSON inputs of the suitability report besides zoning: the site, road lines and haul lots.
// Pure (no file access), so the browser can read a file the user picked with the same code.
import type { LonLat } from "../../core/geo/geometry";
import { haulLocationOf } from "../../core/haul/haul-points";
import type { HaulLot } from "../../core/suitability/mean-haul";
import type { SuitabilitySite } from "../../core/suitability/report";
import { featuresInWgs84, type GeoJsonReadOptions, type InputFeature, type ReadOutcome } from "../geojson-input";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Site properties the report uses, with their allowed ranges. */
const numericProperties = {
  stackHeightM: { min: 0, max: 50, inclusiveMin: false, what: "a stack height in metres, > 0 and ≤ 50" },
  usableShare: { min: 0, max: 1, inclusiveMin: false, what: "a share of the area, > 0 and ≤ 1" },
  densityTonnesPerM3: { min: 0, max: 5, inclusiveMin: false, what: "a bulk density in t/m³, > 0 and ≤ 5" },
} as const;

/**
 * The site of a GeoJSON Feature (or a FeatureCollection with exactly one feature): its Polygon or
 * MultiPolygon in WGS84, name and id, and `stackHeightM`, `usableShare`, `densityTonnesPerM3`
 * from its properties. Problems name the property.
 */
export function siteFromGeoJson(json: unknown, options: GeoJsonReadOptions): ReadOutcome<SuitabilitySite> {
  const read = featuresInWgs84(json, options);
  if (!read.ok) return read;
  if (read.value.length !== 1) {
    return { ok: false, problem: `${options.source}: a site file holds one Feature (a polygon); this one has ${read.value.length}.` };
  }
  const feature = read.value[0]!;
  const geometry = feature.geometry;
  if (!geometry || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) {
    return { ok: false, problem: `${options.source}: feature 0: the site must be a Polygon or MultiPolygon (found ${geometry?.type ?? "no geometry"}).` };
  }
  const properties = feature.properties ?? {};
  // Heights (a third number) are dropped: the report works in the plane.
  const flat = (ring: unknown) => (Array.isArray(ring) ? ring.map((p) => (Array.isArray(p) ? [p[0], p[1]] : p)) : ring);
  const coordinates = geometry.type === "Polygon" ? (geometry.coordinates as unknown[]).map(flat) : (geometry.coordinates as unknown[][]).map((polygon) => polygon.map(flat));
  const site: SuitabilitySite = { geometry: { type: geometry.type, coordinates } as unknown as SuitabilitySite["geometry"] };
  const name = properties.name ?? properties.navn;
  if (typeof name === "string" && name.trim()) site.name = name.trim();
  const id = properties.id ?? feature.id;
  if (typeof id === "string" || typeof id === "number") site.id = String(id);
  for (const [key, range] of Object.entries(numericProperties) as [keyof typeof numericProperties, (typeof numericProperties)[keyof typeof numericProperties]][]) {
    const value = properties[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= range.min || value > range.max) {
      return { ok: false, problem: `${options.source}: feature 0: properties.${key} must be ${range.what} (got ${JSON.stringify(value)}).` };
    }
    site[key] = value;
  }
  return { ok: true, value: site, warnings: read.warnings };
}

/** The LineString and MultiLineString coordinates of a road file (other geometries are ignored). */
export function roadLinesFromGeoJson(json: unknown, options: GeoJsonReadOptions): ReadOutcome<LonLat[][]> {
  const read = featuresInWgs84(json, options);
  if (!read.ok) return read;
  const lines: LonLat[][] = [];
  for (const feature of read.value) {
    const geometry = feature.geometry;
    if (geometry?.type === "LineString") lines.push(geometry.coordinates as LonLat[]);
    else if (geometry?.type === "MultiLineString") lines.push(...(geometry.coordinates as LonLat[][]));
  }
  if (lines.length === 0) return { ok: false, problem: `${options.source}: no LineString roads in the file.` };
  return { ok: true, value: lines.map((line) => line.map(([lon, lat]): LonLat => [lon, lat])), warnings: read.warnings };
}

const tonnesOf = (feature: InputFeature) => {
  const properties = feature.properties ?? {};
  return properties.tonnes ?? properties.tonn;
};

/**
 * Haul lots from GeoJSON: each feature a Point (or a polygon, taken at its centroid) with a
 * positive `tonnes` property and an `id` (else "lot <index>"). Surplus and demand alike.
 */
export function haulLotsFromGeoJson(json: unknown, options: GeoJsonReadOptions): ReadOutcome<HaulLot[]> {
  const read = featuresInWgs84(json, options);
  if (!read.ok) return read;
  const lots: HaulLot[] = [];
  for (const [index, feature] of read.value.entries()) {
    const geometry = feature.geometry;
    if (!geometry || !["Point", "Polygon", "MultiPolygon"].includes(geometry.type)) {
      return { ok: false, problem: `${options.source}: feature ${index}: a lot needs a Point or Polygon geometry (found ${geometry?.type ?? "none"}).` };
    }
    const tonnes = tonnesOf(feature);
    if (typeof tonnes !== "number" || !Number.isFinite(tonnes) || tonnes <= 0) {
      return { ok: false, problem: `${options.source}: feature ${index}: properties.tonnes must be a number > 0 (got ${JSON.stringify(tonnes)}).` };
    }
    const id = isObject(feature.properties) && (typeof feature.properties.id === "string" || typeof feature.properties.id === "number") ? String(feature.properties.id) : feature.id;
    lots.push({ id: id === undefined ? `lot ${index}` : String(id), tonnes, location: haulLocationOf(geometry as unknown as Parameters<typeof haulLocationOf>[0]) });
  }
  return { ok: true, value: lots, warnings: read.warnings };
}
