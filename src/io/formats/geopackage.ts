// GeoPackage (OGC 12-128r18, version 1.3): an SQLite file with a few metadata tables. SQLite runs
// as sql.js (WebAssembly, in Node and the browser alike); the GeoPackage layer on top is the
// metadata tables and the geometry blob codec (wkb.ts).
//
// Why not @ngageoint/geopackage (NGA's GeoPackage library for JavaScript): measured side by side
// in `npm run bench:formats`, it read a 20,000-polygon GeoPackage 1.7–2.3× slower than sql.js with
// the codec here (Node and Chromium); its browser build is 264 kB of JavaScript (gzip) against
// 26 kB, beside a WebAssembly SQLite of the same size; and on Node 20 it looks for better-sqlite3
// (whose current major needs Node 22), then fails to load its own WebAssembly through fetch().
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from "sql.js";
import type { InputFeature } from "../geojson-input";
import { attributeColumns, columnValue, type ColumnType } from "./attribute-table";
import { crsOfSpatialRef, exportOgcWkt, type ExportEpsg } from "./crs-wkt";
import { looksLikeSqlite } from "./detect-format";
import { readGeoPackageGeometry, writeGeoPackageGeometry, type WkbGeometry } from "./wkb";
import { messageOf, problemIn, type OutputLayer, type VectorLayer, type VectorRead, type VectorReadOptions } from "./vector-data";

export interface SqlJsOptions {
  /** Where the browser fetches sql.js's WebAssembly (a Vite `?url` import of `sql.js/dist/sql-wasm-browser.wasm`); Node finds it itself. */
  wasmUrl?: string;
}

const loaded = new Map<string, Promise<SqlJsStatic>>();

/** sql.js, loaded once per WebAssembly location. */
function sqlJs({ wasmUrl }: SqlJsOptions = {}): Promise<SqlJsStatic> {
  const key = wasmUrl ?? "";
  let promise = loaded.get(key);
  if (!promise) {
    promise = initSqlJs(wasmUrl ? { locateFile: () => wasmUrl } : {});
    loaded.set(key, promise);
    promise.catch(() => loaded.delete(key));
  }
  return promise;
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

function rowsOf(db: Database, sql: string, parameters: SqlValue[] = []): Record<string, SqlValue>[] {
  const statement = db.prepare(sql);
  try {
    statement.bind(parameters);
    const rows: Record<string, SqlValue>[] = [];
    while (statement.step()) rows.push(statement.getAsObject());
    return rows;
  } finally {
    statement.free();
  }
}

const tableExists = (db: Database, name: string) => rowsOf(db, "select 1 from sqlite_master where type in ('table','view') and name = ?", [name]).length > 0;

export interface GeoPackageLayerInfo {
  name: string;
  /** The geometry type the layer declares: POLYGON, MULTIPOLYGON, POINT, GEOMETRY … */
  geometryType: string;
  featureCount: number;
  crs: string | undefined;
}

interface FeatureTable {
  table: string;
  geometryColumn: string;
  geometryType: string;
  srsId: number;
}

/** The vector layers a GeoPackage declares, or the problem with the file. */
function featureTables(db: Database, source: string | undefined): { ok: true; tables: FeatureTable[] } | { ok: false; problem: string } {
  if (!tableExists(db, "gpkg_contents")) {
    return problemIn(source, "an SQLite database, but not a GeoPackage: it has no gpkg_contents table. Export the layer from QGIS as GeoPackage.");
  }
  const contents = rowsOf(db, "select table_name, data_type from gpkg_contents");
  const tables = tableExists(db, "gpkg_geometry_columns")
    ? rowsOf(db, "select table_name, column_name, geometry_type_name, srs_id from gpkg_geometry_columns").map(
        (row): FeatureTable => ({
          table: String(row.table_name),
          geometryColumn: String(row.column_name),
          geometryType: String(row.geometry_type_name).toUpperCase(),
          srsId: Number(row.srs_id),
        }),
      )
    : [];
  const features = new Set(contents.filter((row) => String(row.data_type) === "features").map((row) => String(row.table_name)));
  const layers = tables.filter((table) => features.has(table.table) && tableExists(db, table.table));
  if (layers.length === 0) {
    const others = contents.map((row) => `${String(row.table_name)} (${String(row.data_type)})`);
    return problemIn(
      source,
      `the GeoPackage has no vector layers${others.length > 0 ? `; it holds ${others.slice(0, 5).join(", ")}${others.length > 5 ? " …" : ""}` : " (it is empty)"}.`,
    );
  }
  return { ok: true, tables: layers };
}

function crsOfSrsId(db: Database, srsId: number): { crs: string | undefined; unknownCrs?: string } {
  if (srsId === -1) return { crs: undefined };
  if (srsId === 0) return { crs: "EPSG:4326" };
  const row = rowsOf(db, "select srs_name, srs_id, organization, organization_coordsys_id, definition from gpkg_spatial_ref_sys where srs_id = ?", [srsId])[0];
  if (!row) return { crs: undefined, unknownCrs: `srs_id ${srsId}, which the file's gpkg_spatial_ref_sys does not describe` };
  const identity = crsOfSpatialRef({
    srsId,
    organization: String(row.organization ?? ""),
    organizationCode: Number(row.organization_coordsys_id),
    name: String(row.srs_name ?? ""),
    definition: String(row.definition ?? ""),
  });
  if (!identity) return { crs: undefined };
  return "crs" in identity ? { crs: identity.crs } : { crs: undefined, unknownCrs: identity.unknown };
}

/** Opens the bytes as an SQLite database, or says why they are not one. */
async function openDatabase(bytes: Uint8Array, source: string | undefined, options: SqlJsOptions): Promise<{ ok: true; db: Database } | { ok: false; problem: string }> {
  if (!looksLikeSqlite(bytes)) return problemIn(source, "not a GeoPackage: the file does not start with the SQLite header.");
  let SQL: SqlJsStatic;
  try {
    SQL = await sqlJs(options);
  } catch (error) {
    return problemIn(source, `the GeoPackage reader (sql.js) could not start (${messageOf(error)}).`);
  }
  try {
    const db = new SQL.Database(bytes);
    // sql.js opens lazily: a first query shows whether the file is a database at all.
    db.exec("select count(*) from sqlite_master");
    return { ok: true, db };
  } catch (error) {
    return problemIn(source, `the GeoPackage is damaged and cannot be read (${messageOf(error)}).`);
  }
}

/** The vector layers of a GeoPackage with their geometry type, feature count and CRS, without reading features. */
export async function listGeoPackageLayers(
  bytes: Uint8Array,
  options: VectorReadOptions & SqlJsOptions = {},
): Promise<{ ok: true; layers: GeoPackageLayerInfo[] } | { ok: false; problem: string }> {
  const opened = await openDatabase(bytes, options.source, options);
  if (!opened.ok) return opened;
  const { db } = opened;
  try {
    const tables = featureTables(db, options.source);
    if (!tables.ok) return tables;
    return {
      ok: true,
      layers: tables.tables.map((table) => ({
        name: table.table,
        geometryType: table.geometryType,
        featureCount: Number(rowsOf(db, `select count(*) as n from ${quoteIdentifier(table.table)}`)[0]?.n ?? 0),
        crs: crsOfSrsId(db, table.srsId).crs,
      })),
    };
  } catch (error) {
    return problemIn(options.source, `the GeoPackage is damaged and cannot be read (${messageOf(error)}).`);
  } finally {
    db.close();
  }
}

/** Column types SQLite reports for GeoPackage booleans. */
const isBooleanType = (declared: string) => /^BOOL/i.test(declared);

function readTable(db: Database, table: FeatureTable): InputFeature[] {
  const columns = rowsOf(db, `pragma table_info(${quoteIdentifier(table.table)})`).map((row) => ({
    name: String(row.name),
    type: String(row.type ?? ""),
    primaryKey: Number(row.pk) > 0,
  }));
  const idColumn = columns.find((column) => column.primaryKey && /^INT/i.test(column.type))?.name;
  const attributeNames = columns.filter((column) => column.name !== table.geometryColumn && column.name !== idColumn);
  const features: InputFeature[] = [];
  // Rows as arrays (statement.get), not objects: getAsObject builds an object per row and was
  // measured 3–6× slower on a 20,000-row table.
  const statement = db.prepare(`select * from ${quoteIdentifier(table.table)}`);
  try {
    const names = statement.getColumnNames();
    const geometryAt = names.indexOf(table.geometryColumn);
    const idAt = idColumn ? names.indexOf(idColumn) : -1;
    const attributes = attributeNames.map((column) => ({ ...column, at: names.indexOf(column.name), boolean: isBooleanType(column.type) }));
    let row = 0;
    while (statement.step()) {
      const values = statement.get();
      const blob = values[geometryAt];
      let geometry: WkbGeometry | null = null;
      if (blob instanceof Uint8Array) {
        try {
          geometry = readGeoPackageGeometry(blob);
        } catch (error) {
          throw new Error(`layer "${table.table}", feature ${idAt >= 0 ? String(values[idAt]) : row}: ${messageOf(error)}`);
        }
      }
      const properties: Record<string, unknown> = {};
      for (const column of attributes) {
        const value = values[column.at];
        if (value instanceof Uint8Array) continue; // other blobs (images, raw data) are no attributes to import
        properties[column.name] = column.boolean && typeof value === "number" ? value !== 0 : (value ?? null);
      }
      const id = idAt >= 0 ? values[idAt] : row;
      features.push({ type: "Feature", ...(typeof id === "number" || typeof id === "string" ? { id } : {}), properties, geometry: geometry as InputFeature["geometry"] });
      row++;
    }
  } finally {
    statement.free();
  }
  return features;
}

export interface GeoPackageReadOptions extends VectorReadOptions, SqlJsOptions {
  /** Read only this layer (table name, case-insensitive); default all vector layers. */
  layer?: string;
}

/**
 * The vector layers of a GeoPackage (all, or the one named), each in its CRS from
 * gpkg_spatial_ref_sys. Refuses a file that is not SQLite, an SQLite file that is not a GeoPackage,
 * a GeoPackage without vector layers, and a damaged file.
 */
export async function readGeoPackage(bytes: Uint8Array, options: GeoPackageReadOptions = {}): Promise<VectorRead> {
  const { source } = options;
  const opened = await openDatabase(bytes, source, options);
  if (!opened.ok) return opened;
  const { db } = opened;
  try {
    const tables = featureTables(db, source);
    if (!tables.ok) return tables;
    let chosen = tables.tables;
    if (options.layer !== undefined) {
      const wanted = options.layer.toLowerCase();
      chosen = chosen.filter((table) => table.table.toLowerCase() === wanted);
      if (chosen.length === 0) {
        return problemIn(source, `the GeoPackage has no vector layer "${options.layer}"; its layers are ${tables.tables.map((table) => `"${table.table}"`).join(", ")}.`);
      }
    }
    const layers: VectorLayer[] = chosen.map((table) => ({ name: table.table, features: readTable(db, table), ...crsOfSrsId(db, table.srsId) }));
    return { ok: true, value: { format: "geopackage", layers, warnings: [] }, warnings: [] };
  } catch (error) {
    return problemIn(source, `the GeoPackage is damaged and cannot be read (${messageOf(error)}).`);
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

const sqlTypes: Record<ColumnType, string> = { integer: "INTEGER", real: "REAL", boolean: "BOOLEAN", text: "TEXT" };

/** The GeoPackage geometry type of a layer: the one type all its features share (Polygon and MultiPolygon → MULTIPOLYGON), else GEOMETRY. */
function layerGeometryType(layer: OutputLayer): string {
  const types = new Set(layer.features.map((feature) => feature.geometry?.type).filter((type): type is string => type !== undefined));
  if (types.size === 0) return "GEOMETRY";
  const only = [...types];
  if (only.length === 1) return only[0]!.toUpperCase();
  const families = new Set(only.map((type) => type.replace(/^Multi/, "")));
  return families.size === 1 ? `MULTI${[...families][0]!.toUpperCase()}` : "GEOMETRY";
}

export interface GeoPackageWriteOptions extends SqlJsOptions {
  /** The CRS the layers' coordinates are in: EPSG:25832 (default) or EPSG:4326. */
  epsg?: ExportEpsg;
  /** Timestamp written to gpkg_contents.last_change (default now), ISO 8601. */
  lastChange?: string;
}

/**
 * A GeoPackage with one feature table per layer (the layer's name), typed attribute columns and
 * the CRS in gpkg_spatial_ref_sys. No spatial index: sql.js has no R*Tree, and QGIS and GDAL read
 * the file without one (GeoPackage 1.3 makes the index an extension).
 */
export async function writeGeoPackage(layers: readonly OutputLayer[], options: GeoPackageWriteOptions = {}): Promise<Uint8Array> {
  const epsg = options.epsg ?? 25832;
  const SQL = await sqlJs(options);
  const db = new SQL.Database();
  try {
    const lastChange = options.lastChange ?? new Date().toISOString().replace(/\.\d+Z$/, "Z");
    db.exec(`
      pragma application_id = 1196444487; -- "GPKG"
      pragma user_version = 10300;
      create table gpkg_spatial_ref_sys (srs_name text not null, srs_id integer primary key, organization text not null,
        organization_coordsys_id integer not null, definition text not null, description text);
      create table gpkg_contents (table_name text not null primary key, data_type text not null, identifier text unique,
        description text default '', last_change datetime not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x double, min_y double, max_x double, max_y double, srs_id integer,
        constraint fk_gc_r_srs_id foreign key (srs_id) references gpkg_spatial_ref_sys(srs_id));
      create table gpkg_geometry_columns (table_name text not null, column_name text not null, geometry_type_name text not null,
        srs_id integer not null, z tinyint not null, m tinyint not null,
        constraint pk_geom_cols primary key (table_name, column_name),
        constraint fk_gc_tn foreign key (table_name) references gpkg_contents(table_name),
        constraint fk_gc_srs foreign key (srs_id) references gpkg_spatial_ref_sys (srs_id));
    `);
    const insertSrs = db.prepare("insert into gpkg_spatial_ref_sys values (?, ?, ?, ?, ?, ?)");
    // The three rows every GeoPackage has (1.3 §1.1.2.1.2), and the CRS written.
    insertSrs.run(["Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"]);
    insertSrs.run(["Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"]);
    insertSrs.run(["WGS 84 geodetic", 4326, "EPSG", 4326, exportOgcWkt[4326], "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"]);
    if (epsg !== 4326) insertSrs.run(["ETRS89 / UTM zone 32N", epsg, "EPSG", epsg, exportOgcWkt[epsg], null]);
    insertSrs.free();

    const used = new Set<string>();
    for (const layer of layers) {
      let table = layer.name.trim() || "layer";
      for (let k = 2; used.has(table.toLowerCase()); k++) table = `${layer.name}_${k}`;
      used.add(table.toLowerCase());
      const columns = attributeColumns(layer.features.map((feature) => feature.properties)).filter((column) => !["fid", "geom"].includes(column.name.toLowerCase()));
      db.exec(
        `create table ${quoteIdentifier(table)} (fid integer primary key autoincrement not null, geom ${layerGeometryType(layer)}` +
          columns.map((column) => `, ${quoteIdentifier(column.name)} ${sqlTypes[column.type]}`).join("") +
          ")",
      );
      const insert = db.prepare(
        `insert into ${quoteIdentifier(table)} (geom${columns.map((column) => `, ${quoteIdentifier(column.name)}`).join("")}) values (?${", ?".repeat(columns.length)})`,
      );
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      db.exec("begin");
      for (const feature of layer.features) {
        let blob: Uint8Array | null = null;
        if (feature.geometry) {
          const written = writeGeoPackageGeometry(feature.geometry as WkbGeometry, epsg);
          blob = written.blob;
          minX = Math.min(minX, written.bounds.minX);
          minY = Math.min(minY, written.bounds.minY);
          maxX = Math.max(maxX, written.bounds.maxX);
          maxY = Math.max(maxY, written.bounds.maxY);
        }
        const values = columns.map((column) => {
          const value = columnValue(feature.properties?.[column.name], column.type);
          return typeof value === "boolean" ? (value ? 1 : 0) : value;
        });
        insert.run([blob, ...values]);
      }
      db.exec("commit");
      insert.free();
      const hasBounds = minX !== Infinity;
      db.run("insert into gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) values (?, 'features', ?, '', ?, ?, ?, ?, ?, ?)", [
        table,
        table,
        lastChange,
        hasBounds ? minX : null,
        hasBounds ? minY : null,
        hasBounds ? maxX : null,
        hasBounds ? maxY : null,
        epsg,
      ]);
      db.run("insert into gpkg_geometry_columns values (?, 'geom', ?, ?, 0, 0)", [table, layerGeometryType(layer), epsg]);
    }
    return db.export();
  } finally {
    db.close();
  }
}
