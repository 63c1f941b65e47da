import { Worker } from "node:worker_threads";
import type { Instance } from "../core/matching/instance";
import type { MatchResult } from "../core/matching/result";
import type { SolveOptions } from "../core/matching/solve";

/** What the worker thread receives (structured-cloned as workerData). */
export interface NodeWorkerRequest {
  instance: Instance;
  options: Pick<SolveOptions, "objective">;
}

export type WorkerOutcome =
  | { kind: "result"; result: MatchResult }
  | { kind: "timeout"; limitMs: number }
  | { kind: "failed"; message: string };

/**
 * Solves in a fresh worker thread and terminates it when `timeoutMs` passes, so a long solve can
 * neither block the event loop nor outlive its request. Under tsx (tests, `npm run dev`) the worker
 * is TypeScript, started through `node-worker-boot.mjs`, which registers tsx inside the worker (see
 * there why not `execArgv`); in the compiled runtime (`npm start`, scripts/runtime-build.mjs) the
 * build points this URL at the bundled worker, build/solver-worker.mjs, instead.
 */
export function solveInWorker(
  instance: Instance,
  { timeoutMs, objective }: { timeoutMs: number; objective?: "cost" | "co2" },
): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const request: NodeWorkerRequest = { instance, options: objective ? { objective } : {} };
    let settled = false;
    const worker = new Worker(new URL("./node-worker-boot.mjs", import.meta.url), { workerData: request });
    const settle = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ kind: "timeout", limitMs: timeoutMs }), timeoutMs);
    worker.once("message", (result: MatchResult) => settle({ kind: "result", result }));
    worker.once("error", (error) => settle({ kind: "failed", message: error.message }));
    worker.once("exit", (code) => settle({ kind: "failed", message: `the solver worker ended (exit code ${code}) without a result` }));
  });
}
