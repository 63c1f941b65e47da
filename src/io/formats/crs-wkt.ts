// CRS descriptions in files as EPSG names: the WKT of a Shapefile's .prj (ESRI or OGC flavour,
// often without any EPSG code) and a GeoPackage's spatial reference rows. Only the systems
// src/io/crs.ts converts are recognised; anything else comes back as unknown with its own name, so
// the message can say what the file declares.
import { epsgCodeOf } from "../crs";

/** An EPSG name, or the file's own name of a CRS Massekart does not recognise. */
export type CrsIdentity = { crs: string } | { unknown: string };

/** Nested WKT nodes as a tree: `NAME["text", child, …]`. */
interface WktNode {
  keyword: string;
  values: (string | number | WktNode)[];
}

/** Parses WKT (version 1 or 2) into a tree; undefined when it is not WKT. */
function parseWkt(text: string): WktNode | undefined {
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const node = (): WktNode | undefined => {
    skipSpace();
    const keyword = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at))?.[0];
    if (!keyword) return undefined;
    at += keyword.length;
    skipSpace();
    const open = text[at];
    if (open !== "[" && open !== "(") return { keyword, values: [] };
    at++;
    const values: WktNode["values"] = [];
    for (;;) {
      skipSpace();
      const char = text[at];
      if (char === undefined) return undefined;
      if (char === "]" || char === ")") {
        at++;
        return { keyword, values };
      }
      if (char === ",") {
        at++;
        continue;
      }
      if (char === '"') {
        const end = text.indexOf('"', at + 1);
        if (end < 0) return undefined;
        values.push(text.slice(at + 1, end));
        at = end + 1;
        continue;
      }
      const number = /^[-+]?\d+(\.\d*)?([eE][-+]?\d+)?/.exec(text.slice(at))?.[0];
      if (number) {
        values.push(Number(number));
        at += number.length;
        continue;
      }
      const child = node();
      if (!child) return undefined;
      values.push(child);
    }
  };
  const root = node();
  return root && root.values.length > 0 ? root : undefined;
}

const childNodes = (node: WktNode) => node.values.filter((value): value is WktNode => typeof value === "object");

/** The EPSG code a WKT node carries itself (AUTHORITY["EPSG","25832"] or ID["EPSG",25832]), not its children's. */
function ownEpsgCode(node: WktNode): number | undefined {
  const authority = childNodes(node).find((child) => /^(AUTHORITY|ID)$/i.test(child.keyword) && String(child.values[0]).toUpperCase() === "EPSG");
  const code = authority ? Number(authority.values[1]) : NaN;
  return Number.isInteger(code) ? code : undefined;
}

const folded = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "_");

/**
 * The EPSG code a CRS name implies, for the systems Massekart converts: ETRS89/EUREF89 UTM zones
 * 32, 33, 35 and NTM zones, web Mercator, WGS84 and ETRS89 degrees. Names as ESRI and OGC write
 * them: "ETRS_1989_UTM_Zone_32N", "ETRS89 / UTM zone 32N", "EUREF89 UTM sone 32".
 */
function epsgCodeOfCrsName(name: string, geographic: boolean): number | undefined {
  const text = folded(name);
  const etrs = /etrs_?(19)?89|euref_?89/.test(text);
  if (!geographic) {
    const utm = /utm_(zone|sone)_?(\d{2})n?\b/.exec(text);
    if (utm && etrs && ["32", "33", "35"].includes(utm[2]!)) return 25800 + Number(utm[2]);
    const ntm = /ntm_(zone|sone)_?(\d{1,2})\b/.exec(text);
    if (ntm && etrs && Number(ntm[2]) >= 5 && Number(ntm[2]) <= 30) return 5100 + Number(ntm[2]);
    if (/web_mercator|pseudo_mercator|popular_visuali[sz]ation/.test(text)) return 3857;
    return undefined;
  }
  if (/wgs_?(19)?84/.test(text)) return 4326;
  if (etrs) return 4258;
  return undefined;
}

/**
 * The CRS a WKT text (a Shapefile's .prj, a GeoPackage definition) describes: its EPSG code when
 * it carries one, else the code its name implies; unknown (with its name) when neither is found.
 */
export function crsOfWkt(wkt: string): CrsIdentity {
  const root = parseWkt(wkt.trim());
  if (!root) return { unknown: wkt.trim().slice(0, 80) || "an empty .prj" };
  // A compound CRS (COMPD_CS, COMPOUNDCRS) is its horizontal part for Massekart, which works in the plane.
  const horizontal = /^COMPD_?CS$|^COMPOUNDCRS$/i.test(root.keyword)
    ? (childNodes(root).find((child) => /^(PROJCS|PROJCRS|PROJECTEDCRS|GEOGCS|GEOGCRS|GEOGRAPHICCRS|GEODCRS)$/i.test(child.keyword)) ?? root)
    : root;
  const name = typeof horizontal.values[0] === "string" ? horizontal.values[0] : horizontal.keyword;
  const code = ownEpsgCode(horizontal) ?? epsgCodeOfCrsName(name, /^GEO/i.test(horizontal.keyword));
  return code === undefined ? { unknown: name } : { crs: `EPSG:${code}` };
}

/** The CRS of a GeoPackage spatial reference row (gpkg_spatial_ref_sys). */
export function crsOfSpatialRef(row: { srsId: number; organization: string; organizationCode: number; name: string; definition: string }): CrsIdentity | undefined {
  // GeoPackage 1.3 §1.1.2.1.1: -1 is "undefined Cartesian", 0 "undefined geographic" (degrees).
  if (row.srsId === -1) return undefined;
  if (row.srsId === 0) return { crs: "EPSG:4326" };
  if (row.organization.trim().toUpperCase() === "EPSG") return { crs: `EPSG:${row.organizationCode}` };
  const fromWkt = row.definition && row.definition.trim() !== "undefined" ? crsOfWkt(row.definition) : undefined;
  if (fromWkt && "crs" in fromWkt) return fromWkt;
  const byName = epsgCodeOf(row.name);
  return byName ? { crs: `EPSG:${byName}` } : { unknown: `${row.name || row.organization} (${row.organization}:${row.organizationCode})` };
}

/**
 * The WKT written to a Shapefile's .prj and a GeoPackage's spatial reference table, in the ESRI
 * form GDAL writes to .prj files (QGIS, ArcGIS and GDAL read it), for the CRS Massekart exports.
 */
export const exportWkt = {
  25832:
    'PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
  4326: 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
} as const;

/** The OGC WKT of the same systems, with their EPSG codes, for GeoPackage definitions (GeoPackage 1.3 Annex F.1 asks for OGC WKT). */
export const exportOgcWkt = {
  25832:
    'PROJCS["ETRS89 / UTM zone 32N",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],TOWGS84[0,0,0,0,0,0,0],AUTHORITY["EPSG","6258"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4258"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",9],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","25832"]]',
  4326: 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
} as const;

export type ExportEpsg = keyof typeof exportWkt;
