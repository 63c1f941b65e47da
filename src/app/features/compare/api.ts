/**
 * The scenario, result and suitability calls the Compare view, Presentation mode and the export
 * need. Same contract as `src/app/api/client.ts`: every call answers a value, never throws.
 */
import type { ApiError } from "../../../core/domain/api-error";
import type { Site } from "../../../core/domain/records";
import type { MatchResult } from "../../../core/matching/result";
import type { Scenario, ScenarioResultView, ScenarioRun } from "../../../core/scenario/scenario";
import type { SuitabilityReport } from "../../../core/suitability/report";
import type { Message } from "../../../core/messages/message";
import type { ApiFailure, ApiResult } from "../../api/client";

export type ScenarioListItem = Scenario & { lastRun: ScenarioRun | null };

/** One entry of `GET /api/suitability/ranking`: a report, or why the site could not be rated. */
export type RankingItem = { siteId: string; name: string; kind: Site["kind"]; status: Site["status"] } & (
  | { report: SuitabilityReport; problem?: undefined }
  | { report?: undefined; problem: string; problemDetail?: Message }
);

/** A solved result (optimal or with unplaced tonnes), the only kind that has KPIs and flows. */
export type SolvedResult = Exclude<MatchResult, { status: "error" }>;

const isApiError = (body: unknown): body is ApiError =>
  typeof body === "object" && body !== null && "error" in body && typeof (body as ApiError).error?.message === "string";

async function getJson<T>(path: string): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin", headers: { accept: "application/json" } });
  } catch (error) {
    return { ok: false, failure: { status: 0, code: "network", message: String(error), fields: [] } };
  }
  let parsed: unknown = undefined;
  try {
    parsed = await response.json();
  } catch {
    // A proxy error page or an empty body: the status alone must tell the story.
  }
  if (!response.ok) {
    const error = isApiError(parsed) ? parsed.error : undefined;
    const failure: ApiFailure = {
      status: response.status,
      code: error?.code ?? `http_${response.status}`,
      message: error?.message ?? response.statusText,
      fields: Array.isArray(error?.fields) ? error.fields : [],
      ...(typeof error?.key === "string" ? { key: error.key, params: error.params ?? {} } : {}),
    };
    return { ok: false, failure };
  }
  return { ok: true, value: parsed as T };
}

async function items<T>(path: string): Promise<ApiResult<T[]>> {
  const result = await getJson<{ items?: unknown }>(path);
  if (!result.ok) return result;
  if (!Array.isArray(result.value?.items)) {
    return { ok: false, failure: { status: 200, code: "bad_response", message: `${path}: no items`, fields: [] } };
  }
  return { ok: true, value: result.value.items as T[] };
}

/** `GET /api/scenarios`: every scenario with its latest run. */
export function fetchScenarios(): Promise<ApiResult<ScenarioListItem[]>> {
  return items<ScenarioListItem>("/api/scenarios");
}

/** `GET /api/scenarios/:id/result`: the last good result and its run. */
export function fetchScenarioResult(scenarioId: string): Promise<ApiResult<ScenarioResultView>> {
  return getJson<ScenarioResultView>(`/api/scenarios/${encodeURIComponent(scenarioId)}/result`);
}

/** `GET /api/suitability/ranking`: every site with its suitability report. */
export function fetchRanking(): Promise<ApiResult<RankingItem[]>> {
  return items<RankingItem>("/api/suitability/ranking");
}
