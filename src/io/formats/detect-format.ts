// Which format a file is in, from its content first (magic bytes do not lie the way file names
// do), then its name. Light on purpose: it imports no reader, so telling a format loads none.
import { looksLikeZip, zipEntryNames } from "./zip-archive";
import type { VectorFormat } from "./vector-data";

/** True when the bytes start with the SQLite header ("SQLite format 3\0"), as a GeoPackage does. */
export function looksLikeSqlite(bytes: Uint8Array): boolean {
  const magic = "SQLite format 3\u0000";
  if (bytes.length < 100) return false;
  for (let k = 0; k < magic.length; k++) if (bytes[k] !== magic.charCodeAt(k)) return false;
  return true;
}

/** True when the bytes start with FlatGeobuf's magic ("fgb", version 3). */
export const looksLikeFlatGeobuf = (bytes: Uint8Array) => bytes.length >= 8 && bytes[0] === 0x66 && bytes[1] === 0x67 && bytes[2] === 0x62 && bytes[3] === 3;

/** True when the text (after a BOM, XML declaration and comments) opens a `<kml>` element. */
export function looksLikeKml(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 1024));
  return /^(\uFEFF)?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<(\w+:)?kml[\s>]/.test(head);
}

/** Every format Massekart reads plan or site data from. */
export type FileFormat = VectorFormat | "sosi" | "gml";

/** The format a file name implies, by its extension. */
export function formatOfFileName(fileName: string): FileFormat | undefined {
  const extension = /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase();
  switch (extension) {
    case "sos":
    case "sosi":
      return "sosi";
    case "gml":
    case "xml":
      return "gml";
    case "geojson":
    case "json":
      return "geojson";
    case "gpkg":
      return "geopackage";
    case "zip":
    case "shz":
    case "shp":
      return "shapefile";
    case "kml":
    case "kmz":
      return "kml";
    case "fgb":
      return "flatgeobuf";
    default:
      return undefined;
  }
}

/**
 * The format the bytes are in: SQLite header → GeoPackage; "fgb" magic → FlatGeobuf; a zip with a
 * .shp → Shapefile, with a .kml → KMZ; text opening `<kml` → KML, `.HODE` → SOSI, another `<` →
 * GML, `{` → GeoJSON. Undefined when none fits.
 */
export function sniffFileFormat(bytes: Uint8Array): FileFormat | undefined {
  if (looksLikeSqlite(bytes)) return "geopackage";
  if (looksLikeFlatGeobuf(bytes)) return "flatgeobuf";
  if (looksLikeZip(bytes)) {
    const names = (zipEntryNames(bytes) ?? []).map((name) => name.toLowerCase());
    if (names.some((name) => name.endsWith(".shp"))) return "shapefile";
    if (names.some((name) => name.endsWith(".kml"))) return "kml";
    // A zip without either: the Shapefile reader says what is missing.
    return "shapefile";
  }
  if (looksLikeKml(bytes)) return "kml";
  return sniffTextFormat(bytes);
}

/** The text format the first characters imply: ".HODE" → SOSI, "<" → GML, "{" → GeoJSON (after a BOM, blanks and SOSI comments). */
export function sniffTextFormat(bytes: Uint8Array): "sosi" | "gml" | "geojson" | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = new TextDecoder("latin1").decode(bytes.subarray(start, start + 256)).replace(/^(\s|!.*\n)+/, "");
  if (/^\.HODE\b/i.test(head)) return "sosi";
  if (head.startsWith("<")) return "gml";
  if (head.startsWith("{")) return "geojson";
  return undefined;
}

/**
 * The format of a file: `format` when given; else a binary format or KML its content shows; else
 * what its name implies; else what its text looks like.
 */
export function detectFileFormat(bytes: Uint8Array, { format, fileName }: { format?: FileFormat | undefined; fileName?: string | undefined } = {}): FileFormat | undefined {
  if (format) return format;
  const sniffed = sniffFileFormat(bytes);
  if (sniffed && sniffed !== "sosi" && sniffed !== "gml" && sniffed !== "geojson") return sniffed;
  return (fileName ? formatOfFileName(fileName) : undefined) ?? sniffed;
}
