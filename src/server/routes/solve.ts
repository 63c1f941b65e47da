import { Hono } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { describeFields, fieldError } from "../../core/domain/api-error";
import { serverSolvers } from "../../core/domain/accounts";
import { message } from "../../core/messages/message";
import { parseInstance } from "../../core/matching/instance";
import { solveInWorker, type WorkerOutcome } from "../../solver/solve-in-worker";
import type { ServerConfig } from "../config";
import type { SolveQueue } from "../solve-queue";
import { authorise, fail, invalidInput, readJson, respond, type AppEnv } from "../http";

type Solve = typeof solveInWorker;

/**
 * `POST /api/solve` (DESIGN §7): signed-in users but viewers (`serverSolvers`, issue 12); body an
 * instance, answer a result. It waits its turn in the server's solve queue (at most
 * MASSEKART_MAX_CONCURRENT_SOLVES at once; 503 `solve_queue_full` when too many wait). The solve
 * runs in a worker thread, so the event loop keeps serving other requests, and is stopped after
 * `solveTimeoutSeconds` (MASSEKART_SOLVE_TIMEOUT_S) with 504 `solve_timeout`. Bodies over the size
 * limit are refused with 413 by the API's body limit before they get here.
 * `?objective=cost|co2` overrides the instance's parameters.objective.
 */
export function solveRoutes(
  config: Pick<ServerConfig, "solveTimeoutSeconds" | "solveMemoryMb">,
  { solve = solveInWorker, queue }: { solve?: Solve; queue: SolveQueue },
) {
  const routes = new Hono<AppEnv>();
  let requests = 0;

  routes.post("/solve", async (c) => {
    const auth = authorise(c, serverSolvers);
    if (!auth.ok) return auth.response;
    const objective = c.req.query("objective");
    if (objective !== undefined && objective !== "cost" && objective !== "co2") {
      return invalidInput(c, [fieldError("objective", message("validation.objective"))]);
    }
    const raw = await readJson(c);
    if (!raw.ok) return raw.response;
    const parsed = parseInstance(raw.value);
    if (!parsed.ok) {
      return fail(c, 400, "invalid_input", message("error.invalidInstance", { details: describeFields(parsed.fields), count: parsed.fields.length }), parsed.fields);
    }

    const timeoutMs = config.solveTimeoutSeconds * 1000;
    // The request waits its turn (FIFO) behind the solves already running; the time limit counts from its start.
    const job = queue.enqueue(`solve-${++requests}`, () =>
      solve(parsed.instance, { timeoutMs, memoryLimitMb: config.solveMemoryMb, ...(objective ? { objective } : {}) }),
    );
    if (!job.queued) {
      c.header("Retry-After", "30");
      return fail(c, 503, "solve_queue_full", message("error.solveQueueFull", { waiting: queue.waiting }));
    }
    const outcome: WorkerOutcome = await job.done;
    if (outcome.kind === "timeout") {
      return fail(c, 504, "solve_timeout", message("error.solveTimeout", { seconds: config.solveTimeoutSeconds }));
    }
    if (outcome.kind === "failed") return fail(c, 500, "solve_failed", message("error.solveFailed", { detail: outcome.message }));
    if (outcome.result.status === "error") return fail(c, 500, "solve_failed", message("error.solveFailed", { detail: outcome.result.message }));
    return respond(c, contracts.solve, outcome.result);
  });

  return routes;
}
