/**
 * The CSV format of mass lots (import and export), pure: column definitions with English and
 * Norwegian headers, and the reading of one row into a lot. Parsing the file itself is in src/io.
 */
import { fieldsOf } from "../domain/api-error";
import { message, type Message } from "../messages/message";
import { materials, quantityUnits, type Material, type QuantityUnit } from "../domain/materials";
import { csvRowError, type CsvRowError } from "../domain/registry-api";
import { lotInputSchema, projectStatuses, type LotInput } from "../domain/records";

export interface CsvColumn {
  /** The header Massekart writes. */
  name: string;
  /** Other headers it reads (Norwegian, and common spellings); compared case- and accent-insensitively. */
  aliases: string[];
  required: boolean;
  en: string;
  nb: string;
}

export const lotCsvColumns: readonly CsvColumn[] = [
  { name: "projectId", aliases: ["prosjektid"], required: false, en: "Id of an existing project (wins over the name)", nb: "Id til et eksisterende prosjekt (går foran navnet)" },
  { name: "project", aliases: ["prosjekt", "prosjektnavn", "projectname"], required: true, en: "Project name; a new name creates the project", nb: "Prosjektnavn; et nytt navn oppretter prosjektet" },
  { name: "projectStatus", aliases: ["prosjektstatus"], required: false, en: "planned, in_progress, completed or cancelled (new projects; default planned)", nb: "planned, in_progress, completed eller cancelled (nye prosjekter; standard planned)" },
  { name: "lon", aliases: ["lengdegrad", "longitude", "lng"], required: false, en: "Longitude, WGS84 degrees (new projects)", nb: "Lengdegrad, WGS84 grader (nye prosjekter)" },
  { name: "lat", aliases: ["breddegrad", "latitude"], required: false, en: "Latitude, WGS84 degrees (new projects)", nb: "Breddegrad, WGS84 grader (nye prosjekter)" },
  { name: "east", aliases: ["øst", "ost", "easting", "x"], required: false, en: "Easting in metres, with crs (new projects)", nb: "Øst i meter, med koordinatsystem (nye prosjekter)" },
  { name: "north", aliases: ["nord", "northing", "y"], required: false, en: "Northing in metres, with crs (new projects)", nb: "Nord i meter, med koordinatsystem (nye prosjekter)" },
  { name: "crs", aliases: ["koordinatsystem", "epsg"], required: false, en: "EPSG code of east/north, e.g. EPSG:25832", nb: "EPSG-kode for øst/nord, f.eks. EPSG:25832" },
  { name: "direction", aliases: ["retning"], required: true, en: "surplus or demand (overskudd, behov)", nb: "overskudd eller behov (surplus, demand)" },
  { name: "material", aliases: ["materiale", "masse", "massetype"], required: true, en: `${materials.join(", ")} (or the Norwegian name)`, nb: "sprengstein, grus/sand, morene, leire/silt, matjord, blandede masser, betong, asfalt, torv (eller koden)" },
  { name: "contaminationClass", aliases: ["tilstandsklasse", "klasse", "class"], required: true, en: "TA-2553 class 1–5", nb: "Tilstandsklasse 1–5 (TA-2553)" },
  { name: "quantity", aliases: ["mengde", "antall"], required: true, en: "Amount, > 0 (decimal point or comma)", nb: "Mengde, > 0 (desimalpunktum eller -komma)" },
  { name: "unit", aliases: ["enhet"], required: true, en: "tonnes (t), m3_in_place (pfm3), m3_loose (ulm3), m3_compacted (pam3)", nb: "tonn (t), pfm3, ulm3, pam3" },
  { name: "from", aliases: ["fra", "framåned", "fromMonth"], required: true, en: "First month, YYYY-MM", nb: "Første måned, ÅÅÅÅ-MM" },
  { name: "to", aliases: ["til", "tilmåned", "toMonth"], required: true, en: "Last month, YYYY-MM", nb: "Siste måned, ÅÅÅÅ-MM" },
  { name: "hazardous", aliases: ["farlig_avfall", "farligavfall"], required: false, en: "true/false (ja/nei): hazardous waste (farlig avfall) as decided under avfallsforskriften kap. 11, separate from the class", nb: "ja/nei (true/false): farlig avfall etter avfallsforskriften kap. 11, uavhengig av tilstandsklassen" },
  { name: "monthlyProfile", aliases: ["månedsprofil", "profil"], required: false, en: "Shares per month separated by |, e.g. 1|2|1", nb: "Andeler per måned skilt med |, f.eks. 1|2|1" },
  { name: "notes", aliases: ["merknad", "merknader", "kommentar"], required: false, en: "Free text", nb: "Fritekst" },
];

/** Text folded for lenient matching of headers and values: case, accents, æøå, spaces, _ and - ignored. */
export const foldCsvText = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ø/g, "o")
    .replace(/æ/g, "ae")
    .replace(/[\s_-]/g, "");

// One header index per column list, built on first use (mass lots, outdoor lots …).
const headerIndexes = new WeakMap<readonly CsvColumn[], Map<string, string>>();
function columnByHeader(columnList: readonly CsvColumn[]): Map<string, string> {
  let index = headerIndexes.get(columnList);
  if (!index) {
    index = new Map(columnList.flatMap((column) => [column.name, ...column.aliases].map((header): [string, string] => [foldCsvText(header), column.name])));
    headerIndexes.set(columnList, index);
  }
  return index;
}

/**
 * Maps a file's headers to the column names of `columnList` (default: mass lots); unknown headers
 * are reported, not dropped silently, and so are missing required columns.
 */
export function mapHeaders(
  headers: readonly string[],
  columnList: readonly CsvColumn[] = lotCsvColumns,
): { columns: (string | undefined)[]; errors: CsvRowError[] } {
  const index = columnByHeader(columnList);
  const columns = headers.map((header) => index.get(foldCsvText(header)));
  const errors: CsvRowError[] = [];
  headers.forEach((header, i) => {
    if (!columns[i] && header.trim() !== "") errors.push(csvRowError(1, header, message("csv.unknownColumn")));
  });
  for (const column of columnList.filter((c) => c.required)) {
    if (!columns.includes(column.name)) errors.push(csvRowError(1, column.name, message("csv.missingColumn")));
  }
  return { columns, errors };
}

const materialNames: Record<string, Material> = {
  ...Object.fromEntries(materials.map((m) => [foldCsvText(m), m])),
  sprengstein: "rock", fjell: "rock", berg: "rock", stein: "rock",
  grus: "gravel_sand", sand: "gravel_sand", pukk: "gravel_sand", grussand: "gravel_sand",
  morene: "moraine",
  leire: "clay_silt", silt: "clay_silt", leiresilt: "clay_silt",
  matjord: "topsoil", vekstjord: "topsoil", jord: "topsoil",
  blandet: "mixed", blandedemasser: "mixed", blandede: "mixed",
  betong: "concrete", knustbetong: "concrete", betongavfall: "concrete",
  asfalt: "asphalt", returasfalt: "asphalt", fresasfalt: "asphalt", reclaimedasphalt: "asphalt",
  torv: "peat", myr: "peat",
};
const unitNames: Record<string, QuantityUnit> = {
  ...Object.fromEntries(quantityUnits.map((u) => [foldCsvText(u), u])),
  t: "tonnes", tonn: "tonnes", tonne: "tonnes",
  pfm3: "m3_in_place", "pfm³": "m3_in_place", m3inplace: "m3_in_place",
  ulm3: "m3_loose", "ulm³": "m3_loose", m3loose: "m3_loose",
  pam3: "m3_compacted", "pam³": "m3_compacted", m3compacted: "m3_compacted",
};
const directionNames: Record<string, LotInput["direction"]> = {
  surplus: "surplus", overskudd: "surplus", ut: "surplus",
  demand: "demand", behov: "demand", inn: "demand",
};
/** Yes/no cells as people write them, by folded text ("" = no). */
export const booleanNames: Readonly<Record<string, boolean>> = { true: true, ja: true, yes: true, "1": true, false: false, nei: false, no: false, "0": false, "": false };

/** A number as people type it in Norway too: "1 200,5", "1200.5", "1 200". */
export function parseLocaleNumber(text: string): number | undefined {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (compact === "") return undefined;
  const normalised = /^-?\d+(,\d+)?$/.test(compact) ? compact.replace(",", ".") : compact;
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return undefined;
  return Number(normalised);
}

/** One data row read into the parts the importer needs. */
export interface LotCsvRow {
  row: number;
  projectId: string | undefined;
  project: string;
  projectStatus: (typeof projectStatuses)[number];
  /** Where a new project is: WGS84 lon/lat, or east/north in `crs`. */
  position: { kind: "lonlat"; lon: number; lat: number } | { kind: "projected"; east: number; north: number; crs: string | undefined } | undefined;
  lot: LotInput;
}

/**
 * Reads one data row (values by our column names) into a lot, or every problem with it.
 * @param row the row number as a spreadsheet shows it (header = 1).
 */
export function readLotRow(row: number, values: Readonly<Record<string, string>>): { ok: true; value: LotCsvRow } | { ok: false; errors: CsvRowError[] } {
  const errors: CsvRowError[] = [];
  const get = (column: string) => (values[column] ?? "").trim();
  const problem = (column: string, m: Message) => errors.push(csvRowError(row, column, m));

  const project = get("project");
  if (!project && !get("projectId")) problem("project", message("csv.noProject"));
  const statusText = get("projectStatus") || "planned";
  const projectStatus = projectStatuses.find((s) => s === statusText);
  if (!projectStatus) problem("projectStatus", message("csv.badStatus", { value: statusText, values: projectStatuses }));

  const direction = directionNames[foldCsvText(get("direction"))];
  if (!direction) problem("direction", message("csv.badDirection", { value: get("direction") }));
  const material = materialNames[foldCsvText(get("material"))];
  if (!material) problem("material", message("csv.badMaterial", { value: get("material"), values: materials }));
  const unit = unitNames[foldCsvText(get("unit"))];
  if (!unit) problem("unit", message("csv.badUnit", { value: get("unit") }));
  const quantity = parseLocaleNumber(get("quantity"));
  if (quantity === undefined) problem("quantity", message("csv.notNumber", { value: get("quantity") }));
  const contaminationClass = parseLocaleNumber(get("contaminationClass"));
  if (contaminationClass === undefined) problem("contaminationClass", message("csv.badClass", { value: get("contaminationClass") }));
  const hazardous = booleanNames[foldCsvText(get("hazardous"))];
  if (hazardous === undefined) problem("hazardous", message("csv.badBoolean", { value: get("hazardous") }));
  const profileText = get("monthlyProfile");
  const monthlyProfile = profileText ? profileText.split("|").map((share) => parseLocaleNumber(share)) : undefined;
  if (monthlyProfile?.some((share) => share === undefined)) problem("monthlyProfile", message("csv.badProfile", { value: profileText }));

  const position = readPosition(get, problem);
  if (errors.length > 0) return { ok: false, errors };

  const candidate = {
    direction,
    material,
    contaminationClass,
    quantity: { value: quantity, unit },
    window: { from: get("from"), to: get("to") },
    hazardous,
    notes: get("notes"),
    ...(monthlyProfile ? { monthlyProfile } : {}),
  };
  const parsed = lotInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const columnOf: Record<string, string> = { "quantity.value": "quantity", "window.from": "from", "window.to": "to" };
    return {
      ok: false,
      errors: fieldsOf(parsed.error).map(({ path, ...problem }) => ({ row, column: columnOf[path] ?? path.split(".")[0] ?? path, ...problem })),
    };
  }
  return { ok: true, value: { row, projectId: get("projectId") || undefined, project, projectStatus: projectStatus!, position, lot: parsed.data } };
}

function readPosition(get: (column: string) => string, problem: (column: string, m: Message) => void): LotCsvRow["position"] {
  const lonText = get("lon");
  const latText = get("lat");
  const eastText = get("east");
  const northText = get("north");
  if (lonText || latText) {
    const lon = parseLocaleNumber(lonText);
    const lat = parseLocaleNumber(latText);
    if (lon === undefined) problem("lon", message("csv.badLon", { value: lonText }));
    if (lat === undefined) problem("lat", message("csv.badLat", { value: latText }));
    return lon === undefined || lat === undefined ? undefined : { kind: "lonlat", lon, lat };
  }
  if (eastText || northText) {
    const east = parseLocaleNumber(eastText);
    const north = parseLocaleNumber(northText);
    if (east === undefined) problem("east", message("csv.badEast", { value: eastText }));
    if (north === undefined) problem("north", message("csv.badNorth", { value: northText }));
    return east === undefined || north === undefined ? undefined : { kind: "projected", east, north, crs: get("crs") || undefined };
  }
  return undefined;
}

/** A lot as a CSV row with our column names (the export). */
export function lotToCsvRow(
  project: { id: string; name: string; status: string; lonLat: [number, number] },
  lot: LotInput,
): Record<string, string> {
  return {
    projectId: project.id,
    project: project.name,
    projectStatus: project.status,
    lon: project.lonLat[0].toFixed(6),
    lat: project.lonLat[1].toFixed(6),
    east: "",
    north: "",
    crs: "",
    direction: lot.direction,
    material: lot.material,
    contaminationClass: String(lot.contaminationClass),
    quantity: String(lot.quantity.value),
    unit: lot.quantity.unit,
    from: lot.window.from,
    to: lot.window.to,
    hazardous: String(lot.hazardous),
    monthlyProfile: lot.monthlyProfile ? lot.monthlyProfile.join("|") : "",
    notes: lot.notes,
  };
}
