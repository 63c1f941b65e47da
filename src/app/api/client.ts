/**
 * The app's only door to the HTTP API (DESIGN §7). Every call answers a value, never throws:
 * `{ ok: true, value }` or `{ ok: false, failure }`, so callers must handle the failure.
 * The session travels in an httpOnly cookie on the same origin.
 */
import type { Me } from "../../core/domain/accounts";
import type { ApiError } from "../../core/domain/api-error";
import type { Project, Site, ZoningArea } from "../../core/domain/records";
import type { Bbox } from "../../core/geo/geometry";

/** Why a call failed. `status` 0 means no HTTP answer at all (network down, server gone). */
export interface ApiFailure {
  status: number;
  code: string;
  message: string;
  fields: ApiError["error"]["fields"];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    return { ok: false, failure: { status: 0, code: "network", message: String(error), fields: [] } };
  }
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

export function fetchProjects(): Promise<ApiResult<Project[]>> {
  return items<Project>("/api/projects");
}

export function fetchSites(): Promise<ApiResult<Site[]>> {
  return items<Site>("/api/sites");
}

/** `GET /api/zoning`, optionally limited to a WGS84 bbox. */
export function fetchZoning(bbox?: Bbox): Promise<ApiResult<ZoningArea[]>> {
  return items<ZoningArea>(bbox ? `/api/zoning?bbox=${bbox.join(",")}` : "/api/zoning");
}
