import proj4 from "proj4";
import { etrs89Proj4 as etrs89, utmProj4 as utm, wgs84, wgs84Proj4, type Wgs84 } from "../core/geo/projections";

/** NTM zone n (EPSG:51nn): transverse Mercator on lon n.5°, lat 58°, false easting 100 km, northing 1000 km. */
const ntm = (zone: number) => `+proj=tmerc +lat_0=58 +lon_0=${zone}.5 +k=1 +x_0=100000 +y_0=1000000 ${etrs89}`;

/**
 * Coordinate reference systems Massekart reads (DESIGN §5, "coordinate systems accepted"), as
 * proj4 definitions from the EPSG register (epsg.io); the UTM ones are shared with core
 * (`core/geo/projections.ts`), which measures areas in them. ETRS89 and WGS84 differ by well
 * under a metre in Norway for this purpose, so ETRS89-based systems convert with a zero datum shift.
 */
const definitions = new Map<number, string>([
  [4326, wgs84Proj4],
  [4258, "+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs"],
  [25832, utm(32)],
  [25833, utm(33)],
  [25835, utm(35)],
  // ETRS89 / UTM + NN2000 height (NVDB's 5973): the same plane coordinates as 2583x.
  [5972, utm(32)],
  [5973, utm(33)],
  [5975, utm(35)],
  [3857, "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs"],
  ...Array.from({ length: 26 }, (_, k): [number, string] => [5105 + k, ntm(5 + k)]),
]);

/** "EPSG:25832" for every supported code, for messages. */
export const supportedCrsText = "EPSG:4326, 4258, 25832, 25833, 25835, 5972, 5973, 5975, 3857 and NTM 5105–5130";

/**
 * The EPSG code of a CRS name as GeoJSON files and users write it: "EPSG:25832", "25832",
 * "urn:ogc:def:crs:EPSG::25832", "http://www.opengis.net/def/crs/EPSG/0/25832", or CRS84.
 */
export function epsgCodeOf(name: string): number | undefined {
  const text = name.trim();
  if (/CRS:?84$/i.test(text)) return 4326;
  if (/^\d{4,5}$/.test(text)) return Number(text);
  // The code is the last number of an EPSG name, whatever comes between ("EPSG::", "EPSG/0/").
  const match = /EPSG.*?(\d{4,5})$/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

export type Wgs84Converter = (x: number, y: number) => Wgs84;

/** A converter from the named CRS to WGS84 lon/lat degrees, or the problem with the name. */
export function converterFor(name: string): { ok: true; code: number; convert: Wgs84Converter } | { ok: false; problem: string } {
  const code = epsgCodeOf(name);
  const definition = code === undefined ? undefined : definitions.get(code);
  if (code === undefined || !definition) {
    return { ok: false, problem: `the CRS "${name}" is not supported; use one of ${supportedCrsText}, or convert the file to EPSG:4326.` };
  }
  if (code === 4326 || code === 4258) return { ok: true, code, convert: wgs84 };
  const projection = proj4(definition, wgs84Proj4);
  return {
    ok: true,
    code,
    convert: (x, y) => {
      const [lon, lat] = projection.forward<[number, number]>([x, y]);
      return wgs84(lon, lat);
    },
  };
}

/** A converter from WGS84 lon/lat degrees to the named CRS (the exports' EPSG:25832), or the problem with the name. */
export function converterFromWgs84(name: string): { ok: true; code: number; convert: (lon: number, lat: number) => [x: number, y: number] } | { ok: false; problem: string } {
  const code = epsgCodeOf(name);
  const definition = code === undefined ? undefined : definitions.get(code);
  if (code === undefined || !definition) return { ok: false, problem: `the CRS "${name}" is not supported; use one of ${supportedCrsText}.` };
  if (code === 4326 || code === 4258) return { ok: true, code, convert: (lon, lat) => [lon, lat] };
  const projection = proj4(wgs84Proj4, definition);
  return { ok: true, code, convert: (lon, lat) => projection.forward([lon, lat]) as [number, number] };
}

/**
 * When coordinates are not degrees, the likely CRS and a sentence that says how to declare it.
 * Plane coordinates cannot tell UTM zones apart; 25832 is named first as Asker's own system.
 */
export function guessProjectedCrs(minX: number, minY: number, maxX: number, maxY: number, crsFlag = "--crs"): string {
  const x = (minX + maxX) / 2;
  const y = (minY + maxY) / 2;
  if (y >= 6_300_000 && y <= 7_950_000 && x >= -200_000 && x <= 1_300_000) {
    return `coordinates look like EPSG:25832 metres (UTM zone 32N, Asker's system; 25833 and 25835 look alike); pass ${crsFlag} EPSG:25832, or the EPSG code of your data's zone.`;
  }
  if (y > 7_950_000 && y <= 20_100_000 && Math.abs(x) <= 20_100_000) {
    return `coordinates look like EPSG:3857 (web Mercator) metres; pass ${crsFlag} EPSG:3857.`;
  }
  if (y >= 900_000 && y <= 2_600_000 && x >= -100_000 && x <= 300_000) {
    return `coordinates look like NTM metres (EPSG:5105–5130); pass ${crsFlag} EPSG:51nn with your data's NTM zone.`;
  }
  return `coordinates are not longitude/latitude degrees; pass ${crsFlag} with the file's EPSG code (${supportedCrsText}).`;
}
