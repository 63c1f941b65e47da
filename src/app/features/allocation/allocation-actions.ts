/**
 * What "Recommend sites" does: thin async steps over the API that update the allocation store.
 * A recommendation runs on the server like a scenario run; its run is polled until it ends, then
 * the recommendation view is fetched, and the map outlines the recommended sites.
 */
import type { RecommendRequest } from "../../../core/allocation/recommendation-api";
import { failureMessage } from "../../api/failure-message";
import { useAllocationStore, type AllocationEntry } from "../../state/allocation-store";
import { useAppStore } from "../../state/store";
import { editDraft, pollIntervalMs, saveDraft } from "../scenarios/scenario-actions";
import { fetchRecommendation, fetchRun, recommendScenario } from "../../api/client";

const allocation = () => useAllocationStore.getState();
const update = (scenarioId: string, change: Partial<AllocationEntry>) => allocation().update(scenarioId, change);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fetches a scenario's last recommendation; the map outlines its sites. */
export async function loadRecommendation(scenarioId: string): Promise<void> {
  const view = await fetchRecommendation(scenarioId);
  if (!view.ok) return update(scenarioId, { message: { ...failureMessage(view.failure), tone: "error" } });
  update(scenarioId, { view: view.value });
  if (useAppStore.getState().scenarios.draft?.id === scenarioId) allocation().highlight(view.value.result?.allocation.allocated ?? []);
  // A recommendation another planner started is followed too.
  const running = view.value.running;
  if (running && !allocation().byScenario[scenarioId]?.running) void followRun(scenarioId, running.id, Date.parse(running.startedAt));
}

/** Starts a recommendation with the limits given (saving the scenario first), then follows it to its end. */
export async function recommendSites(scenarioId: string, body: RecommendRequest): Promise<void> {
  if (useAppStore.getState().scenarios.draft?.id === scenarioId && !(await saveDraft())) return;
  update(scenarioId, { running: { runId: null, startedAtMs: Date.now() }, message: null });
  const started = await recommendScenario(scenarioId, body);
  if (!started.ok) {
    const { failure } = started;
    update(scenarioId, {
      running: null,
      message:
        failure.code === "cannot_run" || failure.code === "invalid_input" || failure.code === "run_in_progress"
          ? { key: "allocation.cannotRun", params: { detail: failure.message }, tone: "error" }
          : { ...failureMessage(failure), tone: "error" },
    });
    return;
  }
  await followRun(scenarioId, started.value.run.id, Date.parse(started.value.run.startedAt));
}

async function followRun(scenarioId: string, runId: string, startedAtMs: number): Promise<void> {
  update(scenarioId, { running: { runId, startedAtMs: Number.isFinite(startedAtMs) ? startedAtMs : Date.now() } });
  for (;;) {
    await sleep(pollIntervalMs);
    const run = await fetchRun(scenarioId, runId);
    if (!run.ok) {
      update(scenarioId, { message: { ...failureMessage(run.failure), tone: "error" } });
      break;
    }
    if (run.value.status === "failed") update(scenarioId, { message: { key: "allocation.failed", params: { detail: run.value.error ?? "?" }, tone: "error" } });
    if (run.value.status !== "running") break;
  }
  update(scenarioId, { running: null });
  await loadRecommendation(scenarioId);
}

/** "Use this allocation": the scenario's sites in play become the recommendation's, saved. */
export async function applyAllocation(scenarioId: string): Promise<void> {
  const sitesInPlay = allocation().byScenario[scenarioId]?.view?.sitesInPlay;
  const draft = useAppStore.getState().scenarios.draft;
  if (!sitesInPlay || draft?.id !== scenarioId) return;
  editDraft({ siteIds: [...sitesInPlay] });
  if (await saveDraft()) update(scenarioId, { message: { key: "allocation.used", tone: "info" } });
}
