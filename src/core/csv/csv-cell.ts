/**
 * CSV cells that a spreadsheet cannot mistake for formulas (issue 12, "CSV injection"): Excel,
 * LibreOffice and Google Sheets run a cell that begins with `=`, `+`, `-` or `@` (and some a tab or
 * carriage return before one) as a formula, so a project named `=HYPERLINK(…)` typed by one user
 * would run on the computer of the planner who opens the export. Such a cell gets a leading `'`,
 * which the spreadsheets show as text (OWASP's advice). A cell that is a plain number, `-12.5`
 * included, is left alone so numbers stay numbers. Every CSV export writes its cells through here.
 */

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The text of one cell as a spreadsheet will read it as text: `'=1+2` for `=1+2`, `-12.5` as is. */
export function neutraliseFormula(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  if (typeof value === "number" || plainNumber.test(text)) return text;
  return formulaStart.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: formula-neutralised, then quoted when it holds a quote, comma or line break. */
export function csvField(value: string | number | null | undefined): string {
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The cell as it was before `neutraliseFormula`, so an exported file imports back unchanged:
 * `'=1+2` → `=1+2`. A `'` before anything else stays.
 */
export function restoreFormulaText(cell: string): string {
  return cell.startsWith("'") && formulaStart.test(cell.slice(1)) && !plainNumber.test(cell.slice(1)) ? cell.slice(1) : cell;
}
