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
    // The worker (and HiGHS's WASM) loads on the first run only.
    const { createBrowserMatcher } = await import("../../../solver/browser-matcher");
    matcher ??= createBrowserMatcher();
    const outcome = await matcher.solve(built.value.instance, { onStage: (stage) => updateMatching((s) => withRunStage(s, stage)) });
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
