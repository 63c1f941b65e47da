import Flatbush from "flatbush";
import type { LonLat } from "../geo/geometry";
import { metresPerDegree, metresPerDegreeLon } from "../haul/geodesy";
import { lineToPlane, polylineDistanceM, type LocalPlane, type PlanePolygon } from "./local-plane";

/** Road centre lines for the nearest-road distance, with a box index over their segments. */
export interface RoadIndex {
  readonly lines: readonly (readonly LonLat[])[];
  /** Segment k runs from lines[segmentLine[k]][segmentStart[k]] to the next vertex. */
  readonly segmentLine: Int32Array;
  readonly segmentStart: Int32Array;
  search(minLon: number, minLat: number, maxLon: number, maxLat: number): number[];
}

/** Indexes road lines (WGS84 LineString coordinates) by segment. Build once, reuse for every site. */
export function buildRoadIndex(lines: readonly (readonly LonLat[])[]): RoadIndex {
  let count = 0;
  for (const line of lines) count += Math.max(0, line.length - 1);
  const segmentLine = new Int32Array(count);
  const segmentStart = new Int32Array(count);
  if (count === 0) return { lines, segmentLine, segmentStart, search: () => [] };
  const tree = new Flatbush(count);
  let k = 0;
  lines.forEach((line, l) => {
    for (let v = 0; v + 1 < line.length; v++) {
      const [x0, y0] = line[v]!;
      const [x1, y1] = line[v + 1]!;
      tree.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
      segmentLine[k] = l;
      segmentStart[k] = v;
      k++;
    }
  });
  tree.finish();
  return { lines, segmentLine, segmentStart, search: (a, b, c, d) => tree.search(a, b, c, d) };
}

/** Farthest the nearest-road search looks, metres: beyond it the site has no road "nearby" at all. */
export const maxRoadSearchM = 50_000;

/**
 * Distance from a site (in its local plane) to the nearest road segment, metres: 0 when a road
 * crosses or touches the site; null when no road lies within 50 km. Searches boxes that grow
 * from 250 m until a road is found, then once more out to that distance, so the answer is exact.
 */
export function nearestRoadM(roads: RoadIndex, site: readonly PlanePolygon[], plane: LocalPlane, box: [number, number, number, number]): number | null {
  let radiusM = 250;
  for (;;) {
    const dLat = radiusM / metresPerDegree;
    const dLon = radiusM / metresPerDegreeLon(Math.min(89, Math.max(Math.abs(box[1]), Math.abs(box[3]))));
    let best = Infinity;
    for (const k of roads.search(box[0] - dLon, box[1] - dLat, box[2] + dLon, box[3] + dLat)) {
      const line = roads.lines[roads.segmentLine[k]!]!;
      const start = roads.segmentStart[k]!;
      const distance = polylineDistanceM(site, lineToPlane([line[start]!, line[start + 1]!], plane), best);
      if (distance < best) best = distance;
      if (best === 0) return 0;
    }
    // Any segment closer than the radius has its box inside the searched box, so best ≤ radius is final.
    if (best <= radiusM) return best;
    if (radiusM >= maxRoadSearchM) return null;
    radiusM = Math.min(maxRoadSearchM, best < Infinity ? best : radiusM * 4);
  }
}
