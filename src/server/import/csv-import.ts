import type { Context } from "hono";
import { csvRowError, type CsvRowError } from "../../core/domain/registry-api";
import { message } from "../../core/messages/message";
import { mapHeaders, type CsvColumn } from "../../core/registry/lot-csv";
import { readCsv, type CsvTable } from "../../io/csv/csv-table";
import type { Database, Queryable } from "../db/database";
import { fail } from "../http";
import { importBatchSize, inBatches, mapYielding } from "./batches";

/** A read row: its number in the file (the header is row 1) and whatever the reader made of it. */
export interface ReadRow {
  row: number;
}

/** What resolving the rows' references gives: each row's target (a project…) and the rows that have none. */
export interface Resolved<Target> {
  targets: Map<number, Target>;
  errors: CsvRowError[];
}

/** The summary every import report carries beside its own preview and counts. */
export interface ImportOutcome {
  valid: boolean;
  dryRun: boolean;
  rows: number;
  errors: CsvRowError[];
}

/**
 * One CSV import (issue 15 item 3), as lots and outdoor lots use it:
 * read rows → resolve references → dry-run preview → write in batches in one transaction, with the
 * references resolved a second time inside it (a project deleted or renamed since the preview
 * refuses the import rather than writing half of it).
 */
export interface CsvImportSpec<Row extends ReadRow, Target, Report extends ImportOutcome, State> {
  columns: readonly CsvColumn[];
  /** One row's cells by column name → the row, or its field errors. */
  readRow(row: number, values: Readonly<Record<string, string>>): { ok: true; value: Row } | { ok: false; errors: CsvRowError[] };
  /** Each row's target, or an error naming row and column; `db` is the transaction on the second check. */
  resolve(db: Queryable, rows: readonly Row[]): Promise<Resolved<Target>>;
  /** The report (preview and outcome) of rows read and resolved. */
  report(outcome: ImportOutcome, rows: readonly Row[], targets: ReadonlyMap<number, Target>): Report;
  /** What the writing needs once, before the first batch (new projects, say), in the transaction. */
  begin(tx: Queryable, rows: readonly Row[], targets: ReadonlyMap<number, Target>, report: Report): Promise<State>;
  /** Writes one batch of rows (multi-row inserts and their audit rows) and counts them in `report`. */
  write(tx: Queryable, batch: readonly { row: Row; target: Target }[], state: State, report: Report): Promise<void>;
}

/**
 * Runs an import of CSV `input` (text, or a table already read, e.g. a workbook sheet): 400
 * `invalid_csv` for an empty text; a report with 200 for a dry run,
 * 400 when any row is wrong (nothing written), 201 when every row was written.
 */
export async function runCsvImport<Row extends ReadRow, Target, Report extends ImportOutcome, State>(
  c: Context,
  db: Database,
  input: string | CsvTable,
  dryRun: boolean,
  spec: CsvImportSpec<Row, Target, Report, State>,
): Promise<{ status: 200 | 201 | 400; report: Report } | Response> {
  if (typeof input === "string" && input.trim() === "") return fail(c, 400, "invalid_csv", message("error.csvEmpty"));
  const csv = typeof input === "string" ? readCsv(input) : input;
  const headers = mapHeaders(csv.headers, spec.columns);
  const errors: CsvRowError[] = [...headers.errors, ...csv.problems.map((p) => csvRowError(p.row, "", message("csv.unreadable", { detail: p.message })))];
  const rows: Row[] = [];
  if (headers.errors.length === 0) {
    const read = await mapYielding(csv.rows, (cells, index) => {
      const values: Record<string, string> = {};
      headers.columns.forEach((column, i) => {
        if (column) values[column] = cells[i] ?? "";
      });
      return spec.readRow(csv.rowNumbers?.[index] ?? index + 2, values);
    });
    for (const result of read) {
      if (result.ok) rows.push(result.value);
      else errors.push(...result.errors);
    }
  }
  const resolved = await spec.resolve(db, rows);
  errors.push(...resolved.errors);
  const outcome = (all: CsvRowError[]): ImportOutcome => ({ valid: all.length === 0, dryRun, rows: csv.rows.length, errors: [...all].sort((a, b) => a.row - b.row) });
  const report = spec.report(outcome(errors), rows, resolved.targets);
  if (dryRun) return { status: 200, report };
  if (!report.valid) return { status: 400, report };

  // All rows in one transaction, in batches: a failure or a restart half-way leaves nothing written,
  // and other requests are served between batches.
  const written = await db.transaction(async (tx) => {
    const again = await spec.resolve(tx, rows);
    if (again.errors.length > 0) return { status: 400 as const, report: spec.report(outcome(again.errors), rows, again.targets) };
    const final = spec.report(outcome([]), rows, again.targets);
    const state = await spec.begin(tx, rows, again.targets, final);
    await inBatches(rows, importBatchSize, (batch) => spec.write(tx, batch.map((row) => ({ row, target: again.targets.get(row.row)! })), state, final));
    return { status: 201 as const, report: final };
  });
  return written;
}
