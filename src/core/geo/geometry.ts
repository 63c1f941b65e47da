import { z } from "zod";
import { maxVerticesPerGeometry, vertexCount } from "../domain/input-bounds";
import { message, type Message } from "../messages/message";
import { customIssue } from "../messages/zod-issues";

/**
 * A WGS84 position, [longitude, latitude] in degrees, as GeoJSON holds it. A `Wgs84`
 * (projections.ts) is one; a `ProjectedXY` (metres, read-only) is not, so a function that takes a
 * LonLat refuses projected positions.
 */
export type LonLat = [lon: number, lat: number];

const lonLat = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .describe("[longitude, latitude] in WGS84 degrees");

const ring = z.array(lonLat).min(4, "a polygon ring needs at least 4 positions");

export const pointSchema = z.object({ type: z.literal("Point"), coordinates: lonLat });
/** At most `maxVerticesPerGeometry` positions per geometry: beyond, simplify the outline first. */
const boundedVertices = (geometry: { coordinates: unknown }, ctx: z.RefinementCtx) => {
  const count = vertexCount(geometry.coordinates);
  if (count > maxVerticesPerGeometry) ctx.addIssue(customIssue(message("geo.tooManyVertices", { count, max: maxVerticesPerGeometry }), ["coordinates"]));
};

export const polygonSchema = z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1) }).superRefine(boundedVertices);
export const multiPolygonSchema = z
  .object({
    type: z.literal("MultiPolygon"),
    coordinates: z.array(z.array(ring).min(1)).min(1),
  })
  .superRefine(boundedVertices);

export const areaGeometrySchema = z.discriminatedUnion("type", [polygonSchema, multiPolygonSchema]);
export const locationSchema = z.discriminatedUnion("type", [pointSchema, polygonSchema, multiPolygonSchema]);

export type PointGeometry = z.infer<typeof pointSchema>;
export type PolygonGeometry = z.infer<typeof polygonSchema>;
export type MultiPolygonGeometry = z.infer<typeof multiPolygonSchema>;
export type AreaGeometry = z.infer<typeof areaGeometrySchema>;
export type LocationGeometry = z.infer<typeof locationSchema>;

/** Bounding box in WGS84 degrees: [minLon, minLat, maxLon, maxLat]. */
export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

function positionsOf(geometry: LocationGeometry): LonLat[] {
  switch (geometry.type) {
    case "Point":
      return [geometry.coordinates];
    case "Polygon":
      return geometry.coordinates.flat();
    case "MultiPolygon":
      return geometry.coordinates.flat(2);
  }
}

/** The bounding box of a geometry, used beside the stored GeoJSON for fast bbox filtering. */
export function bboxOf(geometry: LocationGeometry): Bbox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of positionsOf(geometry)) {
    minLon = Math.min(minLon, lon);
    minLat = Math.min(minLat, lat);
    maxLon = Math.max(maxLon, lon);
    maxLat = Math.max(maxLat, lat);
  }
  return [minLon, minLat, maxLon, maxLat];
}

/** Parses "minLon,minLat,maxLon,maxLat"; the problem says what is wrong. */
export function parseBbox(text: string): { ok: true; bbox: Bbox } | { ok: false; problem: Message } {
  const parts = text.split(",").map((part) => Number(part.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return { ok: false, problem: message("geo.bboxNumbers") };
  const [minLon, minLat, maxLon, maxLat] = parts as Bbox;
  if (minLon > maxLon || minLat > maxLat) return { ok: false, problem: message("geo.bboxOrder") };
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) return { ok: false, problem: message("geo.bboxDegrees") };
  return { ok: true, bbox: [minLon, minLat, maxLon, maxLat] };
}

/**
 * One position that stands for a geometry: a Point as it is; a polygon's area-weighted centroid
 * (outer rings, holes ignored; computed in lon/lat, which is exact enough for project and site
 * polygons a few hundred metres across).
 */
export function representativePoint(geometry: LocationGeometry): LonLat {
  if (geometry.type === "Point") return geometry.coordinates;
  const rings = geometry.type === "Polygon" ? [geometry.coordinates[0]!] : geometry.coordinates.map((polygon) => polygon[0]!);
  let area2 = 0;
  let cx = 0;
  let cy = 0;
  let sumX = 0;
  let sumY = 0;
  let count = 0;
  for (const ring of rings) {
    for (let k = 0; k + 1 < ring.length; k++) {
      const [x0, y0] = ring[k]!;
      const [x1, y1] = ring[k + 1]!;
      const cross = x0 * y1 - x1 * y0;
      area2 += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
      sumX += x0;
      sumY += y0;
      count++;
    }
  }
  // A degenerate ring (no area) falls back to the mean of its vertices.
  if (Math.abs(area2) < 1e-18) return [sumX / Math.max(count, 1), sumY / Math.max(count, 1)];
  return [cx / (3 * area2), cy / (3 * area2)];
}
