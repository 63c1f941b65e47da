/**
 * CSV import of outdoor-material lots, as the mass lots' import: choose a file, see the server's
 * dry run (every bad row with its row, column and reason, and every row to be written), then
 * import all rows or none. Built from the same parts (Dialog, the report's problem wording).
 */
import { useId, useState } from "react";
import type { OutdoorLotImportReport } from "../../../core/outdoor/api";
import { outdoorLotCsvColumns } from "../../../core/outdoor/lot-csv";
import { failureMessage, type Message } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { Dialog } from "../../ui/Dialog";
import { CsvCheckSummary } from "../csv/ImportDialog";
import { importOutdoorLots } from "../../api/client";
import { outdoorUnitLabel } from "./outdoor-model";

type Phase =
  | { step: "choose" }
  | { step: "busy"; report?: OutdoorLotImportReport }
  | { step: "checked"; report: OutdoorLotImportReport }
  | { step: "imported"; report: OutdoorLotImportReport }
  | { step: "failed"; message: Message };

export function OutdoorImportDialog({ onClose }: { onClose: () => void }) {
  const tr = useT();
  const { t, lang, withUnit } = tr;
  const types = useAppStore((s) => s.outdoor.types) ?? [];
  const changed = useAppStore((s) => s.outdoorLotsChanged);
  const [csv, setCsv] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: "choose" });
  const fileId = useId();

  const run = async (text: string, dryRun: boolean) => {
    setPhase((p) => ({ step: "busy", ...("report" in p && p.report ? { report: p.report } : {}) }));
    const result = await importOutdoorLots(text, { dryRun });
    if (!result.ok) return setPhase({ step: "failed", message: failureMessage(result.failure) });
    if (!dryRun && result.report.valid && result.status < 400) {
      changed();
      return setPhase({ step: "imported", report: result.report });
    }
    setPhase({ step: "checked", report: result.report });
  };

  const report = "report" in phase ? phase.report : undefined;
  const importable = phase.step === "checked" && phase.report.valid && phase.report.errors.length === 0 && phase.report.preview.length > 0;
  const typeName = (id: string) => types.find((type) => type.id === id)?.names[lang] ?? id;
  return (
    <Dialog title={t("outdoor.importTitle")} closeLabel={t("details.close")} onClose={onClose} className="import-dialog">
      <p className="field-hint">{t("outdoor.importIntro")}</p>
      <div className="form-field">
        <label htmlFor={fileId}>{t("import.file")}</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          disabled={phase.step === "busy"}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            const text = await file.text();
            setCsv(text);
            await run(text, true);
          }}
        />
      </div>
      <details className="columns-help">
        <summary>{t("import.columns")}</summary>
        <ul>
          {outdoorLotCsvColumns.map((column) => (
            <li key={column.name}>
              <code>{column.name}</code>
              {column.required ? " *" : ""} – {lang === "nb" ? column.nb : column.en}
            </li>
          ))}
        </ul>
      </details>
      <div className="import-status" aria-live="polite">
        {phase.step === "busy" && (
          <p>
            <span className="spinner" aria-hidden="true" /> {t("import.checking")}
          </p>
        )}
        {phase.step === "imported" && <p className="import-done">{t("outdoor.imported", { lots: phase.report.created.lots })}</p>}
        {phase.step === "failed" && <p className="field-error">{t(phase.message.key, phase.message.params)}</p>}
        {phase.step === "checked" && phase.report.errors.length > 0 && <p className="field-error">{t("import.fixFirst")}</p>}
      </div>
      {report && phase.step !== "imported" && (
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
                    <th scope="col">{t("outdoor.direction")}</th>
                    <th scope="col">{t("outdoor.type")}</th>
                    <th scope="col" className="numeric">{t("outdoor.quantity")}</th>
                    <th scope="col" className="numeric">{t("outdoor.area")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.preview.map((row) => (
                    <tr key={row.row}>
                      <td className="numeric">{row.row}</td>
                      <td>{row.project}</td>
                      <td>{t(`outdoor.direction.${row.lot.direction}`)}</td>
                      <td>{typeName(row.lot.typeId)}</td>
                      <td className="numeric nowrap">{withUnit(row.lot.quantity, row.unit ? outdoorUnitLabel(row.unit, tr) : "")}</td>
                      <td className="numeric nowrap">{withUnit(row.storageAreaM2, "m²", 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <div className="button-row dialog-footer">
        <span className="header-spacer" />
        <button type="button" className="button" onClick={onClose}>
          {t(phase.step === "imported" ? "import.finish" : "form.cancel")}
        </button>
        {phase.step !== "imported" && (
          <button type="button" className="button button-save" disabled={!importable || csv === null} onClick={() => csv !== null && void run(csv, false)}>
            {t("import.import")}
          </button>
        )}
      </div>
    </Dialog>
  );
}
