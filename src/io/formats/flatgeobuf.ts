// FlatGeobuf with the `flatgeobuf` package (its author's reference implementation).
//
// Writing uses the package's own header and feature builders with columns typed over all features:
// its `serialize` takes the columns and their types from the first feature alone (a null there
// makes a number column text; a property the first feature lacks is not written at all) and fails
// on a feature without geometry.
import { deserialize } from "flatgeobuf/lib/mjs/geojson.js";
import { magicbytes } from "flatgeobuf/lib/mjs/constants.js";
import { buildFeature } from "flatgeobuf/lib/mjs/generic/feature.js";
import { buildHeader } from "flatgeobuf/lib/mjs/generic/featurecollection.js";
import { inferGeometryType } from "flatgeobuf/lib/mjs/generic/header.js";
import { parseGC, parseGeometry } from "flatgeobuf/lib/mjs/geojson/geometry.js";
import { ColumnType } from "flatgeobuf/lib/mjs/flat-geobuf/column-type.js";
import type { HeaderMeta } from "flatgeobuf/lib/mjs/header-meta.js";
import type { ColumnMeta } from "flatgeobuf/lib/mjs/column-meta.js";
import type { Feature as GeoJsonFeature, Geometry, GeometryCollection } from "geojson";
import type { InputFeature } from "../geojson-input";
import { attributeColumns, columnValue, type ColumnType as AttributeType } from "./attribute-table";
import type { ExportEpsg } from "./crs-wkt";
import { looksLikeFlatGeobuf } from "./detect-format";
import { messageOf, problemIn, type OutputLayer, type VectorRead, type VectorReadOptions } from "./vector-data";

/** Bytes per node of a FlatGeobuf spatial index (four doubles and an offset). */
const nodeItemBytes = 40;

/** The one layer of a FlatGeobuf file, with the CRS from its header (EPSG code). */
export async function readFlatGeobuf(bytes: Uint8Array, options: VectorReadOptions & { layerName?: string } = {}): Promise<VectorRead> {
  const { source } = options;
  if (!looksLikeFlatGeobuf(bytes)) return problemIn(source, 'not a FlatGeobuf file: it does not start with "fgb".');
  let header: HeaderMeta | undefined;
  const features: InputFeature[] = [];
  try {
    let index = 0;
    // The header is checked before the library sizes the spatial index: flatgeobuf's calcTreeSize
    // loops for ever on a feature count of 0 or NaN with an index (a damaged header; found by
    // fuzzing, issue 12), and an index larger than the file cannot be.
    const checkHeader = (meta: HeaderMeta) => {
      header = meta;
      if (meta.indexNodeSize > 0 && !(Number.isSafeInteger(meta.featuresCount) && meta.featuresCount >= 1 && meta.featuresCount * nodeItemBytes <= bytes.length)) {
        throw new Error(`the header counts ${String(meta.featuresCount)} features with a spatial index, which a file of ${bytes.length} bytes cannot hold`);
      }
    };
    for await (const feature of deserialize(bytes, { headerMetaFn: checkHeader })) {
      features.push({ type: "Feature", id: index++, properties: { ...(feature.properties ?? {}) }, geometry: (feature.geometry as InputFeature["geometry"]) ?? null });
    }
  } catch (error) {
    return problemIn(source, `the FlatGeobuf file is damaged and cannot be read (${messageOf(error)}).`);
  }
  const crsMeta = header?.crs;
  const organization = crsMeta?.org ?? "EPSG";
  const known = crsMeta && crsMeta.code > 0 && organization.toUpperCase() === "EPSG";
  const unknownCrs = crsMeta && !known ? (crsMeta.name ?? crsMeta.wkt?.slice(0, 80) ?? `${organization}:${crsMeta.code}`) : undefined;
  const name = options.layerName ?? header?.title ?? "flatgeobuf";
  return {
    ok: true,
    value: { format: "flatgeobuf", layers: [{ name, features, crs: known ? `EPSG:${crsMeta.code}` : undefined, ...(unknownCrs ? { unknownCrs } : {}) }], warnings: [] },
    warnings: [],
  };
}

const columnTypes: Record<AttributeType, ColumnType> = { integer: ColumnType.Long, real: ColumnType.Double, boolean: ColumnType.Bool, text: ColumnType.String };

/**
 * One layer as a FlatGeobuf file (without spatial index), in `epsg` (coordinates as given).
 * Features without geometry are left out and counted in the warnings: a FlatGeobuf feature needs one.
 */
export function writeFlatGeobuf(layer: OutputLayer, { epsg = 25832 }: { epsg?: ExportEpsg } = {}): { bytes: Uint8Array; warnings: string[] } {
  const withGeometry = layer.features.filter((feature) => feature.geometry !== null);
  const warnings = withGeometry.length < layer.features.length ? [`${layer.name}: ${layer.features.length - withGeometry.length} features without geometry were left out.`] : [];
  const attributes = attributeColumns(withGeometry.map((feature) => feature.properties));
  const columns: ColumnMeta[] = attributes.map((column) => ({
    name: column.name,
    type: columnTypes[column.type],
    title: null,
    description: null,
    width: -1,
    precision: -1,
    scale: -1,
    nullable: true,
    unique: false,
    primary_key: false,
  }));
  const geojsonFeatures = withGeometry as unknown as GeoJsonFeature[];
  const header: HeaderMeta = {
    geometryType: withGeometry.length > 0 ? inferGeometryType(geojsonFeatures) : 0,
    columns,
    envelope: null,
    featuresCount: withGeometry.length,
    indexNodeSize: 0,
    crs: null,
    title: layer.name,
    description: null,
    metadata: null,
  };
  const parts = [buildHeader(header, epsg)];
  for (const feature of withGeometry) {
    const geometry = feature.geometry as unknown as Geometry;
    const properties = Object.fromEntries(attributes.map((column) => [column.name, columnValue(feature.properties?.[column.name], column.type)]));
    parts.push(buildFeature(geometry.type === "GeometryCollection" ? parseGC(geometry as GeometryCollection) : parseGeometry(geometry), properties, header));
  }
  const length = magicbytes.length + parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = new Uint8Array(length);
  bytes.set(magicbytes);
  let offset = magicbytes.length;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { bytes, warnings };
}
