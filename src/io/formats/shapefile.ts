// Zipped Shapefiles: read with shpjs (geometry) and its dBase parser, write by hand.
//
// Why the writer is hand-written: @mapbox/shp-write 0.4.3 (the maintained npm writer) was measured
// against ogr2ogr and loses data: a layer's Polygon and MultiPolygon features go to files of the
// same name and the second overwrites the first, all LineStrings of a layer become one record with
// the first feature's attributes, and text is written one byte per UTF-16 unit with no .cpg, so
// "Bjørkås" comes back broken. The format is small (a 100-byte header, records, an index and a
// dBase table), and this writer is checked against ogr2ogr in test/io/formats/.
import { parseDbf, parseShp } from "shpjs";
import type { InputFeature } from "../geojson-input";
import { attributeColumns, columnValue, type AttributeColumn } from "./attribute-table";
import { crsOfWkt, exportWkt, type ExportEpsg } from "./crs-wkt";
import { fullFieldName, shortFieldNames } from "./field-names";
import { safeFileName } from "./file-name";
import { emptyBounds, extendBounds, familyOf, linesOf, orientRing, pointsOf, polygonsOf, type Bounds, type GeometryFamily, type Position } from "./geometry-walk";
import { readZipArchive, writeZipArchive, zipEntryNames, type ZipLimits } from "./zip-archive";
import { messageOf, problemIn, type OutputLayer, type VectorLayer, type VectorRead, type VectorReadOptions } from "./vector-data";

// ---------------------------------------------------------------------------------------------
// Reading

export interface ShapefileReadOptions extends VectorReadOptions {
  limits?: ZipLimits;
  /** Full property names to restore from names cut to 10 bytes, besides the ones Massekart knows. */
  fieldNames?: readonly string[];
}

const extensionOf = (name: string) => /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
const baseOf = (name: string) => name.replace(/\.[^./]+$/, "");

/** The TextDecoder label a .cpg names: "UTF-8", "ISO-8859-1", "88591", "1252", "ANSI 1252", "CP865" … */
function encodingOfCpg(text: string): string | undefined {
  const label = text.trim().replace(/^ANSI\s+/i, "").toLowerCase();
  if (/^(utf-?8|65001)$/.test(label)) return "utf-8";
  if (/^(iso-?8859-?1|8859-?1|88591|latin-?1)$/.test(label)) return "iso-8859-1";
  if (/^(cp|windows-?)?125\d$/.test(label)) return `windows-${label.slice(-4)}`;
  if (/^(iso-?8859-?|8859-?|8859)(\d{1,2})$/.test(label)) return `iso-8859-${/(\d{1,2})$/.exec(label)![1]}`;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** The dBase field names with their length in bytes (the 10-byte limit shows which were cut). */
function dbfFieldNameLengths(dbf: Uint8Array): number[] {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const headerLength = view.getUint16(8, true);
  const lengths: number[] = [];
  for (let offset = 32; offset + 32 <= headerLength && dbf[offset] !== 0x0d; offset += 32) {
    let length = 0;
    while (length < 11 && dbf[offset + length] !== 0) length++;
    lengths.push(length);
  }
  return lengths;
}

/** Which rows of a dBase table are marked deleted ("*"): readers skip them. */
function deletedRows(dbf: Uint8Array): Set<number> {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const deleted = new Set<number>();
  for (let row = 0; row < count; row++) if (dbf[headerLength + row * recordLength] === 0x2a) deleted.add(row);
  return deleted;
}

/**
 * The encoding of a dBase table's text: the .cpg's, else UTF-8 when the text is valid UTF-8, else
 * Windows-1252 (a superset of ISO-8859-1, which Norwegian plan data without a .cpg usually is).
 */
function dbfEncoding(dbf: Uint8Array, cpg: Uint8Array | undefined, where: string, warnings: string[]): string {
  if (cpg) {
    const text = new TextDecoder("utf-8").decode(cpg);
    const encoding = encodingOfCpg(text);
    if (encoding) return encoding;
    warnings.push(`${where}: the .cpg names the encoding "${text.trim()}", which is not known; text is read as ISO-8859-1.`);
    return "windows-1252";
  }
  let ascii = true;
  for (const byte of dbf.subarray(32)) {
    if (byte >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return "utf-8";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(dbf.subarray(32));
    warnings.push(`${where}: no .cpg says the text encoding; it was read as UTF-8, which it is valid as.`);
    return "utf-8";
  } catch {
    warnings.push(`${where}: no .cpg says the text encoding, and the text is not UTF-8; it was read as ISO-8859-1 (Windows-1252), as older Norwegian plan data is written.`);
    return "windows-1252";
  }
}

/** A dBase value as a property: blanks are null, dates ISO text. */
function propertyValue(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  if (typeof value === "string") return value === "" ? null : value;
  return value ?? null;
}

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The layers of a zipped Shapefile, one per `.shp` in the archive (each with its `.dbf`, and its
 * `.prj` and `.cpg` when present), in the file's CRS. Refuses an archive without a `.shp`, a `.shp`
 * without its `.dbf`, damaged files, and archives that unpack too large.
 */
export function readShapefileZip(bytes: Uint8Array, options: ShapefileReadOptions = {}): VectorRead {
  const { source } = options;
  const archive = readZipArchive(bytes, source, {
    ...(options.limits ? { limits: options.limits } : {}),
    wanted: (name) => ["shp", "dbf", "prj", "cpg", "shx"].includes(extensionOf(name)),
  });
  if (!archive.ok) return archive;
  const entries = archive.value;
  const byExtension = (base: string, extension: string) => {
    for (const [name, content] of entries) if (baseOf(name).toLowerCase() === base.toLowerCase() && extensionOf(name) === extension) return content;
    return undefined;
  };
  const shpNames = [...entries.keys()].filter((name) => extensionOf(name) === "shp").sort();
  if (shpNames.length === 0) {
    const found = (zipEntryNames(bytes) ?? []).filter((name) => !name.startsWith("__MACOSX/"));
    return problemIn(
      source,
      `the zip archive holds no Shapefile (.shp)${found.length > 0 ? `; it has ${found.slice(0, 6).join(", ")}${found.length > 6 ? " …" : ""}` : ""}. Zip the .shp, .shx, .dbf and .prj of the layer together.`,
    );
  }

  const warnings: string[] = [];
  const layers: VectorLayer[] = [];
  const baseNames = shpNames.map(baseOf);
  const layerNameOf = (base: string) => {
    const short = base.replace(/^.*\//, "");
    return baseNames.filter((other) => other.replace(/^.*\//, "") === short).length > 1 ? base : short;
  };
  for (const shpName of shpNames) {
    const base = baseOf(shpName);
    const layerName = layerNameOf(base);
    const where = `layer "${layerName}"`;
    const dbf = byExtension(base, "dbf");
    if (!dbf) return problemIn(source, `the Shapefile "${layerName}" has no .dbf (its attribute table) beside ${shpName}; zip the .shp, .shx, .dbf and .prj together.`);
    const shp = entries.get(shpName)!;

    let shapes: (InputFeature["geometry"] | null)[];
    let rows: Record<string, unknown>[];
    const encoding = dbfEncoding(dbf, byExtension(base, "cpg"), where, warnings);
    let nameLengths: number[];
    let deleted: Set<number>;
    try {
      if (shp.length < 100 || viewOf(shp).getInt32(0) !== 9994) return problemIn(source, `${shpName} is not a Shapefile (.shp) or is damaged: its header is missing.`);
      shapes = parseShp(viewOf(shp), false) as (InputFeature["geometry"] | null)[];
      if (dbf.length < 32) return problemIn(source, `${baseOf(shpName)}.dbf is damaged: its header is cut short.`);
      nameLengths = dbfFieldNameLengths(dbf);
      deleted = deletedRows(dbf);
      rows = parseDbf(viewOf(dbf), encoding) as Record<string, unknown>[];
    } catch (error) {
      return problemIn(source, `the Shapefile "${layerName}" is damaged and cannot be read (${messageOf(error)}).`);
    }
    if (shapes.length !== rows.length) {
      return problemIn(
        source,
        `the Shapefile "${layerName}" is damaged: its .shp holds ${shapes.length} shapes but its .dbf ${rows.length} rows (one of them is cut short, or they do not belong together).`,
      );
    }
    const fieldNames = Object.keys(rows[0] ?? {});
    const renamed = new Map(fieldNames.map((name, k) => [name, fullFieldName(name, nameLengths[k] ?? 0, options.fieldNames)]));
    const features: InputFeature[] = [];
    shapes.forEach((geometry, row) => {
      if (deleted.has(row)) return;
      const properties: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(rows[row]!)) properties[renamed.get(name) ?? name] = propertyValue(value);
      features.push({ type: "Feature", id: row, properties, geometry: geometry ?? null });
    });

    const prj = byExtension(base, "prj");
    let crs: string | undefined;
    let unknownCrs: string | undefined;
    if (prj) {
      const identity = crsOfWkt(new TextDecoder("utf-8").decode(prj));
      if ("crs" in identity) crs = identity.crs;
      else unknownCrs = `${identity.unknown} (from ${base}.prj)`;
    } else {
      warnings.push(`${where}: no .prj says the coordinate system.`);
    }
    layers.push({ name: layerName, features, crs, ...(unknownCrs ? { unknownCrs } : {}) });
  }
  return { ok: true, value: { format: "shapefile", layers, warnings }, warnings: [] };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Shape types (ESRI Shapefile Technical Description, 1998): Point 1, PolyLine 3, Polygon 5, MultiPoint 8. */
const shapeTypes: Record<GeometryFamily, number> = { point: 8, line: 3, polygon: 5 };
const pointShapeType = 1;

/** One shape's record content (without the 8-byte record header), from projected positions. */
function shapeRecord(geometry: { type: string; coordinates?: unknown } | null, family: GeometryFamily, bounds: Bounds, singlePoints: boolean): Uint8Array {
  if (!geometry) return new Uint8Array(4); // shape type 0: null shape
  if (singlePoints) {
    const [x, y] = geometry.coordinates as Position;
    extendBounds(bounds, [x, y]);
    const record = new Uint8Array(20);
    const view = viewOf(record);
    view.setInt32(0, pointShapeType, true);
    view.setFloat64(4, x, true);
    view.setFloat64(12, y, true);
    return record;
  }
  let parts: Position[][];
  if (family === "point") parts = [pointsOf(geometry)];
  else if (family === "line") parts = linesOf(geometry);
  // Shapefile rings: exteriors clockwise, holes counter-clockwise (ESRI Shapefile Technical Description, 1998).
  else parts = polygonsOf(geometry).flatMap((rings) => rings.map((ring, k) => orientRing(ring, k === 0)));
  const points = parts.flat();
  const own = emptyBounds();
  for (const point of points) {
    extendBounds(own, point);
    extendBounds(bounds, point);
  }
  const isPoints = family === "point";
  const length = isPoints ? 4 + 32 + 4 + points.length * 16 : 4 + 32 + 8 + parts.length * 4 + points.length * 16;
  const record = new Uint8Array(length);
  const view = viewOf(record);
  view.setInt32(0, shapeTypes[family], true);
  view.setFloat64(4, own.minX, true);
  view.setFloat64(12, own.minY, true);
  view.setFloat64(20, own.maxX, true);
  view.setFloat64(28, own.maxY, true);
  let offset: number;
  if (isPoints) {
    view.setInt32(36, points.length, true);
    offset = 40;
  } else {
    view.setInt32(36, parts.length, true);
    view.setInt32(40, points.length, true);
    let start = 0;
    parts.forEach((part, k) => {
      view.setInt32(44 + k * 4, start, true);
      start += part.length;
    });
    offset = 44 + parts.length * 4;
  }
  for (const [x, y] of points) {
    view.setFloat64(offset, x, true);
    view.setFloat64(offset + 8, y, true);
    offset += 16;
  }
  return record;
}

/** The .shp and .shx of one geometry family. */
function shpAndShx(geometries: ({ type: string; coordinates?: unknown } | null)[], family: GeometryFamily): { shp: Uint8Array; shx: Uint8Array } {
  const bounds = emptyBounds();
  // Points go in a Point file when every one is a single Point (as QGIS expects), else in a MultiPoint file.
  const singlePoints = family === "point" && geometries.every((geometry) => !geometry || geometry.type === "Point");
  const shapeType = singlePoints ? pointShapeType : shapeTypes[family];
  const records = geometries.map((geometry) => shapeRecord(geometry, family, bounds, singlePoints));
  if (bounds.minX === Infinity) Object.assign(bounds, { minX: 0, minY: 0, maxX: 0, maxY: 0 });
  const shpLength = 100 + records.reduce((sum, record) => sum + 8 + record.length, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + records.length * 8);
  for (const [file, length] of [
    [shp, shpLength],
    [shx, shx.length],
  ] as const) {
    const view = viewOf(file);
    view.setInt32(0, 9994);
    view.setInt32(24, length / 2);
    view.setInt32(28, 1000, true);
    view.setInt32(32, shapeType, true);
    view.setFloat64(36, bounds.minX, true);
    view.setFloat64(44, bounds.minY, true);
    view.setFloat64(52, bounds.maxX, true);
    view.setFloat64(60, bounds.maxY, true);
  }
  const shpView = viewOf(shp);
  const shxView = viewOf(shx);
  let offset = 100;
  records.forEach((record, k) => {
    shxView.setInt32(100 + k * 8, offset / 2);
    shxView.setInt32(104 + k * 8, record.length / 2);
    shpView.setInt32(offset, k + 1);
    shpView.setInt32(offset + 4, record.length / 2);
    shp.set(record, offset + 8);
    offset += 8 + record.length;
  });
  return { shp, shx };
}

interface DbfField {
  column: AttributeColumn;
  name: string;
  type: "C" | "N" | "L";
  width: number;
  decimals: number;
}

const encoder = new TextEncoder();
const maxTextBytes = 254;

/** The text of a number in a dBase N field of `width` characters. */
const numberText = (value: number, width: number) => {
  const text = String(value);
  return text.length <= width ? text : value.toPrecision(15).slice(0, width);
};

/** Text cut to whole UTF-8 characters within `bytes`. */
function cutToBytes(text: string, bytes: number): Uint8Array {
  let encoded = encoder.encode(text);
  if (encoded.length <= bytes) return encoded;
  let end = bytes;
  while (end > 0 && (encoded[end]! & 0xc0) === 0x80) end--;
  encoded = encoded.subarray(0, end);
  return encoded;
}

/** A dBase III table in UTF-8 (the .cpg says so): one typed field per property. */
function dbfTable(propertiesList: readonly (Record<string, unknown> | null)[], warnings: string[], layerName: string): Uint8Array {
  const columns = attributeColumns(propertiesList);
  const shortNames = shortFieldNames(columns.map((column) => column.name));
  let truncated = 0;
  const fields: DbfField[] = columns.map((column) => {
    const values = propertiesList.map((properties) => columnValue(properties?.[column.name], column.type));
    const name = shortNames.get(column.name)!;
    if (column.type === "boolean") return { column, name, type: "L", width: 1, decimals: 0 };
    if (column.type === "integer") {
      const width = Math.max(1, ...values.map((value) => (value === null ? 1 : String(value).length)));
      if (width <= 18) return { column, name, type: "N", width, decimals: 0 };
    }
    if (column.type === "integer" || column.type === "real") return { column, name, type: "N", width: 24, decimals: 15 };
    const width = Math.min(maxTextBytes, Math.max(1, ...values.map((value) => (value === null ? 1 : encoder.encode(String(value)).length))));
    return { column, name, type: "C", width, decimals: 0 };
  });
  const recordLength = 1 + fields.reduce((sum, field) => sum + field.width, 0);
  const headerLength = 32 + fields.length * 32 + 1;
  const table = new Uint8Array(headerLength + propertiesList.length * recordLength + 1);
  const view = viewOf(table);
  const today = new Date();
  view.setUint8(0, 0x03);
  view.setUint8(1, today.getUTCFullYear() - 1900);
  view.setUint8(2, today.getUTCMonth() + 1);
  view.setUint8(3, today.getUTCDate());
  view.setUint32(4, propertiesList.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((field, k) => {
    const at = 32 + k * 32;
    table.set(cutToBytes(field.name, 10), at);
    table[at + 11] = field.type.charCodeAt(0);
    table[at + 16] = field.width;
    table[at + 17] = field.decimals;
  });
  table[headerLength - 1] = 0x0d;
  const space = 0x20;
  let offset = headerLength;
  for (const properties of propertiesList) {
    table[offset++] = space;
    for (const field of fields) {
      const value = columnValue(properties?.[field.column.name], field.column.type);
      let cell: Uint8Array;
      if (value === null) cell = encoder.encode(field.type === "L" ? "?" : "");
      else if (field.type === "L") cell = encoder.encode(value ? "T" : "F");
      else if (field.type === "N") cell = encoder.encode(numberText(value as number, field.width).padStart(field.width, " "));
      else {
        const text = String(value);
        cell = cutToBytes(text, field.width);
        if (cell.length < encoder.encode(text).length) truncated++;
      }
      table.fill(space, offset, offset + field.width);
      table.set(cell.subarray(0, field.width), offset);
      offset += field.width;
    }
  }
  table[offset] = 0x1a;
  if (truncated > 0) warnings.push(`${layerName}: ${truncated} text values longer than ${maxTextBytes} bytes were cut to fit the Shapefile's table.`);
  return table;
}

const familyNames: Record<GeometryFamily, string> = { point: "points", line: "lines", polygon: "polygons" };

export interface ShapefileWriteOptions {
  /** The CRS the layers' coordinates are in, written to each .prj: EPSG:25832 (default, Asker's system) or EPSG:4326. */
  epsg?: ExportEpsg;
}

/**
 * A zip archive with one Shapefile per layer and geometry kind (coordinates as given, in `epsg`) (`sites.shp`; `projects_points.shp`
 * and `projects_polygons.shp` when a layer mixes them), each with .shx, .dbf (UTF-8), .cpg and .prj.
 * Features whose geometry a Shapefile cannot hold (GeometryCollection) are left out and counted in
 * the warnings, and so are layers without features.
 */
export function writeShapefileZip(layers: readonly OutputLayer[], options: ShapefileWriteOptions = {}): { bytes: Uint8Array; warnings: string[] } {
  const epsg = options.epsg ?? 25832;
  const files: Record<string, Uint8Array | string> = {};
  const warnings: string[] = [];
  for (const layer of layers) {
    const byFamily = new Map<GeometryFamily, { geometry: { type: string; coordinates?: unknown } | null; properties: Record<string, unknown> | null }[]>();
    let unwritable = 0;
    const nullGeometries: (typeof layer.features)[number][] = [];
    for (const feature of layer.features) {
      if (!feature.geometry) {
        nullGeometries.push(feature);
        continue;
      }
      const family = familyOf(feature.geometry.type);
      if (!family) {
        unwritable++;
        continue;
      }
      const records = byFamily.get(family) ?? [];
      records.push({ geometry: feature.geometry, properties: feature.properties });
      byFamily.set(family, records);
    }
    if (unwritable > 0) warnings.push(`${layer.name}: ${unwritable} features with a geometry a Shapefile cannot hold (GeometryCollection) were left out.`);
    if (nullGeometries.length > 0) {
      // A Shapefile holds one geometry type; features without geometry go in the layer's first file as null shapes.
      const first: GeometryFamily = [...byFamily.keys()][0] ?? "point";
      byFamily.set(first, [...(byFamily.get(first) ?? []), ...nullGeometries.map((feature) => ({ geometry: null, properties: feature.properties }))]);
    }
    const families = [...byFamily.keys()];
    if (families.length === 0) warnings.push(`${layer.name}: no features, so no Shapefile was written for it.`);
    for (const family of families) {
      const records = byFamily.get(family)!;
      const base = safeFileName(families.length > 1 ? `${layer.name}_${familyNames[family]}` : layer.name);
      const { shp, shx } = shpAndShx(
        records.map((record) => record.geometry),
        family,
      );
      files[`${base}.shp`] = shp;
      files[`${base}.shx`] = shx;
      files[`${base}.dbf`] = dbfTable(
        records.map((record) => record.properties),
        warnings,
        layer.name,
      );
      files[`${base}.cpg`] = "UTF-8";
      files[`${base}.prj`] = exportWkt[epsg];
    }
  }
  return { bytes: writeZipArchive(files), warnings };
}
