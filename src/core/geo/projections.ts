/**
 * proj4 definitions of the Norwegian plane systems, shared by the file readers (src/io/crs.ts) and
 * the planar area in core, so both project the same way. From the EPSG register (epsg.io). ETRS89
 * and WGS84 differ by well under a metre in Norway for this purpose, so ETRS89-based systems
 * convert with a zero datum shift.
 */
import proj4 from "proj4";

export const etrs89Proj4 = "+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";

/** EPSG:258zz: ETRS89 / UTM zone `zone` N. */
export const utmProj4 = (zone: number) => `+proj=utm +zone=${zone} ${etrs89Proj4}`;

export const wgs84Proj4 = "+proj=longlat +datum=WGS84 +no_defs";

/**
 * A WGS84 position (EPSG:4326), [longitude, latitude] in degrees, made by `wgs84(lon, lat)`, a
 * checked `assertWgs84` or a projection back from a plane: never a bare pair that might be
 * [lat, lon] or metres. It is still a `LonLat`, so it goes wherever a GeoJSON position goes.
 * `__crs` is a brand for the type checker only: at run time the position is a plain array.
 */
export type Wgs84 = [lon: number, lat: number] & { readonly __crs: "EPSG:4326" };

/** The plane systems `projectToUtm` projects to: ETRS89 / UTM zones 32, 33 and 35 N. */
export type UtmCrs = "EPSG:25832" | "EPSG:25833" | "EPSG:25835";

/**
 * A position in a UTM plane, [east, north] in metres, branded like `Wgs84`. Read-only, so it is
 * not a `LonLat` either: a projected pair cannot be passed where WGS84 degrees are expected, nor
 * one zone's where another's is.
 */
export type ProjectedXY<Crs extends UtmCrs = UtmCrs> = readonly [x: number, y: number] & { readonly __crs: Crs };

/** A WGS84 position from its longitude and latitude, in that order, degrees (unchecked: see `assertWgs84`). */
export const wgs84 = (lon: number, lat: number) => [lon, lat] as Wgs84;

/** Asserts that a position is WGS84 degrees: two finite numbers, longitude within ±180°, latitude within ±90°. */
export function assertWgs84(position: readonly number[]): asserts position is Wgs84 {
  const [lon = NaN, lat = NaN] = position;
  if (position.length !== 2 || !(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
    throw new RangeError(`not a WGS84 [longitude, latitude] in degrees: [${position.join(", ")}]`);
  }
}

/** A position in `crs` from its east and north, metres. */
export const projectedXY = <Crs extends UtmCrs>(_crs: Crs, x: number, y: number) => [x, y] as const as ProjectedXY<Crs>;

const utmProjections = new Map<UtmCrs, proj4.Converter>();

function utmProjection(crs: UtmCrs): proj4.Converter {
  let projection = utmProjections.get(crs);
  if (!projection) {
    projection = proj4(wgs84Proj4, utmProj4(Number(crs.slice(-2))));
    utmProjections.set(crs, projection);
  }
  return projection;
}

/** A WGS84 position in a UTM plane (ETRS89 with a zero datum shift, as above). */
export function projectToUtm<Crs extends UtmCrs>(position: Wgs84, crs: Crs): ProjectedXY<Crs> {
  const [x, y] = utmProjection(crs).forward<[number, number]>([position[0], position[1]]);
  return projectedXY(crs, x, y);
}

/** A position of a UTM plane back in WGS84; `crs` is the plane's, which the type checks against the position's. */
export function unprojectFromUtm<Crs extends UtmCrs>(position: ProjectedXY<Crs>, crs: NoInfer<Crs>): Wgs84 {
  const [lon, lat] = utmProjection(crs).inverse<[number, number]>([position[0], position[1]]);
  return wgs84(lon, lat);
}
