/**
 * The site-allocation routes (issue 11): `POST /api/scenarios/:id/recommend` and
 * `GET /api/scenarios/:id/recommendation`, parsed with the core schemas the server answers with.
 */
import { recommendationViewSchema, type RecommendationView, type RecommendRequest } from "../../../core/allocation/recommendation-api";
import type { ScenarioRun } from "../../../core/scenario/scenario";
import { request, type ApiResult } from "../../api/client";

const id = (value: string) => encodeURIComponent(value);

/** Starts a recommendation (202 with the run; `started` is false when one was already going). */
export function startRecommendation(scenarioId: string, body: RecommendRequest): Promise<ApiResult<{ run: ScenarioRun; started: boolean }>> {
  return request<{ run: ScenarioRun; started: boolean }>("POST", `/api/scenarios/${id(scenarioId)}/recommend`, body);
}

export async function fetchRecommendation(scenarioId: string): Promise<ApiResult<RecommendationView>> {
  const result = await request<unknown>("GET", `/api/scenarios/${id(scenarioId)}/recommendation`);
  if (!result.ok) return result;
  const parsed = recommendationViewSchema.safeParse(result.value);
  if (!parsed.success) {
    return { ok: false, failure: { status: 200, code: "invalid_response", message: `The server's recommendation has an unexpected shape: ${parsed.error.message}`, fields: [] } };
  }
  return { ok: true, value: parsed.data };
}
