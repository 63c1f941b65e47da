import { parseGeoJsonZoningText } from "./geojson-zoning";
import { parseGmlZoning } from "./gml-zoning";
import { parseSosiZoning } from "./sosi-zoning";
import { detectFileFormat, formatOfFileName, sniffTextFormat } from "../formats/detect-format";
import type { SqlJsOptions } from "../formats/geopackage";
import type { LayerInfo } from "../formats/read-vector-file";
import type { ZipLimits } from "../formats/zip-archive";
import type { ZoningImport, ZoningImportOptions } from "./zoning-import";

export const zoningFormats = ["sosi", "gml", "geojson"] as const;
export type ZoningFormat = (typeof zoningFormats)[number];

const isZoningFormat = (format: string | undefined): format is ZoningFormat => (zoningFormats as readonly (string | undefined)[]).includes(format);

/** The format a file name implies: .sos → sosi, .gml/.xml → gml, .geojson/.json → geojson. */
export function zoningFormatOfName(fileName: string): ZoningFormat | undefined {
  const format = formatOfFileName(fileName);
  return isZoningFormat(format) ? format : undefined;
}

/** The format the first characters imply: ".HODE" → sosi, "<" → gml, "{" → geojson. */
export const sniffZoningFormat = sniffTextFormat;

/**
 * Zoning areas from a file's bytes in any of the three text formats, synchronously (behind
 * `POST /api/zoning/import`; `importZoningFile` also reads the binary formats). The format is `format`, else
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

/** Every format zoning is read from: the three above, and GeoPackage, zipped Shapefile, KML/KMZ and FlatGeobuf. */
export const zoningFileFormats = ["sosi", "gml", "geojson", "geopackage", "shapefile", "kml", "flatgeobuf"] as const;
export type ZoningFileFormat = (typeof zoningFileFormats)[number];

export interface ZoningFileOptions extends ZoningImportOptions, SqlJsOptions {
  format?: ZoningFileFormat;
  fileName?: string;
  /** Read only this layer of a GeoPackage, zipped Shapefile or KML (default: every layer that holds land-use areas). */
  layer?: string;
  /** How the caller passes `layer`, for messages: "--layer" (CLI) or "layer=" (HTTP). */
  layerFlag?: string;
  /** Limits on zipped content (Shapefile, KMZ); default 256 MiB unpacked. */
  limits?: ZipLimits;
}

/**
 * Zoning areas from a file in any of the seven formats: SOSI, GML and GeoJSON as `parseZoningFile`
 * reads them, and GeoPackage, zipped Shapefile, KML/KMZ and FlatGeobuf through the GeoJSON reader,
 * layer by layer (see `zoningOfLayers`). The format is `format`, else what the content shows
 * (SQLite, zip, "fgb", `<kml`), else the file name, else the text. The one function behind
 * `massekart suitability --zoning` (and, from phase 2, `POST /api/zoning/import`).
 *
 * @example await importZoningFile(bytes, { fileName: "plan.gpkg", layer: "RpArealformålOmråde" })
 */
export async function importZoningFile(bytes: Uint8Array, options: ZoningFileOptions = {}): Promise<ZoningFileImport> {
  const source = options.source ?? options.fileName;
  const format = detectFileFormat(bytes, { format: options.format, fileName: options.fileName });
  if (format === "sosi" || format === "gml" || (format === "geojson" && options.layer === undefined)) {
    return parseZoningFile(bytes, { ...options, format, ...(source ? { source } : {}) });
  }
  if (format === undefined) {
    return {
      ok: false,
      problem: `${source ? `${source}: ` : ""}cannot tell the format from the file's content or name: give it as one of ${zoningFileFormats.join(", ")}.`,
    };
  }
  // The binary formats' readers (sql.js, flatgeobuf, togeojson …) load only when such a file comes.
  const [{ readVectorFile, chooseLayer, layerInfos }, { zoningOfLayers }] = await Promise.all([import("../formats/read-vector-file"), import("../formats/zoning-layers")]);
  const read = await readVectorFile(bytes, {
    format,
    ...(options.fileName ? { fileName: options.fileName } : {}),
    ...(source ? { source } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.wasmUrl ? { wasmUrl: options.wasmUrl } : {}),
  });
  if (!read.ok) return read;
  // Every layer of the file goes with the answer, so a caller can offer a choice of layer.
  const layers = layerInfos(read.value);
  const chosen = options.layer === undefined ? read : chooseLayer(read.value, options.layer, source, options.layerFlag);
  if (!chosen.ok) return { ...chosen, layers };
  return { ...zoningOfLayers(chosen.value, { ...options, ...(source ? { source } : {}) }), layers };
}

/** A zoning import with, for the layered formats, the file's layers (name and feature count). */
export type ZoningFileImport = ZoningImport & { layers?: LayerInfo[] };
