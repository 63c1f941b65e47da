/**
 * The chain-of-custody report of one project (issue 16): every lot, where each tonne went (or came
 * from), with the loads and their weighbridge tickets — the basis of the project's final report
 * (sluttrapport, TEK17 § 9-9). Pure: a CSV text (every cell through `csvField`, so no cell runs as
 * a formula) and a `ReportModel` for the PDF machinery of the export feature.
 */
import { csvField } from "../../../core/csv/csv-cell";
import type { Project } from "../../../core/domain/records";
import type { Custody } from "../../../core/loads/custody";
import type { Load, LoadEndpoint } from "../../../core/loads/load";
import { formatWithUnit, translate, type Lang, type MessageKey } from "../../i18n/i18n";
import type { ReportModel } from "../export/report-model";

export interface CustodyReportInput {
  lang: Lang;
  project: Project;
  custody: readonly Custody[];
  loads: readonly Load[];
  /** Name of a site or lot by id (ids stand for themselves when unknown). */
  nameOf: (id: string) => string;
  generatedAt: Date;
}

const idOf = (e: LoadEndpoint) => ("lotId" in e ? e.lotId : e.siteId);
const kindOf = (e: LoadEndpoint) => ("lotId" in e ? "lot" : "site");

/** Every load of the project's lots as CSV rows: lot, direction, time, from, to, tonnes, quantity, vehicle, ticket, who recorded it. */
export function custodyCsv({ project, loads, nameOf }: CustodyReportInput): string {
  const header = ["project", "lotId", "material", "direction", "time", "fromKind", "fromId", "fromName", "toKind", "toId", "toName", "tonnes", "quantity", "unit", "vehicle", "ticket", "recordedBy"];
  const lines = [header.join(",")];
  for (const lot of project.lots) {
    for (const load of loads.filter((l) => ("lotId" in l.from && l.from.lotId === lot.id) || ("lotId" in l.to && l.to.lotId === lot.id))) {
      lines.push(
        [
          project.name, lot.id, lot.material, lot.direction, load.time,
          kindOf(load.from), idOf(load.from), nameOf(idOf(load.from)),
          kindOf(load.to), idOf(load.to), nameOf(idOf(load.to)),
          load.tonnes, load.quantity.value, load.quantity.unit, load.vehicle, load.ticket, load.recordedBy,
        ].map(csvField).join(","),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The report as a PDF model: a summary table of lots, then per lot its destinations and loads. */
export function custodyReportModel({ lang, project, custody, loads, nameOf, generatedAt }: CustodyReportInput): ReportModel {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const tonnes = (value: number) => formatWithUnit(lang, value, "t");
  const lotName = (lotId: string) => {
    const lot = project.lots.find((l) => l.id === lotId);
    return lot ? `${t(`material.${lot.material}` as MessageKey)} (${t(`direction.${lot.direction}` as MessageKey).toLowerCase()})` : lotId;
  };
  const blocks: ReportModel["blocks"] = [
    { kind: "paragraph", text: t("loads.report.intro", { project: project.name, date: generatedAt.toISOString().slice(0, 10) }) },
    {
      kind: "table",
      table: {
        header: [t("loads.report.lot"), t("loads.report.planned"), t("loads.report.delivered"), t("loads.report.loads")],
        rows: custody.map((c) => [lotName(c.lotId), tonnes(c.plannedTonnes), tonnes(c.deliveredTonnes), String(c.destinations.reduce((n, d) => n + d.loads, 0) + c.sources.reduce((n, s) => n + s.loads, 0))]),
        numeric: [false, true, true, true],
        widths: [3, 1.2, 1.2, 0.8],
      },
    },
  ];
  for (const c of custody) {
    blocks.push({ kind: "heading", text: `${lotName(c.lotId)} — ${c.lotId}` });
    const ends = [...c.destinations.map((d) => ({ label: t("loads.report.to"), end: d.to, tonnes: d.tonnes, loads: d.loads })), ...c.sources.map((s) => ({ label: t("loads.report.from"), end: s.from, tonnes: s.tonnes, loads: s.loads }))];
    if (ends.length === 0) {
      blocks.push({ kind: "paragraph", text: t("loads.report.noLoads") });
      continue;
    }
    blocks.push({
      kind: "table",
      table: { header: ["", t("loads.report.place"), t("loads.report.tonnes"), t("loads.report.loads")], rows: ends.map((e) => [e.label, nameOf(idOf(e.end)), tonnes(e.tonnes), String(e.loads)]), numeric: [false, false, true, true], widths: [0.6, 3, 1.2, 0.8] },
    });
    const own = loads.filter((l) => ("lotId" in l.from && l.from.lotId === c.lotId) || ("lotId" in l.to && l.to.lotId === c.lotId));
    blocks.push({
      kind: "table",
      table: {
        header: [t("loads.form.time"), t("loads.report.place"), t("loads.report.tonnes"), t("loads.form.vehicle"), t("loads.form.ticket")],
        rows: own.map((l) => [l.time.slice(0, 16).replace("T", " "), nameOf(idOf("lotId" in l.from && l.from.lotId === c.lotId ? l.to : l.from)), tonnes(l.tonnes), l.vehicle, l.ticket]),
        numeric: [false, false, true, false, false],
        widths: [1.4, 2.4, 1, 1, 1],
      },
    });
  }
  return { title: t("loads.report.title", { project: project.name }), pageLabel: t("loads.report.page"), blocks };
}
