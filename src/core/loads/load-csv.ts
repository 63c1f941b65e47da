/**
 * The weighbridge CSV of delivered loads (issue 16): `time;from_lot|from_site;to_lot|to_site;
 * tonnes|m3;vehicle;ticket`, `;` or `,` separated, Norwegian decimal commas accepted. A `*_lot`
 * cell holds a lot id, a `*_site` cell a site id or its exact name (resolved by the server). Pure:
 * headers through the lot CSV's `mapHeaders`, numbers through its `parseLocaleNumber`.
 */
import { fieldsOf } from "../domain/api-error";
import { csvRowError, csvRowErrorSchema, type CsvRowError } from "../domain/registry-api";
import { message } from "../messages/message";
import { parseLocaleNumber, type CsvColumn } from "../registry/lot-csv";
import { z } from "zod";
import { loadInputSchema, type LoadInput } from "./load";

export const loadCsvColumns: readonly CsvColumn[] = [
  { name: "time", aliases: ["tid", "tidspunkt", "dato", "date"], required: true, en: "Date and time with offset, e.g. 2027-03-04T07:30+01:00", nb: "Dato og klokkeslett med tidssone, f.eks. 2027-03-04T07:30+01:00" },
  { name: "from_lot", aliases: ["fra_parti", "fromlot"], required: false, en: "Id of the lot the load came from", nb: "Id til partiet lasset kom fra" },
  { name: "from_site", aliases: ["fra_omrade", "fra_anlegg", "fromsite"], required: false, en: "Id or exact name of the site the load came from", nb: "Id eller nøyaktig navn på området lasset kom fra" },
  { name: "to_lot", aliases: ["til_parti", "tolot"], required: false, en: "Id of the lot the load went to", nb: "Id til partiet lasset gikk til" },
  { name: "to_site", aliases: ["til_omrade", "til_anlegg", "mottak", "tosite"], required: false, en: "Id or exact name of the receiving site", nb: "Id eller nøyaktig navn på mottaket" },
  { name: "tonnes", aliases: ["tonn", "t", "netto", "vekt"], required: false, en: "Net weight, t (decimal point or comma)", nb: "Nettovekt, tonn (desimalpunktum eller -komma)" },
  { name: "m3", aliases: ["m³", "kubikk", "volum"], required: false, en: "Volume on the truck, m³ loose (when there is no weight)", nb: "Volum på lasset, løse m³ (når vekt mangler)" },
  { name: "vehicle", aliases: ["kjoretoy", "regnr", "kjennemerke", "bil"], required: false, en: "Vehicle registration", nb: "Kjennemerke" },
  { name: "ticket", aliases: ["veieseddel", "seddel", "bilag", "ticketno"], required: false, en: "Weighbridge ticket number (unique per receiving site)", nb: "Veieseddelnummer (unikt per mottak)" },
];

/** A row read: the load with its ends still as written (site names not yet resolved). */
export interface LoadCsvRow {
  row: number;
  from: { lotId: string } | { site: string };
  to: { lotId: string } | { site: string };
  time: string;
  quantity: LoadInput["quantity"];
  vehicle: string;
  ticket: string;
}

/** Reads one data row (values by column name); errors name the row and column. */
export function readLoadRow(row: number, values: Readonly<Record<string, string>>): { ok: true; value: LoadCsvRow } | { ok: false; errors: CsvRowError[] } {
  const errors: CsvRowError[] = [];
  const cell = (name: string) => (values[name] ?? "").trim();
  const end = (side: "from" | "to"): LoadCsvRow["from"] | undefined => {
    const lot = cell(`${side}_lot`);
    const site = cell(`${side}_site`);
    if (lot && site) errors.push(csvRowError(row, `${side}_lot`, message("csv.loadBothEnds", { side })));
    else if (!lot && !site) errors.push(csvRowError(row, `${side}_lot`, message("csv.loadNoEnd", { side })));
    else return lot ? { lotId: lot } : { site };
    return undefined;
  };
  const from = end("from");
  const to = end("to");
  let quantity: LoadInput["quantity"] | undefined;
  const tonnesText = cell("tonnes");
  const m3Text = cell("m3");
  if (tonnesText && m3Text) errors.push(csvRowError(row, "tonnes", message("csv.loadTonnesOrM3")));
  else if (!tonnesText && !m3Text) errors.push(csvRowError(row, "tonnes", message("csv.loadNoQuantity")));
  else {
    const column = tonnesText ? "tonnes" : "m3";
    const value = parseLocaleNumber(tonnesText || m3Text);
    if (value === undefined) errors.push(csvRowError(row, column, message("csv.notNumber", { value: tonnesText || m3Text })));
    else quantity = { value, unit: tonnesText ? "tonnes" : "m3" };
  }
  if (errors.length > 0 || !from || !to || !quantity) return { ok: false, errors };
  // The same schema as POST /api/loads checks time, quantity, vehicle and ticket.
  const probe = {
    time: cell("time"),
    from: "lotId" in from ? from : { siteId: from.site },
    to: "lotId" in to ? to : { siteId: to.site },
    quantity,
    vehicle: cell("vehicle"),
    ticket: cell("ticket"),
  };
  const parsed = loadInputSchema.safeParse(probe);
  if (!parsed.success) {
    for (const field of fieldsOf(parsed.error)) {
      const head = field.path.split(".")[0] ?? "";
      const end = head === "from" ? from : head === "to" ? to : undefined;
      const column = head === "quantity" ? quantity.unit : end ? `${head}_${"lotId" in end ? "lot" : "site"}` : head;
      errors.push({ row, column, message: field.message, key: field.key, params: field.params });
    }
    return { ok: false, errors };
  }
  return { ok: true, value: { row, from, to, time: parsed.data.time, quantity: parsed.data.quantity, vehicle: parsed.data.vehicle, ticket: parsed.data.ticket } };
}

/** The answer of POST /api/loads/import (`?dryRun=true` only checks). */
export const loadImportReportSchema = z.object({
  valid: z.boolean(),
  dryRun: z.boolean(),
  rows: z.number().int(),
  errors: z.array(csvRowErrorSchema),
  preview: z.array(
    z.object({
      row: z.number().int(),
      time: z.string(),
      from: z.union([z.object({ lotId: z.string() }), z.object({ siteId: z.string() })]),
      to: z.union([z.object({ lotId: z.string() }), z.object({ siteId: z.string() })]),
      tonnes: z.number(),
      vehicle: z.string(),
      ticket: z.string(),
    }),
  ),
  created: z.number().int(),
});
export type LoadImportReport = z.infer<typeof loadImportReportSchema>;
