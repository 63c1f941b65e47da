// What every vector-format reader hands over and every writer takes: layers of GeoJSON-shaped
// features, read in the file's own CRS, so the importers that take GeoJSON (zoning, sites, road
// networks, haul points) take these files through the same path and the same CRS checks.
import type { InputFeature, ReadOutcome } from "../geojson-input";

/** File formats read and written besides SOSI and SOSI-GML. */
export const vectorFormats = ["geojson", "geopackage", "shapefile", "kml", "flatgeobuf"] as const;
export type VectorFormat = (typeof vectorFormats)[number];

/** How the formats are named to users, for messages and menus. */
export const vectorFormatNames: Readonly<Record<VectorFormat, string>> = {
  geojson: "GeoJSON",
  geopackage: "GeoPackage",
  shapefile: "Shapefile (zip)",
  kml: "KML/KMZ",
  flatgeobuf: "FlatGeobuf",
};

/** One layer of a file (a GeoPackage table, one .shp of a zip, a KML document …), in the file's CRS. */
export interface VectorLayer {
  name: string;
  features: InputFeature[];
  /** The layer's CRS as an EPSG name ("EPSG:25832") when the file declares one Massekart recognises. */
  crs: string | undefined;
  /** The file's own description of a CRS it declares but Massekart does not recognise (a .prj name, a GeoPackage srs). */
  unknownCrs?: string;
}

export interface VectorFile {
  format: VectorFormat;
  layers: VectorLayer[];
  /** Things the user should know that did not stop the read: a guessed encoding, a missing .prj … */
  warnings: string[];
}

export type VectorRead = ReadOutcome<VectorFile>;

/** Options every reader takes. */
export interface VectorReadOptions {
  /** The file name or label used in messages. */
  source?: string;
}

/** A feature to write: a GeoJSON Feature in WGS84 degrees (RFC 7946). */
export interface OutputFeature {
  type: "Feature";
  id?: string | number;
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates?: unknown; geometries?: unknown[] } | null;
}

/** A layer to write: one kind of thing (sites, projects, flows, zoning …). */
export interface OutputLayer {
  name: string;
  features: readonly OutputFeature[];
}

/** The problem sentence of a reader, prefixed with the file's name. */
export const problemIn = (source: string | undefined, problem: string): { ok: false; problem: string } => ({
  ok: false,
  problem: source ? `${source}: ${problem}` : problem.charAt(0).toUpperCase() + problem.slice(1),
});

/** The message of anything thrown by a library, for a problem sentence. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
