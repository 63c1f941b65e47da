/**
 * Scenarios (DESIGN §1): a named choice of sites in play, matching parameters, what-if overrides
 * and a note. Saved scenarios carry a schema version and are migrated here, in one place.
 */
import { z } from "zod";
import { multiLineText, singleLineText } from "../domain/input-bounds";
import { lotOverrideSchema } from "../matching/from-registry";
import { parametersSchema } from "../matching/instance";
import type { MatchResult } from "../matching/result";

export const scenarioSchemaVersion = 1;

export const scenarioInputSchema = z.object({
  name: singleLineText().trim().min(1, "must not be empty").max(200),
  note: multiLineText().max(5000).default(""),
  /** Ids of the sites in play; null = every site that is not closed. */
  siteIds: z.array(z.string().min(1)).max(1000).nullable().default(null),
  /** Parameters that differ from DESIGN §5's defaults. */
  parameters: parametersSchema.partial().default({}),
  overrides: z.array(lotOverrideSchema).max(1000).default([]),
});
export type ScenarioInput = z.infer<typeof scenarioInputSchema>;

export interface Scenario extends ScenarioInput {
  id: string;
  schemaVersion: number;
  version: number;
  createdBy: string | null;
  updatedBy: string | null;
  updatedAt: string;
  deletedAt: string | null;
}

/**
 * `queued`: waiting for a free solve slot of the server (MASSEKART_MAX_CONCURRENT_SOLVES), with its
 * `queuePosition` (1 = next); stored as running, shown as queued by the API (issue 12).
 */
export type RunStatus = "queued" | "running" | "succeeded" | "failed";

/** One run of a scenario, with the snapshot of what it was given. */
export interface ScenarioRun {
  id: string;
  scenarioId: string;
  status: RunStatus;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  /** Why a run failed, for the planner. */
  error: string | null;
  /** While `status` is queued: 1 when it starts next, 2 after that … */
  queuePosition?: number;
}

/** What differs between the data a run used and the registry now (lot and site ids). */
export interface DataChanges {
  lotsAdded: string[];
  lotsRemoved: string[];
  lotsChanged: string[];
  sitesAdded: string[];
  sitesRemoved: string[];
  sitesChanged: string[];
}

/** GET /api/scenarios/:id/result: the last good result, its run, and whether the data moved on since. */
export interface ScenarioResultView {
  run: ScenarioRun | null;
  /** A run in progress, if any (the last good result stays readable meanwhile). */
  running: ScenarioRun | null;
  /** The last failed run after the last good one, so the planner sees why. */
  lastFailure: ScenarioRun | null;
  result: MatchResult | null;
  notes: string[];
  dataChanged: DataChanges | null;
}

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
