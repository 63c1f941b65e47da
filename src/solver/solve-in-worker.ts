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
  { timeoutMs, objective, memoryLimitMb }: { timeoutMs: number; objective?: "cost" | "co2"; memoryLimitMb?: number },
): Promise<WorkerOutcome> {
  return inWorker<MatchResult>({ task: "solve", instance, options: objective ? { objective } : {} }, timeoutMs, memoryLimitMb);
}

/**
 * Recommends sites (issue 11) in a fresh worker thread. The engine stops itself at
 * `timeLimitSeconds` with the best allocation found (status `time_limit`); the thread is
 * terminated only if it overruns that by `graceMs` (reading the plan after the search).
 */
export function recommendInWorker(
  instance: Instance,
  {
    timeLimitSeconds,
    objective,
    curve = true,
    graceMs = 30_000,
    memoryLimitMb,
  }: { timeLimitSeconds: number; objective?: "cost" | "co2"; curve?: boolean; graceMs?: number; memoryLimitMb?: number },
): Promise<WorkerOutcome<RecommendResult>> {
  const options = { curve, timeLimitSeconds, ...(objective ? { objective } : {}) };
  return inWorker<RecommendResult>({ task: "recommend", instance, options }, timeLimitSeconds * 1000 + graceMs, memoryLimitMb);
}

function inWorker<Result>(request: NodeWorkerRequest, timeoutMs: number, memoryLimitMb: number | undefined): Promise<WorkerOutcome<Result>> {
  return new Promise((resolve) => {
    let settled = false;
    // The heap limit stops a solve that outgrows it (ERR_WORKER_OUT_OF_MEMORY) without taking the
    // server down; HiGHS's WebAssembly memory sits outside V8's heap and is bounded by the time limit.
    const resourceLimits = memoryLimitMb ? { maxOldGenerationSizeMb: memoryLimitMb, maxYoungGenerationSizeMb: Math.min(64, Math.ceil(memoryLimitMb / 8)) } : undefined;
    const worker = new Worker(new URL("./node-worker-boot.mjs", import.meta.url), { workerData: request, ...(resourceLimits ? { resourceLimits } : {}) });
    const settle = (outcome: WorkerOutcome<Result>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ kind: "timeout", limitMs: timeoutMs }), timeoutMs);
    worker.once("message", (result: Result) => settle({ kind: "result", result }));
    worker.once("error", (error: Error & { code?: string }) =>
      settle({
        kind: "failed",
        message: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? `the solve ran out of memory (limit ${memoryLimitMb} MB, MASSEKART_SOLVE_MEMORY_MB)` : error.message,
      }),
    );
    worker.once("exit", (code) => settle({ kind: "failed", message: `the solver worker ended (exit code ${code}) without a result` }));
  });
}
