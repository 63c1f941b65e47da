/**
 * The export buttons' work: build the file from what the view shows and hand it to the browser.
 * jsPDF is imported on first use, so it stays out of the main bundle.
 */
import type { Lang } from "../../i18n/i18n";
import type { ScenarioData, ScenarioEntry } from "../compare/scenario-data";
import { downloadBlob, fileSlug } from "./download";
import { endpointIndex } from "./endpoints";
import { flowsToCsv } from "./flows-csv";
import { flowsToGeoJson, sitesToGeoJson } from "./flows-geojson";
import { mapSnapshots } from "./map-snapshots";
import type { ReportContext } from "./report-model";
import { fetchProjects, fetchRanking, fetchSites, fetchZoning, type ApiResult } from "../../api/client";
import type { RegistryExport } from "./map-data-layers";
import type { MapDataFormat } from "./export-formats";

function reportContext(data: ScenarioData, lang: Lang, user: string, ids: readonly string[]): ReportContext {
  return {
    lang,
    user,
    generatedAt: new Date(),
    sites: data.sites,
    ranking: data.ranking,
    endpoints: endpointIndex(data.projects, data.sites),
    mapImages: mapSnapshots(ids),
  };
}

export async function exportScenarioPdf(entry: ScenarioEntry, data: ScenarioData, lang: Lang, user: string): Promise<void> {
  const [{ scenarioReport }, { reportPdf }] = await Promise.all([import("./report-model"), import("./report-pdf")]);
  const doc = reportPdf(scenarioReport(entry, reportContext(data, lang, user, [entry.scenario.id])));
  downloadBlob(doc.output("blob"), `massekart-${fileSlug(entry.scenario.name)}.pdf`);
}

export async function exportComparisonPdf(entries: readonly ScenarioEntry[], data: ScenarioData, lang: Lang, user: string): Promise<void> {
  const [{ comparisonReport }, { reportPdf }] = await Promise.all([import("./report-model"), import("./report-pdf")]);
  const doc = reportPdf(comparisonReport(entries, reportContext(data, lang, user, entries.map((e) => e.scenario.id))));
  downloadBlob(doc.output("blob"), `massekart-${entries.map((e) => fileSlug(e.scenario.name)).join("-vs-")}.pdf`);
}

export function exportFlowsCsv(entry: ScenarioEntry, data: ScenarioData): void {
  const csv = flowsToCsv(entry.result.flows, endpointIndex(data.projects, data.sites));
  // A byte-order mark so spreadsheet programs read æøå as UTF-8.
  downloadBlob(new Blob(["\ufeff", csv], { type: "text/csv;charset=utf-8" }), `massekart-${fileSlug(entry.scenario.name)}-flows.csv`);
}

export function exportFlowsGeoJson(entry: ScenarioEntry, data: ScenarioData): void {
  const collection = flowsToGeoJson(entry.result.flows, endpointIndex(data.projects, data.sites));
  downloadBlob(new Blob([JSON.stringify(collection)], { type: "application/geo+json" }), `massekart-${fileSlug(entry.scenario.name)}-flows.geojson`);
}

export function exportSitesGeoJson(entry: ScenarioEntry, data: ScenarioData): void {
  const verdicts = new Map(data.ranking.flatMap((r) => (r.report ? [[r.siteId, r.report.verdict] as const] : [])));
  const collection = sitesToGeoJson(data.sites, { verdicts, siteIds: entry.scenario.siteIds });
  downloadBlob(new Blob([JSON.stringify(collection)], { type: "application/geo+json" }), `massekart-${fileSlug(entry.scenario.name)}-sites.geojson`);
}

/**
 * The scenario's map data (flows, sites, projects, suitability, zoning) as a GeoPackage, zipped
 * Shapefile, KML or GeoJSON file; the writers load on first use. Answers the file's name and what
 * the user should know (features a format could not hold).
 */
export async function exportScenarioMapData(entry: ScenarioEntry, data: ScenarioData, format: MapDataFormat): Promise<{ fileName: string; warnings: string[] }> {
  const zoning = await fetchZoning();
  if (!zoning.ok) throw new Error(`zoning: ${zoning.failure.message}`);
  const { scenarioMapDataFile } = await import("./map-data-export");
  const file = await scenarioMapDataFile(entry, data, format, zoning.value);
  downloadBlob(new Blob([new Uint8Array(file.bytes)], { type: file.mediaType }), file.fileName);
  return { fileName: file.fileName, warnings: file.warnings };
}

/** The scenario's flows and KPIs as an .xlsx workbook (one sheet per table). */
export async function exportScenarioWorkbook(entry: ScenarioEntry, data: ScenarioData, lang: Lang): Promise<{ fileName: string; warnings: string[] }> {
  const { scenarioWorkbookFile } = await import("./map-data-export");
  const file = await scenarioWorkbookFile(entry, data, lang);
  downloadBlob(new Blob([new Uint8Array(file.bytes)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), file.fileName);
  return { fileName: file.fileName, warnings: [] };
}

/**
 * The sites view's or the projects view's map data as a file (issue 13): sites with their
 * suitability and the zoning, or the projects the list's filters select with their totals.
 */
export async function exportRegistryMapData(what: RegistryExport, format: MapDataFormat, projectQuery = ""): Promise<{ fileName: string; warnings: string[] }> {
  /** The items of a list call, or a thrown error naming what failed (the menu shows it). */
  const items = async <T,>(name: string, wanted: boolean, load: () => Promise<ApiResult<T[]>>): Promise<T[]> => {
    if (!wanted) return [];
    const result = await load();
    if (!result.ok) throw new Error(`${name}: ${result.failure.message}`);
    return result.value;
  };
  const sitesView = what === "sites";
  const [sites, ranking, zoning, projects] = await Promise.all([
    items("sites", sitesView, fetchSites),
    items("ranking", sitesView, fetchRanking),
    items("zoning", sitesView, () => fetchZoning()),
    items("projects", !sitesView, () => fetchProjects(projectQuery)),
  ]);
  const { registryMapDataFile } = await import("./map-data-export");
  const file = await registryMapDataFile(what, { sites, ranking, zoning, projects }, format);
  downloadBlob(new Blob([new Uint8Array(file.bytes)], { type: file.mediaType }), file.fileName);
  return { fileName: file.fileName, warnings: file.warnings };
}
