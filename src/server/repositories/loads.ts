import type { Material } from "../../core/domain/materials";
import type { Load, LoadEndpoint, LoadInput } from "../../core/loads/load";
import type { Queryable } from "../db/database";
import { setSoftDeleted, updateOutcome } from "./versioned-records";

interface LoadRow {
  id: string;
  time_text: string;
  from_lot_id: string | null;
  from_site_id: string | null;
  to_lot_id: string | null;
  to_site_id: string | null;
  quantity_value: number;
  quantity_unit: Load["quantity"]["unit"];
  tonnes: number;
  vehicle: string;
  ticket: string;
  recorded_by: string;
  version: number;
  updated_at: Date | string;
  updated_by: string | null;
  deleted_at: Date | string | null;
}

const endpoint = (lotId: string | null, siteId: string | null): LoadEndpoint => (lotId !== null ? { lotId } : { siteId: siteId! });

const loadFromRow = (row: LoadRow): Load => ({
  id: row.id,
  time: row.time_text,
  from: endpoint(row.from_lot_id, row.from_site_id),
  to: endpoint(row.to_lot_id, row.to_site_id),
  quantity: { value: Number(row.quantity_value), unit: row.quantity_unit },
  tonnes: Number(row.tonnes),
  vehicle: row.vehicle,
  ticket: row.ticket,
  recordedBy: row.recorded_by,
  version: row.version,
  updatedAt: new Date(row.updated_at).toISOString(),
  updatedBy: row.updated_by,
  deletedAt: row.deleted_at === null ? null : new Date(row.deleted_at).toISOString(),
});

const columns =
  "id, time_text, from_lot_id, from_site_id, to_lot_id, to_site_id, quantity_value, quantity_unit, tonnes, vehicle, ticket, recorded_by, version, updated_at, updated_by, deleted_at";

export interface LoadFilter {
  lotId?: string | undefined;
  siteId?: string | undefined;
  /** Lots of these projects (at either end). */
  projectId?: string | undefined;
  /** Inclusive bounds on the instant, ISO text (a bare date means its start, or for `to` its end). */
  from?: string | undefined;
  to?: string | undefined;
}

/** Live loads matching the filter, in time order. */
export async function listLoads(db: Queryable, filter: LoadFilter = {}): Promise<Load[]> {
  const where = ["deleted_at is null"];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.lotId) {
    const p = param(filter.lotId);
    where.push(`(from_lot_id = ${p} or to_lot_id = ${p})`);
  }
  if (filter.siteId) {
    const p = param(filter.siteId);
    where.push(`(from_site_id = ${p} or to_site_id = ${p})`);
  }
  if (filter.projectId) {
    const p = param(filter.projectId);
    where.push(`(from_lot_id in (select id from lots where project_id = ${p}) or to_lot_id in (select id from lots where project_id = ${p}))`);
  }
  if (filter.from) where.push(`at >= ${param(filter.from)}::timestamptz`);
  if (filter.to) where.push(filter.to.length === 10 ? `at < (${param(filter.to)}::date + 1)::timestamptz` : `at <= ${param(filter.to)}::timestamptz`);
  const rows = await db.query<LoadRow>(`select ${columns} from loads where ${where.join(" and ")} order by at, created_at, id`, params);
  return rows.map(loadFromRow);
}

export async function getLoad(db: Queryable, id: string, { includeDeleted = false } = {}): Promise<Load | undefined> {
  const rows = await db.query<LoadRow>(`select ${columns} from loads where id = $1 ${includeDeleted ? "" : "and deleted_at is null"}`, [id]);
  return rows[0] ? loadFromRow(rows[0]) : undefined;
}

/** A load ready to store: its fields and its weight. */
export type LoadRecord = LoadInput & { tonnes: number };

const valuesOf = (load: LoadRecord) => [
  load.time,
  load.time,
  "lotId" in load.from ? load.from.lotId : null,
  "siteId" in load.from ? load.from.siteId : null,
  "lotId" in load.to ? load.to.lotId : null,
  "siteId" in load.to ? load.to.siteId : null,
  load.quantity.value,
  load.quantity.unit,
  load.tonnes,
  load.vehicle,
  load.ticket,
];
const insertColumns = "time_text, at, from_lot_id, from_site_id, to_lot_id, to_site_id, quantity_value, quantity_unit, tonnes, vehicle, ticket, recorded_by, updated_by, import_id";

/**
 * Inserts loads with one statement (a CSV batch, or one load); returns their ids in order.
 * `importId` ties the rows of one import together.
 */
export async function insertLoads(db: Queryable, loads: readonly LoadRecord[], actor: string, importId: string | null = null): Promise<string[]> {
  if (loads.length === 0) return [];
  const params: unknown[] = [];
  const tuples = loads.map((load) => {
    const values = [...valuesOf(load), actor, actor, importId];
    const start = params.length;
    params.push(...values);
    return `(${values.map((_, i) => `$${start + i + 1}${i === 1 ? "::timestamptz" : ""}`).join(", ")})`;
  });
  const rows = await db.query<{ id: string }>(`insert into loads (${insertColumns}) values ${tuples.join(", ")} returning id`, params);
  return rows.map((row) => row.id);
}

/** Removes every load of one import (the undo of an import that failed half-way). */
export async function removeImport(db: Queryable, importId: string): Promise<void> {
  await db.query("delete from audit_log where entity = 'load' and entity_id in (select id from loads where import_id = $1)", [importId]);
  await db.query("delete from loads where import_id = $1", [importId]);
}

export async function updateLoad(db: Queryable, id: string, load: LoadRecord, version: number, actor: string): Promise<"updated" | "stale" | "missing"> {
  const rows = await db.query(
    `update loads set time_text = $1, at = $2::timestamptz, from_lot_id = $3, from_site_id = $4, to_lot_id = $5, to_site_id = $6,
       quantity_value = $7, quantity_unit = $8, tonnes = $9, vehicle = $10, ticket = $11,
       version = version + 1, updated_at = now(), updated_by = $12
     where id = $13 and version = $14 and deleted_at is null returning id`,
    [...valuesOf(load), actor, id, version],
  );
  return updateOutcome(db, "loads", id, rows.length);
}

export const setLoadDeleted = (db: Queryable, id: string, deleted: boolean, actor: string) => setSoftDeleted(db, "loads", id, deleted, actor);

/** The live load that already holds `ticket` at the same receiving place, if any (other than `exceptId`). */
export async function loadWithTicket(db: Queryable, to: LoadEndpoint, ticket: string, exceptId?: string): Promise<Load | undefined> {
  if (ticket === "") return undefined;
  const receiver = "lotId" in to ? to.lotId : to.siteId;
  const rows = await db.query<LoadRow>(
    `select ${columns} from loads where deleted_at is null and coalesce(to_site_id, to_lot_id) = $1 and ticket = $2 and id <> $3`,
    [receiver, ticket, exceptId ?? ""],
  );
  return rows[0] ? loadFromRow(rows[0]) : undefined;
}

/** The tickets already used at these receiving places (the CSV import checks its rows against them). */
export async function ticketsAt(db: Queryable, receivers: readonly string[]): Promise<Set<string>> {
  if (receivers.length === 0) return new Set();
  const rows = await db.query<{ receiver: string; ticket: string }>(
    `select coalesce(to_site_id, to_lot_id) as receiver, ticket from loads
     where deleted_at is null and ticket <> '' and coalesce(to_site_id, to_lot_id) = any($1::text[])`,
    [receivers],
  );
  return new Set(rows.map((row) => `${row.receiver}|${row.ticket}`));
}

/** The materials of these lots (deleted ones too: a load still names them), by lot id. */
export async function lotMaterials(db: Queryable, lotIds: readonly string[]): Promise<Map<string, Material>> {
  if (lotIds.length === 0) return new Map();
  const rows = await db.query<{ id: string; material: Material }>("select id, material from lots where id = any($1::text[])", [lotIds]);
  return new Map(rows.map((row) => [row.id, row.material]));
}
