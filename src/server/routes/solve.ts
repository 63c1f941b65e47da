import { Hono } from "hono";
import { describeFields } from "../../core/domain/api-error";
import { parseInstance } from "../../core/matching/instance";
import { solveInWorker, type WorkerOutcome } from "../../solver/solve-in-worker";
import type { ServerConfig } from "../config";
import { authorise, fail, type AppEnv } from "../http";

type Solve = typeof solveInWorker;

/**
 * `POST /api/solve` (DESIGN §7): any signed-in user; body an instance, answer a result. The solve
 * runs in a worker thread, so the event loop keeps serving other requests, and is stopped after
 * `solveTimeoutSeconds` (MASSEKART_SOLVE_TIMEOUT_S) with 504 `solve_timeout`. Bodies over the size
 * limit are refused with 413 by the API's body limit before they get here.
 * `?objective=cost|co2` overrides the instance's parameters.objective.
 */
export function solveRoutes(config: Pick<ServerConfig, "solveTimeoutSeconds">, { solve = solveInWorker }: { solve?: Solve } = {}) {
  const routes = new Hono<AppEnv>();

  routes.post("/solve", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const objective = c.req.query("objective");
    if (objective !== undefined && objective !== "cost" && objective !== "co2") {
      return fail(c, 400, "invalid_input", `objective must be cost or co2, got ${JSON.stringify(objective)}.`, [
        { path: "objective", message: "must be cost or co2" },
      ]);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      return fail(c, 400, "invalid_json", "The request body is not valid JSON.");
    }
    const parsed = parseInstance(raw);
    if (!parsed.ok) return fail(c, 400, "invalid_input", `Invalid instance: ${describeFields(parsed.fields)}`, parsed.fields);

    const timeoutMs = config.solveTimeoutSeconds * 1000;
    const outcome: WorkerOutcome = await solve(parsed.instance, { timeoutMs, ...(objective ? { objective } : {}) });
    if (outcome.kind === "timeout") {
      return fail(
        c,
        504,
        "solve_timeout",
        `The solve was stopped at the time limit of ${config.solveTimeoutSeconds} s (MASSEKART_SOLVE_TIMEOUT_S). ` +
          "Raise the limit, or make the instance smaller: fewer lots or months, or a shorter maxHaulKm.",
      );
    }
    if (outcome.kind === "failed") return fail(c, 500, "solve_failed", `The solver failed: ${outcome.message}`);
    if (outcome.result.status === "error") return fail(c, 500, "solve_failed", `The solver failed: ${outcome.result.message}`);
    return c.json(outcome.result);
  });

  return routes;
}
