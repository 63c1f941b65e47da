/**
 * The API as the app calls it: one named call per route, each a line over the typed transport
 * (`http.ts`) and the route's contract (`src/core/api/routes.ts`). Every call answers a value,
 * never throws (`{ ok: true, value }` or `{ ok: false, failure }`); answers are parsed with their
 * schema, so the types here are what really arrived.
 */
import { routes, type BodyOf, type QueryOf } from "../../core/api/routes";
import type { RecommendRequest } from "../../core/allocation/recommendation-api";
import type { MaterialProperties } from "../../core/domain/materials";
import type { LotInput, SiteInput, SiteUpdate } from "../../core/domain/records";
import type { LotImportReport, LotUpdate, ProjectCreate, ProjectUpdate } from "../../core/domain/registry-api";
import type { Bbox } from "../../core/geo/geometry";
import type { OutdoorLotBody, OutdoorLotImportReport, OutdoorTypeCreate, OutdoorTypeUpdate } from "../../core/outdoor/api";
import type { ScenarioInput } from "../../core/scenario/scenario";
import type { ZoningImportSummary } from "../../core/zoning/import-summary";
import type { FileLayer } from "../../core/zoning/file-layers";
import type { RoadNetworkInfo } from "../../core/haul/road-graph-summary";
import type { SiteImportReport } from "../../core/sites/site-import";
import { call, callItems, reportOf, urlOf, type ApiFailure, type ApiResult } from "./transport";

export type { ApiFailure, ApiResult } from "./transport";
export { onSessionFailure } from "./transport";
export type { RankingItem } from "../../core/suitability/report";
export type { RoadNetworkInfo } from "../../core/haul/road-graph-summary";
export type { ScenarioListItem } from "../../core/scenario/scenario";
export type { SolvedResult } from "../../core/matching/result";
export type { ZoningImportSummary } from "../../core/zoning/import-summary";

/** A query string ("?material=rock&…", or "") as the query object of a call. */
const queryOf = (text: string): Record<string, string> => Object.fromEntries(new URLSearchParams(text));

// --- Session -----------------------------------------------------------------------------------

/** `GET /api/me`: the signed-in user, or a 401 failure. */
export const fetchMe = () => call(routes.me);
/** `POST /api/session`: signs in; 401 on wrong credentials, 429 after too many attempts. */
export const createSession = (username: string, password: string) => call(routes.signIn, { body: { username, password } });
/** `DELETE /api/session`: signs out. */
export const deleteSession = () => call(routes.signOut);
/** `GET /api/users`: who can be named a project member. */
export const fetchUsers = () => callItems(routes.users);

// --- Mass registry -----------------------------------------------------------------------------

/** `GET /api/projects`, with the list's filters as a query string ("?material=rock…", or ""). */
export const fetchProjects = (query = "") => callItems(routes.projects, { query: queryOf(query) });
/** `GET /api/map/projects`: the same list with each project summed instead of with its lots (what the map and the list draw). */
export const fetchProjectSummaries = (query = "") => callItems(routes.mapProjects, { query: queryOf(query) });
/** `GET /api/projects/:id`: the project with all its lots. */
export const fetchProject = (id: string) => call(routes.project, { params: { id } });
/** `POST /api/projects` → 201 with the project (the signed-in user owns it). */
export const createProject = (body: ProjectCreate) => call(routes.createProject, { body });
/** `PUT /api/projects/:id`; a stale version fails with 409 and the record as it is now in `failure.current`. */
export const updateProject = (id: string, body: ProjectUpdate) => call(routes.updateProject, { params: { id }, body });
/** `DELETE /api/projects/:id` (soft: an admin can restore it). */
export const deleteProject = (id: string) => call(routes.deleteProject, { params: { id } });
/** `POST /api/projects/:id/restore` (admins). */
export const restoreProject = (id: string) => call(routes.restoreProject, { params: { id } });
/** `POST /api/projects/:id/lots` → 201 with the lot. */
export const createLot = (projectId: string, body: LotInput | BodyOf<typeof routes.createLot>) => call(routes.createLot, { params: { id: projectId }, body });
/** `PUT /api/lots/:id`; 409 with the current lot on a stale version. */
export const updateLot = (id: string, body: LotUpdate) => call(routes.updateLot, { params: { id }, body });
export const deleteLot = (id: string) => call(routes.deleteLot, { params: { id } });
/** `GET /api/audit?entity=project&id=…`: newest first, the project's lots included. */
export const fetchAudit = (entity: "project" | "lot", id: string) => callItems(routes.audit, { query: { entity, id } });
/** `GET /api/materials`: the conversion table in force. */
export const fetchMaterials = () => callItems(routes.materials);
/** `PUT /api/materials/:material` (admins). */
export const updateMaterial = (material: string, body: MaterialProperties) => call(routes.updateMaterial, { params: { material }, body });
/** The CSV export's address with the list's filters ("?material=rock…" or ""). */
export const lotsExportUrl = (query = "") => urlOf(routes.exportLots, { query: queryOf(query) });

/**
 * `POST /api/lots/import` with the file's text. A dry run only checks; a real import writes all
 * rows or none. A file with bad rows answers 400 with the report, so the report comes back
 * whenever the server sent one; `failure` only when it did not (no rights, too large, no server).
 */
export async function importLots(
  csv: string,
  { dryRun, crs }: { dryRun: boolean; crs?: string },
): Promise<{ ok: true; status: number; report: LotImportReport } | { ok: false; failure: ApiFailure }> {
  const result = await call(routes.importLots, { query: { dryRun: dryRun ? "true" : undefined, crs }, body: csv, contentType: "text/csv" });
  const answer = reportOf(routes.importLots, result);
  return answer ? { ok: true, ...answer } : { ok: false, failure: (result as { failure: ApiFailure }).failure };
}

// --- Sites, zoning, suitability ------------------------------------------------------------------

export const fetchSites = () => callItems(routes.sites);
/** `GET /api/sites?includeDeleted=true` (admins): every site, the deleted ones with `deletedAt`. */
export const fetchSitesWithDeleted = () => callItems(routes.sites, { query: { includeDeleted: "true" } });
export const fetchSite = (id: string) => call(routes.site, { params: { id } });
/** `POST /api/sites` → 201 with the site. */
export const createSite = (body: SiteInput) => call(routes.createSite, { body });
/** `PUT /api/sites/:id` with the version it was based on; 409 with the current site when stale. */
export const updateSite = (id: string, body: SiteUpdate) => call(routes.updateSite, { params: { id }, body });
/** `DELETE /api/sites/:id` (soft: an admin can restore it). */
export const deleteSite = (id: string) => call(routes.deleteSite, { params: { id } });
/** `POST /api/sites/:id/restore` (admins). */
export const restoreSite = (id: string) => call(routes.restoreSite, { params: { id } });
/** `GET /api/zoning`, optionally limited to a WGS84 bbox. */
export const fetchZoning = (bbox?: Bbox) => callItems(routes.zoning, { query: { bbox: bbox?.join(",") } });
/** `GET /api/zoning/zones`: the hazard and protection zones (hensynssoner, NVE hazard maps), all or in a box. */
export const fetchHazardZones = (bbox?: Bbox) => callItems(routes.hazardZones, { query: { bbox: bbox?.join(",") } });
/** `GET /api/sites/:id/suitability`: 422 when the site cannot be rated. */
export const fetchSuitability = (id: string) => call(routes.suitability, { params: { id } });
/** `GET /api/suitability/ranking`: every site with its report, or why it could not be rated. */
export const fetchRanking = () => callItems(routes.ranking);
/** The suitability rules in force (GET /api/suitability/rules). */
export const fetchSuitabilityRules = () => call(routes.suitabilityRules);
/** Replaces the rules (admins); the server checks them and answers 400 with the problem. */
export const saveSuitabilityRules = (rules: unknown) => call(routes.updateSuitabilityRules, { body: rules as BodyOf<typeof routes.updateSuitabilityRules> });

export interface ZoningImportOptions {
  /** sosi, gml, geojson, geopackage, shapefile, kml or flatgeobuf; undefined: the server tells it from the content. */
  format?: QueryOf<typeof routes.importZoning>["format"] | undefined;
  fileName: string;
  /** The layer of a GeoPackage, zipped Shapefile or KML to read (default: every layer with plan areas). */
  layer?: string | undefined;
  crs?: string;
  codeProperty?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
}

/** The query of a zoning import (pure; empty options are left out). */
export function zoningImportQuery(options: ZoningImportOptions): QueryOf<typeof routes.importZoning> {
  return {
    format: options.format,
    fileName: options.fileName,
    layer: options.layer?.trim() || undefined,
    crs: options.crs?.trim() || undefined,
    codeProperty: options.codeProperty?.trim() || undefined,
    dryRun: options.dryRun ? "true" : undefined,
    skipInvalid: options.skipInvalid ? "true" : undefined,
  };
}

/**
 * `POST /api/zoning/import` with the file's bytes. Whenever the server sent a summary (a dry
 * run, an import, or a 400 `invalid_objects` that imported nothing) it comes back with the
 * status; `failure` only when it did not (an unreadable file, no rights, no server), with the
 * file's layers when the server listed them (a layered file where no layer held plan data).
 */
export async function importZoning(
  bytes: ArrayBuffer,
  options: ZoningImportOptions,
): Promise<{ ok: true; status: number; summary: ZoningImportSummary } | { ok: false; failure: ApiFailure; layers?: FileLayer[] }> {
  const result = await call(routes.importZoning, { query: zoningImportQuery(options), body: bytes });
  const answer = reportOf(routes.importZoning, result);
  if (answer && "skipped" in answer.report) return { ok: true, status: answer.status, summary: answer.report };
  const failure = (result as { failure: ApiFailure }).failure;
  const layers = answer?.report.layers;
  return { ok: false, failure, ...(layers ? { layers } : {}) };
}

// --- The road network ---------------------------------------------------------------------------

export const fetchRoadNetwork = () => call(routes.roadNetwork);
/** The address of the network in use as GeoJSON, for the map layer. */
export const roadNetworkFeaturesPath = routes.roadNetworkFeatures.path;
/**
 * `POST /api/road-network?name=&crs=&layer=&fileName=` with the file's bytes in any vector format
 * (GeoJSON, GeoPackage, zipped Shapefile, KML/KMZ, FlatGeobuf); 400 `invalid_network` with a clear message.
 */
export async function importRoadNetwork(
  bytes: ArrayBuffer,
  { crs, name, layer, fileName }: { crs?: string; name?: string; layer?: string; fileName?: string },
): Promise<{ ok: true; value: RoadNetworkInfo } | { ok: false; failure: ApiFailure; layers?: FileLayer[] }> {
  const result = await call(routes.importRoadNetwork, {
    query: { crs: crs?.trim() || undefined, name: name?.trim() || undefined, layer: layer?.trim() || undefined, fileName: fileName || undefined },
    body: bytes,
  });
  if (result.ok) return { ok: true, value: result.value };
  // A file with several layers is refused with its layers, so the dialog can offer them.
  // The refusal was parsed with the route's refusal schema: an error with the file's layers beside it.
  const layers = (result.failure.refusal as { layers?: FileLayer[] } | undefined)?.layers;
  return { ok: false, failure: result.failure, ...(layers ? { layers } : {}) };
}
/** `DELETE /api/road-network`: back to the shipped network. */
export const resetRoadNetwork = () => call(routes.resetRoadNetwork);

/** `GET /api/distances/route`: one haul's path along the roads, or null when there is none. */
export async function fetchRoute(
  mode: "road" | "osrm",
  from: { id: string; location: [number, number] },
  to: { id: string; location: [number, number] },
): Promise<ApiResult<[number, number][] | null>> {
  const point = (p: typeof from) => `${p.id}@${p.location[0]},${p.location[1]}`;
  const result = await call(routes.haulRoute, { query: { mode, from: point(from), to: point(to) } });
  return result.ok ? { ok: true, status: result.status, value: result.value.geometry?.coordinates ?? null } : result;
}

// --- Matching and scenarios --------------------------------------------------------------------

/** `GET /api/matching/instance`: every lot and site with default parameters, ready for the browser worker. */
export const fetchMatchingInstance = () => call(routes.matchingInstance);
/** `GET /api/scenarios`: every scenario with its latest run. */
export const fetchScenarios = () => callItems(routes.scenarios);
export const createScenario = (body: Partial<ScenarioInput> & { name: string }) => call(routes.createScenario, { body });
/** `PUT /api/scenarios/:id` with the version it was based on; 409 with `failure.current` when stale. */
export const updateScenario = (id: string, body: ScenarioInput & { version: number }) => call(routes.updateScenario, { params: { id }, body });
export const duplicateScenario = (id: string) => call(routes.duplicateScenario, { params: { id } });
export const deleteScenario = (id: string) => call(routes.deleteScenario, { params: { id } });
/** Undo of a delete (planners may). */
export const restoreScenario = (id: string) => call(routes.restoreScenario, { params: { id } });
/** `POST /api/scenarios/:id/run` → 202 with the run; `started` is false when a run was already going. */
export const runScenario = (id: string) => call(routes.runScenario, { params: { id } });
export const fetchRun = (id: string, runId: string) => call(routes.scenarioRun, { params: { id, runId } });
/** `GET /api/scenarios/:id/result`: the last good result and its run. */
export const fetchScenarioResult = (id: string) => call(routes.scenarioResult, { params: { id } });
/** The instance the scenario gives now (for names and points of the ids in its result). */
export const fetchScenarioInstance = (id: string) => call(routes.scenarioInstance, { params: { id } });
/** `POST /api/scenarios/:id/recommend` → 202 with the allocation run (issue 11); `started` is false when a run was already going. */
export const recommendScenario = (id: string, body: RecommendRequest) => call(routes.recommendScenario, { params: { id }, body });
/** `GET /api/scenarios/:id/recommendation`: the last good recommendation, its run and its sites. */
export const fetchRecommendation = (id: string) => call(routes.recommendation, { params: { id } });

// --- Outdoor materials ---------------------------------------------------------------------------

/** Filters of the outdoor lots list; empty strings are left out of the query. */
export interface OutdoorLotFilters {
  type?: string;
  siteId?: string;
  projectId?: string;
  direction?: string;
  from?: string;
  to?: string;
}

/** "?type=granite_kerb&from=2031-03" from the filters that are set, or "". */
export function outdoorLotQuery(filters: OutdoorLotFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** `GET /api/outdoor-materials/types`: the catalogue in force. */
export const fetchOutdoorTypes = () => callItems(routes.outdoorTypes);
/** `POST /api/outdoor-materials/types` (admins) → 201 with the new type; an id in use fails with 400 naming `id`. */
export const createOutdoorType = (body: OutdoorTypeCreate) => call(routes.createOutdoorType, { body });
/** `PUT /api/outdoor-materials/types/:id` (admins); 409 with the type as it is now. */
export const updateOutdoorType = (id: string, body: OutdoorTypeUpdate) => call(routes.updateOutdoorType, { params: { id }, body });
export const fetchProjectOutdoorLots = (projectId: string) => callItems(routes.projectOutdoorLots, { params: { id: projectId } });
/** `GET /api/outdoor-lots` with filters. */
export const fetchOutdoorLots = (filters: OutdoorLotFilters = {}) => callItems(routes.outdoorLots, { query: queryOf(outdoorLotQuery(filters)) });
/** `POST /api/projects/:id/outdoor-lots` → 201 with the lot. */
export const createOutdoorLot = (projectId: string, body: OutdoorLotBody) => call(routes.createOutdoorLot, { params: { id: projectId }, body });
/** `PUT /api/outdoor-lots/:id`; 409 with the lot as it is now on a stale version. */
export const updateOutdoorLot = (id: string, body: BodyOf<typeof routes.updateOutdoorLot>) => call(routes.updateOutdoorLot, { params: { id }, body });
/** `DELETE /api/outdoor-lots/:id` (soft). */
export const deleteOutdoorLot = (id: string) => call(routes.deleteOutdoorLot, { params: { id } });
/** `GET /api/outdoor-materials/plan`, over the lots' months unless from/to are given. */
export const fetchStoragePlan = (range: { from?: string; to?: string } = {}) => call(routes.storagePlan, { query: queryOf(outdoorLotQuery(range)) });
/** `GET /api/outdoor-lots/:id/suggestions`: receiving projects for an available lot, nearest first. */
export const fetchOutdoorSuggestions = (id: string) => call(routes.outdoorSuggestions, { params: { id } });
/** The CSV export's address with the list's filters. */
export const outdoorLotsExportUrl = (filters: OutdoorLotFilters = {}) => urlOf(routes.exportOutdoorLots, { query: queryOf(outdoorLotQuery(filters)) });

/**
 * `POST /api/outdoor-lots/import` with the file's text. A file with bad rows answers 400 with the
 * report, so the report comes back whenever the server sent one; `failure` only when it did not.
 */
export async function importOutdoorLots(
  csv: string,
  { dryRun }: { dryRun: boolean },
): Promise<{ ok: true; status: number; report: OutdoorLotImportReport } | { ok: false; failure: ApiFailure }> {
  const result = await call(routes.importOutdoorLots, { query: { dryRun: dryRun ? "true" : undefined }, body: csv, contentType: "text/csv" });
  const answer = reportOf(routes.importOutdoorLots, result);
  return answer ? { ok: true, ...answer } : { ok: false, failure: (result as { failure: ApiFailure }).failure };
}

// --- Files in and out (issue 13, phase 3) ---------------------------------------------------------

export type { SiteImportReport } from "../../core/sites/site-import";

export interface SiteImportOptions {
  format?: QueryOf<typeof routes.importSites>["format"] | undefined;
  fileName: string;
  layer?: string | undefined;
  crs?: string | undefined;
  nameProperty?: string | undefined;
  kind?: QueryOf<typeof routes.importSites>["kind"] | undefined;
  dryRun: boolean;
}

/**
 * `POST /api/sites/import` with the file's bytes. The report comes back whenever the server sent
 * one (a dry run, an import, a 400 for features that cannot become sites); otherwise the failure,
 * with the file's layers when the server listed them (a file with several layers).
 */
export async function importSites(
  bytes: ArrayBuffer,
  options: SiteImportOptions,
): Promise<{ ok: true; status: number; report: SiteImportReport } | { ok: false; failure: ApiFailure; layers?: FileLayer[] }> {
  const result = await call(routes.importSites, {
    query: {
      format: options.format,
      fileName: options.fileName,
      layer: options.layer?.trim() || undefined,
      crs: options.crs?.trim() || undefined,
      nameProperty: options.nameProperty?.trim() || undefined,
      kind: options.kind,
      dryRun: options.dryRun ? "true" : undefined,
    },
    body: bytes,
  });
  const answer = reportOf(routes.importSites, result);
  if (answer && "sites" in answer.report) return { ok: true, status: answer.status, report: answer.report };
  const layers = answer?.report.layers;
  return { ok: false, failure: (result as { failure: ApiFailure }).failure, ...(layers ? { layers } : {}) };
}

/** `POST /api/lots/import/xlsx`: the lot import of an Excel workbook, answered as `importLots` answers. */
export async function importLotsWorkbook(
  bytes: ArrayBuffer,
  { dryRun, crs, fileName }: { dryRun: boolean; crs?: string; fileName?: string },
): Promise<{ ok: true; status: number; report: LotImportReport } | { ok: false; failure: ApiFailure }> {
  const result = await call(routes.importLotsWorkbook, { query: { dryRun: dryRun ? "true" : undefined, crs, fileName }, body: bytes });
  const answer = reportOf(routes.importLotsWorkbook, result);
  return answer ? { ok: true, ...answer } : { ok: false, failure: (result as { failure: ApiFailure }).failure };
}

/** The .xlsx export's address with the list's filters and the language of its column notes. */
export const lotsWorkbookUrl = (query = "", lang: "nb" | "en" = "nb") => urlOf(routes.exportLotsWorkbook, { query: { ...queryOf(query), lang } });
// --- Delivered loads (issue 16) ------------------------------------------------------------------

/** `GET /api/loads?lotId=&siteId=&projectId=&from=&to=`. */
export const fetchLoads = (query: QueryOf<typeof routes.loads> = {}) => callItems(routes.loads, { query });
/** `GET /api/loads/flows?…` (the same filters): live loads summed per (from, to), for the map's delivered flows. */
export const fetchLoadFlows = (query: QueryOf<typeof routes.loadFlows> = {}) => callItems(routes.loadFlows, { query });
/** `POST /api/loads` → 201 with the load; 409 `ticket_taken` with the load that holds the ticket. */
export const createLoad = (body: BodyOf<typeof routes.createLoad>) => call(routes.createLoad, { body });
/** `GET /api/deliveries`: planned against delivered per place and month (the latest run of `scenarioId`, default the scenario run last). */
export const fetchDeliveries = (query: QueryOf<typeof routes.deliveries> = {}) => call(routes.deliveries, { query });
/** `GET /api/deviations`. */
export const fetchDeviations = (query: QueryOf<typeof routes.deviations> = {}) => callItems(routes.deviations, { query });
/** `GET /api/lots/:id/custody`. */
export const fetchCustody = (lotId: string) => call(routes.lotCustody, { params: { id: lotId } });
/** `GET /api/sites/:id/stock`. */
export const fetchSiteStock = (siteId: string) => call(routes.siteStock, { params: { id: siteId } });
