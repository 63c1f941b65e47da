import Papa from "papaparse";
import { neutraliseFormula, restoreFormulaText } from "../../core/csv/csv-cell";

/** A CSV file read as header + rows of strings, with papaparse's own problems by row. */
export interface CsvTable {
  headers: string[];
  rows: string[][];
  /** Each row's number in its source when it is not data row k = row k + 2 (a workbook sheet's own numbers). */
  rowNumbers?: number[];
  /** Rows papaparse could not read (1-based, header = 1). */
  problems: { row: number; message: string }[];
}

/**
 * Reads CSV text; the delimiter is detected (Norwegian spreadsheets write `;`), a byte-order mark
 * is dropped, and blank lines are skipped.
 */
export function readCsv(text: string): CsvTable {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy", delimiter: "" });
  const [headers = [], ...rows] = result.data;
  return {
    headers,
    // Cells our own exports wrote as text ('=…) read back as they were typed.
    rows: rows.map((row) => row.map(restoreFormulaText)),
    problems: result.errors.map((error) => ({ row: (error.row ?? 0) + 1, message: error.message })),
  };
}

/**
 * Writes rows as CSV with a header, comma-separated, quoting where needed; a cell a spreadsheet would
 * run as a formula is written as text (`neutraliseFormula`).
 */
export function writeCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  return Papa.unparse(
    { fields: [...columns], data: rows.map((row) => columns.map((column) => neutraliseFormula(row[column] ?? ""))) },
    { newline: "\n" },
  );
}
