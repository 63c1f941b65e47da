import { z } from "zod";

/** A WGS84 position, [longitude, latitude] in degrees. */
export type LonLat = [lon: number, lat: number];

const lonLat = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .describe("[longitude, latitude] in WGS84 degrees");

const ring = z.array(lonLat).min(4, "a polygon ring needs at least 4 positions");

export const pointSchema = z.object({ type: z.literal("Point"), coordinates: lonLat });
export const polygonSchema = z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1) });
export const multiPolygonSchema = z.object({
  type: z.literal("MultiPolygon"),
  coordinates: z.array(z.array(ring).min(1)).min(1),
});

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

/** Parses "minLon,minLat,maxLon,maxLat"; returns an error message naming what is wrong. */
export function parseBbox(text: string): { ok: true; bbox: Bbox } | { ok: false; message: string } {
  const parts = text.split(",").map((part) => Number(part.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
    return { ok: false, message: "bbox must be four numbers: minLon,minLat,maxLon,maxLat" };
  }
  const [minLon, minLat, maxLon, maxLat] = parts as Bbox;
  if (minLon > maxLon || minLat > maxLat) {
    return { ok: false, message: "bbox minimum must not exceed its maximum" };
  }
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
    return { ok: false, message: "bbox must be in WGS84 degrees (lon -180..180, lat -90..90)" };
  }
  return { ok: true, bbox: [minLon, minLat, maxLon, maxLat] };
}

/**
 * One position that stands for a geometry: the point itself, or the mean of a polygon's outer
 * ring vertices (good enough for the small, compact polygons of projects; not a true centroid).
 */
export function representativePoint(geometry: LocationGeometry): LonLat {
  if (geometry.type === "Point") return geometry.coordinates;
  const ring = (geometry.type === "Polygon" ? geometry.coordinates[0] : geometry.coordinates[0]?.[0]) ?? [];
  const vertices = ring.length > 1 ? ring.slice(0, -1) : ring;
  const sum = vertices.reduce<[number, number]>((acc, [lon, lat]) => [acc[0] + lon, acc[1] + lat], [0, 0]);
  return [sum[0] / Math.max(1, vertices.length), sum[1] / Math.max(1, vertices.length)];
}
