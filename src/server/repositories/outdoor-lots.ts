import type { Project } from "../../core/domain/records";
import type { OutdoorLotDirectionFields, OutdoorLotInput, StoredOutdoorLot } from "../../core/outdoor/api";
import { randomUUID } from "node:crypto";
import type { Queryable } from "../db/database";
import { insertMany } from "./insert-many";
import { setSoftDeleted, updateOutcome } from "./versioned-records";

interface OutdoorLotRow {
  id: string;
  project_id: string;
  direction: StoredOutdoorLot["direction"];
  type_id: string;
  quantity: number;
  condition: StoredOutdoorLot["condition"];
  available_from: string | null;
  wanted_by_project_id: string | null;
  wanted_by_month: string | null;
  needed_by: string | null;
  storage_site_id: string | null;
  notes: string;
  illustrative: boolean;
  version: number;
  updated_at: Date | string;
  updated_by: string | null;
  deleted_at: Date | string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

// Absent optional fields stay absent (not null), so a lot reads back as the input that made it.
function lotFromRow(row: OutdoorLotRow): StoredOutdoorLot {
  const ids = { id: row.id, projectId: row.project_id };
  const kind = { typeId: row.type_id, quantity: row.quantity, condition: row.condition };
  const history = {
    notes: row.notes,
    illustrative: row.illustrative,
    version: row.version,
    updatedAt: iso(row.updated_at)!,
    updatedBy: row.updated_by,
    deletedAt: iso(row.deleted_at),
  };
  if (row.direction === "wanted" && row.needed_by) return { ...ids, direction: "wanted", ...kind, neededBy: row.needed_by, ...history };
  // The table's check constraint allows no other row; one that broke it is an error, not a lot without its month.
  if (row.direction !== "available" || !row.available_from) throw new Error(`outdoor lot ${row.id}: ${row.direction} without its month`);
  return {
    ...ids,
    direction: "available",
    ...kind,
    availableFrom: row.available_from,
    ...(row.wanted_by_month
      ? { wantedBy: { month: row.wanted_by_month, ...(row.wanted_by_project_id ? { projectId: row.wanted_by_project_id } : {}) } }
      : {}),
    ...(row.storage_site_id ? { storageSiteId: row.storage_site_id } : {}),
    ...history,
  };
}

/** Filters of the lot list that SQL applies; site and month filters need the plan rules (in the route). */
export interface OutdoorLotFilter {
  projectId?: string;
  direction?: StoredOutdoorLot["direction"];
  typeIds?: readonly string[];
  /** Include soft-deleted lots, and lots of soft-deleted projects. */
  includeDeleted?: boolean;
}

/** Lots matching `filter`, oldest first; without includeDeleted, only live lots of live projects. */
export async function listOutdoorLots(db: Queryable, filter: OutdoorLotFilter = {}): Promise<StoredOutdoorLot[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (!filter.includeDeleted) where.push("l.deleted_at is null", "p.deleted_at is null");
  if (filter.projectId) where.push(`l.project_id = ${p(filter.projectId)}`);
  if (filter.direction) where.push(`l.direction = ${p(filter.direction)}`);
  if (filter.typeIds) where.push(`l.type_id = any(${p(filter.typeIds)}::text[])`);
  const rows = await db.query<OutdoorLotRow>(
    `select l.* from outdoor_lots l join projects p on p.id = l.project_id
     where ${where.length ? where.join(" and ") : "true"} order by l.created_seq`,
    params,
  );
  return rows.map(lotFromRow);
}

export async function getOutdoorLot(
  db: Queryable,
  id: string,
  { includeDeleted = false }: { includeDeleted?: boolean } = {},
): Promise<StoredOutdoorLot | undefined> {
  const rows = await db.query<OutdoorLotRow>(`select * from outdoor_lots where id = $1 ${includeDeleted ? "" : "and deleted_at is null"}`, [id]);
  return rows[0] ? lotFromRow(rows[0]) : undefined;
}

function lotValues(input: OutdoorLotInput): unknown[] {
  const { availableFrom, wantedBy, neededBy, storageSiteId }: OutdoorLotDirectionFields = input;
  return [
    input.direction,
    input.typeId,
    input.quantity,
    input.condition,
    availableFrom ?? null,
    wantedBy?.projectId ?? null,
    wantedBy?.month ?? null,
    neededBy ?? null,
    storageSiteId ?? null,
    input.notes,
  ];
}

export async function insertOutdoorLot(
  db: Queryable,
  projectId: string,
  input: OutdoorLotInput,
  { illustrative = false, actor = null }: { illustrative?: boolean; actor?: string | null } = {},
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into outdoor_lots (project_id, direction, type_id, quantity, condition, available_from, wanted_by_project_id,
       wanted_by_month, needed_by, storage_site_id, notes, illustrative, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
    [projectId, ...lotValues(input), illustrative, actor],
  );
  return rows[0]!.id;
}

/** Inserts lots in one multi-row statement (an import's batch); returns their ids in order (made here). */
export async function insertOutdoorLots(
  db: Queryable,
  lots: readonly { projectId: string; input: OutdoorLotInput }[],
  { actor = null }: { actor?: string | null } = {},
): Promise<string[]> {
  const withIds = lots.map((lot) => ({ ...lot, id: randomUUID() }));
  await insertMany(
    db,
    `insert into outdoor_lots (id, project_id, direction, type_id, quantity, condition, available_from, wanted_by_project_id,
       wanted_by_month, needed_by, storage_site_id, notes, illustrative, updated_by)`,
    withIds,
    (lot, p) => `(${[lot.id, lot.projectId, ...lotValues(lot.input), false, actor].map((value) => p(value)).join(", ")})`,
  );
  return withIds.map((lot) => lot.id);
}

/** Lots by id (live or not), in the order of `ids`: one query for a batch. */
export async function getOutdoorLots(db: Queryable, ids: readonly string[]): Promise<StoredOutdoorLot[]> {
  const rows = await db.query<OutdoorLotRow>("select * from outdoor_lots where id = any($1::text[])", [ids]);
  const byId = new Map(rows.map((row) => [row.id, lotFromRow(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Updates a live lot still at `expectedVersion`; "stale" when changed since, "missing" when gone. */
export async function updateOutdoorLot(
  db: Queryable,
  id: string,
  input: OutdoorLotInput,
  expectedVersion: number,
  actor: string,
): Promise<"updated" | "stale" | "missing"> {
  const rows = await db.query(
    `update outdoor_lots set direction = $3, type_id = $4, quantity = $5, condition = $6, available_from = $7,
       wanted_by_project_id = $8, wanted_by_month = $9, needed_by = $10, storage_site_id = $11, notes = $12,
       version = version + 1, updated_at = now(), updated_by = $13
     where id = $1 and version = $2 and deleted_at is null returning id`,
    [id, expectedVersion, ...lotValues(input), actor],
  );
  return updateOutcome(db, "outdoor_lots", id, rows.length);
}

/** Soft-deletes (or restores) a record; returns whether a row changed. */
export const setOutdoorLotDeleted = (db: Queryable, id: string, deleted: boolean, actor: string) => setSoftDeleted(db, "outdoor_lots", id, deleted, actor);

/** Live lots of a type: a type's unit may not change under them. */
export async function countOutdoorLotsOfType(db: Queryable, typeId: string): Promise<number> {
  const rows = await db.query<{ n: number }>("select count(*)::int as n from outdoor_lots where type_id = $1 and deleted_at is null", [typeId]);
  return rows[0]?.n ?? 0;
}

/** Live projects' names and locations: where lots are, for nearest sites and haul distances. */
export async function listProjectPlaces(db: Queryable): Promise<Pick<Project, "id" | "name" | "location">[]> {
  return db.query<Pick<Project, "id" | "name" | "location">>("select id, name, location from projects where deleted_at is null order by name, id");
}
