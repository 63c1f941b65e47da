import type { FieldErrors, InstanceInput } from "../core/matching/instance";
import type { MatchResult } from "../core/matching/result";
import type { SolveStage } from "../core/matching/solve";

/** A message to the browser worker: an instance as the client has it (validated in the worker). */
export interface BrowserWorkerRequest {
  id: number;
  instance: InstanceInput | unknown;
  objective?: "cost" | "co2";
}

/** Asks the worker to load HiGHS's WebAssembly before any solve (answered with nothing). */
export interface BrowserWorkerPreload {
  kind: "preload";
}

export type BrowserWorkerResponse =
  | { id: number; kind: "progress"; stage: SolveStage }
  | { id: number; kind: "invalid"; fields: FieldErrors }
  | { id: number; kind: "result"; result: MatchResult };

/** The outcome of one browser solve: a result (any status) or the fields that made the instance invalid. */
export type BrowserSolveOutcome = Exclude<BrowserWorkerResponse, { kind: "progress" }>;

export interface BrowserMatcher {
  /** Solves in the worker; `onStage` reports progress for a progress indicator. */
  solve(
    instance: InstanceInput | unknown,
    options?: { objective?: "cost" | "co2"; onStage?: (stage: SolveStage) => void },
  ): Promise<BrowserSolveOutcome>;
  /** Starts the worker and has it load HiGHS now, so the first solve does not wait for either. */
  preload(): void;
  /** Stops the worker (and any solve in it); the next solve starts a fresh one. */
  terminate(): void;
}

/**
 * Matching for the React client, in a module Web Worker created lazily and kept warm between
 * solves (HiGHS loads once). Solves are answered in order; `terminate()` cancels them.
 */
export function createBrowserMatcher(): BrowserMatcher {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (outcome: BrowserSolveOutcome) => void; reject: (error: Error) => void; onStage?: (stage: SolveStage) => void }>();
  const failAll = (error: Error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };
  const start = () => {
    const created = new Worker(new URL("./browser-worker.ts", import.meta.url), { type: "module", name: "massekart-matching" });
    created.onmessage = (event: MessageEvent<BrowserWorkerResponse>) => {
      const message = event.data;
      const entry = pending.get(message.id);
      if (!entry) return;
      if (message.kind === "progress") {
        entry.onStage?.(message.stage);
        return;
      }
      pending.delete(message.id);
      entry.resolve(message);
    };
    created.onerror = (event) => {
      failAll(new Error(`The matching worker failed: ${event.message}`));
      created.terminate();
      worker = undefined;
    };
    return created;
  };
  return {
    solve(instance, { objective, onStage } = {}) {
      worker ??= start();
      const id = nextId++;
      const request: BrowserWorkerRequest = { id, instance, ...(objective ? { objective } : {}) };
      return new Promise<BrowserSolveOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject, ...(onStage ? { onStage } : {}) });
        worker?.postMessage(request);
      });
    },
    preload() {
      worker ??= start();
      const message: BrowserWorkerPreload = { kind: "preload" };
      worker.postMessage(message);
    },
    terminate() {
      worker?.terminate();
      worker = undefined;
      failAll(new Error("Matching was cancelled."));
    },
  };
}
