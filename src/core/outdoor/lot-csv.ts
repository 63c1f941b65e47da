/**
 * The CSV format of outdoor-material lots (import and export), pure: columns with English and
 * Norwegian headers, and the reading of one row into a lot. The header mapper, number reader and
 * text folding are the mass lots' (src/core/registry/lot-csv.ts); parsing the file is in src/io.
 */
import { fieldsOf } from "../domain/api-error";
import { message, type Message } from "../messages/message";
import { csvRowError, type CsvRowError } from "../domain/registry-api";
import { booleanNames, foldCsvText, parseLocaleNumber, type CsvColumn } from "../registry/lot-csv";
import { outdoorUnits, type OutdoorMaterialType, type OutdoorUnit } from "./catalogue";
import {
  largeOutdoorLotTonnes,
  outdoorLotInputSchema,
  type OutdoorCondition,
  type OutdoorDirection,
  type OutdoorLotDirectionFields,
  type OutdoorLotInput,
  type StoredOutdoorLot,
} from "./model";

export const outdoorLotCsvColumns: readonly CsvColumn[] = [
  { name: "projectId", aliases: ["prosjektid"], required: false, en: "Id of an existing project (wins over the name)", nb: "Id til et eksisterende prosjekt (går foran navnet)" },
  { name: "project", aliases: ["prosjekt", "prosjektnavn", "projectname"], required: false, en: "Name of an existing project (when projectId is empty)", nb: "Navn på et eksisterende prosjekt (når prosjektid er tom)" },
  { name: "direction", aliases: ["retning"], required: true, en: "available or wanted (tilgjengelig, ønsket)", nb: "tilgjengelig eller ønsket (available, wanted)" },
  { name: "type", aliases: ["typeid", "materialtype", "type materiale", "materiale"], required: true, en: "Type id or name from the catalogue, e.g. granite_kerb", nb: "Type-id eller navn fra katalogen, f.eks. granite_kerb eller Kantstein av granitt" },
  { name: "quantity", aliases: ["mengde", "antall"], required: true, en: "Amount in the type's unit, > 0 (decimal point or comma)", nb: "Mengde i typens enhet, > 0 (desimalpunktum eller -komma)" },
  { name: "unit", aliases: ["enhet"], required: false, en: "Checked against the type's unit when given: pieces, m, m2, tonnes, m3", nb: "Kontrolleres mot typens enhet: stk, m, m2, tonn, m3" },
  { name: "condition", aliases: ["tilstand"], required: true, en: "reusable or needs_repair (wanted lots: the worst accepted)", nb: "gjenbrukbar eller må repareres (ønsket: dårligste som godtas)" },
  { name: "availableFrom", aliases: ["tilgjengeligfra", "fra", "from"], required: false, en: "Available lots: month taken out, YYYY-MM", nb: "Tilgjengelig: måned den tas ut, ÅÅÅÅ-MM" },
  { name: "wantedByProjectId", aliases: ["mottakerprosjektid", "ønsketavprosjektid"], required: false, en: "Available lots: id of the receiving project, if known", nb: "Tilgjengelig: id til mottakende prosjekt, om kjent" },
  { name: "wantedByMonth", aliases: ["mottakermåned", "ønsketmåned", "hentes"], required: false, en: "Available lots: month it leaves storage, YYYY-MM, if known", nb: "Tilgjengelig: måned den hentes fra lager, ÅÅÅÅ-MM, om kjent" },
  { name: "neededBy", aliases: ["behovfra", "trengesinnen", "behovsmåned"], required: false, en: "Wanted lots: month needed by, YYYY-MM", nb: "Ønsket: måned det trengs, ÅÅÅÅ-MM" },
  { name: "storageSiteId", aliases: ["lagerplassid", "lagerid", "siteid"], required: false, en: "Available lots: storage site id (default the nearest suitable)", nb: "Tilgjengelig: id til lagerplass (standard nærmeste egnede)" },
  { name: "notes", aliases: ["merknad", "merknader", "kommentar"], required: false, en: "Free text", nb: "Fritekst" },
  { name: "confirmLarge", aliases: ["bekreftstor"], required: false, en: `yes to confirm a lot over ${largeOutdoorLotTonnes.toLocaleString("en-GB")} t`, nb: `ja for å bekrefte en lott over ${largeOutdoorLotTonnes.toLocaleString("nb-NO")} tonn` },
];

const directionNames: Record<string, OutdoorDirection> = {
  available: "available", tilgjengelig: "available", tilbud: "available", ut: "available",
  wanted: "wanted", onsket: "wanted", behov: "wanted", inn: "wanted",
};
const conditionNames: Record<string, OutdoorCondition> = {
  reusable: "reusable", gjenbrukbar: "reusable", somdener: "reusable", god: "reusable",
  needsrepair: "needs_repair", marepareres: "needs_repair", reparasjon: "needs_repair", repareres: "needs_repair",
};
const unitNames: Record<string, OutdoorUnit> = {
  ...Object.fromEntries(outdoorUnits.map((unit) => [foldCsvText(unit), unit])),
  stk: "pieces", pcs: "pieces", stykk: "pieces", piece: "pieces",
  meter: "m", lm: "m", metre: "m",
  kvm: "m2",
  t: "tonnes", tonn: "tonnes", tonne: "tonnes",
};

/** The type a cell names: its id, or its Norwegian or English name (folded). */
export function typeNamed(cell: string, types: readonly OutdoorMaterialType[]): OutdoorMaterialType | undefined {
  const folded = foldCsvText(cell);
  return types.find((type) => [type.id, type.names.nb, type.names.en].some((name) => foldCsvText(name) === folded));
}

/** One data row read into the parts the importer needs. */
export interface OutdoorLotCsvRow {
  row: number;
  projectId: string | undefined;
  project: string;
  lot: OutdoorLotInput;
}

/**
 * Reads one data row (values by our column names) into a lot, or every problem with it.
 * @param row the row number as a spreadsheet shows it (header = 1).
 */
export function readOutdoorLotRow(
  row: number,
  values: Readonly<Record<string, string>>,
  types: readonly OutdoorMaterialType[],
): { ok: true; value: OutdoorLotCsvRow } | { ok: false; errors: CsvRowError[] } {
  const errors: CsvRowError[] = [];
  const get = (column: string) => (values[column] ?? "").trim();
  const problem = (column: string, m: Message) => errors.push(csvRowError(row, column, m));

  const project = get("project");
  const projectId = get("projectId") || undefined;
  if (!project && !projectId) problem("project", message("csv.noProjectOrId"));
  const direction = directionNames[foldCsvText(get("direction"))];
  if (!direction) problem("direction", message("csv.badOutdoorDirection", { value: get("direction") }));
  const type = typeNamed(get("type"), types);
  if (!type) problem("type", message("csv.badType", { value: get("type"), example: types[0]?.id ?? "granite_kerb" }));
  const quantity = parseLocaleNumber(get("quantity"));
  if (quantity === undefined) problem("quantity", message("csv.notNumber", { value: get("quantity") }));
  const unitText = get("unit");
  if (unitText && type) {
    const unit = unitNames[foldCsvText(unitText)];
    if (unit !== type.unit) problem("unit", message("csv.wrongUnit", { value: unitText, type: type.names, unit: type.unit }));
  }
  const condition = conditionNames[foldCsvText(get("condition"))];
  if (!condition) problem("condition", message("csv.badCondition", { value: get("condition") }));
  const confirmLarge = booleanNames[foldCsvText(get("confirmLarge"))];
  if (confirmLarge === undefined) problem("confirmLarge", message("csv.badBoolean", { value: get("confirmLarge") }));
  const wantedByMonth = get("wantedByMonth");
  const wantedByProjectId = get("wantedByProjectId");
  if (wantedByProjectId && !wantedByMonth) problem("wantedByMonth", message("csv.wantedByMonthRequired"));
  // Without these the row cannot become a lot; with them, the schema's findings join the ones above.
  if (!direction || !type || quantity === undefined || !condition) return { ok: false, errors };

  const candidate = {
    direction,
    typeId: type.id,
    quantity,
    condition,
    ...(get("availableFrom") ? { availableFrom: get("availableFrom") } : {}),
    ...(wantedByMonth ? { wantedBy: { month: wantedByMonth, ...(wantedByProjectId ? { projectId: wantedByProjectId } : {}) } } : {}),
    ...(get("neededBy") ? { neededBy: get("neededBy") } : {}),
    ...(get("storageSiteId") ? { storageSiteId: get("storageSiteId") } : {}),
    notes: get("notes"),
    ...(confirmLarge ? { confirmLarge } : {}),
  };
  const parsed = outdoorLotInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const columnOf: Record<string, string> = { typeId: "type", "wantedBy.month": "wantedByMonth", "wantedBy.projectId": "wantedByProjectId", wantedBy: "wantedByMonth" };
    errors.push(...fieldsOf(parsed.error).map(({ path, ...problem }) => ({ row, column: columnOf[path] ?? path, ...problem })));
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { row, projectId, project, lot: parsed.data } };
}

/** A lot as a CSV row with our column names (the export). */
export function outdoorLotToCsvRow(
  project: { id: string; name: string },
  lot: StoredOutdoorLot & { unit: OutdoorUnit; tonnes: number },
): Record<string, string> {
  const { availableFrom, wantedBy, neededBy, storageSiteId }: OutdoorLotDirectionFields = lot;
  return {
    projectId: project.id,
    project: project.name,
    direction: lot.direction,
    type: lot.typeId,
    quantity: String(lot.quantity),
    unit: lot.unit,
    condition: lot.condition,
    availableFrom: availableFrom ?? "",
    wantedByProjectId: wantedBy?.projectId ?? "",
    wantedByMonth: wantedBy?.month ?? "",
    neededBy: neededBy ?? "",
    storageSiteId: storageSiteId ?? "",
    notes: lot.notes,
    // A lot that needed confirming on the way in needs it again on the way back.
    confirmLarge: lot.tonnes > largeOutdoorLotTonnes ? "yes" : "",
  };
}
