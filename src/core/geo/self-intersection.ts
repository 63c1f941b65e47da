import Flatbush from "flatbush";
import type { AreaGeometry, LonLat } from "./geometry";

/**
 * Where a polygon's edges cross or touch each other, or undefined for a simple polygon. The same
 * rule as Turf's `kinks` (every pair of edges, in one ring or two, except neighbours in a ring,
 * whose shared corner is no crossing), but with the edges in a Flatbush index so that only edges
 * whose boxes overlap are compared: kinks compares every pair, which took 10 s for an outline of
 * 20,000 positions and held the server's event loop all that time (issue 12).
 */
export function firstSelfIntersection(geometry: AreaGeometry): LonLat | undefined {
  const rings = geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat();
  // Edges as flat arrays: ring number, index in the ring, and whether it is the ring's last edge.
  const ringOf: number[] = [];
  const indexInRing: number[] = [];
  const lastInRing: boolean[] = [];
  const ends: (readonly [LonLat, LonLat])[] = [];
  rings.forEach((ring, r) => {
    const closed = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1];
    for (let i = 0; i + 1 < ring.length; i++) {
      ringOf.push(r);
      indexInRing.push(i);
      lastInRing.push(closed && i === ring.length - 2);
      ends.push([ring[i]!, ring[i + 1]!]);
    }
  });
  if (ends.length < 2) return undefined;
  const index = new Flatbush(ends.length);
  for (const [[x0, y0], [x1, y1]] of ends) index.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
  index.finish();

  let first: { s: number; t: number; point: LonLat } | undefined;
  for (let s = 0; s < ends.length; s++) {
    const [[x0, y0], [x1, y1]] = ends[s]!;
    for (const t of index.search(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1))) {
      if (t <= s) continue;
      if (ringOf[s] === ringOf[t]) {
        // Neighbours share a corner: the next edge, and the closing edge with the first one.
        if (indexInRing[t] === indexInRing[s]! + 1) continue;
        if (indexInRing[s] === 0 && lastInRing[t]) continue;
      }
      if (first && (t > first.t || s > first.s)) continue;
      const point = crossing(ends[s]!, ends[t]!);
      if (point && (!first || s < first.s || (s === first.s && t < first.t))) first = { s, t, point };
    }
    if (first) break;
  }
  return first?.point;
}

/** Where two edges meet (ends included), or undefined; parallel edges never meet (as in Turf's kinks). */
function crossing([[ax, ay], [bx, by]]: readonly [LonLat, LonLat], [[cx, cy], [dx, dy]]: readonly [LonLat, LonLat]): LonLat | undefined {
  const denominator = (dy - cy) * (bx - ax) - (dx - cx) * (by - ay);
  if (denominator === 0) return undefined;
  const a = ((dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)) / denominator;
  const b = ((bx - ax) * (ay - cy) - (by - ay) * (ax - cx)) / denominator;
  if (a < 0 || a > 1 || b < 0 || b > 1) return undefined;
  return [ax + a * (bx - ax), ay + a * (by - ay)];
}
