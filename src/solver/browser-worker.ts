// Browser Web Worker entry of matching: validates and solves off the UI thread, so the map stays
// pannable while HiGHS works. Vite bundles it (`new Worker(new URL(…), { type: "module" })`, see
// browser-matcher.ts) and serves highs.wasm from the app's own origin — no CDN.
import wasmUrl from "highs/runtime?url";
import { parseInstance } from "../core/matching/instance";
import { solveInstance } from "../core/matching/solve";
import { createHighsSolver } from "./highs-solver";
import type { BrowserWorkerPreload, BrowserWorkerRequest, BrowserWorkerResponse } from "./browser-matcher";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const solver = createHighsSolver({ locateFile: () => wasmUrl });

scope.onmessage = async (event: MessageEvent<BrowserWorkerRequest | BrowserWorkerPreload>) => {
  if ("kind" in event.data) {
    // A failed load is not reported here: the first solve loads again and reports it as its error.
    await solver.preload().catch(() => undefined);
    return;
  }
  const { id, instance, objective } = event.data;
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
};
