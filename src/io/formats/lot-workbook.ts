// Mass lots in Excel: the same columns as the lot CSV (core/registry/lot-csv.ts), read into the
// same text rows the CSV reader gives, so an .xlsx import goes through the same row reader and
// dry-run preview; and the lot export as a workbook.
import { lotCsvColumns, mapHeaders } from "../../core/registry/lot-csv";
import type { ReadOutcome } from "../geojson-input";
import { readSheetTable, writeWorkbook, type SheetColumn, type SheetReadOptions, type SheetTable, type SheetValue } from "./workbook";

/** How many of a header row's cells name lot columns (English or Norwegian). */
const knownColumns = (headers: readonly string[]) => mapHeaders(headers).columns.filter((column) => column !== undefined).length;

/**
 * The lot rows of an .xlsx workbook: the sheet named, else the sheet whose first row names the
 * most lot columns. Headers and cells come back as the text a CSV file holds (numbers with a
 * decimal point; decimal commas typed as text stay text, which the row reader accepts), for
 * `mapHeaders` and `readLotRow`; `rowNumbers` are the spreadsheet's own row numbers for messages.
 */
export function readLotWorkbook(bytes: Uint8Array, options: Omit<SheetReadOptions, "pickSheet"> = {}): Promise<ReadOutcome<SheetTable>> {
  return readSheetTable(bytes, {
    ...options,
    pickSheet: (sheets) => {
      const ranked = sheets.map((sheet) => ({ name: sheet.name, known: knownColumns(sheet.headers) })).sort((a, b) => b.known - a.known);
      return ranked[0] && ranked[0].known > 0 ? ranked[0].name : undefined;
    },
  });
}

/** Lot columns that hold numbers: written as numbers so Excel sums and sorts them. */
const numericColumns = new Set(["lon", "lat", "east", "north", "contaminationClass", "quantity"]);

/** A cell value of the lot export: numbers as numbers, true/false as booleans, the rest as text. */
function lotCell(column: string, text: string | undefined): SheetValue {
  if (text === undefined || text === "") return null;
  if (numericColumns.has(column)) {
    const value = Number(text);
    return Number.isFinite(value) ? value : text;
  }
  if (column === "hazardous" && (text === "true" || text === "false")) return text === "true";
  return text;
}

/**
 * The lot export as an .xlsx workbook: a sheet of lots with the CSV's columns and headers (so it
 * imports again unchanged), and a sheet that explains each column in the language asked for.
 * @param rows lots as `lotToCsvRow` gives them
 */
export function writeLotWorkbook(rows: readonly Readonly<Record<string, string>>[], { language = "nb" }: { language?: "nb" | "en" } = {}): Promise<Uint8Array> {
  const columns: SheetColumn[] = lotCsvColumns.map((column) => ({
    key: column.name,
    header: column.name,
    width: column.name === "notes" ? 40 : column.name === "project" ? 28 : undefined,
    ...(column.name === "lon" || column.name === "lat" ? { numberFormat: "0.000000" } : {}),
    ...(column.name === "quantity" ? { numberFormat: "#,##0.###" } : {}),
  }));
  const nb = language === "nb";
  return writeWorkbook([
    {
      name: nb ? "Massepartier" : "Lots",
      columns,
      rows: rows.map((row) => Object.fromEntries(lotCsvColumns.map((column) => [column.name, lotCell(column.name, row[column.name])]))),
    },
    {
      name: nb ? "Kolonner" : "Columns",
      columns: [
        { key: "column", header: nb ? "Kolonne" : "Column", width: 22 },
        { key: "aliases", header: nb ? "Også lest som" : "Also read as", width: 36 },
        { key: "required", header: nb ? "Påkrevd" : "Required", width: 10 },
        { key: "meaning", header: nb ? "Betydning" : "Meaning", width: 80 },
      ],
      rows: lotCsvColumns.map((column) => ({
        column: column.name,
        aliases: column.aliases.join(", "),
        required: column.required ? (nb ? "ja" : "yes") : nb ? "nei" : "no",
        meaning: nb ? column.nb : column.en,
      })),
    },
  ]);
}
