/**
 * What "Recommend sites" does: thin async steps over the API that update the allocation store.
 * A recommendation runs on the server like a scenario run; its run is polled until it ends, then
 * the recommendation view is fetched, and the map outlines the recommended sites.
 */
import type { RecommendRequest } from "../../../core/allocation/recommendation-api";
import type { ApiFailure } from "../../api/client";
import { failureMessage, type Message } from "../../api/failure-message";
import { fieldMessage } from "../../i18n/field-errors";
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
  update(scenarioId, { running: { runId: null, startedAtMs: Date.now() }, message: null, refusal: null });
  const started = await recommendScenario(scenarioId, body);
  if (!started.ok) {
    update(scenarioId, { running: null, ...refusalOf(started.failure) });
    return;
  }
  await followRun(scenarioId, started.value.run.id, Date.parse(started.value.run.startedAt));
}

/**
 * What to show for a refused recommendation: a 400 with field problems lists each field's problem
 * in the user's language (a limit below the required sites, a candidate without its fixed cost, a
 * limit that is not a whole number); anything else is the server's message key, translated.
 */
export function refusalOf(failure: ApiFailure): Pick<AllocationEntry, "message" | "refusal"> {
  if (failure.status === 400 && failure.fields.length > 0) {
    return { message: { key: "allocation.refused", tone: "error" }, refusal: failure.fields.map((field) => ({ path: field.path, message: fieldMessage(field) })) };
  }
  return { message: { ...failureMessage(failure), tone: "error" }, refusal: null };
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
    if (run.value.status === "failed") update(scenarioId, { message: { ...runFailureMessage(run.value.error), tone: "error" } });
    if (run.value.status !== "running") break;
  }
  update(scenarioId, { running: null });
  await loadRecommendation(scenarioId);
}

/** A failed run's stored reason is the server's English: the time limit is told in the user's words, anything else points to the log. */
function runFailureMessage(error: string | null): Message {
  if (error && /time limit/i.test(error)) return { key: "allocation.failedTimeLimit" };
  return { key: "allocation.failed" };
}

/** "Use this allocation": the scenario's sites in play become the recommendation's, saved. */
export async function applyAllocation(scenarioId: string): Promise<void> {
  const sitesInPlay = allocation().byScenario[scenarioId]?.view?.sitesInPlay;
  const draft = useAppStore.getState().scenarios.draft;
  if (!sitesInPlay || draft?.id !== scenarioId) return;
  editDraft({ siteIds: [...sitesInPlay] });
  if (await saveDraft()) update(scenarioId, { message: { key: "allocation.used", tone: "info" } });
}
