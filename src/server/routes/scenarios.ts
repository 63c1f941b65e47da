import { Hono } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { planningWriters, restorers } from "../../core/domain/accounts";
import { describeFields, fieldError } from "../../core/domain/api-error";
import { message } from "../../core/messages/message";
import { instanceFromRegistry, type RegistryInstance } from "../../core/matching/from-registry";
import { parseInstance } from "../../core/matching/instance";
import { withMeasuredDistances } from "../../core/matching/with-distances";
import { haulMatrix } from "../../core/haul/haul-matrix";
import { dataChangesBetween, scenarioInputSchema, scenarioUpdateSchema, type ScenarioInput, type ScenarioResultView, type ScenarioRun } from "../../core/scenario/scenario";
import { withLandUseWarnings } from "../../core/special-masses/land-use";
import { solveInWorker } from "../../solver/solve-in-worker";
import type { ServerConfig } from "../config";
import type { Database, Queryable } from "../db/database";
import type { HaulService } from "../haul-service";
import { authorise, fail, readBody, respond, type AppEnv } from "../http";
import { writeAudit } from "../repositories/audit";
import { getMaterialTable } from "../repositories/materials";
import { listProjects } from "../repositories/projects";
import {
  finishRun,
  getRun,
  getScenario,
  insertScenario,
  listScenarios,
  runRecords,
  setScenarioDeleted,
  startRun,
  updateScenario,
} from "../repositories/scenarios";
import { listSites } from "../repositories/sites";
import { getRulesInForce } from "../repositories/suitability-rules";
import { listZoning } from "../repositories/zoning";
import type { SolveQueue } from "../solve-queue";
import { inTransaction, notFound, notFoundDeleted, Refusal, versionConflict } from "./write-helpers";


/** The instance the registry gives now for a scenario's choices (or for everything, with defaults). */
async function currentInstance(db: Queryable, scenario?: ScenarioInput): Promise<RegistryInstance> {
  const projects = await listProjects(db, await getMaterialTable(db));
  const sites = await listSites(db);
  // Storage capacity from area is estimated with the suitability rules in force, as the site card does.
  const { capacity } = await getRulesInForce(db);
  return instanceFromRegistry(projects, sites, { ...scenario, capacityDefaults: capacity });
}

/**
 * In road and OSRM mode the run is given its distances measured (the model itself only knows
 * straight lines); the snapshot keeps the registry's instance, so the changed-data check compares
 * like with like.
 */
async function measuredInstance(haul: HaulService, built: RegistryInstance): Promise<RegistryInstance> {
  const mode = built.instance.parameters?.distanceMode ?? "straight";
  if (mode === "straight") return built;
  const options = await haul.options({ mode, circuityFactor: built.instance.parameters?.circuityFactor });
  const measured = await withMeasuredDistances(built.instance, (from, to) => haulMatrix(from, to, options));
  return {
    ...built,
    instance: measured.instance,
    notes: [...built.notes, ...measured.warnings],
    noteDetails: [...built.noteDetails, ...measured.warningDetails],
  };
}

/**
 * Scenarios (DESIGN §7): planners and admins write and run, everyone signed in reads. A run solves
 * in a worker thread in the background; the client polls the run or the result.
 */
export function scenarioRoutes(
  db: Database,
  config: Pick<ServerConfig, "solveTimeoutSeconds" | "solveMemoryMb">,
  haul: HaulService,
  { solve = solveInWorker, queue, log = console.error }: { solve?: typeof solveInWorker; queue: SolveQueue; log?: (message: string) => void },
) {
  const routes = new Hono<AppEnv>();
  /** A run waiting for a solve slot is stored as running and shown as queued, with its place. */
  const withQueue = <T extends ScenarioRun>(run: T): T => {
    const position = run.status === "running" ? queue.positionOf(run.id) : undefined;
    return position === undefined ? run : { ...run, status: "queued", queuePosition: position };
  };
  /** Runs in flight in this process, so tests and shutdown can wait for them. */
  const inFlight = new Set<Promise<void>>();


  routes.get("/matching/instance", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    return respond(c, contracts.matchingInstance, await measuredInstance(haul, await currentInstance(db)));
  });

  routes.get("/scenarios", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const scenarios = await listScenarios(db);
    const items = [];
    for (const scenario of scenarios) {
      const { latest } = await runRecords(db, scenario.id);
      items.push({ ...scenario, lastRun: latest ?? null });
    }
    return respond(c, contracts.scenarios, { items });
  });

  routes.get("/scenarios/:id", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const scenario = await getScenario(db, c.req.param("id"), { includeDeleted: auth.user.role === "admin" });
    return scenario ? respond(c, contracts.scenario, scenario) : notFound(c, "scenario", c.req.param("id"));
  });

  routes.post("/scenarios", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, scenarioInputSchema);
    if (!body.ok) return body.response;
    const created = await db.transaction(async (tx) => {
      const id = await insertScenario(tx, body.value, auth.user.username);
      const scenario = (await getScenario(tx, id))!;
      await writeAudit(tx, { entity: "scenario", entityId: id, action: "create", actor: auth.user.username, before: null, after: scenario });
      return scenario;
    });
    return respond(c, contracts.createScenario, created);
  });

  routes.post("/scenarios/:id/duplicate", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const original = await getScenario(tx, id);
      if (!original) throw new Refusal(notFound(c, "scenario", id));
      const copy: ScenarioInput = { ...original, name: `${original.name} (copy)` };
      const newId = await insertScenario(tx, copy, auth.user.username);
      const created = (await getScenario(tx, newId))!;
      await writeAudit(tx, { entity: "scenario", entityId: newId, action: "create", actor: auth.user.username, before: null, after: created });
      return created;
    });
    return result instanceof Response ? result : respond(c, contracts.duplicateScenario, result);
  });

  routes.put("/scenarios/:id", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, scenarioUpdateSchema);
    if (!body.ok) return body.response;
    const { version, ...input } = body.value;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const before = await getScenario(tx, id);
      if (!before) throw new Refusal(notFound(c, "scenario", id));
      const outcome = await updateScenario(tx, id, input, version, auth.user.username);
      if (outcome === "stale") throw new Refusal(versionConflict(c, "scenario", before));
      const after = (await getScenario(tx, id))!;
      await writeAudit(tx, { entity: "scenario", entityId: id, action: "update", actor: auth.user.username, before, after });
      return after;
    });
    return result instanceof Response ? result : respond(c, contracts.updateScenario, result);
  });

  routes.delete("/scenarios/:id", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const before = await getScenario(tx, id);
      if (!before) throw new Refusal(notFound(c, "scenario", id));
      await setScenarioDeleted(tx, id, true, auth.user.username);
      await writeAudit(tx, { entity: "scenario", entityId: id, action: "delete", actor: auth.user.username, before, after: await getScenario(tx, id, { includeDeleted: true }) });
      return null;
    });
    return result instanceof Response ? result : c.body(null, 204);
  });

  // Deletes are soft and undone by an admin (DESIGN §7), for scenarios as for every other record.
  routes.post("/scenarios/:id/restore", async (c) => {
    const auth = authorise(c, restorers);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const before = await getScenario(tx, id, { includeDeleted: true });
      if (!before?.deletedAt) throw new Refusal(notFoundDeleted(c, "scenario", id));
      await setScenarioDeleted(tx, id, false, auth.user.username);
      const after = (await getScenario(tx, id))!;
      await writeAudit(tx, { entity: "scenario", entityId: id, action: "restore", actor: auth.user.username, before, after });
      return after;
    });
    return result instanceof Response ? result : respond(c, contracts.restoreScenario, result);
  });

  routes.get("/scenarios/:id/instance", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const scenario = await getScenario(db, c.req.param("id"));
    if (!scenario) return notFound(c, "scenario", c.req.param("id"));
    return respond(c, contracts.scenarioInstance, await measuredInstance(haul, await currentInstance(db, scenario)));
  });

  routes.post("/scenarios/:id/run", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id");
    const scenario = await getScenario(db, id);
    if (!scenario) return notFound(c, "scenario", id);
    const built = await currentInstance(db, scenario);
    if (built.problems.length > 0) {
      const fields = built.problemDetails.map((problem) => fieldError("scenario", problem));
      return fail(c, 400, "cannot_run", message("error.cannotRun", { problems: built.problemDetails }), fields);
    }
    const measured = await measuredInstance(haul, built);
    const parsed = parseInstance(measured.instance);
    if (!parsed.ok) {
      return fail(c, 400, "cannot_run", message("error.cannotRunInvalid", { details: describeFields(parsed.fields), count: parsed.fields.length }), parsed.fields);
    }
    const { run, started } = await startRun(db, id, built.instance, measured.notes, auth.user.username);
    if (started) {
      const job = queue.enqueue(run.id, () => solve(parsed.instance, { timeoutMs: config.solveTimeoutSeconds * 1000, memoryLimitMb: config.solveMemoryMb }));
      if (!job.queued) {
        await finishRun(db, run.id, { status: "failed", error: "too many solves are waiting for this server; run it again in a minute" });
        c.header("Retry-After", "30");
        return fail(c, 503, "solve_queue_full", message("error.solveQueueFull", { waiting: queue.waiting }));
      }
      const work = job.done.then(async (outcome) => {
        if (outcome.kind === "result" && outcome.result.status !== "error") {
          // TA-2553: classes above what a demand lot's land use allows are warned of (issue 17).
          const result = withLandUseWarnings(outcome.result, parsed.instance.lots, await listZoning(db));
          await finishRun(db, run.id, { status: "succeeded", result });
        } else {
          const error =
            outcome.kind === "timeout"
              ? `stopped at the time limit of ${config.solveTimeoutSeconds} s (MASSEKART_SOLVE_TIMEOUT_S); the previous result stays`
              : outcome.kind === "failed"
                ? `the solver failed: ${outcome.message}`
                : `the solver failed: ${outcome.result.status === "error" ? outcome.result.message : "unknown"}`;
          await finishRun(db, run.id, { status: "failed", error });
        }
      });
      // Whatever goes wrong after the solve (a database error, a bug in reading the result), the run
      // must not stay "running": the error is logged and the run marked failed.
      const tracked = work
        .catch(async (error: unknown) => {
          log(`Scenario ${id} run ${run.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          await finishRun(db, run.id, { status: "failed", error: "an internal error stopped the run; the server log has the details" }).catch((again: unknown) =>
            log(`Scenario ${id} run ${run.id} could not be marked failed: ${String(again)}`),
          );
        })
        .finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    // 202: the run goes on; poll GET /api/scenarios/:id/runs/:runId or …/result.
    return respond(c, contracts.runScenario, { run: withQueue(run), started });
  });

  routes.get("/scenarios/:id/runs/:runId", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const run = await getRun(db, c.req.param("id"), c.req.param("runId"));
    return run ? respond(c, contracts.scenarioRun, withQueue(run)) : fail(c, 404, "not_found", message("error.noRun", { run: c.req.param("runId"), scenario: c.req.param("id") }));
  });

  routes.get("/scenarios/:id/result", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const scenario = await getScenario(db, c.req.param("id"));
    if (!scenario) return notFound(c, "scenario", c.req.param("id"));
    const records = await runRecords(db, scenario.id);
    let dataChanged = null;
    if (records.lastGood) dataChanged = dataChangesBetween(records.lastGood.input, (await currentInstance(db, scenario)).instance);
    const view: ScenarioResultView = {
      run: records.lastGood ? stripRun(records.lastGood) : null,
      running: records.running ? withQueue(records.running) : null,
      lastFailure: records.lastFailure ?? null,
      result: records.lastGood?.result ?? null,
      notes: records.lastGood?.notes ?? [],
      dataChanged,
    };
    return respond(c, contracts.scenarioResult, view);
  });

  return Object.assign(routes, { whenIdle: () => Promise.all([...inFlight]).then(() => undefined) });
}

const stripRun = <T extends { input: unknown; notes: unknown; result: unknown }>({ input: _i, notes: _n, result: _r, ...run }: T) => run;
