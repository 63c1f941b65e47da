import {
  catalogueInForce,
  shippedOutdoorCatalogue,
  type OutdoorMaterialTypeFields,
  type OutdoorMaterialTypeRecord,
  type StoredOutdoorType,
} from "../../core/outdoor/catalogue";
import type { Queryable } from "../db/database";

interface TypeRow {
  id: string;
  fields: OutdoorMaterialTypeFields;
  version: number;
  updated_at: Date | string;
  updated_by: string | null;
}

const shippedIds = new Set(shippedOutdoorCatalogue.types.map((type) => type.id));

/** The types in force: the shipped catalogue with the admins' added and edited types over it. */
export async function getOutdoorTypesInForce(db: Queryable): Promise<OutdoorMaterialTypeRecord[]> {
  const rows = await db.query<TypeRow>("select id, fields, version, updated_at, updated_by from outdoor_material_types order by id");
  const stored: StoredOutdoorType[] = rows.map((row) => ({
    id: row.id,
    fields: row.fields,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by,
  }));
  return catalogueInForce(stored);
}

/** Stores a new type; "exists" when the id is taken (shipped or stored), then nothing changes. */
export async function insertOutdoorType(
  db: Queryable,
  id: string,
  fields: OutdoorMaterialTypeFields,
  actor: string,
): Promise<"inserted" | "exists"> {
  if (shippedIds.has(id)) return "exists";
  const rows = await db.query(
    `insert into outdoor_material_types (id, fields, version, updated_by) values ($1, $2::jsonb, 1, $3)
     on conflict (id) do nothing returning id`,
    [id, JSON.stringify(fields), actor],
  );
  return rows.length > 0 ? "inserted" : "exists";
}

/**
 * Replaces a type's fields if it is still at `expectedVersion`. A shipped type nobody has edited is
 * at version 1 with no row; its first edit inserts the row at version 2, and a concurrent first edit
 * loses on the primary key, so it is "stale" like any other lost race.
 */
export async function updateOutdoorType(
  db: Queryable,
  id: string,
  fields: OutdoorMaterialTypeFields,
  expectedVersion: number,
  actor: string,
): Promise<"updated" | "stale" | "missing"> {
  const updated = await db.query(
    `update outdoor_material_types set fields = $3::jsonb, version = version + 1, updated_at = now(), updated_by = $4
     where id = $1 and version = $2 returning id`,
    [id, expectedVersion, JSON.stringify(fields), actor],
  );
  if (updated.length > 0) return "updated";
  const exists = (await db.query("select 1 from outdoor_material_types where id = $1", [id])).length > 0;
  if (exists) return "stale";
  if (!shippedIds.has(id)) return "missing";
  if (expectedVersion !== 1) return "stale";
  const inserted = await db.query(
    `insert into outdoor_material_types (id, fields, version, updated_by) values ($1, $2::jsonb, 2, $3)
     on conflict (id) do nothing returning id`,
    [id, JSON.stringify(fields), actor],
  );
  return inserted.length > 0 ? "updated" : "stale";
}
