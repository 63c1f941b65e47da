// A seeded zoning set over Asker for the benchmarks: star-shaped (so simple) polygons of 20–150 m
// with codes in rough proportion to a municipal plan. Every run measures the same polygons.
import type { AreaGeometry, LonLat } from "../../src/core/geo/geometry";
import { metresPerDegree, metresPerDegreeLon } from "../../src/core/haul/geodesy";
import { seededRandom } from "../../src/core/random/seeded-random";
import type { SuitabilityZoning } from "../../src/core/suitability/zoning-index";

// Asker's extent (data/basemap/boundary.geojson), WGS84.
const asker = { minLon: 10.31, minLat: 59.48, maxLon: 10.62, maxLat: 59.91 };

/** Codes in rough proportion to a municipal plan: much housing, LNFR and business, some of the rest. */
const codePool = [1110, 1110, 1110, 1110, 5100, 5100, 5100, 1300, 1300, 1340, 2010, 2010, 3001, 3001, 1130, 1160, 1161, 1162, 6001, 1202, 1201, 5120];

/** A star-shaped (so simple) polygon: 6–18 vertices at random radii around a centre. */
function blob(random: () => number, centre: LonLat, radiusM: number): AreaGeometry {
  const vertices = 6 + Math.floor(random() * 13);
  const kx = metresPerDegreeLon(centre[1]);
  const ring: LonLat[] = [];
  for (let k = 0; k < vertices; k++) {
    const angle = (2 * Math.PI * (k + random() * 0.8)) / vertices;
    const r = radiusM * (0.55 + 0.45 * random());
    ring.push([centre[0] + (r * Math.cos(angle)) / kx, centre[1] + (r * Math.sin(angle)) / metresPerDegree]);
  }
  ring.push(ring[0]!);
  return { type: "Polygon", coordinates: [ring] };
}

export const randomPoint = (random: () => number): LonLat => [
  asker.minLon + random() * (asker.maxLon - asker.minLon),
  asker.minLat + random() * (asker.maxLat - asker.minLat),
];

export function zoningSet(count: number, seed: number): SuitabilityZoning[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, k) => ({
    id: `z${k}`,
    code: codePool[Math.floor(random() * codePool.length)]!,
    codeList: random() < 0.7 ? "kp" : "rp",
    geometry: blob(random, randomPoint(random), 20 + random() * 130),
  }));
}

