import type { LonLat } from "../geo/geometry";

/**
 * Mean earth radius in metres, the value Turf uses (`@turf/helpers` earthRadius, IUGG mean radius
 * R1 = 6,371,008.8 m), so road lengths here and Turf's straight-line distances agree to the metre.
 */
export const earthRadiusM = 6_371_008.8;

const radiansPerDegree = Math.PI / 180;

/** Metres per degree of latitude on the sphere of `earthRadiusM` (≈ 111,195 m). */
export const metresPerDegree = earthRadiusM * radiansPerDegree;

/**
 * Great-circle distance in metres by the haversine formula: the formula `@turf/distance` uses,
 * written out here because the graph builder calls it for every segment of a 50,000-edge network
 * and Turf's point wrapping costs more than the arithmetic.
 */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * radiansPerDegree;
  const dLon = (lon2 - lon1) * radiansPerDegree;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * radiansPerDegree) * Math.cos(lat2 * radiansPerDegree) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusM * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

/** `haversineM` between two WGS84 positions (a projected `ProjectedXY` does not type-check here). */
export const distanceM = (a: LonLat, b: LonLat): number => haversineM(a[0], a[1], b[0], b[1]);

/** Metres per degree of longitude at `latDeg` (an equirectangular frame; good to < 0.1 % within a few km). */
export const metresPerDegreeLon = (latDeg: number): number => metresPerDegree * Math.cos(latDeg * radiansPerDegree);
