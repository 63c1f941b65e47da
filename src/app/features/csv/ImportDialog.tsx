/**
 * CSV (or .xlsx) import of lots: choose a file (and the coordinate system of east/north columns), see the
 * server's dry run — every row to be written and every bad row with its row number, column and
 * reason — and only then import, all rows or none.
 */
import { useId, useState } from "react";
import type { CsvRowError, LotImportReport } from "../../../core/domain/registry-api";
import { lotCsvColumns } from "../../../core/registry/lot-csv";
import { importLots, importLotsWorkbook } from "../../api/client";
import { failureMessage, type Message } from "../../api/failure-message";
import { useT, type Translator } from "../../i18n/use-t";
import { Dialog } from "../../ui/Dialog";
import { fieldMessage } from "../../i18n/field-errors";
import { reloadProjects } from "../projects/project-actions";

/** Coordinate systems offered for east/north columns (rows with lon/lat are WGS84 anyway). */
export const importCrsOptions = ["EPSG:25832", "EPSG:25833", "EPSG:25835"] as const;

/** The chosen file: CSV text, or an Excel workbook's bytes (issue 13). */
type LotFile = { csv: string } | { xlsx: ArrayBuffer; name: string };

const importLotFile = (file: LotFile, options: { dryRun: boolean; crs: string }) =>
  "csv" in file ? importLots(file.csv, options) : importLotsWorkbook(file.xlsx, { ...options, fileName: file.name });

type Phase =
  | { step: "choose" }
  | { step: "checking" }
  | { step: "checked"; report: LotImportReport }
  | { step: "importing"; report: LotImportReport }
  | { step: "imported"; report: LotImportReport }
  | { step: "failed"; message: Message; report?: LotImportReport };

/** A report's problem in the user's language (as the server wrote it when the key is unknown). */
export function csvProblem(problem: CsvRowError, tr: Translator): string {
  const known = fieldMessage(problem);
  return tr.t(known.key, known.params);
}

function ColumnsHelp({ tr }: { tr: Translator }) {
  const { t, lang } = tr;
  return (
    <details className="columns-help">
      <summary>{t("import.columns")}</summary>
      <div className="table-scroll">
        <table className="lots-table">
          <caption>{t("import.columnsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("import.column")}</th>
              <th scope="col">{t("import.alsoRead")}</th>
              <th scope="col">{t("import.meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {lotCsvColumns.map((column) => (
              <tr key={column.name}>
                <td>
                  <code>{column.name}</code>
                  {column.required && <span className="flag"> *</span>}
                </td>
                <td>{column.aliases.join(", ")}</td>
                <td>{lang === "nb" ? column.nb : column.en}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="field-hint">{t("import.requiredNote")}</p>
    </details>
  );
}

/**
 * What a CSV check found, for any CSV import: how many rows are fine and bad, and every bad row
 * with its column and reason (translated where the reason is known).
 */
export function CsvCheckSummary({
  rows,
  previewCount,
  errors,
  tr,
}: {
  rows: number;
  previewCount: number;
  errors: readonly CsvRowError[];
  tr: Translator;
}) {
  const { t } = tr;
  return (
    <>
      <p className="import-summary" role="status">
        {t("import.summary", { rows, ok: previewCount, bad: new Set(errors.map((e) => e.row)).size })}
      </p>
      {errors.length > 0 && (
        <div className="table-scroll import-table">
          <table className="lots-table import-errors">
            <caption className="visible-caption">{t("import.errorsCaption", { count: errors.length })}</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">{t("import.row")}</th>
                <th scope="col">{t("import.column")}</th>
                <th scope="col">{t("import.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((error, i) => (
                <tr key={`${error.row}-${error.column}-${i}`}>
                  <td className="numeric">{error.row}</td>
                  <td>
                    <code>{error.column}</code>
                  </td>
                  <td>{csvProblem(error, tr)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function ReportTables({ report, tr }: { report: LotImportReport; tr: Translator }) {
  const { t, withUnit } = tr;
  return (
    <>
      <CsvCheckSummary rows={report.rows} previewCount={report.preview.length} errors={report.errors} tr={tr} />
      {report.preview.length > 0 && (
        <div className="table-scroll import-table">
          <table className="lots-table import-preview">
            <caption className="visible-caption">{t("import.previewCaption", { count: report.preview.length })}</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">{t("import.row")}</th>
                <th scope="col">{t("import.project")}</th>
                <th scope="col">{t("lots.direction")}</th>
                <th scope="col">{t("lots.material")}</th>
                <th scope="col">{t("lots.class")}</th>
                <th scope="col" className="numeric">{t("lots.quantity")}</th>
                <th scope="col" className="numeric">{t("lots.tonnes")}</th>
                <th scope="col">{t("lots.months")}</th>
              </tr>
            </thead>
            <tbody>
              {report.preview.map((row) => (
                <tr key={row.row}>
                  <td className="numeric">{row.row}</td>
                  <td>
                    {row.project}
                    {row.newProject && <span className="badge badge-new">{t("import.newProject")}</span>}
                  </td>
                  <td>{t(`direction.${row.lot.direction}`)}</td>
                  <td>{t(`material.${row.lot.material}`)}</td>
                  <td>{row.lot.contaminationClass}</td>
                  <td className="numeric">{withUnit(row.lot.quantity.value, t(`unit.${row.lot.quantity.unit}`), 3)}</td>
                  <td className="numeric">{withUnit(row.tonnes, t("unit.tonnes"))}</td>
                  <td className="nowrap">
                    {row.lot.window.from}–{row.lot.window.to}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const tr = useT();
  const { t } = tr;
  const [csv, setCsv] = useState<LotFile | null>(null);
  const [crs, setCrs] = useState<string>(importCrsOptions[0]);
  const [phase, setPhase] = useState<Phase>({ step: "choose" });
  const fileId = useId();
  const crsId = useId();

  const check = async (file: LotFile, withCrs: string) => {
    setPhase({ step: "checking" });
    const result = await importLotFile(file, { dryRun: true, crs: withCrs });
    if (!result.ok) setPhase({ step: "failed", message: failureMessage(result.failure) });
    else setPhase({ step: "checked", report: result.report });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    // An Excel workbook goes to the same import as a CSV file; only the server's row reader differs.
    const read: LotFile = /\.xlsx$/i.test(file.name) ? { xlsx: await file.arrayBuffer(), name: file.name } : { csv: await file.text() };
    setCsv(read);
    await check(read, crs);
  };

  const onImport = async () => {
    if (csv === null || phase.step !== "checked") return;
    setPhase({ step: "importing", report: phase.report });
    const result = await importLotFile(csv, { dryRun: false, crs });
    if (!result.ok) {
      setPhase({ step: "failed", message: failureMessage(result.failure), report: phase.report });
      return;
    }
    if (result.status >= 400 || !result.report.valid) {
      // The file changed meaning between check and import (someone else's data): show why, nothing written.
      setPhase({ step: "checked", report: result.report });
      return;
    }
    setPhase({ step: "imported", report: result.report });
    await reloadProjects();
  };

  const report = "report" in phase ? phase.report : undefined;
  const importable = phase.step === "checked" && phase.report.valid && phase.report.errors.length === 0 && phase.report.preview.length > 0;
  const busy = phase.step === "checking" || phase.step === "importing";

  return (
    <Dialog title={t("import.title")} closeLabel={t("details.close")} onClose={onClose} className="import-dialog">
      <p className="field-hint">{t("import.intro")}</p>
      <p className="field-hint">{t("import.xlsxHint")}</p>
      <div className="form-grid form-grid-2">
        <div className="form-field">
          <label htmlFor={fileId}>{t("import.file")}</label>
          <input id={fileId} type="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} />
        </div>
        <div className="form-field">
          <label htmlFor={crsId}>{t("import.crs")}</label>
          <select
            id={crsId}
            value={crs}
            disabled={busy}
            aria-describedby={`${crsId}-hint`}
            onChange={(e) => {
              setCrs(e.target.value);
              if (csv !== null) void check(csv, e.target.value);
            }}
          >
            {importCrsOptions.map((c) => (
              <option key={c} value={c}>
                {t(`import.crs.${c}`)}
              </option>
            ))}
          </select>
          <p id={`${crsId}-hint`} className="field-hint">
            {t("import.crsHint")}
          </p>
        </div>
      </div>
      <ColumnsHelp tr={tr} />
      <div className="import-status" aria-live="polite">
        {phase.step === "checking" && (
          <p>
            <span className="spinner" aria-hidden="true" /> {t("import.checking")}
          </p>
        )}
        {phase.step === "importing" && (
          <p>
            <span className="spinner" aria-hidden="true" /> {t("import.importing")}
          </p>
        )}
        {phase.step === "imported" && (
          <p className="import-done">
            {t("import.done", { lots: phase.report.created.lots, projects: phase.report.created.projects })}
          </p>
        )}
        {phase.step === "failed" && <p className="field-error">{t(phase.message.key, phase.message.params)}</p>}
        {phase.step === "checked" && phase.report.errors.length > 0 && <p className="field-error">{t("import.fixFirst")}</p>}
      </div>
      {report && phase.step !== "imported" && <ReportTables report={report} tr={tr} />}
      <div className="button-row dialog-footer">
        <span className="header-spacer" />
        <button type="button" className="button" onClick={onClose}>
          {t(phase.step === "imported" ? "import.finish" : "form.cancel")}
        </button>
        {phase.step !== "imported" && (
          <button type="button" className="button button-save" disabled={!importable} aria-busy={phase.step === "importing"} onClick={() => void onImport()}>
            {t("import.import")}
          </button>
        )}
      </div>
    </Dialog>
  );
}
