/**
 * What the Scenarios panel does: thin async steps over the API that update the store through
 * the pure functions of `scenario-slice.ts`. Runs happen on the server; a run is polled until it
 * ends, then the scenario's result view is fetched and shown.
 */
import type { Scenario, ScenarioInput } from "../../../core/scenario/scenario";
import { failureMessage } from "../../api/failure-message";
import type { ApiFailure } from "../../api/client";
import { translate } from "../../i18n/i18n";
import { withResultShown } from "../../state/matching-slice";
import {
  draftOf,
  nextScenarioName,
  withDraftInput,
  withScenarioRemoved,
  withScenarioStored,
  withSiteToggled,
  type ScenariosState,
} from "../../state/scenario-slice";
import { useAppStore } from "../../state/store";
import { projectNames } from "../matching/run-matching";
import { placesOf, routePairs } from "../results/result-data";
import { routeKey } from "../../map/flow-layers";
import * as api from "../../api/client";

const store = () => useAppStore.getState();
const update = (f: (s: ScenariosState) => ScenariosState) => store().updateScenarios(f);
const failed = (failure: ApiFailure) => update((s) => ({ ...s, message: { text: failureMessage(failure), tone: "error" } }));
/** How often a running scenario is polled, ms. */
export const pollIntervalMs = 500;

export function openScenariosPanel(open: boolean): void {
  if (open) {
    store().setLayerPanelOpen(false);
    store().setProjectsPanelOpen(false);
    // The sites panel shares the left side (and, on a phone, the whole screen).
    store().setSitesPanelOpen(false);
  }
  store().setScenariosPanelOpen(open);
  if (open && store().scenarios.status === "idle") void loadScenarios();
}

export async function loadScenarios(): Promise<void> {
  update((s) => ({ ...s, status: "loading" }));
  const result = await api.fetchScenarios();
  if (!result.ok) {
    update((s) => ({ ...s, status: "error" }));
    return failed(result.failure);
  }
  update((s) => ({ ...s, status: "ready", items: result.value }));
}

function stored(scenario: Scenario): void {
  update((s) => ({
    ...s,
    items: withScenarioStored(s.items, scenario),
    draft: s.draft?.id === scenario.id ? draftOf(scenario) : s.draft,
  }));
}

export async function createNewScenario(): Promise<void> {
  const name = nextScenarioName(store().scenarios.items, (n) => translate(store().lang, "scenarios.newName", { n }));
  const result = await api.createScenario({ name });
  if (!result.ok) return failed(result.failure);
  stored(result.value);
  update((s) => ({ ...s, draft: draftOf(result.value), message: null }));
}

export function openScenario(id: string): void {
  const scenario = store().scenarios.items.find((s) => s.id === id);
  if (!scenario) return;
  update((s) => ({ ...s, draft: draftOf(scenario), message: null }));
  void showScenarioResult(id);
}

export function closeScenario(): void {
  update((s) => ({ ...s, draft: null, message: null }));
}

export function editDraft(change: Partial<ScenarioInput>): void {
  update((s) => (s.draft ? { ...s, draft: withDraftInput(s.draft, change) } : s));
}

/** Takes a site in or out of the scenario being edited (the checklist, or a click on the map). */
export function toggleDraftSite(siteId: string): void {
  const all = store()
    .data.sites.filter((site) => site.deletedAt === null)
    .map((site) => site.id);
  update((s) => (s.draft ? { ...s, draft: withDraftInput(s.draft, { siteIds: withSiteToggled(s.draft.input.siteIds, siteId, all) }) } : s));
}

/** Saves the draft; true when it is saved (or had nothing to save). */
export async function saveDraft(): Promise<boolean> {
  const draft = store().scenarios.draft;
  if (!draft) return false;
  if (!draft.dirty) return true;
  const result = await api.updateScenario(draft.id, { ...draft.input, version: draft.version });
  if (!result.ok) {
    if (result.failure.status === 409 && result.failure.current) {
      stored(result.failure.current as Scenario);
      update((s) => ({ ...s, message: { text: { key: "scenarios.conflict" }, tone: "error" } }));
      return false;
    }
    failed(result.failure);
    return false;
  }
  stored(result.value);
  update((s) => ({ ...s, message: { text: { key: "scenarios.saved" }, tone: "info" } }));
  return true;
}

export async function duplicateScenario(id: string): Promise<void> {
  const result = await api.duplicateScenario(id);
  if (!result.ok) return failed(result.failure);
  stored(result.value);
}

export async function deleteScenario(id: string): Promise<void> {
  const scenario = store().scenarios.items.find((s) => s.id === id);
  const result = await api.deleteScenario(id);
  if (!result.ok) return failed(result.failure);
  update((s) => ({
    ...s,
    items: withScenarioRemoved(s.items, id),
    draft: s.draft?.id === id ? null : s.draft,
    deleted: { id, name: scenario?.name ?? id },
    message: null,
  }));
  const shown = store().matching.shown;
  if (shown?.source.kind === "scenario" && shown.source.scenarioId === id) store().closeResult();
}

export async function undoDelete(): Promise<void> {
  const deleted = store().scenarios.deleted;
  if (!deleted) return;
  const result = await api.restoreScenario(deleted.id);
  if (!result.ok) return failed(result.failure);
  update((s) => ({ ...s, deleted: null }));
  await loadScenarios();
}

/** Fetches a scenario's last result (and what changed since) and shows it on the map and in the results panel. */
export async function showScenarioResult(id: string): Promise<void> {
  const view = await api.fetchScenarioResult(id);
  if (!view.ok) return failed(view.failure);
  update((s) => ({ ...s, views: { ...s.views, [id]: view.value } }));
  const result = view.value.result;
  if (!result) return;
  const instance = await api.fetchScenarioInstance(id);
  const lang = store().lang;
  const places = instance.ok ? placesOf(instance.value.instance, projectNames(), (m) => translate(lang, `material.${m}`)) : {};
  store().updateMatching((m) => withResultShown(m, { source: { kind: "scenario", scenarioId: id }, result, places }));
  const mode = store().scenarios.items.find((s) => s.id === id)?.parameters.distanceMode;
  if ((mode === "road" || mode === "osrm") && result.status !== "error") await loadRoadPaths(mode, result.flows, places);
}

/**
 * In road (or OSRM) mode the flows are drawn along the roads: the heaviest routes' paths are
 * fetched a few at a time and put on the map as they arrive (a straight line until then).
 */
async function loadRoadPaths(mode: "road" | "osrm", flows: Parameters<typeof routePairs>[0], places: Parameters<typeof routePairs>[1]): Promise<void> {
  const shown = store().matching.shown;
  const queue = routePairs(flows, places);
  const worker = async () => {
    for (let pair = queue.shift(); pair; pair = queue.shift()) {
      if (store().matching.shown !== shown) return;
      const { from, to, fromAt, toAt } = pair;
      const path = await api.fetchRoute(mode, { id: from, location: fromAt }, { id: to, location: toAt });
      if (!path.ok || !path.value || store().matching.shown !== shown) continue;
      const coordinates = path.value;
      store().updateMatching((m) => (m.shown === shown ? { ...m, paths: { ...m.paths, [routeKey(from, to)]: coordinates } } : m));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a scenario on the server (saving the draft first), polls the run, then shows the result or the failure. */
export async function runScenario(id: string): Promise<void> {
  if (store().scenarios.draft?.id === id && !(await saveDraft())) return;
  update((s) => ({ ...s, running: { ...s.running, [id]: "starting" }, message: null }));
  const started = await api.runScenario(id);
  if (!started.ok) {
    update((s) => ({ ...s, running: Object.fromEntries(Object.entries(s.running).filter(([k]) => k !== id)) }));
    // A scenario that cannot run says why (error.cannotRun lists the problems, translated).
    failed(started.failure);
    return;
  }
  const runId = started.value.run.id;
  update((s) => ({ ...s, running: { ...s.running, [id]: runId } }));
  for (;;) {
    await sleep(pollIntervalMs);
    const run = await api.fetchRun(id, runId);
    if (!run.ok) {
      failed(run.failure);
      break;
    }
    // A queued run (waiting for a free solve slot on the server) is still under way.
    if (run.value.status !== "running" && run.value.status !== "queued") break;
  }
  update((s) => ({ ...s, running: Object.fromEntries(Object.entries(s.running).filter(([k]) => k !== id)) }));
  await showScenarioResult(id);
  const list = await api.fetchScenarios();
  if (list.ok) update((s) => ({ ...s, items: list.value }));
}

/**
 * A click on a site on the map while a planner edits a scenario takes the site in or out;
 * true when it did (the map then does not select the site).
 */
export function siteClickedOnMap(siteId: string): boolean {
  const state = store();
  const user = state.session.status === "signedIn" ? state.session.user : null;
  const open = state.scenarios.panelOpen && !state.layout.layerPanelOpen && !state.layout.projectsPanelOpen;
  if (!open || !state.scenarios.draft || !user || (user.role !== "planner" && user.role !== "admin")) return false;
  toggleDraftSite(siteId);
  return true;
}
