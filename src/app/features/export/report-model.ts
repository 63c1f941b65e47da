/**
 * The PDF report as data: a title and a list of blocks (headings, paragraphs, tables, a bar chart,
 * map images), every string already in the report's language and every number formatted as the
 * UI shows it. Pure; `report-pdf.ts` lays the blocks out on A4.
 */
import type { Site } from "../../../core/domain/records";
import { vehicleEmissionFactor } from "../../../core/matching/emissions";
import { parametersSchema, type MatchingParameters } from "../../../core/matching/instance";
import type { Verdict } from "../../../core/suitability/report";
import { formatNumber, formatWithUnit, localeOf, translate, type Lang, type MessageKey, type MessageParams } from "../../i18n/i18n";
import { formatKpi, kpiRows } from "../results/kpi-rows";
import type { RankingItem } from "../../api/client";
import { formatCompareValue, formatDifference, kpiCompareRows } from "../compare/kpi-table";
import { massBarColours, massBarKeys, massBars, sharedMaxTonnes } from "../compare/mass-bars";
import type { RecommendationEntry, ScenarioEntry } from "../compare/scenario-data";
import { signedWithUnit, siteNamer, siteValueRows, statusText } from "../allocation/allocation-rows";
import type { Endpoints } from "./endpoints";
import { routeTotals } from "./flows-geojson";
import { parameterSources } from "./parameter-sources";

export interface ReportTable {
  header: string[];
  rows: string[][];
  /** Relative column widths; equal when absent. */
  widths?: number[];
  /** Right-aligned columns (numbers). */
  numeric?: boolean[];
  /** Cells to print bold (the best value of a row). */
  bold?: boolean[][];
}

export interface ReportBarChart {
  /** Top of the shared axis, tonnes. */
  maxValue: number;
  /** Axis label with the unit. */
  axisLabel: string;
  groups: { label: string; bars: { label: string; value: number; valueText: string; colour: string }[] }[];
}

export type ReportBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; table: ReportTable }
  | { kind: "chart"; chart: ReportBarChart }
  | { kind: "image"; caption: string; dataUrl: string; widthPx: number; heightPx: number };

export interface ReportModel {
  title: string;
  /** Page footer template with {n} and {total}. */
  pageLabel: string;
  blocks: ReportBlock[];
}

export interface MapImage {
  dataUrl: string;
  widthPx: number;
  heightPx: number;
}

export interface ReportContext {
  lang: Lang;
  /** Who asks for the report (the signed-in user). */
  user: string;
  generatedAt: Date;
  sites: readonly Site[];
  ranking: readonly RankingItem[];
  endpoints: Endpoints;
  /** Map images by scenario id (absent when no map was drawn). */
  mapImages?: ReadonlyMap<string, MapImage>;
  /** Flows listed per scenario; the rest are in the CSV. Default 15. */
  topFlows?: number;
  /** Time zone of dates; default Europe/Oslo (the municipality's). */
  timeZone?: string;
}

const t = (ctx: ReportContext, key: MessageKey, params?: MessageParams) => translate(ctx.lang, key, params);

function formatDate(ctx: ReportContext, iso: string | Date): string {
  return new Intl.DateTimeFormat(localeOf[ctx.lang], { dateStyle: "long", timeStyle: "short", timeZone: ctx.timeZone ?? "Europe/Oslo" }).format(
    typeof iso === "string" ? new Date(iso) : iso,
  );
}

function ranByLine(ctx: ReportContext, entry: ScenarioEntry): string {
  const run = entry.run;
  if (!run) return `${entry.scenario.name}: ${t(ctx, "export.report.notRun")}`;
  return t(ctx, "export.report.ranBy", { name: entry.scenario.name, date: formatDate(ctx, run.finishedAt ?? run.startedAt), user: run.startedBy });
}

/** A scenario's parameters with DESIGN §5's defaults filled in (the emission factor as the run uses it). */
export function effectiveParameters(entry: ScenarioEntry): MatchingParameters {
  const parameters = parametersSchema.parse(entry.scenario.parameters ?? {});
  return { ...parameters, kgCO2PerVehicleKm: vehicleEmissionFactor(parameters).kgCO2PerVehicleKm };
}

function parameterValue(ctx: ReportContext, params: MatchingParameters, key: keyof MatchingParameters, unit: string): string {
  const value = params[key];
  if (key === "distanceMode" || key === "objective") return t(ctx, `export.value.${value as "straight" | "road" | "osrm" | "cost" | "co2"}`);
  const n = value as number;
  const digits = Math.abs(n) < 10 ? 3 : 1;
  return unit ? formatWithUnit(ctx.lang, n, unit, digits) : formatNumber(ctx.lang, n, digits);
}

function parametersTable(ctx: ReportContext, entries: readonly ScenarioEntry[]): ReportTable {
  const params = entries.map(effectiveParameters);
  return {
    header: [t(ctx, "export.report.parameter"), ...(entries.length > 1 ? entries.map((e) => e.scenario.name) : [t(ctx, "export.report.value")]), t(ctx, "export.report.source")],
    rows: parameterSources.map((p) => [t(ctx, `export.param.${p.key}` as MessageKey), ...params.map((v) => parameterValue(ctx, v, p.key, p.unit)), p.source || "–"]),
    widths: [2.2, ...entries.map(() => 1.6), 4.5],
  };
}

function barChart(ctx: ReportContext, entries: readonly ScenarioEntry[]): ReportBarChart {
  const bars = entries.map((e) => massBars(e.result.kpis));
  return {
    maxValue: sharedMaxTonnes(bars),
    axisLabel: t(ctx, "export.report.chart"),
    groups: entries.map((e, i) => ({
      label: e.scenario.name,
      bars: massBarKeys.map((key) => ({
        label: t(ctx, `compare.bar.${key}`),
        value: bars[i]![key],
        valueText: formatWithUnit(ctx.lang, bars[i]![key], "t"),
        colour: massBarColours[key],
      })),
    })),
  };
}

const verdictKey = (verdict: Verdict | undefined): MessageKey => (verdict ? `meeting.verdict.${verdict}` : "meeting.verdict.unknown");

/** Sites the scenarios have in play (every site not closed when a scenario lists none). */
function sitesTable(ctx: ReportContext, entries: readonly ScenarioEntry[]): ReportTable {
  const verdicts = new Map(ctx.ranking.map((r) => [r.siteId, r.report?.verdict]));
  const inPlay = (entry: ScenarioEntry, site: Site) => (entry.scenario.siteIds ? entry.scenario.siteIds.includes(site.id) : site.status !== "closed");
  const shown = ctx.sites.filter((site) => entries.some((e) => inPlay(e, site)));
  const multi = entries.length > 1;
  return {
    header: [
      t(ctx, "meeting.sites.name"),
      t(ctx, "meeting.sites.kind"),
      t(ctx, "meeting.sites.verdict"),
      t(ctx, "meeting.sites.capacity"),
      ...(multi ? entries.map((e) => e.scenario.name) : []),
    ],
    rows: shown.map((site) => [
      site.name,
      t(ctx, `siteKind.${site.kind}`),
      t(ctx, verdictKey(verdicts.get(site.id))),
      site.capacityTonnes === undefined ? "–" : formatWithUnit(ctx.lang, site.capacityTonnes, "t"),
      ...(multi ? entries.map((e) => (inPlay(e, site) ? "x" : "–")) : []),
    ]),
    widths: [3, 2, 1.8, 1.6, ...(multi ? entries.map(() => 1.2) : [])],
    numeric: [false, false, false, true, ...(multi ? entries.map(() => false) : [])],
  };
}

function flowsBlocks(ctx: ReportContext, entry: ScenarioEntry, heading: string): ReportBlock[] {
  const top = ctx.topFlows ?? 15;
  const routes = routeTotals(entry.result.flows);
  const shown = routes.slice(0, top);
  const name = (id: string) => ctx.endpoints.get(id)?.name ?? id;
  return [
    { kind: "heading", text: heading },
    {
      kind: "table",
      table: {
        header: [t(ctx, "export.report.from"), t(ctx, "export.report.to"), t(ctx, "export.report.material"), t(ctx, "export.report.tonnes"), t(ctx, "export.report.km"), t(ctx, "results.col.permit")],
        rows: shown.map((f) => [
          name(f.from),
          name(f.to),
          t(ctx, `material.${f.material}`),
          formatWithUnit(ctx.lang, f.tonnes, "t"),
          formatWithUnit(ctx.lang, f.km, "km"),
          f.needsPermit ? t(ctx, "results.needsPermit") : "–",
        ]),
        widths: [3, 3, 2.2, 1.5, 1.2, 1.8],
        numeric: [false, false, false, true, true, false],
      },
    },
    { kind: "paragraph", text: t(ctx, "export.report.flowsNote", { shown: shown.length, total: routes.length }) },
  ];
}

function mapBlock(ctx: ReportContext, entry: ScenarioEntry): ReportBlock[] {
  const image = ctx.mapImages?.get(entry.scenario.id);
  return image ? [{ kind: "image", caption: `${t(ctx, "export.report.map")}: ${entry.scenario.name}`, ...image }] : [];
}

/**
 * "Which sites to allocate" (issue 11): the recommendation's status (proven or not, with its gap),
 * the allocated sites with fixed cost and rent, what each candidate is worth, the best plan with
 * 0, 1, 2 … sites and the storage area needed per month.
 */
export function allocationBlocks(ctx: ReportContext, recommendation: RecommendationEntry, withName = false): ReportBlock[] {
  const { view, result } = recommendation;
  const { allocation } = result;
  const names = siteNamer(view, ctx.sites);
  const nok = t(ctx, "unit.nok");
  const money = (value: number) => formatWithUnit(ctx.lang, value, nok, 0);
  const rows = siteValueRows(result, names, view.sites);
  const byId = new Map(rows.map((row) => [row.siteId, row]));
  const title = t(ctx, "allocation.title");
  const blocks: ReportBlock[] = [
    { kind: "heading", text: withName ? `${title}: ${recommendation.scenario.name}` : title },
    ...(view.run ? [{ kind: "paragraph" as const, text: t(ctx, "allocation.lastRun", { when: formatDate(ctx, view.run.finishedAt ?? view.run.startedAt), who: view.run.startedBy }) }] : []),
    { kind: "paragraph", text: statusText(result, ctx.lang) },
    ...(view.dataChanged ? [{ kind: "paragraph" as const, text: t(ctx, "allocation.dataChanged") }] : []),
    {
      kind: "paragraph",
      text: allocation.allocated.length > 0 ? `${t(ctx, "allocation.recommended", { count: allocation.allocated.length })}: ${allocation.allocated.map(names).join(", ")}` : t(ctx, "allocation.recommendedNone"),
    },
  ];
  if (allocation.allocated.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        header: [t(ctx, "allocation.col.site"), t(ctx, "export.allocation.fixedCost"), t(ctx, "export.allocation.rent"), t(ctx, "export.allocation.siteTotal")],
        rows: [
          ...allocation.allocated.map((id) => {
            const row = byId.get(id);
            return [names(id), money(row?.fixedCostNok ?? 0), money(row?.rentNok ?? 0), money((row?.fixedCostNok ?? 0) + (row?.rentNok ?? 0))];
          }),
          [t(ctx, "meeting.overview.total"), money(allocation.fixedCostNok), money(allocation.rentNok), money(allocation.fixedCostNok + allocation.rentNok)],
        ],
        widths: [3, 2, 2, 2],
        numeric: [false, true, true, true],
        bold: [...allocation.allocated.map(() => [false, false, false, false]), [true, true, true, true]],
      },
    });
  }
  blocks.push(
    { kind: "paragraph", text: t(ctx, "export.allocation.totalCost", { cost: money(result.kpis.cost) }) },
    { kind: "heading", text: t(ctx, "allocation.values") },
    { kind: "paragraph", text: t(ctx, "allocation.valuesHint") },
    {
      kind: "table",
      table: {
        header: [
          t(ctx, "allocation.col.site"),
          t(ctx, "allocation.col.status"),
          t(ctx, "meeting.allocation.deltaCost"),
          t(ctx, "meeting.allocation.deltaCO2"),
          t(ctx, "meeting.allocation.deltaReused"),
        ],
        rows: rows.map((row) => [
          row.name,
          t(ctx, row.statusKey),
          signedWithUnit(ctx.lang, row.deltaCost, nok),
          signedWithUnit(ctx.lang, row.deltaKgCO2e / 1000, "t CO2e", 1),
          signedWithUnit(ctx.lang, row.deltaTonnesReused, "t"),
        ]),
        widths: [3, 2, 2.2, 1.8, 1.8],
        numeric: [false, false, true, true, true],
      },
    },
  );
  if (allocation.curve.length > 0) {
    blocks.push(
      { kind: "heading", text: t(ctx, "allocation.curve") },
      {
        kind: "table",
        table: {
          header: [t(ctx, "allocation.curve.sites"), t(ctx, "export.allocation.curveCost"), t(ctx, "export.allocation.curveCO2"), t(ctx, "allocation.curve.reuse"), t(ctx, "allocation.curve.which")],
          rows: allocation.curve.map((point) => [
            `${point.sites}${point.sites === allocation.allocated.length ? ` (${t(ctx, "allocation.curve.chosen")})` : ""}`,
            money(point.cost),
            formatWithUnit(ctx.lang, point.kgCO2e / 1000, "t CO2e", 1),
            formatWithUnit(ctx.lang, point.reuseRate * 100, "%", 1),
            point.allocated.map(names).join(", ") || "–",
          ]),
          widths: [1.6, 2, 1.8, 1.2, 4],
          numeric: [false, true, true, true, false],
        },
      },
    );
  }
  if (allocation.areaNeedM2.length > 0) {
    const peak = allocation.areaNeedM2.reduce((max, point) => (point.m2 > max.m2 ? point : max));
    blocks.push(
      { kind: "heading", text: t(ctx, "allocation.area") },
      { kind: "paragraph", text: t(ctx, "allocation.area.peak", { m2: formatWithUnit(ctx.lang, peak.m2, "m²", 0), month: peak.month }) },
      {
        kind: "table",
        table: {
          header: [t(ctx, "results.month"), t(ctx, "allocation.area.short"), t(ctx, "allocation.area.long"), t(ctx, "export.allocation.areaTotal")],
          rows: allocation.areaNeedM2.map((point) => [
            point.month,
            formatWithUnit(ctx.lang, point.shortTermM2, "m²", 0),
            formatWithUnit(ctx.lang, point.longTermM2, "m²", 0),
            formatWithUnit(ctx.lang, point.m2, "m²", 0),
          ]),
          widths: [1.2, 2, 2.6, 1.6],
          numeric: [false, true, true, true],
        },
      },
    );
  }
  return blocks;
}

/** The report of one scenario. */
export function scenarioReport(entry: ScenarioEntry, ctx: ReportContext): ReportModel {
  const rows = kpiRows(entry.result, ctx.lang);
  const blocks: ReportBlock[] = [
    { kind: "paragraph", text: t(ctx, "export.report.generated", { date: formatDate(ctx, ctx.generatedAt), user: ctx.user }) },
    { kind: "paragraph", text: ranByLine(ctx, entry) },
    ...(entry.scenario.note ? [{ kind: "paragraph" as const, text: `${t(ctx, "export.report.note")}: ${entry.scenario.note}` }] : []),
    ...mapBlock(ctx, entry),
    { kind: "heading", text: t(ctx, "export.report.kpis") },
    {
      kind: "table",
      table: {
        header: [t(ctx, "results.kpi"), entry.scenario.name, t(ctx, "export.report.baseline"), t(ctx, "export.report.saving")],
        rows: rows.map((row) => {
          const f = formatKpi(row, ctx.lang);
          return [row.label, f.value, f.baseline, f.saving];
        }),
        widths: [2.4, 2, 2, 2],
        numeric: [false, true, true, true],
      },
    },
    { kind: "heading", text: t(ctx, "export.report.chart") },
    { kind: "chart", chart: barChart(ctx, [entry]) },
    { kind: "heading", text: t(ctx, "export.report.sites") },
    { kind: "table", table: sitesTable(ctx, [entry]) },
    ...(entry.recommendation ? allocationBlocks(ctx, entry.recommendation) : []),
    ...flowsBlocks(ctx, entry, t(ctx, "export.report.flows")),
    { kind: "heading", text: t(ctx, "export.report.parameters") },
    { kind: "table", table: parametersTable(ctx, [entry]) },
  ];
  return { title: t(ctx, "export.report.title", { name: entry.scenario.name }), pageLabel: t(ctx, "export.report.page"), blocks };
}

/** The report of a comparison of two to four scenarios. */
export function comparisonReport(entries: readonly ScenarioEntry[], ctx: ReportContext): ReportModel {
  const rows = kpiCompareRows(entries.map((e) => e.result), ctx.lang);
  const first = entries[0]?.scenario.name ?? "";
  const blocks: ReportBlock[] = [
    { kind: "paragraph", text: t(ctx, "export.report.generated", { date: formatDate(ctx, ctx.generatedAt), user: ctx.user }) },
    ...entries.map((e): ReportBlock => ({ kind: "paragraph", text: ranByLine(ctx, e) })),
    { kind: "heading", text: t(ctx, "export.report.kpis") },
    { kind: "paragraph", text: t(ctx, "compare.kpiCaption", { first }) },
    {
      kind: "table",
      table: {
        header: [t(ctx, "results.kpi"), ...entries.map((e) => e.scenario.name)],
        rows: rows.map((row) => [
          row.label,
          ...row.values.map((_, i) => {
            const value = formatCompareValue(row, i, ctx.lang);
            const difference = row.differences[i];
            return `${row.best[i] ? "* " : ""}${value}${difference === null || difference === undefined ? "" : ` (${formatDifference(row, difference, ctx.lang)})`}`;
          }),
        ]),
        widths: [2, ...entries.map(() => 2.6)],
        numeric: [false, ...entries.map(() => true)],
        bold: rows.map((row) => [false, ...row.best]),
      },
    },
    { kind: "heading", text: t(ctx, "export.report.chart") },
    { kind: "chart", chart: barChart(ctx, entries) },
    ...entries.flatMap((e) => mapBlock(ctx, e)),
    { kind: "heading", text: t(ctx, "export.report.sites") },
    { kind: "table", table: sitesTable(ctx, entries) },
    ...entries.flatMap((e) => (e.recommendation ? allocationBlocks(ctx, e.recommendation, true) : [])),
    ...entries.flatMap((e) => flowsBlocks(ctx, { ...e }, `${t(ctx, "export.report.flows")}: ${e.scenario.name}`)),
    { kind: "heading", text: t(ctx, "export.report.parameters") },
    { kind: "table", table: parametersTable(ctx, entries) },
  ];
  return { title: t(ctx, "export.report.compareTitle"), pageLabel: t(ctx, "export.report.page"), blocks };
}
