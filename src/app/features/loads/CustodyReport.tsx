/** Buttons that download a project's chain-of-custody report as CSV or PDF (issue 16). */
import { useState } from "react";
import type { Project } from "../../../core/domain/records";
import type { Custody } from "../../../core/loads/custody";
import { fetchCustody, fetchLoads } from "../../api/client";
import type { Translator } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { downloadBlob, fileSlug } from "../export/download";
import { custodyCsv, custodyReportModel, type CustodyReportInput } from "./custody-report";

export function CustodyReportButtons({ tr, project }: { tr: Translator; project: Project }) {
  const { t, lang } = tr;
  const sites = useAppStore((s) => s.data.sites);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function input(): Promise<CustodyReportInput | undefined> {
    const loads = await fetchLoads({ projectId: project.id });
    const custody: Custody[] = [];
    for (const lot of project.lots) {
      const answer = await fetchCustody(lot.id);
      if (!answer.ok) return undefined;
      custody.push(answer.value);
    }
    if (!loads.ok) return undefined;
    const nameOf = (id: string) => sites.find((s) => s.id === id)?.name ?? (project.lots.some((l) => l.id === id) ? `${project.name} / ${id}` : id);
    return { lang, project, custody, loads: loads.value, nameOf, generatedAt: new Date() };
  }

  async function download(kind: "csv" | "pdf") {
    setBusy(true);
    setFailed(false);
    const data = await input();
    if (!data) {
      setFailed(true);
      setBusy(false);
      return;
    }
    const name = `massekart-sporbarhet-${fileSlug(project.name)}`;
    if (kind === "csv") downloadBlob(new Blob([custodyCsv(data)], { type: "text/csv;charset=utf-8" }), `${name}.csv`);
    else {
      const { reportPdf } = await import("../export/report-pdf");
      downloadBlob(reportPdf(custodyReportModel(data)).output("blob"), `${name}.pdf`);
    }
    setBusy(false);
  }

  return (
    <div className="custody-buttons" role="group" aria-label={t("loads.report.group")}>
      <button type="button" className="button" disabled={busy} onClick={() => void download("csv")}>
        {t("loads.report.csv")}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void download("pdf")}>
        {t("loads.report.pdf")}
      </button>
      {busy && <span role="status">{t("loads.loading")}</span>}
      {failed && <span role="alert">{t("loads.failed")}</span>}
    </div>
  );
}
