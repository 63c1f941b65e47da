// Excel workbooks (.xlsx) with exceljs, in Node and the browser. exceljs is loaded when a workbook
// is read or written, not with the module: it is large (see README, "Libraries and why").
import type { Cell, CellValue, Workbook, Worksheet } from "exceljs";
import type { CsvTable } from "../csv/csv-table";
import type { ReadOutcome } from "../geojson-input";
import { looksLikeZip, zipEntryNames, zipLimitProblem, type ZipLimits } from "./zip-archive";
import { messageOf, problemIn } from "./vector-data";

async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import("exceljs");
  return new ExcelJS.Workbook();
}

/** A sheet read as text cells, like a CSV file, with the spreadsheet's own row numbers. */
export interface SheetTable extends CsvTable {
  /** The sheet's name. */
  sheet: string;
  /** The spreadsheet row number of each row in `rows` (the header is row 1; blank rows are left out). */
  rowNumbers: number[];
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * A cell as the text a CSV file would hold: numbers in full with a decimal point, booleans
 * true/false, formulas by their result, rich text and links by their text. A date is "YYYY-MM"
 * when it is the first of a month at midnight (Excel turns a typed "2026-03" into 1 March 2026,
 * and a month is what was meant), else "YYYY-MM-DD".
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) {
    const month = `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}`;
    const midnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    return value.getUTCDate() === 1 && midnight ? month : `${month}-${pad2(value.getUTCDate())}`;
  }
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: CellValue }).result ?? null);
  if ("hyperlink" in value) return cellText((value as { text?: CellValue }).text ?? "");
  if ("error" in value) return String(value.error);
  return "";
}

/** True when the bytes are an old binary Excel file (OLE compound document, .xls). */
const looksLikeXls = (bytes: Uint8Array) => bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

export interface SheetReadOptions {
  /** The file name or label used in messages. */
  source?: string;
  /** The sheet to read (by name, case-insensitive); default `pickSheet`'s choice, else the first. */
  sheet?: string;
  /** Chooses among the sheets when `sheet` is not given, by their header rows (default the first sheet). */
  pickSheet?: (headerRows: { name: string; headers: string[] }[]) => string | undefined;
  limits?: ZipLimits;
}

function headerRow(worksheet: Worksheet): string[] {
  const row = worksheet.getRow(1);
  const headers: string[] = [];
  for (let column = 1; column <= worksheet.columnCount; column++) headers.push(cellText(row.getCell(column).value).trim());
  while (headers.length > 0 && headers[headers.length - 1] === "") headers.pop();
  return headers;
}

/**
 * One sheet of an .xlsx workbook as header and rows of text (see `cellText`), the shape the CSV
 * importers read, with the spreadsheet's row numbers. Refuses an old .xls, a file that is not a
 * workbook, a damaged one, one that unpacks too large, and a sheet without a header row.
 */
export async function readSheetTable(bytes: Uint8Array, options: SheetReadOptions = {}): Promise<ReadOutcome<SheetTable>> {
  const { source } = options;
  if (looksLikeXls(bytes)) return problemIn(source, "an old Excel 97–2003 workbook (.xls); save it as an Excel workbook (.xlsx) and try again.");
  if (!looksLikeZip(bytes)) return problemIn(source, "not an Excel workbook (.xlsx).");
  const refused = zipLimitProblem(bytes, source, options.limits ? { limits: options.limits } : {});
  if (refused) return refused;
  if (!(zipEntryNames(bytes) ?? []).some((name) => name.toLowerCase() === "xl/workbook.xml")) {
    return problemIn(source, "a zip archive, but not an Excel workbook (.xlsx): it has no xl/workbook.xml.");
  }
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return problemIn(source, `the Excel workbook is damaged or not an .xlsx (${messageOf(error)}).`);
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) return problemIn(source, "the Excel workbook has no sheets.");
  let worksheet: Worksheet | undefined;
  if (options.sheet !== undefined) {
    worksheet = sheets.find((candidate) => candidate.name.toLowerCase() === options.sheet!.trim().toLowerCase());
    if (!worksheet) return problemIn(source, `the workbook has no sheet "${options.sheet}"; its sheets are ${sheets.map((candidate) => `"${candidate.name}"`).join(", ")}.`);
  } else {
    const picked = options.pickSheet?.(sheets.map((candidate) => ({ name: candidate.name, headers: headerRow(candidate) })));
    worksheet = sheets.find((candidate) => candidate.name === picked) ?? sheets[0]!;
  }
  const headers = headerRow(worksheet);
  if (headers.length === 0) return problemIn(source, `sheet "${worksheet.name}": the first row must hold the column headers, and it is empty.`);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = headers.map((_, k) => cellText((row.getCell(k + 1) as Cell).value));
    if (cells.every((cell) => cell.trim() === "")) return;
    rows.push(cells);
    rowNumbers.push(rowNumber);
  });
  return { ok: true, value: { sheet: worksheet.name, headers, rows, rowNumbers, problems: [] }, warnings: [] };
}

/** A column of a sheet to write. */
export interface SheetColumn {
  key: string;
  header: string;
  /** Width in characters (default from the header). */
  width?: number;
  /** Excel number format, e.g. "#,##0" or "0.0 %". */
  numberFormat?: string;
}

export type SheetValue = string | number | boolean | null | undefined;

export interface SheetSpec {
  /** The sheet's name (Excel allows 31 characters, without : \ / ? * [ ]). */
  name: string;
  columns: readonly SheetColumn[];
  rows: readonly Readonly<Record<string, SheetValue>>[];
}

/** A sheet name Excel accepts. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, "-").slice(0, 31) || "Sheet";

/**
 * An .xlsx workbook with a sheet per table: a bold, frozen header row with filters, numbers as
 * numbers with their format, and columns wide enough for their header.
 */
export async function writeWorkbook(sheets: readonly SheetSpec[], { creator = "Massekart" }: { creator?: string } = {}): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = creator;
  workbook.created = new Date();
  for (const spec of sheets) {
    const worksheet = workbook.addWorksheet(sheetName(spec.name), { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.columns = spec.columns.map((column) => ({
      key: column.key,
      header: column.header,
      width: column.width ?? Math.max(10, Math.min(60, column.header.length + 2)),
      ...(column.numberFormat ? { style: { numFmt: column.numberFormat } } : {}),
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) worksheet.addRow(Object.fromEntries(spec.columns.map((column) => [column.key, row[column.key] ?? null])));
    if (spec.columns.length > 0) worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
