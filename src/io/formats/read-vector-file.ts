// One entry for reading plan, site, project and road data in any vector format: the layers of the
// file in its CRS, then each layer as the GeoJSON FeatureCollection (with its `crs` member) that
// the existing importers take, so every format goes through the same CRS checks and messages.
import { supportedCrsText } from "../crs";
import { parseJsonText, type InputFeature, type ReadOutcome } from "../geojson-input";
import { detectFileFormat, type FileFormat } from "./detect-format";
import type { SqlJsOptions } from "./geopackage";
import { problemIn, vectorFormatNames, vectorFormats, type VectorFile, type VectorFormat, type VectorLayer, type VectorRead } from "./vector-data";
import type { ZipLimits } from "./zip-archive";

export interface VectorFileOptions extends SqlJsOptions {
  /** The format; default from the content, else the file name. */
  format?: VectorFormat;
  /** The file's name, for format detection and messages. */
  fileName?: string;
  /** A label for messages (default the file name). */
  source?: string;
  /** Read only this layer (GeoPackage table, Shapefile name in the zip, KML folder), case-insensitive. */
  layer?: string;
  /** How the caller passes `layer`, for messages: "--layer" (CLI) or "layer=" (HTTP). */
  layerFlag?: string;
  /** Limits on zipped content (Shapefile, KMZ). */
  limits?: ZipLimits;
  /** Full names of properties a Shapefile may carry cut to 10 bytes, besides those Massekart knows. */
  fieldNames?: readonly string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A GeoJSON text as one layer (its features unchecked beyond their outline: the importers check them). */
function readGeoJsonLayer(bytes: Uint8Array, source: string | undefined, layerName: string): VectorRead {
  const text = new TextDecoder("utf-8").decode(bytes);
  const json = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, source ?? "GeoJSON");
  if (!json.ok) return json;
  const value = json.value;
  if (!isObject(value) || (value.type !== "FeatureCollection" && value.type !== "Feature")) {
    return problemIn(source, "not a GeoJSON FeatureCollection or Feature.");
  }
  const features = (value.type === "Feature" ? [value] : Array.isArray(value.features) ? value.features : []) as InputFeature[];
  const crsName = isObject(value.crs) && isObject(value.crs.properties) && typeof value.crs.properties.name === "string" ? value.crs.properties.name : undefined;
  const name = typeof value.name === "string" && value.name.trim() ? value.name.trim() : layerName;
  return { ok: true, value: { format: "geojson", layers: [{ name, features, crs: crsName }], warnings: [] }, warnings: [] };
}

const baseName = (fileName: string | undefined) => (fileName ? fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "") : "layer");

/**
 * The layers of a GeoJSON, GeoPackage, zipped Shapefile, KML/KMZ or FlatGeobuf file, in the file's
 * CRS, or the one problem that stops the read (named format it is not, damaged file, no layers,
 * no such layer, zip bomb …). SOSI and GML have their own readers (src/io/zoning).
 */
export async function readVectorFile(bytes: Uint8Array, options: VectorFileOptions = {}): Promise<VectorRead> {
  const source = options.source ?? options.fileName;
  const detected: FileFormat | undefined = detectFileFormat(bytes, { format: options.format, fileName: options.fileName });
  if (bytes.length === 0) return problemIn(source, "the file is empty.");
  // Each reader loads when its format comes (sql.js, flatgeobuf, togeojson … are not small).
  let read: VectorRead;
  switch (detected) {
    case "geopackage": {
      const { readGeoPackage } = await import("./geopackage");
      read = await readGeoPackage(bytes, { ...(source ? { source } : {}), ...(options.wasmUrl ? { wasmUrl: options.wasmUrl } : {}) });
      break;
    }
    case "shapefile": {
      const { readShapefileZip } = await import("./shapefile");
      read = readShapefileZip(bytes, { ...(source ? { source } : {}), ...(options.limits ? { limits: options.limits } : {}), ...(options.fieldNames ? { fieldNames: options.fieldNames } : {}) });
      break;
    }
    case "kml": {
      const { readKml } = await import("./kml");
      read = readKml(bytes, { ...(source ? { source } : {}), ...(options.limits ? { limits: options.limits } : {}) });
      break;
    }
    case "flatgeobuf": {
      const { readFlatGeobuf } = await import("./flatgeobuf");
      read = await readFlatGeobuf(bytes, { ...(source ? { source } : {}), layerName: baseName(options.fileName) });
      break;
    }
    case "geojson":
      read = readGeoJsonLayer(bytes, source, baseName(options.fileName));
      break;
    case "sosi":
    case "gml":
      return problemIn(source, `a ${detected === "sosi" ? "SOSI" : "GML"} file: read it as zoning plan data (SOSI and GML hold plans, not ${vectorFormats.map((f) => vectorFormatNames[f]).join(", ")}).`);
    default:
      return problemIn(
        source,
        `cannot tell the file's format from its content or name; give it as one of ${vectorFormats.join(", ")} (${vectorFormats.map((f) => vectorFormatNames[f]).join(", ")}).`,
      );
  }
  if (!read.ok || options.layer === undefined) return read;
  return chooseLayer(read.value, options.layer, source, options.layerFlag);
}

/** A layer's name and size, as a layer chooser lists it. */
export interface LayerInfo {
  name: string;
  featureCount: number;
}

export const layerInfos = (file: VectorFile): LayerInfo[] => file.layers.map((layer) => ({ name: layer.name, featureCount: layer.features.length }));

/** The file with only the layer named (case-insensitive), or a problem listing the layers it has. */
export function chooseLayer(file: VectorFile, layer: string, source: string | undefined, layerFlag = "--layer"): VectorRead {
  const wanted = layer.trim().toLowerCase();
  const chosen = file.layers.filter((candidate) => candidate.name.toLowerCase() === wanted);
  if (chosen.length === 0) {
    return problemIn(source, `no layer is named "${layer}" (${layerFlag}); the file's layers are ${file.layers.map((candidate) => `"${candidate.name}"`).join(", ")}.`);
  }
  return { ok: true, value: { ...file, layers: chosen }, warnings: [] };
}

/** The one layer of a file for importers that take one (a site, a road network), or a problem asking to choose. */
export function singleLayer(file: VectorFile, source: string | undefined, layerFlag = "--layer"): ReadOutcome<VectorLayer> {
  const withFeatures = file.layers.filter((layer) => layer.features.length > 0);
  if (file.layers.length === 1) return { ok: true, value: file.layers[0]!, warnings: file.warnings };
  if (withFeatures.length === 1) return { ok: true, value: withFeatures[0]!, warnings: file.warnings };
  return problemIn(
    source,
    `the file has ${file.layers.length} layers (${file.layers.map((layer) => `"${layer.name}" with ${layer.features.length} features`).join(", ")}); choose one with ${layerFlag}.`,
  );
}

/** A GeoJSON FeatureCollection as the importers take it, with the old `crs` member naming the layer's CRS. */
export interface LayerGeoJson {
  type: "FeatureCollection";
  name: string;
  crs?: { type: "name"; properties: { name: string } };
  features: InputFeature[];
}

/**
 * A layer as GeoJSON for the importers (featuresInWgs84 and the zoning, site and road readers).
 * A CRS the file declares but Massekart does not know is a problem, unless the caller gives `crs`.
 */
export function layerGeoJson(layer: VectorLayer, { source, crs, crsFlag = "--crs" }: { source?: string | undefined; crs?: string | undefined; crsFlag?: string } = {}): ReadOutcome<LayerGeoJson> {
  if (layer.unknownCrs && !crs) {
    return problemIn(
      source,
      `layer "${layer.name}": the file declares the coordinate system "${layer.unknownCrs}", which Massekart does not support; use one of ${supportedCrsText}, or pass ${crsFlag} with the EPSG code if it is one of them under another name.`,
    );
  }
  const crsName = crs ?? layer.crs;
  return {
    ok: true,
    value: { type: "FeatureCollection", name: layer.name, ...(crsName ? { crs: { type: "name", properties: { name: crsName } } } : {}), features: layer.features },
    warnings: [],
  };
}

/**
 * One layer of a file in any vector format as GeoJSON for an importer that takes one
 * FeatureCollection (a site, road lines, haul points): the layer named, or the file's only layer.
 */
export async function readVectorFileAsGeoJson(
  bytes: Uint8Array,
  options: VectorFileOptions & { crs?: string; crsFlag?: string } = {},
): Promise<ReadOutcome<LayerGeoJson>> {
  const source = options.source ?? options.fileName;
  const read = await readVectorFile(bytes, options);
  if (!read.ok) return read;
  const layer = singleLayer(read.value, source, options.layerFlag);
  if (!layer.ok) return layer;
  const geojson = layerGeoJson(layer.value, { source, crs: options.crs, ...(options.crsFlag ? { crsFlag: options.crsFlag } : {}) });
  if (!geojson.ok) return geojson;
  return { ok: true, value: geojson.value, warnings: read.value.warnings };
}
