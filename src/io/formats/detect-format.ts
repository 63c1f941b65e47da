// Which format a file is in, from its content first (magic bytes do not lie the way file names
// do), then its name.
import { looksLikeFlatGeobuf } from "./flatgeobuf";
import { looksLikeSqlite } from "./geopackage";
import { looksLikeKml } from "./kml";
import { looksLikeZip, zipEntryNames } from "./zip-archive";
import type { VectorFormat } from "./vector-data";

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
