import { Hono, type Context } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { planningWriters } from "../../core/domain/accounts";
import { describeFields, fieldError } from "../../core/domain/api-error";
import { message } from "../../core/messages/message";
import { instanceFromRegistry, type RegistryInstance } from "../../core/matching/from-registry";
import { parseInstance, type Instance } from "../../core/matching/instance";
import type { MatchResult } from "../../core/matching/result";
import { recommendationSites, recommendRequestSchema, type RecommendationView } from "../../core/allocation/recommendation-api";
import type { RecommendResult } from "../../core/allocation/result";
import { withMeasuredDistances } from "../../core/matching/with-distances";
import { haulMatrix } from "../../core/haul/haul-matrix";
import {
  dataChangesBetween,
  scenarioInputSchema,
  scenarioUpdateSchema,
  type RunKind,
  type ScenarioInput,
  type ScenarioResultView,
  type ScenarioRun,
} from "../../core/scenario/scenario";
import { agriculturalLandTest, withLandUseWarnings } from "../../core/special-masses/land-use";
import { recommendInWorker, solveInWorker, type WorkerOutcome } from "../../solver/solve-in-worker";
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
  latestRuns,
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
import { inTransaction, notFound, Refusal, softDeleteRoutes, versionConflict } from "./write-helpers";


/** The instance the registry gives now for a scenario's choices (or for everything, with defaults). */
async function currentInstance(db: Queryable, scenario?: ScenarioInput): Promise<RegistryInstance> {
  const projects = await listProjects(db, await getMaterialTable(db));
  const sites = await listSites(db);
  // Storage capacity from area is estimated with the suitability rules in force, as the site card does.
  const { capacity } = await getRulesInForce(db);
  // Invasive-species topsoil never goes to agricultural land (DESIGN §8): the zoning says where that is,
  // read only when some lot carries the flag.
  const invasive = projects.some((project) => project.lots.some((lot) => !lot.deletedAt && lot.flags?.includes("invasive_species")));
  const isAgriculturalAt = invasive ? agriculturalLandTest(await listZoning(db)) : undefined;
  return instanceFromRegistry(projects, sites, { ...scenario, capacityDefaults: capacity, ...(isAgriculturalAt ? { isAgriculturalAt } : {}) });
}

/**
 * The instance a recommendation weighs: the scenario's sites in play plus every live candidate
 * site, so "Use this allocation" (which narrows the sites in play) never hides a candidate from
 * the next recommendation.
 */
async function allocationInstance(db: Queryable, scenario: ScenarioInput): Promise<RegistryInstance> {
  const candidateIds = (await listSites(db)).filter((site) => site.candidate && site.status !== "closed").map((site) => site.id);
  const siteIds = scenario.siteIds ? [...new Set([...scenario.siteIds, ...candidateIds])] : null;
  return currentInstance(db, { ...scenario, siteIds });
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
  {
    solve = solveInWorker,
    recommend = recommendInWorker,
    queue,
    log = console.error,
  }: { solve?: typeof solveInWorker; recommend?: typeof recommendInWorker; queue: SolveQueue; log?: (message: string) => void },
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
    const [scenarios, latest] = await Promise.all([listScenarios(db), latestRuns(db)]);
    return respond(c, contracts.scenarios, { items: scenarios.map((scenario) => ({ ...scenario, lastRun: latest.get(scenario.id) ?? null })) });
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

  // Deletes are soft and undone by an admin (DESIGN §7), for scenarios as for every other record.
  softDeleteRoutes(routes, db, {
    entity: "scenario",
    path: "/scenarios/:id",
    deleters: planningWriters,
    get: getScenario,
    setDeleted: setScenarioDeleted,
    restored: contracts.restoreScenario,
  });

  routes.get("/scenarios/:id/instance", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const scenario = await getScenario(db, c.req.param("id"));
    if (!scenario) return notFound(c, "scenario", c.req.param("id"));
    return respond(c, contracts.scenarioInstance, await measuredInstance(haul, await currentInstance(db, scenario)));
  });

  /**
   * Starts a background run of a scenario's instance (202, one at a time per scenario, of either
   * kind; the snapshot is kept with the run): the same for `/run` and `/recommend`. `work` gets the
   * parsed instance and answers what the run finishes with.
   */
  async function startBackgroundRun(
    c: Context<AppEnv>,
    actor: string,
    scenarioId: string,
    kind: RunKind,
    built: RegistryInstance,
    work: (instance: Instance) => Promise<{ status: "succeeded"; result: MatchResult | RecommendResult } | { status: "failed"; error: string }>,
  ): Promise<Response> {
    if (built.problems.length > 0) {
      const fields = built.problemDetails.map((problem) => fieldError("scenario", problem));
      return fail(c, 400, "cannot_run", message("error.cannotRun", { problems: built.problemDetails }), fields);
    }
    const measured = await measuredInstance(haul, built);
    const parsed = parseInstance(measured.instance);
    if (!parsed.ok) {
      return fail(c, 400, "cannot_run", message("error.cannotRunInvalid", { details: describeFields(parsed.fields), count: parsed.fields.length }), parsed.fields);
    }
    const { run, started } = await startRun(db, scenarioId, built.instance, measured.notes, actor, kind);
    if (!started && run.kind !== kind) {
      return fail(c, 409, "run_in_progress", message("error.runInProgress", { kind: run.kind, by: run.startedBy, at: run.startedAt }));
    }
    if (started) {
      const job = queue.enqueue(run.id, () => work(parsed.instance));
      if (!job.queued) {
        await finishRun(db, run.id, { status: "failed", error: "too many solves are waiting for this server; run it again in a minute" });
        c.header("Retry-After", "30");
        return fail(c, 503, "solve_queue_full", message("error.solveQueueFull", { waiting: queue.waiting }));
      }
      // Whatever goes wrong in or after the solve (a database error, a bug in reading the result),
      // the run must not stay "running": the error is logged and the run marked failed.
      const tracked = job.done
        .then((outcome) => finishRun(db, run.id, outcome))
        .catch(async (error: unknown) => {
          log(`Scenario ${scenarioId} ${kind} run ${run.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          await finishRun(db, run.id, { status: "failed", error: "an internal error stopped the run; the server log has the details" }).catch((again: unknown) =>
            log(`Scenario ${scenarioId} run ${run.id} could not be marked failed: ${String(again)}`),
          );
        })
        .finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    // 202: the run goes on; poll GET /api/scenarios/:id/runs/:runId, …/result or …/recommendation.
    return respond(c, kind === "allocation" ? contracts.recommendScenario : contracts.runScenario, { run: withQueue(run), started });
  }

  const solverFailure = (outcome: WorkerOutcome<MatchResult | RecommendResult>) =>
    outcome.kind === "timeout"
      ? `stopped at the time limit of ${config.solveTimeoutSeconds} s (MASSEKART_SOLVE_TIMEOUT_S); the previous result stays`
      : outcome.kind === "failed"
        ? `the solver failed: ${outcome.message}`
        : `the solver failed: ${outcome.result.status === "error" ? outcome.result.message : "unknown"}`;

  routes.post("/scenarios/:id/run", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id");
    const scenario = await getScenario(db, id);
    if (!scenario) return notFound(c, "scenario", id);
    return startBackgroundRun(c, auth.user.username, id, "matching", await currentInstance(db, scenario), async (instance) => {
      const outcome = await solve(instance, { timeoutMs: config.solveTimeoutSeconds * 1000, memoryLimitMb: config.solveMemoryMb });
      if (outcome.kind !== "result" || outcome.result.status === "error") return { status: "failed", error: solverFailure(outcome) };
      // TA-2553: classes above what a demand lot's land use allows are warned of (issue 17).
      return { status: "succeeded", result: withLandUseWarnings(outcome.result, instance.lots, await listZoning(db)) };
    });
  });

  // Site allocation (issue 11): which candidate storage sites to allocate. The scenario's limits and
  // per-candidate choices, overridden for this run by the body; every live candidate site is
  // considered even when the scenario's sites in play (set by "Use this allocation") leave it out.
  routes.post("/scenarios/:id/recommend", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    // No body: the scenario's own limits (Hono keeps the text, so readBody can read it again).
    const body = (await c.req.text()).trim() === "" ? { ok: true as const, value: recommendRequestSchema.parse({}) } : await readBody(c, recommendRequestSchema);
    if (!body.ok) return body.response;
    const id = c.req.param("id");
    const scenario = await getScenario(db, id);
    if (!scenario) return notFound(c, "scenario", id);
    const { maxAllocatedSites, maxAllocatedAreaM2, siteAllocation, objective, curve } = body.value;
    const parameters = { ...scenario.parameters };
    if (maxAllocatedSites !== undefined) parameters.maxAllocatedSites = maxAllocatedSites ?? undefined;
    if (maxAllocatedAreaM2 !== undefined) parameters.maxAllocatedAreaM2 = maxAllocatedAreaM2 ?? undefined;
    if (objective) parameters.objective = objective;
    const built = await allocationInstance(db, { ...scenario, parameters, siteAllocation: siteAllocation ?? scenario.siteAllocation });
    return startBackgroundRun(c, auth.user.username, id, "allocation", built, async (instance) => {
      const outcome = await recommend(instance, { timeLimitSeconds: config.solveTimeoutSeconds, curve, memoryLimitMb: config.solveMemoryMb });
      if (outcome.kind === "result" && outcome.result.status === "error" && outcome.result.message.includes("time limit")) {
        return { status: "failed", error: `${outcome.result.message} (${config.solveTimeoutSeconds} s, MASSEKART_SOLVE_TIMEOUT_S)` };
      }
      if (outcome.kind !== "result" || outcome.result.status === "error") return { status: "failed", error: solverFailure(outcome) };
      return { status: "succeeded", result: outcome.result };
    });
  });

  routes.get("/scenarios/:id/runs/:runId", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const run = await getRun(db, c.req.param("id"), c.req.param("runId"));
    return run ? respond(c, contracts.scenarioRun, withQueue(run)) : fail(c, 404, "not_found", message("error.noRun", { run: c.req.param("runId"), scenario: c.req.param("id") }));
  });

  routes.get("/scenarios/:id/recommendation", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const scenario = await getScenario(db, c.req.param("id"));
    if (!scenario) return notFound(c, "scenario", c.req.param("id"));
    const records = await runRecords(db, scenario.id, "allocation");
    const good = records.lastGood;
    const result = good && good.result.status !== "error" ? good.result : null;
    const snapshot = good ? recommendationSites(good.input.sites ?? [], result?.allocation.allocated ?? []) : null;
    const view: RecommendationView = {
      run: good ? stripRun(good) : null,
      running: records.running ?? null,
      lastFailure: records.lastFailure ?? null,
      result,
      notes: good?.notes ?? [],
      // Lots and sites compared with the registry now; a candidate forced in or out is a choice of the run, not data.
      dataChanged: good ? dataChangesBetween(withoutChoices(good.input), withoutChoices((await allocationInstance(db, scenario)).instance)) : null,
      sites: snapshot?.sites ?? [],
      sitesInPlay: snapshot?.sitesInPlay ?? null,
    };
    return respond(c, contracts.recommendation, view);
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

/** An instance's lots and sites without the per-candidate `allocation` choices. */
const withoutChoices = ({ lots, sites = [] }: { lots: readonly { id: string }[]; sites?: readonly { id: string }[] }) => ({
  lots,
  sites: sites.map(({ allocation: _choice, ...site }: { id: string; allocation?: unknown }) => site),
});

const stripRun = <T extends { input: unknown; notes: unknown; result: unknown }>({ input: _i, notes: _n, result: _r, ...run }: T) => run;
