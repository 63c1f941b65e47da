import type { Queryable } from "../db/database";

/**
 * Tables of records that carry `version`, `updated_at`, `updated_by` and `deleted_at`: the
 * optimistic locking and soft delete of DESIGN §7 work the same for all of them. A closed list,
 * so a table name never comes from input.
 */
export type VersionedTable = "projects" | "lots" | "sites" | "scenarios" | "outdoor_lots" | "loads";

/** Why a versioned `update … where version = $n` changed no row: someone changed it since, or it is gone. */
export async function updateOutcome(db: Queryable, table: VersionedTable, id: string, updatedRows: number): Promise<"updated" | "stale" | "missing"> {
  if (updatedRows > 0) return "updated";
  return (await db.query(`select 1 from ${table} where id = $1 and deleted_at is null`, [id])).length ? "stale" : "missing";
}

/** Soft-deletes (or restores) a record, as a new version; returns whether a row changed. */
export async function setSoftDeleted(db: Queryable, table: VersionedTable, id: string, deleted: boolean, actor: string): Promise<boolean> {
  const rows = await db.query(
    `update ${table} set deleted_at = ${deleted ? "now()" : "null"}, version = version + 1, updated_at = now(), updated_by = $2
     where id = $1 and deleted_at is ${deleted ? "null" : "not null"} returning id`,
    [id, actor],
  );
  return rows.length > 0;
}
