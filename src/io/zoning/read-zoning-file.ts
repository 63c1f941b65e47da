// The file-reading edge of the zoning readers: everything else in this folder is pure, so the
// browser can read a file the user picked with the same code.
import { readFile } from "node:fs/promises";
import { parseZoningFile, type ZoningFormat } from "./zoning-file";
import type { ZoningImport, ZoningImportOptions } from "./zoning-import";

/** Reads a zoning file (SOSI, GML or GeoJSON) from disk: the CLI's `--zoning`. */
export async function readZoningFile(path: string, options: ZoningImportOptions & { format?: ZoningFormat } = {}): Promise<ZoningImport> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, problem: `${path}: cannot read the zoning file (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
  }
  return parseZoningFile(bytes, { ...options, fileName: path });
}
