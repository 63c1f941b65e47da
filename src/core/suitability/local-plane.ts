import type { AreaGeometry, LonLat } from "../geo/geometry";
import { metresPerDegree, metresPerDegreeLon } from "../haul/geodesy";

/**
 * A local plane in metres around one site: x east, y north, equirectangular at the site's
 * latitude. Within the few hundred metres of the suitability buffers its distances are within
 * 0.1 % of the great-circle ones (the scale of longitude changes by about tan(lat) × Δlat), which
 * is far below the accuracy of plan maps.
 */
export interface LocalPlane {
  lon0: number;
  lat0: number;
  /** Metres per degree of longitude and latitude at lat0. */
  kx: number;
  ky: number;
}

export function localPlane([lon0, lat0]: LonLat): LocalPlane {
  return { lon0, lat0, kx: metresPerDegreeLon(lat0), ky: metresPerDegree };
}

/** A polygon in a local plane: rings as flat [x0, y0, x1, y1 …] (closed), and its box. */
export interface PlanePolygon {
  rings: Float64Array[];
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Polygons (a Polygon is one, a MultiPolygon several) in the local plane. */
export function toPlane(geometry: AreaGeometry, plane: LocalPlane): PlanePolygon[] {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const flat = rings.map((ring) => {
      const xy = new Float64Array(ring.length * 2);
      ring.forEach(([lon, lat], k) => {
        const x = (lon - plane.lon0) * plane.kx;
        const y = (lat - plane.lat0) * plane.ky;
        xy[2 * k] = x;
        xy[2 * k + 1] = y;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      });
      return xy;
    });
    return { rings: flat, minX, minY, maxX, maxY };
  });
}

/** A polyline in the local plane, flat [x0, y0, x1, y1 …]. */
export function lineToPlane(line: readonly LonLat[], plane: LocalPlane): Float64Array {
  const xy = new Float64Array(line.length * 2);
  line.forEach(([lon, lat], k) => {
    xy[2 * k] = (lon - plane.lon0) * plane.kx;
    xy[2 * k + 1] = (lat - plane.lat0) * plane.ky;
  });
  return xy;
}

/** Whether (x, y) lies inside the polygon (even-odd over all rings, so holes are outside). */
export function pointInPolygon(x: number, y: number, polygon: PlanePolygon): boolean {
  if (x < polygon.minX || x > polygon.maxX || y < polygon.minY || y > polygon.maxY) return false;
  let inside = false;
  for (const ring of polygon.rings) {
    for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
      const xi = ring[i]!;
      const yi = ring[i + 1]!;
      const xj = ring[j]!;
      const yj = ring[j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Squared distance from point p to segment ab. */
function pointSegmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  let t = length2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / length2;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

const orientation = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

/** Squared distance between segments ab and cd: 0 when they cross or touch. */
function segmentDistance2(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number {
  const d1 = orientation(ax, ay, bx, by, cx, cy);
  const d2 = orientation(ax, ay, bx, by, dx, dy);
  const d3 = orientation(cx, cy, dx, dy, ax, ay);
  const d4 = orientation(cx, cy, dx, dy, bx, by);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 0;
  return Math.min(
    pointSegmentDistance2(ax, ay, cx, cy, dx, dy),
    pointSegmentDistance2(bx, by, cx, cy, dx, dy),
    pointSegmentDistance2(cx, cy, ax, ay, bx, by),
    pointSegmentDistance2(dx, dy, ax, ay, bx, by),
  );
}

/** Smallest squared distance between a segment of `a` and one of `b` (flat polylines) if below `best2`, else `best2`. */
function linesDistance2(a: Float64Array, b: Float64Array, best2: number): number {
  for (let i = 0; i + 3 < a.length; i += 2) {
    const ax = a[i]!;
    const ay = a[i + 1]!;
    const bx = a[i + 2]!;
    const by = a[i + 3]!;
    const minX = Math.min(ax, bx);
    const maxX = Math.max(ax, bx);
    const minY = Math.min(ay, by);
    const maxY = Math.max(ay, by);
    const reach = Math.sqrt(best2);
    for (let j = 0; j + 3 < b.length; j += 2) {
      const cx = b[j]!;
      const cy = b[j + 1]!;
      const dx = b[j + 2]!;
      const dy = b[j + 3]!;
      // Skip segments whose box is already farther than the best distance found.
      if (Math.min(cx, dx) > maxX + reach || Math.max(cx, dx) < minX - reach || Math.min(cy, dy) > maxY + reach || Math.max(cy, dy) < minY - reach) continue;
      const d2 = segmentDistance2(ax, ay, bx, by, cx, cy, dx, dy);
      if (d2 < best2) {
        best2 = d2;
        if (best2 === 0) return 0;
      }
    }
  }
  return best2;
}

/** The squared search limit: just above maxM², so a distance of exactly maxM is still found. */
const searchLimit2 = (maxM: number) => (maxM === Infinity ? Infinity : maxM * maxM * (1 + 1e-9) + 1e-9);

const boxGap = (a: { minX: number; minY: number; maxX: number; maxY: number }, b: { minX: number; minY: number; maxX: number; maxY: number }) =>
  Math.hypot(Math.max(0, a.minX - b.maxX, b.minX - a.maxX), Math.max(0, a.minY - b.maxY, b.minY - a.maxY));

/**
 * Shortest distance between two areas in metres: 0 when they overlap, touch or one lies inside
 * the other (holes count as outside). Returns Infinity when the areas are farther apart than
 * `maxM`, without measuring exactly.
 */
export function polygonsDistanceM(a: readonly PlanePolygon[], b: readonly PlanePolygon[], maxM = Infinity): number {
  let best2 = searchLimit2(maxM);
  let found = Infinity;
  for (const p of a) {
    for (const q of b) {
      if (boxGap(p, q) > Math.sqrt(best2)) continue;
      if (pointInPolygon(p.rings[0]![0]!, p.rings[0]![1]!, q) || pointInPolygon(q.rings[0]![0]!, q.rings[0]![1]!, p)) return 0;
      for (const r of p.rings) {
        for (const s of q.rings) {
          const d2 = linesDistance2(r, s, best2);
          if (d2 < best2) {
            best2 = d2;
            found = Math.sqrt(d2);
            if (best2 === 0) return 0;
          }
        }
      }
    }
  }
  return found;
}

/** Shortest distance from an area to a polyline, metres: 0 when the line touches or enters it; Infinity beyond `maxM`. */
export function polylineDistanceM(area: readonly PlanePolygon[], line: Float64Array, maxM = Infinity): number {
  let best2 = searchLimit2(maxM);
  let found = Infinity;
  for (const p of area) {
    if (line.length >= 2 && pointInPolygon(line[0]!, line[1]!, p)) return 0;
    for (const ring of p.rings) {
      const d2 = linesDistance2(ring, line, best2);
      if (d2 < best2) {
        best2 = d2;
        found = Math.sqrt(d2);
        if (best2 === 0) return 0;
      }
    }
  }
  return found;
}
