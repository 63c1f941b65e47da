/**
 * Writing a scenario's map data and workbook in the browser (issue 13): the same writers as the
 * server and the command line (src/io/formats), loaded with this module on the first export, so
 * the main bundle carries none of sql.js, shpjs, fflate or exceljs. No server round trip: the view
 * already holds every record the files are made of.
 */
import sqlWasmUrl from "sql.js/dist/sql-wasm-browser.wasm?url";
import type { ZoningArea } from "../../../core/domain/records";
import { writeScenarioWorkbook } from "../../../io/formats/scenario-workbook";
import { writeVectorFile, type WrittenFile } from "../../../io/formats/write-vector-file";
import type { Lang } from "../../i18n/i18n";
import type { ScenarioData, ScenarioEntry } from "../compare/scenario-data";
import { fileSlug } from "./download";
import { endpointIndex } from "./endpoints";
import { mapDataLayers, registryLayers, type RegistryData, type RegistryExport } from "./map-data-layers";
import type { MapDataFormat } from "./export-formats";

/** The scenario's flows, sites, projects, suitability and zoning as one file in `format` (GeoPackage and Shapefile in EPSG:25832). */
export function scenarioMapDataFile(entry: ScenarioEntry, data: ScenarioData, format: MapDataFormat, zoning: readonly ZoningArea[]): Promise<WrittenFile> {
  const layers = mapDataLayers({
    flows: entry.result.flows,
    endpoints: endpointIndex(data.projects, data.sites),
    sites: data.sites,
    siteIds: entry.scenario.siteIds,
    projects: data.projects,
    ranking: data.ranking,
    zoning,
  });
  return writeVectorFile(format, layers, { baseName: `massekart-${fileSlug(entry.scenario.name)}`, epsg: 25832, wasmUrl: sqlWasmUrl });
}

/** The scenario's KPIs, flows, stock, unplaced lots and notes as an .xlsx workbook, one sheet per table. */
export async function scenarioWorkbookFile(entry: ScenarioEntry, data: ScenarioData, lang: Lang): Promise<{ bytes: Uint8Array; fileName: string }> {
  const names = new Map<string, string>();
  for (const [id, endpoint] of endpointIndex(data.projects, data.sites)) names.set(id, endpoint.name);
  const bytes = await writeScenarioWorkbook(entry.result, { language: lang, names });
  return { bytes, fileName: `massekart-${fileSlug(entry.scenario.name)}.xlsx` };
}

/**
 * The standalone export of the sites view (sites, suitability reports, zoning) or the projects
 * view (projects at their location with surplus and demand totals), one layer per kind, in
 * `format` (GeoPackage and Shapefile in EPSG:25832).
 */
export function registryMapDataFile(what: RegistryExport, data: RegistryData, format: MapDataFormat): Promise<WrittenFile> {
  return writeVectorFile(format, registryLayers(what, data), { baseName: `massekart-${what === "sites" ? "lagre" : "prosjekter"}`, epsg: 25832, wasmUrl: sqlWasmUrl });
}
