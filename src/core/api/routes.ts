/**
 * The HTTP API as contracts (DESIGN §7 and the README's changelog): for each route its method, path,
 * body, query and answer, each a zod schema defined beside its record. The server validates bodies
 * and types what it sends with them (`respond` in `src/server/http.ts`); the app's one HTTP client
 * (`src/app/api/`) types its calls and parses every answer with them. A route that changes here
 * changes on both sides at once.
 *
 * Every error answer is `apiErrorSchema` (`domain/api-error.ts`); a 409 adds the record as it is now
 * (`conflict`), and CSV imports answer a bad file with their report (`refusal`).
 */
import { z } from "zod";
import { loginSchema } from "../domain/accounts";
import {
  authConfigSchema,
  meDetailsSchema,
  passwordChangeSchema,
  passwordResetResultSchema,
  passwordResetSchema,
  sessionInfoSchema,
  userAccountSchema,
  userCreateSchema,
  userRowSchema,
  userUpdateSchema,
} from "../domain/users-api";
import { hazardZoneSchema } from "../zoning/hazard-zones";
import { zoningImportRefusalSchema, zoningFileLayersRefusalSchema, zoningImportSummarySchema } from "../zoning/import-summary";
import { zoningAreaSchema, lotInputSchema, lotSchema, projectSchema, siteInputSchema, siteSchema, siteUpdateSchema } from "../domain/records";
import {
  auditEntrySchema,
  lotImportReportSchema,
  lotUpdateSchema,
  materialPropertiesRowSchema,
  materialPropertiesSchema,
  projectCreateSchema,
  projectListResponseSchema,
  projectSummaryListResponseSchema,
  projectQuerySchema,
  projectUpdateSchema,
} from "../domain/registry-api";
import { distanceMatrixJsonSchema, haulRouteFeatureSchema } from "../haul/distance-matrix";
import { roadNetworkInfoSchema } from "../haul/road-graph-summary";
import { recommendationViewSchema, recommendRequestSchema } from "../allocation/recommendation-api";
import { registryInstanceSchema } from "../matching/from-registry";
import { instanceSchema } from "../matching/instance";
import { matchResultSchema } from "../matching/result";
import {
  outdoorLotImportReportSchema,
  outdoorLotInputSchema,
  outdoorLotQuerySchema,
  outdoorLotSchema,
  outdoorLotUpdateSchema,
  outdoorPlanQuerySchema,
  outdoorSuggestionsResponseSchema,
  outdoorTypeCreateSchema,
  outdoorTypeUpdateSchema,
} from "../outdoor/api";
import { outdoorMaterialTypeRecordSchema } from "../outdoor/catalogue";
import { outdoorMatchResultSchema } from "../outdoor/matching";
import { storagePlanSchema } from "../outdoor/storage-plan";
import {
  runStartedSchema,
  scenarioInputSchema,
  scenarioListItemSchema,
  scenarioResultViewSchema,
  scenarioRunSchema,
  scenarioSchema,
  scenarioUpdateSchema,
} from "../scenario/scenario";
import { rankingItemSchema, suitabilityReportSchema } from "../suitability/report";
import { suitabilityRulesSchema } from "../suitability/rules";
import { healthSchema, itemsOf } from "./shapes";
import { siteFileRefusalSchema, siteImportRefusalSchema, siteImportReportSchema } from "../sites/site-import";
import { deliveriesSchema, deviationListSchema, deviationQuery, loadFlowListSchema, loadFlowQuery } from "../loads/api";
import { custodySchema, siteStockSchema } from "../loads/custody";
import { loadInputSchema, loadQuerySchema, loadSchema, loadUpdateSchema } from "../loads/load";
import { loadImportReportSchema } from "../loads/load-csv";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

/** One route of the API. */
export interface RouteContract {
  method: Method;
  /** The path with its parameters: "/api/projects/:id". */
  path: string;
  /** A JSON body's schema; "text" for a text body (CSV, GeoJSON), "bytes" for a file. */
  body?: z.ZodType | "text" | "bytes";
  /** The query parameters the server reads (all strings on the wire). */
  query?: z.ZodType;
  /** The answer on success; null for 204 without a body; "text" for a body that is not JSON (CSV, a GeoJSON file). */
  response: z.ZodType | null | "text";
  /** The success status, 200 unless said. */
  status?: 200 | 201 | 202 | 204;
  /** A 409 version conflict's record as it is now (`current`). */
  conflict?: z.ZodType;
  /** An error status that answers with this shape instead of the bare error (an import's report). */
  refusal?: z.ZodType;
}

const route = <const R extends RouteContract>(contract: R): R => contract;

/** The query of `GET /api/zoning`, `GET /api/sites` and their kin: a WGS84 box. */
const bboxQuery = z.object({ bbox: z.string().optional(), includeDeleted: z.enum(["true", "false"]).optional() });
const dryRunQuery = z.object({ dryRun: z.enum(["true", "false"]).optional(), crs: z.string().optional() });
const distanceQuery = z.object({
  mode: z.enum(["straight", "road", "osrm"]).optional(),
  from: z.string(),
  to: z.string(),
  circuity: z.string().optional(),
  maxSnapKm: z.string().optional(),
});

export const routes = {
  health: route({ method: "GET", path: "/api/health", response: healthSchema }),

  // --- Session --------------------------------------------------------------------------------
  signIn: route({ method: "POST", path: "/api/session", body: loginSchema, response: meDetailsSchema }),
  signOut: route({ method: "DELETE", path: "/api/session", response: null, status: 204 }),
  me: route({ method: "GET", path: "/api/me", response: meDetailsSchema }),
  authConfig: route({ method: "GET", path: "/api/auth/config", response: authConfigSchema }),
  changeOwnPassword: route({ method: "PUT", path: "/api/me/password", body: passwordChangeSchema, response: meDetailsSchema }),
  mySessions: route({ method: "GET", path: "/api/me/sessions", response: itemsOf(sessionInfoSchema) }),
  endMyOtherSessions: route({ method: "DELETE", path: "/api/me/sessions", response: z.object({ ended: z.number().int() }) }),
  endMySession: route({ method: "DELETE", path: "/api/me/sessions/:id", response: null, status: 204 }),

  // --- Accounts (admins; the list for everyone signed in) ----------------------------------------
  /** Admins get whole accounts, everyone else the list items (who can be named a member). */
  users: route({ method: "GET", path: "/api/users", response: itemsOf(userRowSchema) }),
  user: route({ method: "GET", path: "/api/users/:username", response: userAccountSchema }),
  createUser: route({ method: "POST", path: "/api/users", body: userCreateSchema, response: userAccountSchema, status: 201 }),
  updateUser: route({ method: "PUT", path: "/api/users/:username", body: userUpdateSchema, response: userAccountSchema, conflict: userAccountSchema }),
  resetPassword: route({ method: "POST", path: "/api/users/:username/password", body: passwordResetSchema, response: passwordResetResultSchema }),

  // --- Mass registry ----------------------------------------------------------------------------
  projects: route({ method: "GET", path: "/api/projects", query: projectQuerySchema, response: projectListResponseSchema }),
  /** The map's data: the same list and query, each project summed instead of with its lots (issue 12). */
  mapProjects: route({ method: "GET", path: "/api/map/projects", query: projectQuerySchema, response: projectSummaryListResponseSchema }),
  project: route({ method: "GET", path: "/api/projects/:id", response: projectSchema }),
  createProject: route({ method: "POST", path: "/api/projects", body: projectCreateSchema, response: projectSchema, status: 201 }),
  updateProject: route({ method: "PUT", path: "/api/projects/:id", body: projectUpdateSchema, response: projectSchema, conflict: projectSchema }),
  deleteProject: route({ method: "DELETE", path: "/api/projects/:id", response: null, status: 204 }),
  restoreProject: route({ method: "POST", path: "/api/projects/:id/restore", response: projectSchema }),
  projectLots: route({ method: "GET", path: "/api/projects/:id/lots", response: itemsOf(lotSchema) }),
  createLot: route({ method: "POST", path: "/api/projects/:id/lots", body: lotInputSchema, response: lotSchema, status: 201 }),
  updateLot: route({ method: "PUT", path: "/api/lots/:id", body: lotUpdateSchema, response: lotSchema, conflict: lotSchema }),
  deleteLot: route({ method: "DELETE", path: "/api/lots/:id", response: null, status: 204 }),
  restoreLot: route({ method: "POST", path: "/api/lots/:id/restore", response: lotSchema }),
  exportLots: route({ method: "GET", path: "/api/lots/export.csv", query: projectQuerySchema, response: "text" }),
  importLots: route({ method: "POST", path: "/api/lots/import", query: dryRunQuery, body: "text", response: lotImportReportSchema, refusal: lotImportReportSchema }),
  audit: route({
    method: "GET",
    path: "/api/audit",
    query: z.object({ entity: z.string(), id: z.string() }),
    response: itemsOf(auditEntrySchema),
  }),
  materials: route({ method: "GET", path: "/api/materials", response: itemsOf(materialPropertiesRowSchema) }),
  updateMaterial: route({ method: "PUT", path: "/api/materials/:material", body: materialPropertiesSchema, response: materialPropertiesRowSchema }),

  // --- Sites, zoning, suitability ---------------------------------------------------------------
  sites: route({ method: "GET", path: "/api/sites", query: bboxQuery, response: itemsOf(siteSchema) }),
  site: route({ method: "GET", path: "/api/sites/:id", response: siteSchema }),
  createSite: route({ method: "POST", path: "/api/sites", body: siteInputSchema, response: siteSchema, status: 201 }),
  updateSite: route({ method: "PUT", path: "/api/sites/:id", body: siteUpdateSchema, response: siteSchema, conflict: siteSchema }),
  deleteSite: route({ method: "DELETE", path: "/api/sites/:id", response: null, status: 204 }),
  restoreSite: route({ method: "POST", path: "/api/sites/:id/restore", response: siteSchema }),
  zoning: route({ method: "GET", path: "/api/zoning", query: bboxQuery, response: itemsOf(zoningAreaSchema) }),
  hazardZones: route({ method: "GET", path: "/api/zoning/zones", query: bboxQuery, response: itemsOf(hazardZoneSchema) }),
  importZoning: route({
    method: "POST",
    path: "/api/zoning/import",
    query: z.object({
      /** Without it the server tells the format from the content (then the file name). */
      format: z.enum(["sosi", "gml", "geojson", "geopackage", "shapefile", "kml", "flatgeobuf"]).optional(),
      /** One layer of a GeoPackage, zipped Shapefile or KML; default every layer with plan areas or zones. */
      layer: z.string().optional(),
      crs: z.string().optional(),
      codeProperty: z.string().optional(),
      skipInvalid: z.enum(["true", "false"]).optional(),
      dryRun: z.enum(["true", "false"]).optional(),
      fileName: z.string().optional(),
      /** The data set of an NVE hazard map (default nve:quick_clay, nve:landslide, nve:flood). */
      planId: z.string().optional(),
    }),
    body: "bytes",
    response: zoningImportSummarySchema,
    refusal: z.union([zoningImportRefusalSchema, zoningFileLayersRefusalSchema]),
  }),
  suitability: route({ method: "GET", path: "/api/sites/:id/suitability", response: suitabilityReportSchema }),
  ranking: route({ method: "GET", path: "/api/suitability/ranking", response: itemsOf(rankingItemSchema) }),
  suitabilityRules: route({ method: "GET", path: "/api/suitability/rules", response: suitabilityRulesSchema }),
  updateSuitabilityRules: route({ method: "PUT", path: "/api/suitability/rules", body: suitabilityRulesSchema, response: suitabilityRulesSchema }),

  // --- Haul distances and the road network --------------------------------------------------------
  distances: route({ method: "GET", path: "/api/distances", query: distanceQuery, response: distanceMatrixJsonSchema }),
  haulRoute: route({ method: "GET", path: "/api/distances/route", query: distanceQuery, response: haulRouteFeatureSchema }),
  roadNetwork: route({ method: "GET", path: "/api/road-network", response: roadNetworkInfoSchema }),
  roadNetworkFeatures: route({ method: "GET", path: "/api/road-network/features", response: "text" }),
  importRoadNetwork: route({
    method: "POST",
    path: "/api/road-network",
    query: z.object({
      crs: z.string().optional(),
      name: z.string().optional(),
      /** geojson, geopackage, shapefile, kml or flatgeobuf; without it told from the content. */
      format: z.enum(["geojson", "geopackage", "shapefile", "kml", "flatgeobuf"]).optional(),
      layer: z.string().optional(),
      fileName: z.string().optional(),
    }),
    body: "bytes",
    response: roadNetworkInfoSchema,
    status: 201,
    /** 400 for a file that cannot be read, with its layers when it has several (issue 13). */
    refusal: siteFileRefusalSchema,
  }),
  resetRoadNetwork: route({ method: "DELETE", path: "/api/road-network", response: null, status: 204 }),

  // --- Matching and scenarios -------------------------------------------------------------------
  solve: route({ method: "POST", path: "/api/solve", query: z.object({ objective: z.enum(["cost", "co2"]).optional() }), body: instanceSchema, response: matchResultSchema }),
  matchingInstance: route({ method: "GET", path: "/api/matching/instance", response: registryInstanceSchema }),
  scenarios: route({ method: "GET", path: "/api/scenarios", response: itemsOf(scenarioListItemSchema) }),
  scenario: route({ method: "GET", path: "/api/scenarios/:id", response: scenarioSchema }),
  createScenario: route({ method: "POST", path: "/api/scenarios", body: scenarioInputSchema, response: scenarioSchema, status: 201 }),
  duplicateScenario: route({ method: "POST", path: "/api/scenarios/:id/duplicate", response: scenarioSchema, status: 201 }),
  updateScenario: route({ method: "PUT", path: "/api/scenarios/:id", body: scenarioUpdateSchema, response: scenarioSchema, conflict: scenarioSchema }),
  deleteScenario: route({ method: "DELETE", path: "/api/scenarios/:id", response: null, status: 204 }),
  restoreScenario: route({ method: "POST", path: "/api/scenarios/:id/restore", response: scenarioSchema }),
  scenarioInstance: route({ method: "GET", path: "/api/scenarios/:id/instance", response: registryInstanceSchema }),
  runScenario: route({ method: "POST", path: "/api/scenarios/:id/run", response: runStartedSchema, status: 202 }),
  scenarioRun: route({ method: "GET", path: "/api/scenarios/:id/runs/:runId", response: scenarioRunSchema }),
  scenarioResult: route({ method: "GET", path: "/api/scenarios/:id/result", response: scenarioResultViewSchema }),
  recommendScenario: route({ method: "POST", path: "/api/scenarios/:id/recommend", body: recommendRequestSchema, response: runStartedSchema, status: 202 }),
  recommendation: route({ method: "GET", path: "/api/scenarios/:id/recommendation", response: recommendationViewSchema }),

  // --- Outdoor materials ------------------------------------------------------------------------
  outdoorTypes: route({ method: "GET", path: "/api/outdoor-materials/types", response: itemsOf(outdoorMaterialTypeRecordSchema) }),
  createOutdoorType: route({ method: "POST", path: "/api/outdoor-materials/types", body: outdoorTypeCreateSchema, response: outdoorMaterialTypeRecordSchema, status: 201 }),
  updateOutdoorType: route({
    method: "PUT",
    path: "/api/outdoor-materials/types/:id",
    body: outdoorTypeUpdateSchema,
    response: outdoorMaterialTypeRecordSchema,
    conflict: outdoorMaterialTypeRecordSchema,
  }),
  projectOutdoorLots: route({ method: "GET", path: "/api/projects/:id/outdoor-lots", response: itemsOf(outdoorLotSchema) }),
  createOutdoorLot: route({ method: "POST", path: "/api/projects/:id/outdoor-lots", body: outdoorLotInputSchema, response: outdoorLotSchema, status: 201 }),
  outdoorLots: route({ method: "GET", path: "/api/outdoor-lots", query: outdoorLotQuerySchema, response: itemsOf(outdoorLotSchema) }),
  outdoorLot: route({ method: "GET", path: "/api/outdoor-lots/:id", response: outdoorLotSchema }),
  updateOutdoorLot: route({ method: "PUT", path: "/api/outdoor-lots/:id", body: outdoorLotUpdateSchema, response: outdoorLotSchema, conflict: outdoorLotSchema }),
  deleteOutdoorLot: route({ method: "DELETE", path: "/api/outdoor-lots/:id", response: null, status: 204 }),
  restoreOutdoorLot: route({ method: "POST", path: "/api/outdoor-lots/:id/restore", response: outdoorLotSchema }),
  exportOutdoorLots: route({ method: "GET", path: "/api/outdoor-lots/export.csv", query: outdoorLotQuerySchema, response: "text" }),
  importOutdoorLots: route({
    method: "POST",
    path: "/api/outdoor-lots/import",
    query: dryRunQuery,
    body: "text",
    response: outdoorLotImportReportSchema,
    refusal: outdoorLotImportReportSchema,
  }),
  storagePlan: route({ method: "GET", path: "/api/outdoor-materials/plan", query: outdoorPlanQuerySchema, response: storagePlanSchema }),
  outdoorSuggestions: route({
    method: "GET",
    path: "/api/outdoor-lots/:id/suggestions",
    query: z.object({ maxHaulKm: z.string().optional() }),
    response: outdoorSuggestionsResponseSchema,
  }),
  outdoorMatches: route({
    method: "GET",
    path: "/api/outdoor-materials/matches",
    query: z.object({ maxHaulKm: z.string().optional() }),
    response: outdoorMatchResultSchema,
  }),

  // --- Files in and out (issue 13, phase 3) --------------------------------------------------------
  /** Sites from a GeoJSON, GeoPackage, zipped Shapefile, KML/KMZ or FlatGeobuf file; all or nothing. */
  importSites: route({
    method: "POST",
    path: "/api/sites/import",
    query: z.object({
      /** geojson, geopackage, shapefile, kml or flatgeobuf; without it told from the content. */
      format: z.enum(["geojson", "geopackage", "shapefile", "kml", "flatgeobuf"]).optional(),
      layer: z.string().optional(),
      crs: z.string().optional(),
      /** The property with each site's name; detected (English or Norwegian names) when absent. */
      nameProperty: z.string().optional(),
      /** Kind of sites whose feature says none (default storage). */
      kind: z.enum(["storage", "landfill", "quarry"]).optional(),
      fileName: z.string().optional(),
      dryRun: z.enum(["true", "false"]).optional(),
    }),
    body: "bytes",
    response: siteImportReportSchema,
    status: 201,
    refusal: z.union([siteImportRefusalSchema, siteFileRefusalSchema]),
  }),
  /** Mass lots from an .xlsx workbook: the CSV import's columns, report and dry run. */
  importLotsWorkbook: route({
    method: "POST",
    path: "/api/lots/import/xlsx",
    query: dryRunQuery.extend({ fileName: z.string().optional() }),
    body: "bytes",
    response: lotImportReportSchema,
    refusal: lotImportReportSchema,
  }),
  /** The lots of the projects the query selects as an .xlsx workbook (`lang=en` for English column notes). */
  exportLotsWorkbook: route({ method: "GET", path: "/api/lots/export.xlsx", query: z.intersection(projectQuerySchema, z.object({ lang: z.enum(["nb", "en"]).optional() })), response: "text" }),
  // --- Delivered loads (issue 16) -----------------------------------------------------------------
  loads: route({ method: "GET", path: "/api/loads", query: loadQuerySchema, response: itemsOf(loadSchema) }),
  /** Live loads summed per (from, to): the delivered flows the map draws beside the planned ones. */
  loadFlows: route({ method: "GET", path: "/api/loads/flows", query: loadFlowQuery, response: loadFlowListSchema }),
  load: route({ method: "GET", path: "/api/loads/:id", response: loadSchema }),
  createLoad: route({ method: "POST", path: "/api/loads", body: loadInputSchema, response: loadSchema, status: 201, conflict: loadSchema }),
  updateLoad: route({ method: "PUT", path: "/api/loads/:id", body: loadUpdateSchema, response: loadSchema, conflict: loadSchema }),
  deleteLoad: route({ method: "DELETE", path: "/api/loads/:id", response: null, status: 204 }),
  restoreLoad: route({ method: "POST", path: "/api/loads/:id/restore", response: loadSchema, conflict: loadSchema }),
  importLoads: route({ method: "POST", path: "/api/loads/import", query: dryRunQuery, body: "text", response: loadImportReportSchema, refusal: loadImportReportSchema }),
  lotCustody: route({ method: "GET", path: "/api/lots/:id/custody", response: custodySchema }),
  siteStock: route({ method: "GET", path: "/api/sites/:id/stock", response: siteStockSchema }),
  deviations: route({ method: "GET", path: "/api/deviations", query: deviationQuery, response: deviationListSchema }),
  deliveries: route({ method: "GET", path: "/api/deliveries", query: deviationQuery, response: deliveriesSchema }),
} as const satisfies Record<string, RouteContract>;

export type Routes = typeof routes;

/** What a route answers on success, as a client has it after parsing (defaults filled in). */
export type ResponseOf<R extends RouteContract> = R extends { response: infer S extends z.ZodType } ? z.output<S> : R extends { response: "text" } ? string : void;

/** What a server may send as a route's answer (the schema's input form: fields with defaults may be left out). */
export type SentOf<R extends RouteContract> = R extends { response: infer S extends z.ZodType } ? z.input<S> : R extends { response: "text" } ? string : void;

/** The JSON body a route takes (its input form: defaults may be left out). */
export type BodyOf<R extends RouteContract> = R extends { body: infer B extends z.ZodType } ? z.input<B> : R extends { body: "text" } ? string : R extends { body: "bytes" } ? ArrayBuffer | Uint8Array : never;

/** The path parameters of a route: "/api/scenarios/:id/runs/:runId" → { id, runId }. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

/** The query parameters a route reads, by name; values as they travel (text). */
export type QueryOf<R extends RouteContract> = R extends { query: infer Q extends z.ZodType } ? { [K in keyof z.input<Q>]?: string | undefined } : never;

/** The path of a route with its parameters filled in (each URL-encoded). */
export function pathOf(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${template} needs :${name}`);
    return encodeURIComponent(value);
  });
}
