/**
 * The scenario and matching routes of the API (DESIGN §7), answering values like the rest of
 * the client (`{ ok, value }` or `{ ok: false, failure }`).
 */
import type { RegistryInstance } from "../../../core/matching/from-registry";
import type { Scenario, ScenarioInput, ScenarioResultView, ScenarioRun } from "../../../core/scenario/scenario";
import { request, type ApiResult } from "../../api/client";

/** A scenario in the list, with its latest run (any status). */
export interface ScenarioListItem extends Scenario {
  lastRun: ScenarioRun | null;
}

const id = (value: string) => encodeURIComponent(value);

/** `GET /api/matching/instance`: every lot and site with default parameters, ready for the browser worker. */
export function fetchMatchingInstance(): Promise<ApiResult<RegistryInstance>> {
  return request<RegistryInstance>("GET", "/api/matching/instance");
}

export async function fetchScenarios(): Promise<ApiResult<ScenarioListItem[]>> {
  const result = await request<{ items: ScenarioListItem[] }>("GET", "/api/scenarios");
  return result.ok ? { ok: true, value: result.value.items } : result;
}

export function createScenario(body: Partial<ScenarioInput> & { name: string }): Promise<ApiResult<Scenario>> {
  return request<Scenario>("POST", "/api/scenarios", body);
}

/** `PUT /api/scenarios/:id` with the version it was based on; 409 with `failure.current` when stale. */
export function updateScenario(scenarioId: string, body: ScenarioInput & { version: number }): Promise<ApiResult<Scenario>> {
  return request<Scenario>("PUT", `/api/scenarios/${id(scenarioId)}`, body);
}

export function duplicateScenario(scenarioId: string): Promise<ApiResult<Scenario>> {
  return request<Scenario>("POST", `/api/scenarios/${id(scenarioId)}/duplicate`);
}

export function deleteScenario(scenarioId: string): Promise<ApiResult<void>> {
  return request<void>("DELETE", `/api/scenarios/${id(scenarioId)}`);
}

/** Undo of a delete (planners may). */
export function restoreScenario(scenarioId: string): Promise<ApiResult<Scenario>> {
  return request<Scenario>("POST", `/api/scenarios/${id(scenarioId)}/restore`);
}

/** `POST /api/scenarios/:id/run` → 202 with the run; `started` is false when a run was already going. */
export function runScenario(scenarioId: string): Promise<ApiResult<{ run: ScenarioRun; started: boolean }>> {
  return request<{ run: ScenarioRun; started: boolean }>("POST", `/api/scenarios/${id(scenarioId)}/run`);
}

export function fetchRun(scenarioId: string, runId: string): Promise<ApiResult<ScenarioRun>> {
  return request<ScenarioRun>("GET", `/api/scenarios/${id(scenarioId)}/runs/${id(runId)}`);
}

export function fetchScenarioResult(scenarioId: string): Promise<ApiResult<ScenarioResultView>> {
  return request<ScenarioResultView>("GET", `/api/scenarios/${id(scenarioId)}/result`);
}

/** The instance the scenario gives now (for names and points of the ids in its result). */
export function fetchScenarioInstance(scenarioId: string): Promise<ApiResult<RegistryInstance>> {
  return request<RegistryInstance>("GET", `/api/scenarios/${id(scenarioId)}/instance`);
}

/** `GET /api/distances/route`: one haul's path along the roads, or null when there is none. */
export async function fetchRoute(
  mode: "road" | "osrm",
  from: { id: string; location: [number, number] },
  to: { id: string; location: [number, number] },
): Promise<ApiResult<[number, number][] | null>> {
  const point = (p: typeof from) => `${encodeURIComponent(p.id)}@${p.location[0]},${p.location[1]}`;
  const result = await request<{ geometry: { type: "LineString"; coordinates: [number, number][] } | null }>(
    "GET",
    `/api/distances/route?mode=${mode}&from=${point(from)}&to=${point(to)}`,
  );
  return result.ok ? { ok: true, value: result.value.geometry?.coordinates ?? null } : result;
}
