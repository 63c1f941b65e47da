/**
 * "Run matching" in the browser (issue 4): fetch the instance the registry gives with default
 * parameters, solve it in the Web Worker (HiGHS off the UI thread, so the map stays pannable),
 * then show the result. Nothing is saved.
 */
import { describeFields } from "../../../core/domain/api-error";
import type { BrowserMatcher } from "../../../solver/browser-matcher";
import { failureMessage } from "../../api/failure-message";
import { translate } from "../../i18n/i18n";
import { withResultShown, withRunFailed, withRunStage } from "../../state/matching-slice";
import { useAppStore } from "../../state/store";
import { placesOf } from "../results/result-data";
import { fetchMatchingInstance } from "../../api/client";

let matcher: BrowserMatcher | undefined;

async function browserMatcher(): Promise<BrowserMatcher> {
  // The worker's code loads on demand: it is not part of the first page load.
  const { createBrowserMatcher } = await import("../../../solver/browser-matcher");
  matcher ??= createBrowserMatcher();
  return matcher;
}

let preloadScheduled = false;

/**
 * Once the app is idle after sign-in, loads the matching worker and HiGHS's WebAssembly (3.5 MB),
 * and the results panel with its charts, so "Run matching" starts solving at once and shows the
 * answer without first waiting for any of them. Idle time only: the map and the data load first.
 */
export function preloadMatchingWhenIdle(): void {
  // Without Web Workers (jsdom in the tests) there is nothing to preload: a run reports why it cannot solve.
  if (preloadScheduled || typeof Worker === "undefined") return;
  preloadScheduled = true;
  // A preload that fails (no Worker, WASM blocked) costs nothing: the first run loads again and reports why.
  const preload = () => {
    void browserMatcher().then((loaded) => loaded.preload()).catch(() => undefined);
    // The same module MapScreen loads lazily when a result arrives.
    void import("../results/ResultsPanel").catch(() => undefined);
  };
  if (typeof requestIdleCallback === "function") requestIdleCallback(preload, { timeout: 5_000 });
  else setTimeout(preload, 1_000);
}

/** Project id → name, from what the map has loaded. */
export function projectNames(): Record<string, string> {
  return Object.fromEntries(useAppStore.getState().data.projects.map((p) => [p.id, p.name]));
}

export async function runBrowserMatching(): Promise<void> {
  const store = useAppStore.getState();
  if (store.matching.run.status === "running") return;
  const { updateMatching } = store;
  const lang = () => useAppStore.getState().lang;
  const fail = (detail: string, key: "matching.failed" | "matching.invalid" = "matching.failed") =>
    updateMatching((s) => withRunFailed(s, translate(lang(), key, { detail })));
  updateMatching((s) => withRunStage(s, "loading"));
  const started = performance.now();
  const built = await fetchMatchingInstance();
  if (!built.ok) {
    const message = failureMessage(built.failure);
    return fail(translate(lang(), message.key, message.params));
  }
  if (built.value.problems.length > 0) return fail(built.value.problems.join("; "), "matching.invalid");
  try {
    // The worker (and HiGHS's WASM) is usually loaded by now (preloadMatchingWhenIdle).
    const outcome = await (await browserMatcher()).solve(built.value.instance, { onStage: (stage) => updateMatching((s) => withRunStage(s, stage)) });
    if (outcome.kind === "invalid") return fail(describeFields(outcome.fields), "matching.invalid");
    if (outcome.result.status === "error") return fail(outcome.result.message);
    const places = placesOf(built.value.instance, projectNames(), (m) => translate(lang(), `material.${m}`));
    const seconds = (performance.now() - started) / 1000;
    updateMatching((s) => withResultShown(s, { source: { kind: "browser", seconds }, result: outcome.result, places }));
  } catch (error) {
    matcher = undefined;
    fail(error instanceof Error ? error.message : String(error));
  }
}
