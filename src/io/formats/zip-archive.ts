// Zip archives (zipped Shapefiles, KMZ) read with limits, so a zip bomb is refused before it is
// inflated: fflate reads the central directory first, and each entry inflates into a buffer of its
// declared size, so an entry that lies about its size cannot grow past it either.
import { unzipSync, zipSync, strToU8, type Zippable } from "fflate";
import { messageOf, problemIn } from "./vector-data";
import type { ReadOutcome } from "../geojson-input";

export interface ZipLimits {
  /** Largest total of the entries' uncompressed sizes, bytes. Default 256 MiB. */
  maxUncompressedBytes?: number;
  /**
   * Largest ratio of uncompressed to compressed size of the whole archive, checked once it expands
   * past 16 MiB (small archives of padded text may compress 100×, harmlessly). Default 100.
   */
  maxRatio?: number;
}

export const defaultZipLimits = { maxUncompressedBytes: 256 * 1024 * 1024, maxRatio: 100 } as const;
const ratioCheckedAboveBytes = 16 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** True when the bytes start like a zip archive ("PK\x03\x04", or an empty archive's "PK\x05\x06"). */
export const looksLikeZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));

/** The names of a zip's entries (folders excluded), read from its central directory without inflating anything. */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (!file.name.endsWith("/")) names.push(file.name);
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return names;
}

/** macOS resource forks and hidden files that zip tools add beside the real entries. */
const isJunkEntry = (name: string) => name.startsWith("__MACOSX/") || /(^|\/)\._/.test(name) || name.endsWith("/");

/**
 * The entries of a zip archive by name, or why it cannot be read: not a zip, corrupt, or larger
 * than the limits when inflated (a zip bomb). `wanted` picks the entries to inflate (default all).
 */
export function readZipArchive(
  bytes: Uint8Array,
  source: string | undefined,
  { limits = {}, wanted = () => true }: { limits?: ZipLimits; wanted?: (name: string) => boolean } = {},
): ReadOutcome<Map<string, Uint8Array>> {
  const refused = zipLimitProblem(bytes, source, { limits, wanted });
  if (refused) return refused;
  let inflated: Record<string, Uint8Array>;
  try {
    inflated = unzipSync(bytes, { filter: (file) => !isJunkEntry(file.name) && wanted(file.name) });
  } catch (error) {
    return problemIn(source, `not a readable zip archive (${messageOf(error)}).`);
  }
  return { ok: true, value: new Map(Object.entries(inflated)), warnings: [] };
}

/**
 * Why a zip archive must not be unpacked (not a zip, or larger than the limits when inflated), from
 * its central directory alone; undefined when it may be. For readers that unpack with a library of
 * their own (xlsx workbooks).
 */
export function zipLimitProblem(
  bytes: Uint8Array,
  source: string | undefined,
  { limits = {}, wanted = () => true }: { limits?: ZipLimits; wanted?: (name: string) => boolean } = {},
): { ok: false; problem: string } | undefined {
  const maxBytes = limits.maxUncompressedBytes ?? defaultZipLimits.maxUncompressedBytes;
  const maxRatio = limits.maxRatio ?? defaultZipLimits.maxRatio;
  let declared = 0;
  let compressed = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (isJunkEntry(file.name) || !wanted(file.name)) return false;
        declared += file.originalSize;
        compressed += file.size;
        return false;
      },
    });
  } catch (error) {
    return problemIn(source, `not a readable zip archive (${messageOf(error)}).`);
  }
  let tooLarge: string | undefined;
  if (declared > maxBytes) tooLarge = `its files would take ${megabytes(declared)} unpacked, more than the ${megabytes(maxBytes)} allowed`;
  else if (declared > ratioCheckedAboveBytes && declared / Math.max(compressed, 1) > maxRatio) {
    tooLarge = `it unpacks to ${Math.round(declared / Math.max(compressed, 1))} times its packed size (${megabytes(declared)}), more than the ${maxRatio}× allowed`;
  }
  return tooLarge ? problemIn(source, `the zip archive is refused: ${tooLarge} (a "zip bomb" or not plan data).`) : undefined;
}

/** A zip archive of the given files (text as UTF-8), deflated. */
export function writeZipArchive(files: Readonly<Record<string, Uint8Array | string>>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) zippable[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(zippable, { level: 6 });
}
