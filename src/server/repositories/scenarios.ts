import type { InstanceInput } from "../../core/matching/instance";
import type { MatchResult } from "../../core/matching/result";
import type { RecommendResult } from "../../core/allocation/result";
import { migrateScenario, type RunKind, type Scenario, type ScenarioInput, type ScenarioRun } from "../../core/scenario/scenario";
import type { Queryable } from "../db/database";
import { setSoftDeleted, updateOutcome } from "./versioned-records";

interface ScenarioRow {
  id: string;
  name: string;
  note: string;
  site_ids: string[] | null;
  parameters: ScenarioInput["parameters"];
  overrides: ScenarioInput["overrides"];
  site_allocation: ScenarioInput["siteAllocation"];
  schema_version: number;
  version: number;
  created_by: string | null;
  updated_by: string | null;
  updated_at: Date | string;
  deleted_at: Date | string | null;
}

interface RunRow {
  id: string;
  scenario_id: string;
  status: ScenarioRun["status"];
  kind: ScenarioRun["kind"];
  started_by: string;
  started_at: Date | string;
  finished_at: Date | string | null;
  error: string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function scenarioFromRow(row: ScenarioRow): Scenario {
  const input = migrateScenario({
    schemaVersion: row.schema_version,
    name: row.name,
    note: row.note,
    siteIds: row.site_ids,
    parameters: row.parameters,
    overrides: row.overrides,
    siteAllocation: row.site_allocation,
  });
  return {
    id: row.id,
    ...input,
    schemaVersion: row.schema_version,
    version: row.version,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    updatedAt: iso(row.updated_at)!,
    deletedAt: iso(row.deleted_at),
  };
}

const runFromRow = (row: RunRow): ScenarioRun => ({
  id: row.id,
  scenarioId: row.scenario_id,
  status: row.status,
  kind: row.kind,
  startedBy: row.started_by,
  startedAt: iso(row.started_at)!,
  finishedAt: iso(row.finished_at),
  error: row.error,
});

const runColumns = "id, scenario_id, status, kind, started_by, started_at, finished_at, error";

export async function listScenarios(db: Queryable, { includeDeleted = false } = {}): Promise<Scenario[]> {
  const rows = await db.query<ScenarioRow>(
    `select * from scenarios ${includeDeleted ? "" : "where deleted_at is null"} order by created_at, id`,
  );
  return rows.map(scenarioFromRow);
}

export async function getScenario(db: Queryable, id: string, { includeDeleted = false } = {}): Promise<Scenario | undefined> {
  const rows = await db.query<ScenarioRow>(
    `select * from scenarios where id = $1 ${includeDeleted ? "" : "and deleted_at is null"}`,
    [id],
  );
  return rows[0] ? scenarioFromRow(rows[0]) : undefined;
}

export async function insertScenario(db: Queryable, input: ScenarioInput, actor: string): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into scenarios (name, note, site_ids, parameters, overrides, site_allocation, created_by, updated_by)
     values ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $7::jsonb, $6, $6) returning id`,
    [input.name, input.note, JSON.stringify(input.siteIds), JSON.stringify(input.parameters), JSON.stringify(input.overrides), actor, JSON.stringify(input.siteAllocation)],
  );
  return rows[0]!.id;
}

export async function updateScenario(
  db: Queryable,
  id: string,
  input: ScenarioInput,
  expectedVersion: number,
  actor: string,
): Promise<"updated" | "stale" | "missing"> {
  const rows = await db.query(
    `update scenarios set name = $3, note = $4, site_ids = $5::jsonb, parameters = $6::jsonb, overrides = $7::jsonb, site_allocation = $9::jsonb,
       version = version + 1, updated_at = now(), updated_by = $8
     where id = $1 and version = $2 and deleted_at is null returning id`,
    [id, expectedVersion, input.name, input.note, JSON.stringify(input.siteIds), JSON.stringify(input.parameters), JSON.stringify(input.overrides), actor, JSON.stringify(input.siteAllocation)],
  );
  return updateOutcome(db, "scenarios", id, rows.length);
}

/** Soft-deletes (or restores) a record; returns whether a row changed. */
export const setScenarioDeleted = (db: Queryable, id: string, deleted: boolean, actor: string) => setSoftDeleted(db, "scenarios", id, deleted, actor);

/**
 * Starts a run unless one (of either kind) is already running for the scenario (the partial unique
 * index decides, so two simultaneous requests cannot both start): returns the run and whether it is new.
 */
export async function startRun(
  db: Queryable,
  scenarioId: string,
  input: InstanceInput,
  notes: string[],
  actor: string,
  kind: RunKind = "matching",
): Promise<{ run: ScenarioRun; started: boolean }> {
  const inserted = await db.query<RunRow>(
    `insert into scenario_runs (scenario_id, status, started_by, input, notes, kind) values ($1, 'running', $2, $3::jsonb, $4::jsonb, $5)
     on conflict (scenario_id) where status = 'running' do nothing returning ${runColumns}`,
    [scenarioId, actor, JSON.stringify(input), JSON.stringify(notes), kind],
  );
  if (inserted[0]) return { run: runFromRow(inserted[0]), started: true };
  const running = await db.query<RunRow>(`select ${runColumns} from scenario_runs where scenario_id = $1 and status = 'running'`, [scenarioId]);
  return { run: runFromRow(running[0]!), started: false };
}

export async function finishRun(
  db: Queryable,
  runId: string,
  outcome: { status: "succeeded"; result: MatchResult | RecommendResult } | { status: "failed"; error: string },
): Promise<void> {
  await db.query(
    `update scenario_runs set status = $2, result = $3::jsonb, error = $4, finished_at = now() where id = $1`,
    [runId, outcome.status, outcome.status === "succeeded" ? JSON.stringify(outcome.result) : null, outcome.status === "failed" ? outcome.error : null],
  );
}

/** Runs left "running" by a stopped server can never finish: they are failed at start-up. */
export async function failInterruptedRuns(db: Queryable): Promise<number> {
  const rows = await db.query(
    `update scenario_runs set status = 'failed', finished_at = now(), error = 'stopped by a server restart; run it again'
     where status = 'running' returning id`,
  );
  return rows.length;
}

export async function getRun(db: Queryable, scenarioId: string, runId: string): Promise<ScenarioRun | undefined> {
  const rows = await db.query<RunRow>(`select ${runColumns} from scenario_runs where id = $1 and scenario_id = $2`, [runId, scenarioId]);
  return rows[0] ? runFromRow(rows[0]) : undefined;
}

/**
 * The latest run of `kind` of every scenario, by scenario id, in one query (the scenario list; it
 * read every scenario's runs and last result one by one before, issue 15 item 3).
 */
export async function latestRuns(db: Queryable, kind: RunKind = "matching"): Promise<Map<string, ScenarioRun>> {
  const rows = await db.query<RunRow & { scenario_key: string }>(
    `select distinct on (scenario_id) scenario_id as scenario_key, ${runColumns} from scenario_runs where kind = $1
     order by scenario_id, started_at desc, id desc`,
    [kind],
  );
  return new Map(rows.map((row) => [row.scenario_key, runFromRow(row)]));
}

export interface RunRecords<Result = MatchResult> {
  lastGood: (ScenarioRun & { input: InstanceInput; notes: string[]; result: Result }) | undefined;
  running: ScenarioRun | undefined;
  lastFailure: ScenarioRun | undefined;
  latest: ScenarioRun | undefined;
}

/** The runs of one kind of a scenario: matching runs (`/result`) unless told otherwise. */
export async function runRecords(db: Queryable, scenarioId: string, kind?: "matching"): Promise<RunRecords>;
export async function runRecords(db: Queryable, scenarioId: string, kind: "allocation"): Promise<RunRecords<RecommendResult>>;
export async function runRecords(db: Queryable, scenarioId: string, kind: RunKind = "matching"): Promise<RunRecords<MatchResult | RecommendResult>> {
  const good = await db.query<RunRow & { input: InstanceInput; notes: string[]; result: MatchResult | RecommendResult }>(
    `select ${runColumns}, input, notes, result from scenario_runs where scenario_id = $1 and kind = $2 and status = 'succeeded'
     order by started_at desc, id desc limit 1`,
    [scenarioId, kind],
  );
  const others = await db.query<RunRow>(
    `select ${runColumns} from scenario_runs where scenario_id = $1 and kind = $2 order by started_at desc, id desc limit 20`,
    [scenarioId, kind],
  );
  const lastGood = good[0] ? { ...runFromRow(good[0]), input: good[0].input, notes: good[0].notes, result: good[0].result } : undefined;
  const runs = others.map(runFromRow);
  const running = runs.find((r) => r.status === "running");
  const lastFailure = runs.find((r) => r.status === "failed" && (!lastGood || r.startedAt >= lastGood.startedAt));
  return { lastGood, running, lastFailure, latest: runs[0] };
}
