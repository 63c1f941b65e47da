/**
 * Scenarios (DESIGN §1): a named choice of sites in play, matching parameters, what-if overrides
 * and a note. Saved scenarios carry a schema version and are migrated here, in one place.
 */
import { z } from "zod";
import { multiLineText, singleLineText } from "../domain/input-bounds";
import { lotOverrideSchema } from "../matching/from-registry";
import { parametersSchema } from "../matching/instance";
import { versionSchema } from "../api/shapes";
import { matchResultSchema } from "../matching/result";

export const scenarioSchemaVersion = 1;

/** A candidate site forced into (`required`) or out of (`excluded`) the scenario's recommendation. */
export const siteAllocationChoiceSchema = z.object({
  siteId: z.string().min(1, "must name a site"),
  allocation: z.enum(["required", "excluded"]),
});
export type SiteAllocationChoice = z.infer<typeof siteAllocationChoiceSchema>;

export const scenarioInputSchema = z.object({
  name: singleLineText().trim().min(1, "must not be empty").max(200),
  note: multiLineText().max(5000).default(""),
  /** Ids of the sites in play; null = every site that is not closed. */
  siteIds: z.array(z.string().min(1)).max(1000).nullable().default(null),
  /** Parameters that differ from DESIGN §5's defaults. */
  parameters: parametersSchema.partial().default({}),
  overrides: z.array(lotOverrideSchema).max(1000).default([]),
  /** Candidate sites forced in or out of a recommendation (DESIGN §9, issue 11). */
  siteAllocation: z.array(siteAllocationChoiceSchema).max(1000).default([]),
});
export type ScenarioInput = z.infer<typeof scenarioInputSchema>;

/** PUT /api/scenarios/:id: the fields and the version they were based on. */
export const scenarioUpdateSchema = scenarioInputSchema.extend({ version: versionSchema });

/** A scenario as the API answers it. */
export const scenarioSchema = scenarioInputSchema.extend({
  id: z.string(),
  schemaVersion: z.number().int(),
  version: z.number().int(),
  createdBy: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Scenario = z.infer<typeof scenarioSchema>;

/**
 * `queued`: waiting for a free solve slot of the server (MASSEKART_MAX_CONCURRENT_SOLVES), with its
 * `queuePosition` (1 = next); stored as running, shown as queued by the API (issue 12).
 */
export const runStatuses = ["queued", "running", "succeeded", "failed"] as const;
export type RunStatus = (typeof runStatuses)[number];
/** What a run computes: the matching of the sites in play (`/run`) or a site allocation (`/recommend`). */
export const runKinds = ["matching", "allocation"] as const;
export type RunKind = (typeof runKinds)[number];

/** One run of a scenario, with the snapshot of what it was given. */
export const scenarioRunSchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  status: z.enum(runStatuses),
  kind: z.enum(runKinds),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Why a run failed, for the planner. */
  error: z.string().nullable(),
  /** While `status` is queued: 1 when it starts next, 2 after that … */
  queuePosition: z.number().int().positive().optional(),
});
export type ScenarioRun = z.infer<typeof scenarioRunSchema>;

/** `GET /api/scenarios`: a scenario with its latest run (any status). */
export const scenarioListItemSchema = scenarioSchema.extend({ lastRun: scenarioRunSchema.nullable() });
export type ScenarioListItem = z.infer<typeof scenarioListItemSchema>;

/** `POST /api/scenarios/:id/run` (202): the run, and whether this request started it (false: one was running). */
export const runStartedSchema = z.object({ run: scenarioRunSchema, started: z.boolean() });

/** What differs between the data a run used and the registry now (lot and site ids). */
export const dataChangesSchema = z.object({
  lotsAdded: z.array(z.string()),
  lotsRemoved: z.array(z.string()),
  lotsChanged: z.array(z.string()),
  sitesAdded: z.array(z.string()),
  sitesRemoved: z.array(z.string()),
  sitesChanged: z.array(z.string()),
});
export type DataChanges = z.infer<typeof dataChangesSchema>;

/** GET /api/scenarios/:id/result: the last good result, its run, and whether the data moved on since. */
export const scenarioResultViewSchema = z.object({
  run: scenarioRunSchema.nullable(),
  /** A run in progress, if any (the last good result stays readable meanwhile). */
  running: scenarioRunSchema.nullable(),
  /** The last failed run after the last good one, so the planner sees why. */
  lastFailure: scenarioRunSchema.nullable(),
  result: matchResultSchema.nullable(),
  notes: z.array(z.string()),
  dataChanged: dataChangesSchema.nullable(),
});
export type ScenarioResultView = z.infer<typeof scenarioResultViewSchema>;

/** Brings a stored scenario document to the current schema version. */
export function migrateScenario(stored: { schemaVersion?: number } & Record<string, unknown>): ScenarioInput {
  const version = stored.schemaVersion ?? 1;
  if (version > scenarioSchemaVersion) {
    throw new Error(`scenario schema version ${version} is newer than this Massekart (${scenarioSchemaVersion}); upgrade Massekart`);
  }
  // Version 1 is the first; later versions add their steps here, oldest first.
  return scenarioInputSchema.parse(stored);
}

type Keyed = { id: string };

/** JSON with object keys sorted, so records compare equal whatever order a store kept their keys in (jsonb sorts them). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Compares two snapshots' records by id and content. */
export function diffById<T extends Keyed>(before: readonly T[], after: readonly T[]): { added: string[]; removed: string[]; changed: string[] } {
  const was = new Map(before.map((item) => [item.id, canonicalJson(item)]));
  const now = new Map(after.map((item) => [item.id, canonicalJson(item)]));
  return {
    added: [...now.keys()].filter((id) => !was.has(id)),
    removed: [...was.keys()].filter((id) => !now.has(id)),
    changed: [...now.keys()].filter((id) => was.has(id) && was.get(id) !== now.get(id)),
  };
}

/** What changed between a run's instance and the instance the registry gives now; null when nothing. */
export function dataChangesBetween(
  runInput: { lots: readonly Keyed[]; sites?: readonly Keyed[] },
  current: { lots: readonly Keyed[]; sites?: readonly Keyed[] },
): DataChanges | null {
  const lots = diffById(runInput.lots, current.lots);
  const sites = diffById(runInput.sites ?? [], current.sites ?? []);
  const changes: DataChanges = {
    lotsAdded: lots.added,
    lotsRemoved: lots.removed,
    lotsChanged: lots.changed,
    sitesAdded: sites.added,
    sitesRemoved: sites.removed,
    sitesChanged: sites.changed,
  };
  return Object.values(changes).some((ids) => ids.length > 0) ? changes : null;
}
