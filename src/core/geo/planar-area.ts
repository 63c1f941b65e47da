import type { AreaGeometry, LonLat } from "./geometry";
import { projectToUtm, wgs84, type ProjectedXY } from "./projections";

/**
 * The plane systems an area may be measured in: ETRS89 / UTM zones 32, 33 and 35 (EPSG:25832,
 * 25833, 25835), the systems Norwegian municipalities keep their plans in (Asker: 25832).
 */
export type AreaCrs = 25832 | 25833 | 25835;

/** Asker's system, and the default of every area Massekart shows or computes with. */
export const defaultAreaCrs: AreaCrs = 25832;

/** A GeoJSON ring's positions in the plane of `crs`. */
const inPlane = (ring: readonly LonLat[], crs: AreaCrs): ProjectedXY[] => ring.map(([lon, lat]) => projectToUtm(wgs84(lon, lat), `EPSG:${crs}`));

/** Shoelace area of a ring of plane positions, m², unsigned. */
function ringAreaM2(ring: readonly ProjectedXY[]): number {
  let twice = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    const [x0, y0] = ring[k]!;
    const [x1, y1] = ring[k + 1]!;
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice) / 2;
}

/**
 * The area of a WGS84 polygon as plan documents and QGIS state it: the planar area in the
 * municipality's UTM system (default EPSG:25832), exterior rings minus holes, m².
 *
 * Why not @turf/area: Turf measures on a sphere of radius 6,378,137 m, which at 60° N reads about
 * 0.55 % below the UTM figure that zoning plans, site permits and QGIS give; a planner comparing
 * Massekart's area with the plan's own "areal" would see the gap. One function, so every area
 * Massekart shows or computes with (site cards, zoning shares, capacity from area) agrees.
 *
 * @example planarAreaM2(site.geometry) // 10 000 for a 100 m × 100 m square drawn in EPSG:25832
 */
export function planarAreaM2(geometry: AreaGeometry, { crs = defaultAreaCrs }: { crs?: AreaCrs } = {}): number {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      const area = ringAreaM2(inPlane(ring, crs));
      total += r === 0 ? area : -area;
    });
  }
  return Math.max(0, total);
}
