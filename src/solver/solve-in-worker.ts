import { Worker } from "node:worker_threads";
import type { RecommendOptions } from "../core/allocation/recommend";
import type { RecommendResult } from "../core/allocation/result";
import type { Instance } from "../core/matching/instance";
import type { MatchResult } from "../core/matching/result";
import type { SolveOptions } from "../core/matching/solve";

/** What the worker thread receives (structured-cloned as workerData): a matching solve or a site recommendation. */
export type NodeWorkerRequest =
  | { task?: "solve"; instance: Instance; options: Pick<SolveOptions, "objective"> }
  | { task: "recommend"; instance: Instance; options: Pick<RecommendOptions, "objective" | "curve" | "timeLimitSeconds"> };

export type WorkerOutcome<Result = MatchResult> =
  | { kind: "result"; result: Result }
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
  return inWorker<MatchResult>({ task: "solve", instance, options: objective ? { objective } : {} }, timeoutMs);
}

/**
 * Recommends sites (issue 11) in a fresh worker thread. The engine stops itself at
 * `timeLimitSeconds` with the best allocation found (status `time_limit`); the thread is
 * terminated only if it overruns that by `graceMs` (reading the plan after the search).
 */
export function recommendInWorker(
  instance: Instance,
  { timeLimitSeconds, objective, curve = true, graceMs = 30_000 }: { timeLimitSeconds: number; objective?: "cost" | "co2"; curve?: boolean; graceMs?: number },
): Promise<WorkerOutcome<RecommendResult>> {
  const options = { curve, timeLimitSeconds, ...(objective ? { objective } : {}) };
  return inWorker<RecommendResult>({ task: "recommend", instance, options }, timeLimitSeconds * 1000 + graceMs);
}

function inWorker<Result>(request: NodeWorkerRequest, timeoutMs: number): Promise<WorkerOutcome<Result>> {
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(new URL("./node-worker-boot.mjs", import.meta.url), { workerData: request });
    const settle = (outcome: WorkerOutcome<Result>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ kind: "timeout", limitMs: timeoutMs }), timeoutMs);
    worker.once("message", (result: Result) => settle({ kind: "result", result }));
    worker.once("error", (error) => settle({ kind: "failed", message: error.message }));
    worker.once("exit", (code) => settle({ kind: "failed", message: `the solver worker ended (exit code ${code}) without a result` }));
  });
}
