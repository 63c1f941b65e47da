/**
 * The site tools' door to the HTTP API: sites, suitability, zoning import and the road network.
 * Same pattern as `api/client.ts`: every call answers a value (`{ ok, value }` or `{ ok: false,
 * failure }`), never throws; a 409 carries the record as it is now in `failure.current`.
 */
import type { ApiError } from "../../../core/domain/api-error";
import type { RoadGraphSummary } from "../../../core/haul/road-graph-summary";
import type { Site, SiteInput } from "../../../core/domain/records";
import type { SuitabilityReport } from "../../../core/suitability/report";
import type { Message } from "../../../core/messages/message";
import type { ApiFailure, ApiResult } from "../../api/client";

/** A site's entry in `GET /api/suitability/ranking`: its report, or why it could not be rated. */
export interface RankingItem {
  siteId: string;
  name: string;
  kind: Site["kind"];
  status: Site["status"];
  report?: SuitabilityReport;
  problem?: string;
  /** Why it could not be rated, as a message to translate. */
  problemDetail?: Message;
}

/** The answer of `POST /api/zoning/import` (also inside a 400 `invalid_objects`). */
export interface ZoningImportSummary {
  imported: number;
  skipped: { object: string; reason: string }[];
  planIds: string[];
  sourceCrs: string;
  warnings: string[];
  ignored: Record<string, number>;
  /** Valid objects found in the file. */
  found?: number;
}

/** `GET /api/road-network`. */
export interface RoadNetworkInfo {
  source: "shipped" | "imported";
  name: string;
  summary: RoadGraphSummary | null;
  warnings: string[];
  uploadedBy?: string;
}

export type SiteBody = SiteInput;

type Body = { json: unknown } | { bytes: BodyInit; contentType: string };

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

/** The request and its parsed JSON body (undefined when there is none); a failure when no HTTP answer came. */
async function send(method: string, path: string, body?: Body): Promise<{ response: Response; parsed: unknown } | { failure: ApiFailure }> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "json" in body ? "application/json" : body.contentType }),
      },
      body: body === undefined ? undefined : "json" in body ? JSON.stringify(body.json) : body.bytes,
    });
  } catch (error) {
    return { failure: { status: 0, code: "network", message: String(error), fields: [] } };
  }
  let parsed: unknown = undefined;
  if (response.status !== 204) {
    try {
      parsed = await response.json();
    } catch {
      // A proxy error page or an empty body: the status alone must tell the story.
    }
  }
  return { response, parsed };
}

/** The failure of an answer that was not ok, in `ApiFailure`'s shape. */
export function failureOf(response: Pick<Response, "status" | "statusText">, parsed: unknown): ApiFailure {
  const error = isApiError(parsed) ? parsed.error : undefined;
  return {
    status: response.status,
    code: error?.code ?? `http_${response.status}`,
    message: error?.message ?? response.statusText,
    fields: Array.isArray(error?.fields) ? error.fields : [],
    ...(typeof error?.key === "string" ? { key: error.key, params: error.params ?? {} } : {}),
    ...(typeof parsed === "object" && parsed !== null && "current" in parsed ? { current: parsed.current } : {}),
  };
}

async function request<T>(method: string, path: string, body?: Body): Promise<ApiResult<T>> {
  const sent = await send(method, path, body);
  if ("failure" in sent) return { ok: false, failure: sent.failure };
  if (!sent.response.ok) return { ok: false, failure: failureOf(sent.response, sent.parsed) };
  return { ok: true, value: sent.parsed as T };
}

const id = (value: string) => encodeURIComponent(value);

export function fetchSite(siteId: string): Promise<ApiResult<Site>> {
  return request<Site>("GET", `/api/sites/${id(siteId)}`);
}

/** `GET /api/sites?includeDeleted=true` (admins): every site, the deleted ones with `deletedAt`. */
export async function fetchSitesWithDeleted(): Promise<ApiResult<Site[]>> {
  const result = await request<{ items: Site[] }>("GET", "/api/sites?includeDeleted=true");
  return result.ok ? { ok: true, value: result.value.items } : result;
}

/** `POST /api/sites` → 201 with the site. */
export function createSite(body: SiteBody): Promise<ApiResult<Site>> {
  return request<Site>("POST", "/api/sites", { json: body });
}

/** `PUT /api/sites/:id` with the version it was based on; 409 with the current site when stale. */
export function updateSite(siteId: string, body: SiteBody & { version: number }): Promise<ApiResult<Site>> {
  return request<Site>("PUT", `/api/sites/${id(siteId)}`, { json: body });
}

/** `DELETE /api/sites/:id` (soft: an admin can restore it). */
export function deleteSite(siteId: string): Promise<ApiResult<void>> {
  return request<void>("DELETE", `/api/sites/${id(siteId)}`);
}

/** `POST /api/sites/:id/restore` (admins). */
export function restoreSite(siteId: string): Promise<ApiResult<Site>> {
  return request<Site>("POST", `/api/sites/${id(siteId)}/restore`);
}

/** `GET /api/sites/:id/suitability`: 422 when the site cannot be rated. */
export function fetchSuitability(siteId: string): Promise<ApiResult<SuitabilityReport>> {
  return request<SuitabilityReport>("GET", `/api/sites/${id(siteId)}/suitability`);
}

/** `GET /api/suitability/ranking`. */
/** The suitability rules in force (GET /api/suitability/rules). */
export function fetchSuitabilityRules(): Promise<ApiResult<unknown>> {
  return request("GET", "/api/suitability/rules");
}

/** Replaces the rules (admins); the server checks them against its schema and answers 400 with the problem. */
export function saveSuitabilityRules(rules: unknown): Promise<ApiResult<unknown>> {
  return request("PUT", "/api/suitability/rules", { json: rules });
}

export async function fetchRanking(): Promise<ApiResult<RankingItem[]>> {
  const result = await request<{ items: RankingItem[] }>("GET", "/api/suitability/ranking");
  return result.ok ? { ok: true, value: result.value.items } : result;
}

export interface ZoningImportOptions {
  format: "sosi" | "gml" | "geojson";
  fileName: string;
  crs?: string;
  codeProperty?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
}

/** The query string of a zoning import (pure; empty options are left out). */
export function zoningImportQuery(options: ZoningImportOptions): string {
  const params = new URLSearchParams({ format: options.format, fileName: options.fileName });
  if (options.crs?.trim()) params.set("crs", options.crs.trim());
  if (options.codeProperty?.trim()) params.set("codeProperty", options.codeProperty.trim());
  if (options.dryRun) params.set("dryRun", "true");
  if (options.skipInvalid) params.set("skipInvalid", "true");
  return params.toString();
}

const isSummary = (body: unknown): body is ZoningImportSummary =>
  typeof body === "object" && body !== null && Array.isArray((body as ZoningImportSummary).skipped);

/**
 * `POST /api/zoning/import` with the file's bytes. Whenever the server sent a summary (a dry
 * run, an import, or a 400 `invalid_objects` that imported nothing) it comes back with the
 * status; `failure` only when it did not (an unreadable file, no rights, no server).
 */
export async function importZoning(
  bytes: ArrayBuffer,
  options: ZoningImportOptions,
): Promise<{ ok: true; status: number; summary: ZoningImportSummary } | { ok: false; failure: ApiFailure }> {
  const sent = await send("POST", `/api/zoning/import?${zoningImportQuery(options)}`, { bytes, contentType: "application/octet-stream" });
  if ("failure" in sent) return { ok: false, failure: sent.failure };
  if (isSummary(sent.parsed)) return { ok: true, status: sent.response.status, summary: sent.parsed };
  return { ok: false, failure: failureOf(sent.response, sent.parsed) };
}

export function fetchRoadNetwork(): Promise<ApiResult<RoadNetworkInfo>> {
  return request<RoadNetworkInfo>("GET", "/api/road-network");
}

/** The address of the network in use as GeoJSON, for the map layer. */
export const roadNetworkFeaturesPath = "/api/road-network/features";

/** `POST /api/road-network?crs=&name=` with the GeoJSON text; 400 `invalid_network` with a clear message. */
export function importRoadNetwork(text: string, { crs, name }: { crs?: string; name?: string }): Promise<ApiResult<RoadNetworkInfo>> {
  const params = new URLSearchParams();
  if (crs?.trim()) params.set("crs", crs.trim());
  if (name?.trim()) params.set("name", name.trim());
  const query = params.toString();
  return request<RoadNetworkInfo>("POST", `/api/road-network${query ? `?${query}` : ""}`, { bytes: text, contentType: "application/geo+json" });
}

/** `DELETE /api/road-network`: back to the shipped network. */
export function resetRoadNetwork(): Promise<ApiResult<void>> {
  return request<void>("DELETE", "/api/road-network");
}
