// The file-reading edge of the zoning readers: everything else in this folder is pure, so the
// browser can read a file the user picked with the same code.
import { readFile } from "node:fs/promises";
import { importZoningFile, type ZoningFileOptions } from "./zoning-file";
import type { ZoningImport } from "./zoning-import";

/** Reads a zoning file (SOSI, GML, GeoJSON, GeoPackage, zipped Shapefile, KML/KMZ or FlatGeobuf) from disk: the CLI's `--zoning`. */
export async function readZoningFile(path: string, options: Omit<ZoningFileOptions, "fileName"> = {}): Promise<ZoningImport> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, problem: `${path}: cannot read the zoning file (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
  }
  return importZoningFile(bytes, { ...options, fileName: path });
}
