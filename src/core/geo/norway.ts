import { message, type Message } from "../messages/message";
import type { LocationGeometry } from "./geometry";

/**
 * Mainland Norway's extent with a margin, WGS84 degrees (Kartverket's N1000 outline spans about
 * 4.6–31.1° E, 57.96–71.19° N). Massekart serves Norwegian municipalities: anything outside is a
 * typing or coordinate-system mistake far more often than a real site abroad.
 */
const norway = { minLon: 4.0, maxLon: 31.5, minLat: 57.7, maxLat: 71.5 };

const inside = (lon: number, lat: number) =>
  lon >= norway.minLon && lon <= norway.maxLon && lat >= norway.minLat && lat <= norway.maxLat;

/** Why a WGS84 position is not in Norway, with a hint at the likely mistake; undefined when it is. */
export function norwayLocationIssue(lon: number, lat: number): Message | undefined {
  if (inside(lon, lat)) return undefined;
  if (inside(lat, lon)) return message("geo.swappedLonLat");
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return message("geo.utmAsDegrees");
  return message("geo.outsideNorway");
}

/** The first position of a geometry that lies outside Norway, with its issue. */
export function geometryOutsideNorway(geometry: LocationGeometry): { path: (string | number)[]; problem: Message } | undefined {
  const positions: { path: (string | number)[]; lonLat: [number, number] }[] =
    geometry.type === "Point"
      ? [{ path: ["coordinates"], lonLat: geometry.coordinates }]
      : geometry.type === "Polygon"
        ? geometry.coordinates.flatMap((ring, r) => ring.map((p, i) => ({ path: ["coordinates", r, i], lonLat: p })))
        : geometry.coordinates.flatMap((polygon, q) =>
            polygon.flatMap((ring, r) => ring.map((p, i) => ({ path: ["coordinates", q, r, i], lonLat: p }))),
          );
  for (const { path, lonLat } of positions) {
    const problem = norwayLocationIssue(lonLat[0], lonLat[1]);
    if (problem) return { path, problem };
  }
  return undefined;
}
