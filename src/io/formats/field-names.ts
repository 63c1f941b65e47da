// A dBase field name holds at most 10 bytes, so Shapefiles cut longer names: real plan data has
// `RPAREALFOR` for RPAREALFORMÅL, `HENSYNSONE` for HENSYNSONENAVN. The reader gives such names
// back their full spelling when exactly one name Massekart reads starts that way, so the importers
// find the properties they look for by their real names.
import { defaultCodeProperties } from "../zoning/geojson-zoning";

/**
 * Property names Massekart reads or writes that are longer than 10 characters. SOSI Plan 4.5/5.0
 * element names (Kartverket/DiBK, "SOSI Del 3 Produktspesifikasjon for Arealplan"): land use,
 * hensynssoner (angitt hensyn, faresone, sikringssone, støysone, infrastruktur, båndlegging,
 * detaljering, gjennomføring), plan fields; then the names of Massekart's own exports.
 */
export const knownLongFieldNames: readonly string[] = [
  ...defaultCodeProperties,
  "planidentifikasjon",
  "kommunenummer",
  "vertikalnivå",
  "planstatus",
  "objekttypenavn",
  "objekttype",
  "feltbetegnelse",
  "HENSYNSONENAVN",
  "hensynSonenavn",
  "RPANGITTHENSYN",
  "KPANGITTHENSYN",
  "angittHensyn",
  "RPBÅNDLEGGING",
  "KPBÅNDLEGGING",
  "båndlegging",
  "RPINFRASTRUKTUR",
  "KPINFRASTRUKTUR",
  "infrastruktur",
  "RPGJENNOMFØRING",
  "KPGJENNOMFØRING",
  "gjennomføring",
  "RPDETALJERING",
  "KPDETALJERING",
  "detaljering",
  "RPSIKRING",
  "KPSIKRING",
  "uteoppholdsareal",
  "beskrivelse",
  // Massekart's exports (sites, projects, flows, suitability).
  "stackHeightM",
  "usableShare",
  "densityTonnesPerM3",
  "capacityTonnes",
  "capacityM3",
  "materialAreaM2",
  "acceptsHazardous",
  "tonnesSurplus",
  "tonnesDemand",
  "contaminationClass",
  "projectStatus",
  "unzonedShare",
  "fieldName",
];

const dbfNameBytes = 10;
// Folded for comparison: case, accents and æøå ignored, and "aa" read as "å" (arealformaal = arealformål).
const fold = (name: string) =>
  name
    .toLowerCase()
    .replace(/aa/g, "å")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ø/g, "o")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]/g, "");

/**
 * The full name of a field cut to the dBase limit, or the name as it is. A name is taken as cut
 * when it fills 9 or 10 bytes (a cut before a two-byte "å" leaves 9) or ends in a broken character
 * where the cut split one, and is not a known name itself; it gets the full name only when the known names (and `extraNames`) that start
 * with it are spellings of one name (`RPAREALFORMÅL`, `rpArealformål`): the first of them.
 */
export function fullFieldName(name: string, byteLength: number, extraNames: readonly string[] = []): string {
  const brokenEnd = name.endsWith("\uFFFD");
  const clean = name.replace(/\uFFFD+$/, "");
  if (byteLength < dbfNameBytes - 1 && !brokenEnd) return name;
  const prefix = fold(clean);
  if (prefix.length < 6) return name;
  const candidates = [...extraNames, ...knownLongFieldNames];
  if (candidates.some((full) => fold(full) === prefix)) return brokenEnd ? clean : name;
  const matches = candidates.filter((full) => fold(full).startsWith(prefix));
  const spellings = new Set(matches.map(fold));
  return spellings.size === 1 ? matches[0]! : name;
}

/**
 * Field names of at most 10 bytes (UTF-8) for a dBase table, unique, for the given property names:
 * `densityTonnesPerM3` → `densityTon`; a clash gets a number (`tonnesSur1`).
 */
export function shortFieldNames(names: readonly string[]): Map<string, string> {
  const encoder = new TextEncoder();
  const used = new Set<string>();
  const result = new Map<string, string>();
  const cut = (text: string, bytes: number) => {
    let out = "";
    for (const char of text) {
      if (encoder.encode(out + char).length > bytes) break;
      out += char;
    }
    return out;
  };
  for (const name of names) {
    let short = cut(name, dbfNameBytes) || "field";
    for (let k = 1; used.has(short.toLowerCase()); k++) short = cut(name, dbfNameBytes - String(k).length) + String(k);
    used.add(short.toLowerCase());
    result.set(name, short);
  }
  return result;
}
