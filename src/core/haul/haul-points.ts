import type { LocationGeometry, LonLat } from "../geo/geometry";

/**
 * The point a haul starts or ends at for a project or site geometry: a Point as it is; a polygon's
 * area-weighted centroid (outer rings, holes ignored; computed in lon/lat, which is exact enough
 * for sites a few hundred metres across). A truck enters by a gate, not the centroid, but the
 * difference is within the snapping connector.
 */
export function haulLocationOf(geometry: LocationGeometry): LonLat {
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
