import { parseGeoJsonZoningText } from "./geojson-zoning";
import { parseGmlZoning } from "./gml-zoning";
import { parseSosiZoning } from "./sosi-zoning";
import type { ZoningImport, ZoningImportOptions } from "./zoning-import";

export const zoningFormats = ["sosi", "gml", "geojson"] as const;
export type ZoningFormat = (typeof zoningFormats)[number];

/** The format a file name implies: .sos → sosi, .gml/.xml → gml, .geojson/.json → geojson. */
export function zoningFormatOfName(fileName: string): ZoningFormat | undefined {
  const extension = /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === "sos" || extension === "sosi") return "sosi";
  if (extension === "gml" || extension === "xml") return "gml";
  if (extension === "geojson" || extension === "json") return "geojson";
  return undefined;
}

/** The format the first characters imply: ".HODE" → sosi, "<" → gml, "{" → geojson. */
export function sniffZoningFormat(bytes: Uint8Array): ZoningFormat | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = new TextDecoder("latin1").decode(bytes.subarray(start, start + 256)).replace(/^(\s|!.*\n)+/, "");
  if (/^\.HODE\b/i.test(head)) return "sosi";
  if (head.startsWith("<")) return "gml";
  if (head.startsWith("{")) return "geojson";
  return undefined;
}

/**
 * Zoning areas from a file's bytes in any of the three formats: the one function behind
 * `POST /api/zoning/import` and `massekart suitability --zoning`. The format is `format`, else
 * the one `fileName` implies, else what the content looks like. GML and GeoJSON are read as UTF-8
 * (SOSI decodes its own `..TEGNSETT`).
 *
 * @example parseZoningFile(body, { format: "sosi", crsFlag: "crs=" }) // { ok, areas, skipped, planIds, sourceCrs, … }
 */
export function parseZoningFile(
  bytes: Uint8Array,
  options: ZoningImportOptions & { format?: ZoningFormat; fileName?: string } = {},
): ZoningImport {
  const format = options.format ?? (options.fileName ? zoningFormatOfName(options.fileName) : undefined) ?? sniffZoningFormat(bytes);
  const source = options.source ?? options.fileName;
  const withSource = { ...options, ...(source ? { source } : {}) };
  switch (format) {
    case "sosi":
      return parseSosiZoning(bytes, withSource);
    case "gml":
      return parseGmlZoning(new TextDecoder("utf-8").decode(bytes), withSource);
    case "geojson":
      return parseGeoJsonZoningText(new TextDecoder("utf-8").decode(bytes), withSource);
    default:
      return {
        ok: false,
        problem: `${source ? `${source}: ` : ""}cannot tell the format: give it as sosi, gml or geojson (the file starts neither with .HODE, "<" nor "{").`,
      };
  }
}
