// Browser Web Worker entry of matching: validates and solves off the UI thread, so the map stays
// pannable while HiGHS works. Vite bundles it (`new Worker(new URL(…), { type: "module" })`, see
// browser-matcher.ts) and serves highs.wasm from the app's own origin — no CDN.
import wasmUrl from "highs/runtime?url";
import { generateInstance } from "../core/matching/generate";
import { parseInstance } from "../core/matching/instance";
import { solveInstance } from "../core/matching/solve";
import { createHighsSolver } from "./highs-solver";
import type { BrowserWorkerPreload, BrowserWorkerRequest, BrowserWorkerResponse } from "./browser-matcher";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const solver = createHighsSolver({ locateFile: () => wasmUrl });

/**
 * A synthetic instance of about the size of a municipality's (100 lots, 10 storage sites, 2 years:
 * 5,000 columns), solved once while the app is idle: the first solve in a fresh worker runs
 * HiGHS's WebAssembly and our pipeline unoptimised (baseline-compiled), and this one has the
 * browser optimise them, so the planner's first "Run matching" is not the slow one. Measured in
 * Node on the demo instance: 0.47 s cold, 0.19 s after this warm-up (which takes 0.3 s). Its
 * result is thrown away; it changes no state a later solve reads.
 */
const warmUpInstance = () => generateInstance({ lots: 100, storageSites: 10, landfills: 2, quarries: 2, months: 24, seed: 1 });

// One message at a time: the solver serves one solve at a time, and a solve asked for while the
// warm-up runs waits for it (at most a few tenths of a second) instead of interleaving with it.
let queue: Promise<unknown> = Promise.resolve();
let solveAsked = false;

scope.onmessage = (event: MessageEvent<BrowserWorkerRequest | BrowserWorkerPreload>): Promise<void> => {
  if (!("kind" in event.data)) solveAsked = true;
  const message = event.data;
  const handled = queue.then(() => handle(message));
  // A failure stays this message's own (reported as before, an unhandled rejection); the next one still runs.
  queue = handled.catch(() => undefined);
  return handled;
};

async function handle(message: BrowserWorkerRequest | BrowserWorkerPreload): Promise<void> {
  if ("kind" in message) {
    // A failed load is not reported here: the first solve loads again and reports it as its error.
    await solver.preload().catch(() => undefined);
    if (solveAsked) return;
    const warmUp = parseInstance(warmUpInstance());
    if (warmUp.ok) await solveInstance(warmUp.instance, solver).catch(() => undefined);
    return;
  }
  const { id, instance, objective } = message;
  const answer = (response: BrowserWorkerResponse) => scope.postMessage(response);
  const parsed = parseInstance(instance);
  if (!parsed.ok) {
    answer({ id, kind: "invalid", fields: parsed.fields });
    return;
  }
  const result = await solveInstance(parsed.instance, solver, {
    ...(objective ? { objective } : {}),
    onStage: (stage) => answer({ id, kind: "progress", stage }),
  });
  answer({ id, kind: "result", result });
}
