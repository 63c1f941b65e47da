/**
 * Character sets of SOSI files (`..TEGNSETT` in the header), decoded by hand so the same code runs
 * in the browser, the server and the tests without relying on which labels a runtime's
 * TextDecoder knows (ISO-8859-10 is missing from small-ICU Node builds).
 */

export type SosiCharset = "UTF-8" | "ISO-8859-1" | "ISO-8859-10";

/**
 * ISO-8859-10 (Latin-6, Nordic) differs from ISO-8859-1 only in these bytes of 0xA0–0xFF; every
 * other byte is the same code point as in Latin-1. Source: the Unicode mapping table
 * ftp.unicode.org/Public/MAPPINGS/ISO8859/8859-10.TXT. Norwegian æøåÆØÅ are identical in both.
 */
const latin6Differences: ReadonlyMap<number, number> = new Map([
  [0xa1, 0x0104], [0xa2, 0x0112], [0xa3, 0x0122], [0xa4, 0x012a], [0xa5, 0x0128], [0xa6, 0x0136],
  [0xa8, 0x013b], [0xa9, 0x0110], [0xaa, 0x0160], [0xab, 0x0166], [0xac, 0x017d], [0xae, 0x016a],
  [0xaf, 0x014a], [0xb1, 0x0105], [0xb2, 0x0113], [0xb3, 0x0123], [0xb4, 0x012b], [0xb5, 0x0129],
  [0xb6, 0x0137], [0xb8, 0x013c], [0xb9, 0x0111], [0xba, 0x0161], [0xbb, 0x0167], [0xbc, 0x017e],
  [0xbd, 0x2015], [0xbe, 0x016b], [0xbf, 0x014b], [0xc0, 0x0100], [0xc7, 0x012e], [0xc8, 0x010c],
  [0xca, 0x0118], [0xcc, 0x0116], [0xd1, 0x0145], [0xd2, 0x014c], [0xd7, 0x0168], [0xd9, 0x0172],
  [0xe0, 0x0101], [0xe7, 0x012f], [0xe8, 0x010d], [0xea, 0x0119], [0xec, 0x0117], [0xf1, 0x0146],
  [0xf2, 0x014d], [0xf7, 0x0169], [0xf9, 0x0173], [0xff, 0x0138],
]);

/** Code point of every byte 0–255 in the given single-byte set. */
function byteTable(charset: "ISO-8859-1" | "ISO-8859-10"): Uint16Array {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) table[byte] = charset === "ISO-8859-10" ? (latin6Differences.get(byte) ?? byte) : byte;
  return table;
}

const tables = { "ISO-8859-1": byteTable("ISO-8859-1"), "ISO-8859-10": byteTable("ISO-8859-10") };

/** Decodes single-byte text; true ISO-8859-1, not the windows-1252 that TextDecoder("latin1") gives. */
export function decodeSingleByte(bytes: Uint8Array, charset: "ISO-8859-1" | "ISO-8859-10"): string {
  const table = tables[charset];
  const parts: string[] = [];
  // Chunks keep String.fromCharCode's argument list well under engines' limits.
  const chunk = 0x4000;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(bytes.length, start + chunk);
    const codes = new Array<number>(end - start);
    for (let k = start; k < end; k++) codes[k - start] = table[bytes[k]!]!;
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

/** The charset a `..TEGNSETT` value names, or undefined for one Massekart cannot read. */
export function charsetOfName(name: string): SosiCharset | undefined {
  const key = name.trim().toUpperCase().replace(/[\s_]/g, "");
  if (key === "UTF-8" || key === "UTF8") return "UTF-8";
  // SOSI's "ANSI" is ISO 8859-1 (as Statens vegvesen's sosi-reader reads it).
  if (key === "ISO8859-1" || key === "ISO-8859-1" || key === "ANSI" || key === "LATIN1") return "ISO-8859-1";
  if (key === "ISO8859-10" || key === "ISO-8859-10" || key === "LATIN6") return "ISO-8859-10";
  return undefined;
}

/** The `..TEGNSETT` value of the header, read from the raw bytes (the header is ASCII up to it). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  // The header is short; 64 kB covers any real one, including long comment banners.
  const head = decodeSingleByte(bytes.subarray(0, 65_536), "ISO-8859-1");
  for (const rawLine of head.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/!.*$/, "").trim();
    // Stop at the first object after .HODE: TEGNSETT belongs to the header only.
    if (/^\.[^.]/.test(line) && !/^\.HODE\b/i.test(line)) break;
    const match = /(?:^|\s)\.\.TEGNSETT\s+("?)([^\s"]+)\1/i.exec(line);
    if (match) return match[2];
  }
  return undefined;
}

const hasUtf8Bom = (bytes: Uint8Array) => bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** UTF-8 text if the bytes are valid UTF-8 with at least one multi-byte character, else undefined. */
function strictUtf8WithNonAscii(bytes: Uint8Array): string | undefined {
  if (!bytes.some((byte) => byte >= 0x80)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export type DecodedSosi =
  | { ok: true; text: string; charset: SosiCharset; declared: string | undefined; warnings: string[] }
  | { ok: false; problem: string };

/**
 * The text of a SOSI file. The declared `..TEGNSETT` decides, with two exceptions found in real
 * files: a UTF-8 byte-order mark wins over the declaration, and a file declared ISO8859-x whose
 * bytes are valid UTF-8 with non-ASCII characters is read as UTF-8 (many tools re-save SOSI files
 * as UTF-8 without touching the header; valid multi-byte UTF-8 almost never occurs in genuine
 * Latin-1 text). Both cases are reported as warnings. Without `..TEGNSETT` ISO8859-1 is assumed,
 * again unless the bytes are UTF-8.
 */
export function decodeSosiBytes(bytes: Uint8Array): DecodedSosi {
  const warnings: string[] = [];
  const declared = declaredCharset(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes);
  const named = declared === undefined ? undefined : charsetOfName(declared);
  if (declared !== undefined && named === undefined) {
    return {
      ok: false,
      problem: `..TEGNSETT ${declared} is a character set Massekart cannot read; it reads UTF-8, ISO8859-1 (ANSI) and ISO8859-10. Convert the file to UTF-8 and set "..TEGNSETT UTF-8".`,
    };
  }
  if (hasUtf8Bom(bytes)) {
    if (named && named !== "UTF-8") warnings.push(`..TEGNSETT says ${declared}, but the file starts with a UTF-8 byte-order mark: read as UTF-8.`);
    return { ok: true, text: new TextDecoder("utf-8").decode(bytes.subarray(3)), charset: "UTF-8", declared, warnings };
  }
  if (named === "UTF-8") return { ok: true, text: new TextDecoder("utf-8").decode(bytes), charset: "UTF-8", declared, warnings };
  const utf8 = strictUtf8WithNonAscii(bytes);
  if (utf8 !== undefined) {
    warnings.push(
      declared === undefined
        ? "the header has no ..TEGNSETT and the bytes are UTF-8: read as UTF-8."
        : `..TEGNSETT says ${declared}, but the bytes are UTF-8 (the file was probably re-saved): read as UTF-8.`,
    );
    return { ok: true, text: utf8, charset: "UTF-8", declared, warnings };
  }
  const charset = named ?? "ISO-8859-1";
  if (declared === undefined && bytes.some((byte) => byte >= 0x80)) warnings.push("the header has no ..TEGNSETT: read as ISO8859-1.");
  return { ok: true, text: decodeSingleByte(bytes, charset), charset, declared, warnings };
}
