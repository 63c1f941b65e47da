/**
 * The outdoor-materials API (issue #8) as the client calls it. Every call answers a value through
 * the client's `request` (`{ ok: true, value }` or `{ ok: false, failure }`), never throws; a 409
 * carries the record as it is now in `failure.current`.
 */
import type {
  OutdoorLot,
  OutdoorLotImportReport,
  OutdoorLotInput,
  OutdoorLotUpdate,
  OutdoorMaterialTypeRecord,
  OutdoorSuggestionsResponse,
  OutdoorTypeCreate,
  OutdoorTypeUpdate,
  StoragePlan,
} from "../../../core/outdoor/api";
import { request, type ApiFailure, type ApiResult } from "../../api/client";

const id = (value: string) => encodeURIComponent(value);

async function items<T>(path: string): Promise<ApiResult<T[]>> {
  const result = await request<{ items: T[] }>("GET", path);
  if (!result.ok) return result;
  if (!Array.isArray(result.value?.items)) {
    return { ok: false, failure: { status: 200, code: "bad_response", message: `${path}: no items`, fields: [] } };
  }
  return { ok: true, value: result.value.items };
}

/** Filters of the lots list; empty strings are left out of the query. */
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
export function fetchOutdoorTypes(): Promise<ApiResult<OutdoorMaterialTypeRecord[]>> {
  return items<OutdoorMaterialTypeRecord>("/api/outdoor-materials/types");
}

/** `POST /api/outdoor-materials/types` (admins) → 201 with the new type; an id in use fails with 400 naming `id`. */
export function createOutdoorType(body: OutdoorTypeCreate): Promise<ApiResult<OutdoorMaterialTypeRecord>> {
  return request<OutdoorMaterialTypeRecord>("POST", "/api/outdoor-materials/types", body);
}

/** `PUT /api/outdoor-materials/types/:id` (admins); 409 with the type as it is now. */
export function updateOutdoorType(typeId: string, body: OutdoorTypeUpdate): Promise<ApiResult<OutdoorMaterialTypeRecord>> {
  return request<OutdoorMaterialTypeRecord>("PUT", `/api/outdoor-materials/types/${id(typeId)}`, body);
}

/** `GET /api/projects/:id/outdoor-lots`. */
export function fetchProjectOutdoorLots(projectId: string): Promise<ApiResult<OutdoorLot[]>> {
  return items<OutdoorLot>(`/api/projects/${id(projectId)}/outdoor-lots`);
}

/** `GET /api/outdoor-lots` with filters. */
export function fetchOutdoorLots(filters: OutdoorLotFilters = {}): Promise<ApiResult<OutdoorLot[]>> {
  return items<OutdoorLot>(`/api/outdoor-lots${outdoorLotQuery(filters)}`);
}

/** `POST /api/projects/:id/outdoor-lots` → 201 with the lot. */
export function createOutdoorLot(projectId: string, body: OutdoorLotInput): Promise<ApiResult<OutdoorLot>> {
  return request<OutdoorLot>("POST", `/api/projects/${id(projectId)}/outdoor-lots`, body);
}

/** `PUT /api/outdoor-lots/:id`; 409 with the lot as it is now on a stale version. */
export function updateOutdoorLot(lotId: string, body: OutdoorLotUpdate): Promise<ApiResult<OutdoorLot>> {
  return request<OutdoorLot>("PUT", `/api/outdoor-lots/${id(lotId)}`, body);
}

/** `DELETE /api/outdoor-lots/:id` (soft). */
export function deleteOutdoorLot(lotId: string): Promise<ApiResult<void>> {
  return request<void>("DELETE", `/api/outdoor-lots/${id(lotId)}`);
}

/** `GET /api/outdoor-materials/plan`, over the lots' months unless from/to are given. */
export function fetchStoragePlan(range: { from?: string; to?: string } = {}): Promise<ApiResult<StoragePlan>> {
  return request<StoragePlan>("GET", `/api/outdoor-materials/plan${outdoorLotQuery(range)}`);
}

/** `GET /api/outdoor-lots/:id/suggestions`: receiving projects for an available lot, nearest first. */
export function fetchOutdoorSuggestions(lotId: string): Promise<ApiResult<OutdoorSuggestionsResponse>> {
  return request<OutdoorSuggestionsResponse>("GET", `/api/outdoor-lots/${id(lotId)}/suggestions`);
}

/** The CSV export's address with the list's filters. */
export function outdoorLotsExportUrl(filters: OutdoorLotFilters = {}): string {
  return `/api/outdoor-lots/export.csv${outdoorLotQuery(filters)}`;
}

const isReport = (body: unknown): body is OutdoorLotImportReport =>
  typeof body === "object" && body !== null && Array.isArray((body as OutdoorLotImportReport).errors) && Array.isArray((body as OutdoorLotImportReport).preview);

/**
 * `POST /api/outdoor-lots/import` with the file's text. A file with bad rows answers 400 with the
 * report, so the report comes back whenever the server sent one; `failure` only when it did not.
 */
export async function importOutdoorLots(
  csv: string,
  { dryRun }: { dryRun: boolean },
): Promise<{ ok: true; status: number; report: OutdoorLotImportReport } | { ok: false; failure: ApiFailure }> {
  let response: Response;
  try {
    response = await fetch(`/api/outdoor-lots/import${dryRun ? "?dryRun=true" : ""}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": "text/csv" },
      body: csv,
    });
  } catch (error) {
    return { ok: false, failure: { status: 0, code: "network", message: String(error), fields: [] } };
  }
  let parsed: unknown = undefined;
  try {
    parsed = await response.json();
  } catch {
    // Not JSON: the status says what happened.
  }
  if (isReport(parsed)) return { ok: true, status: response.status, report: parsed };
  const nested = (parsed as { report?: unknown } | undefined)?.report;
  if (isReport(nested)) return { ok: true, status: response.status, report: nested };
  const error = (parsed as { error?: { code?: string; message?: string; key?: string; params?: ApiFailure["params"]; fields?: ApiFailure["fields"] } } | undefined)?.error;
  return {
    ok: false,
    failure: {
      status: response.status,
      code: error?.code ?? `http_${response.status}`,
      message: error?.message ?? response.statusText,
      fields: Array.isArray(error?.fields) ? error.fields : [],
      ...(typeof error?.key === "string" ? { key: error.key, params: error.params ?? {} } : {}),
    },
  };
}
