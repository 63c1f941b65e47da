/**
 * Builds `data/codelists/arealformaal.json` from the DiBK-derived CSVs in `data/codelists/`.
 * Script-only code (Node I/O is fine here).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { categoryColour, categoryOfCode } from "../../src/core/zoning/zoning-categories";

export interface ArealformaalEntry {
  codeList: "kp" | "rp";
  code: number;
  name: string;
  colour: string;
}

/** Parses RFC 4180-style CSV (quoted fields may hold commas and doubled quotes) into row objects. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.some((cell) => cell !== ""));
  if (!header) return [];
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}

const hexColour = /^#[0-9a-f]{6}$/i;

function pickColour(candidates: (string | undefined)[], code: number): string {
  const found = candidates.find((c) => c !== undefined && hexColour.test(c));
  // Codes drawn with a pattern only (1800, 2800 …) have no fill in the SLD: use the category's.
  return (found ?? categoryColour(categoryOfCode(code))).toLowerCase();
}

/** Reads the KP and RP lists from `codelistDir` and returns the JSON entries, KP first. */
export function buildArealformaalList(codelistDir: string): ArealformaalEntry[] {
  const read = (file: string) => parseCsv(readFileSync(join(codelistDir, file), "utf8"));
  const kp = read("kp-arealformaal-sosi-plan.csv").map(
    (r): ArealformaalEntry => ({
      codeList: "kp",
      code: Number(r.kode),
      name: r.navn ?? "",
      colour: pickColour([r.farge_naavaerende, r.farge_framtidig], Number(r.kode)),
    }),
  );
  const rp = read("rp-arealformaal-sosi-plan.csv").map(
    (r): ArealformaalEntry => ({
      codeList: "rp",
      code: Number(r.kode),
      name: r.navn ?? "",
      colour: pickColour([r.farge], Number(r.kode)),
    }),
  );
  const all = [...kp, ...rp];
  for (const entry of all) {
    if (!Number.isInteger(entry.code) || entry.code <= 0 || entry.name === "") {
      throw new Error(`bad code list row: ${JSON.stringify(entry)}`);
    }
  }
  return all;
}
