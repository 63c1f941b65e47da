// shpjs 6 ships no types (and @types/shpjs describes version 3): the two parsers Massekart uses.
declare module "shpjs" {
  /** The shapes of a .shp, as GeoJSON geometries (null for a null shape); `projection` false keeps the file's coordinates. */
  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array, projection?: false | string): ({ type: string; coordinates: unknown } | null)[];
  /** The rows of a .dbf; `encoding` is a TextDecoder label (from the .cpg). */
  export function parseDbf(dbf: DataView | ArrayBuffer | Uint8Array, encoding?: string): Record<string, unknown>[];
}
