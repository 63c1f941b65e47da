/**
 * The app's only door to the HTTP API (DESIGN §7). Every call answers a value, never throws:
 * `{ ok: true, value }` or `{ ok: false, failure }`, so callers must handle the failure.
 * The session travels in an httpOnly cookie on the same origin.
 */
import type { Me } from "../../core/domain/accounts";
import type { ApiError } from "../../core/domain/api-error";
import type {
  AuditEntry,
  LotImportReport,
  LotUpdate,
  MaterialPropertiesRow,
  ProjectCreate,
  ProjectUpdate,
  UserSummary,
} from "../../core/domain/registry-api";
import type { MaterialProperties } from "../../core/domain/materials";
import type { Lot, Project, Site, ZoningArea } from "../../core/domain/records";
import type { Bbox } from "../../core/geo/geometry";

/** Why a call failed. `status` 0 means no HTTP answer at all (network down, server gone). */
export interface ApiFailure {
  status: number;
  code: string;
  /** The server's English text (or the transport's). */
  message: string;
  /** The message key and parameters to translate, when the server sent them. */
  key?: string;
  params?: ApiError["error"]["params"];
  /** Field problems, each with its key where the server sent one. */
  fields: (Pick<ApiError["error"]["fields"][number], "path" | "message"> & Partial<Pick<ApiError["error"]["fields"][number], "key" | "params">>)[];
  /** A 409 version conflict's record as it is now (`VersionConflict.current`). */
  current?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

/** A request body: JSON by default, or text with its own content type (a CSV file). */
type RequestBody = { json: unknown } | { text: string; contentType: string };

async function send(method: string, path: string, body?: RequestBody): Promise<{ response: Response } | { failure: ApiFailure }> {
  try {
    const response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "json" in body ? "application/json" : body.contentType }),
      },
      body: body === undefined ? undefined : "json" in body ? JSON.stringify(body.json) : body.text,
    });
    return { response };
  } catch (error) {
    return { failure: { status: 0, code: "network", message: String(error), fields: [] } };
  }
}

/** One JSON call; exported for feature API modules (scenarios). */
export async function request<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  const sent = await send(method, path, body === undefined ? undefined : { json: body });
  if ("failure" in sent) return { ok: false, failure: sent.failure };
  const response = sent.response;
  if (response.status === 204) return { ok: true, value: undefined as T };
  let parsed: unknown = undefined;
  try {
    parsed = await response.json();
  } catch {
    // A proxy error page or an empty body: the status alone must tell the story.
  }
  if (!response.ok) {
    const error = isApiError(parsed) ? parsed.error : undefined;
    return {
      ok: false,
      failure: {
        status: response.status,
        code: error?.code ?? `http_${response.status}`,
        message: error?.message ?? response.statusText,
        fields: Array.isArray(error?.fields) ? error.fields : [],
        ...(typeof error?.key === "string" ? { key: error.key, params: error.params ?? {} } : {}),
        ...(typeof parsed === "object" && parsed !== null && "current" in parsed ? { current: parsed.current } : {}),
      },
    };
  }
  return { ok: true, value: parsed as T };
}

async function items<T>(path: string): Promise<ApiResult<T[]>> {
  const result = await request<{ items: T[] }>("GET", path);
  if (!result.ok) return result;
  if (!Array.isArray(result.value?.items)) {
    return { ok: false, failure: { status: 200, code: "bad_response", message: `${path}: no items`, fields: [] } };
  }
  return { ok: true, value: result.value.items };
}

/** `GET /api/me`: the signed-in user, or a 401 failure. */
export function fetchMe(): Promise<ApiResult<Me>> {
  return request<Me>("GET", "/api/me");
}

/** `POST /api/session`: signs in; 401 on wrong credentials, 429 after too many attempts. */
export function createSession(username: string, password: string): Promise<ApiResult<Me>> {
  return request<Me>("POST", "/api/session", { username, password });
}

/** `DELETE /api/session`: signs out. */
export function deleteSession(): Promise<ApiResult<void>> {
  return request<void>("DELETE", "/api/session");
}

/** `GET /api/projects`, with the list's filters as a query string ("?material=rock…", or ""). */
export function fetchProjects(query = ""): Promise<ApiResult<Project[]>> {
  return items<Project>(`/api/projects${query}`);
}

const id = (value: string) => encodeURIComponent(value);

/** `GET /api/projects/:id`: the project with all its lots. */
export function fetchProject(projectId: string): Promise<ApiResult<Project>> {
  return request<Project>("GET", `/api/projects/${id(projectId)}`);
}

/** `POST /api/projects` → 201 with the project (the signed-in user owns it). */
export function createProject(body: ProjectCreate): Promise<ApiResult<Project>> {
  return request<Project>("POST", "/api/projects", body);
}

/** `PUT /api/projects/:id`; a stale version fails with 409 and the record as it is now in `failure.current`. */
export function updateProject(projectId: string, body: ProjectUpdate): Promise<ApiResult<Project>> {
  return request<Project>("PUT", `/api/projects/${id(projectId)}`, body);
}

/** `DELETE /api/projects/:id` (soft: an admin can restore it). */
export function deleteProject(projectId: string): Promise<ApiResult<void>> {
  return request<void>("DELETE", `/api/projects/${id(projectId)}`);
}

/** `POST /api/projects/:id/restore` (admins). */
export function restoreProject(projectId: string): Promise<ApiResult<Project>> {
  return request<Project>("POST", `/api/projects/${id(projectId)}/restore`);
}

/** `POST /api/projects/:id/lots` → 201 with the lot. */
export function createLot(projectId: string, body: unknown): Promise<ApiResult<Lot>> {
  return request<Lot>("POST", `/api/projects/${id(projectId)}/lots`, body);
}

/** `PUT /api/lots/:id`; 409 with the current lot on a stale version. */
export function updateLot(lotId: string, body: LotUpdate): Promise<ApiResult<Lot>> {
  return request<Lot>("PUT", `/api/lots/${id(lotId)}`, body);
}

export function deleteLot(lotId: string): Promise<ApiResult<void>> {
  return request<void>("DELETE", `/api/lots/${id(lotId)}`);
}

/** `GET /api/audit?entity=project&id=…`: newest first, the project's lots included. */
export function fetchAudit(entity: "project" | "lot", entityId: string): Promise<ApiResult<AuditEntry[]>> {
  return items<AuditEntry>(`/api/audit?entity=${entity}&id=${id(entityId)}`);
}

/** `GET /api/users`: who can be named a project member. */
export function fetchUsers(): Promise<ApiResult<UserSummary[]>> {
  return items<UserSummary>("/api/users");
}

/** `GET /api/materials`: the conversion table in force. */
export function fetchMaterials(): Promise<ApiResult<MaterialPropertiesRow[]>> {
  return items<MaterialPropertiesRow>("/api/materials");
}

/** `PUT /api/materials/:material` (admins). */
export function updateMaterial(material: string, body: MaterialProperties): Promise<ApiResult<MaterialPropertiesRow>> {
  return request<MaterialPropertiesRow>("PUT", `/api/materials/${id(material)}`, body);
}

/** The CSV export's address with the list's filters ("?material=rock…" or ""). */
export function lotsExportUrl(query = ""): string {
  return `/api/lots/export.csv${query}`;
}

const isReport = (body: unknown): body is LotImportReport =>
  typeof body === "object" && body !== null && Array.isArray((body as LotImportReport).errors) && Array.isArray((body as LotImportReport).preview);

/**
 * `POST /api/lots/import` with the file's text. A dry run only checks; a real import writes all
 * rows or none. A file with bad rows answers 400 with the report, so the report comes back
 * whenever the server sent one; `failure` only when it did not (no rights, too large, no server).
 */
export async function importLots(
  csv: string,
  { dryRun, crs }: { dryRun: boolean; crs?: string },
): Promise<{ ok: true; status: number; report: LotImportReport } | { ok: false; failure: ApiFailure }> {
  const params = new URLSearchParams();
  if (dryRun) params.set("dryRun", "true");
  if (crs) params.set("crs", crs);
  const query = params.toString();
  const sent = await send("POST", `/api/lots/import${query ? `?${query}` : ""}`, { text: csv, contentType: "text/csv" });
  if ("failure" in sent) return { ok: false, failure: sent.failure };
  const response = sent.response;
  let parsed: unknown = undefined;
  try {
    parsed = await response.json();
  } catch {
    // Not JSON: the status says what happened.
  }
  const report = isReport(parsed) ? parsed : isReport((parsed as { report?: unknown } | undefined)?.report) ? (parsed as { report: LotImportReport }).report : undefined;
  if (report) return { ok: true, status: response.status, report };
  const error = isApiError(parsed) ? parsed.error : undefined;
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

export function fetchSites(): Promise<ApiResult<Site[]>> {
  return items<Site>("/api/sites");
}

/** `GET /api/zoning`, optionally limited to a WGS84 bbox. */
export function fetchZoning(bbox?: Bbox): Promise<ApiResult<ZoningArea[]>> {
  return items<ZoningArea>(bbox ? `/api/zoning?bbox=${bbox.join(",")}` : "/api/zoning");
}
