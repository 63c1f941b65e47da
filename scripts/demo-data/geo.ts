/**
 * Tiny WGS84 geometry helpers for building the demo data (script-only; @turf/* is not a
 * dependency). Local equirectangular approximations are fine at the few-kilometre scale of the
 * demo shapes: the error is well under 1 % across Asker (≈ 59.5–59.9° N).
 */
import { round6 } from "./output";

export type Position = [lon: number, lat: number];
export type Ring = Position[];
export type PolygonCoordinates = Ring[];

export interface AreaGeometry {
  type: "Polygon" | "MultiPolygon";
  coordinates: PolygonCoordinates | PolygonCoordinates[];
}

/** Mean Earth radius, metres (IUGG), as Turf uses. */
const earthRadiusM = 6_371_008.8;
const degToRad = Math.PI / 180;

/** Metres per degree of latitude and of longitude at latitude `lat`. */
function metresPerDegree(lat: number): { lon: number; lat: number } {
  const mPerDegLat = earthRadiusM * degToRad;
  return { lat: mPerDegLat, lon: mPerDegLat * Math.cos(lat * degToRad) };
}

/** Great-circle distance in metres (haversine). */
export function distanceM(a: Position, b: Position): number {
  const dLat = (b[1] - a[1]) * degToRad;
  const dLon = (b[0] - a[0]) * degToRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * degToRad) * Math.cos(b[1] * degToRad) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusM * Math.asin(Math.sqrt(h));
}

/** The point `eastM` metres east and `northM` metres north of `origin`, rounded to 6 decimals. */
export function offsetM(origin: Position, eastM: number, northM: number): Position {
  const m = metresPerDegree(origin[1]);
  return [round6(origin[0] + eastM / m.lon), round6(origin[1] + northM / m.lat)];
}

/** Signed area of a ring in m² (shoelace on a local plane); positive = counter-clockwise. */
export function signedRingAreaM2(ring: Ring): number {
  const first = ring[0];
  if (!first) return 0;
  const m = metresPerDegree(first[1]);
  let twiceArea = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    twiceArea += (x1 - first[0]) * m.lon * ((y2 - first[1]) * m.lat) - (x2 - first[0]) * m.lon * ((y1 - first[1]) * m.lat);
  }
  return twiceArea / 2;
}

/** Area of a polygon (outer ring minus holes) in m². */
export function polygonAreaM2(polygon: PolygonCoordinates): number {
  return polygon.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(signedRingAreaM2(ring)), 0);
}

/**
 * A closed ring through `corners`, wound counter-clockwise as RFC 7946 asks of outer rings.
 * Corners are given without the closing position.
 */
export function closedCcwRing(corners: readonly Position[]): Ring {
  const ring: Ring = [...corners.map((c): Position => [round6(c[0]), round6(c[1])])];
  ring.push([ring[0]![0], ring[0]![1]]);
  return signedRingAreaM2(ring) < 0 ? ring.reverse() : ring;
}

/**
 * A rectangle polygon of `widthM` × `heightM` centred on `centre`, rotated `rotationDeg`
 * counter-clockwise, so demo sites do not all look axis-aligned.
 */
export function rectangleAround(centre: Position, widthM: number, heightM: number, rotationDeg = 0): PolygonCoordinates {
  const a = rotationDeg * degToRad;
  const corners = [
    [-widthM / 2, -heightM / 2],
    [widthM / 2, -heightM / 2],
    [widthM / 2, heightM / 2],
    [-widthM / 2, heightM / 2],
  ].map(([x, y]) => offsetM(centre, x! * Math.cos(a) - y! * Math.sin(a), x! * Math.sin(a) + y! * Math.cos(a)));
  return [closedCcwRing(corners)];
}

/** Ray casting: is `point` inside `ring`? Points exactly on an edge may go either way. */
function insideRing(point: Position, ring: Ring): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Is `point` inside a Polygon or MultiPolygon (inside an outer ring and in none of its holes)? */
export function pointInArea(point: Position, area: AreaGeometry): boolean {
  const polygons = (area.type === "Polygon" ? [area.coordinates] : area.coordinates) as PolygonCoordinates[];
  return polygons.some(
    (polygon) => polygon[0] !== undefined && insideRing(point, polygon[0]) && !polygon.slice(1).some((hole) => insideRing(point, hole)),
  );
}

/** Distance in metres from `point` to the nearest edge of `area` (0 is not returned for inside points). */
export function distanceToBoundaryM(point: Position, area: AreaGeometry): number {
  const polygons = (area.type === "Polygon" ? [area.coordinates] : area.coordinates) as PolygonCoordinates[];
  const m = metresPerDegree(point[1]);
  let best = Infinity;
  for (const ring of polygons.flat()) {
    for (let i = 0; i + 1 < ring.length; i++) {
      // Project onto the segment in a local metric plane around the point.
      const ax = (ring[i]![0] - point[0]) * m.lon;
      const ay = (ring[i]![1] - point[1]) * m.lat;
      const bx = (ring[i + 1]![0] - point[0]) * m.lon;
      const by = (ring[i + 1]![1] - point[1]) * m.lat;
      const dx = bx - ax;
      const dy = by - ay;
      const lengthSquared = dx * dx + dy * dy;
      const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

/** Every position of a polygon's rings, without each ring's closing duplicate. */
export function verticesOf(polygon: PolygonCoordinates): Position[] {
  return polygon.flatMap((ring) => ring.slice(0, -1));
}


/**
 * An irregular oval around `centre`: `vertices` points at evenly spaced angles, each at
 * `radiusM` × a random factor in [1 − jitter, 1 + jitter], stretched east–west by `aspect`
 * and rotated `rotationDeg` counter-clockwise. Irregular outlines look hand-drawn, like zoning.
 */
export function irregularOval(
  centre: Position,
  radiusM: number,
  random: () => number,
  { vertices = 12, jitter = 0.15, aspect = 1, rotationDeg = 0 } = {},
): PolygonCoordinates {
  const rotation = rotationDeg * degToRad;
  const corners = Array.from({ length: vertices }, (_, i) => {
    const angle = (2 * Math.PI * i) / vertices;
    const r = radiusM * (1 - jitter + 2 * jitter * random());
    const x = r * Math.cos(angle) * Math.sqrt(aspect);
    const y = (r * Math.sin(angle)) / Math.sqrt(aspect);
    return offsetM(centre, x * Math.cos(rotation) - y * Math.sin(rotation), x * Math.sin(rotation) + y * Math.cos(rotation));
  });
  return [closedCcwRing(corners)];
}

/**
 * A corridor polygon `widthM` wide along a polyline: each vertex is offset half the width to
 * either side along the mean normal of its two segments (no mitre limit: fine for gentle roads).
 */
export function corridorAlong(line: readonly Position[], widthM: number): PolygonCoordinates {
  if (line.length < 2) throw new Error("a corridor needs at least two positions");
  const m = metresPerDegree(line[0]![1]);
  const toXY = ([lon, lat]: Position) => [lon * m.lon, lat * m.lat] as const;
  const left: Position[] = [];
  const right: Position[] = [];
  line.forEach((p, i) => {
    const [ax, ay] = toXY(line[Math.max(0, i - 1)]!);
    const [bx, by] = toXY(line[Math.min(line.length - 1, i + 1)]!);
    const length = Math.hypot(bx - ax, by - ay);
    const [nx, ny] = [-(by - ay) / length, (bx - ax) / length];
    left.push(offsetM(p, (nx * widthM) / 2, (ny * widthM) / 2));
    right.push(offsetM(p, (-nx * widthM) / 2, (-ny * widthM) / 2));
  });
  return [closedCcwRing([...left, ...right.reverse()])];
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const orient = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

/**
 * Do two simple polygons (outer rings) overlap? True if their edges cross or one holds a vertex
 * of the other. Exact for simple polygons, up to touching edges.
 */
export function polygonsOverlap(a: PolygonCoordinates, b: PolygonCoordinates): boolean {
  const ra = a[0]!;
  const rb = b[0]!;
  for (let i = 0; i + 1 < ra.length; i++) {
    for (let j = 0; j + 1 < rb.length; j++) {
      if (segmentsCross(ra[i]!, ra[i + 1]!, rb[j]!, rb[j + 1]!)) return true;
    }
  }
  return (
    ra.some((p) => pointInArea(p, { type: "Polygon", coordinates: b })) ||
    rb.some((p) => pointInArea(p, { type: "Polygon", coordinates: a }))
  );
}

export { seededRandom } from "../../src/core/random/seeded-random";
