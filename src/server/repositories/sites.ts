import type { Site, SiteInput } from "../../core/domain/records";
import type { Bbox } from "../../core/geo/geometry";
import type { Queryable } from "../db/database";
import { boxParams, boxSql } from "./geometry-sql";
import { setSoftDeleted, updateOutcome } from "./versioned-records";

interface SiteRow {
  id: string;
  name: string;
  kind: Site["kind"];
  status: Site["status"];
  geometry: Site["geometry"];
  attributes: Omit<SiteInput, "name" | "kind" | "status" | "geometry">;
  illustrative: boolean;
  version: number;
  updated_at: Date | string;
  updated_by: string | null;
  deleted_at: Date | string | null;
}

const siteFromRow = ({ attributes, updated_at, updated_by, deleted_at, ...row }: SiteRow): Site => ({
  ...attributes,
  ...row,
  updatedAt: new Date(updated_at).toISOString(),
  updatedBy: updated_by,
  deletedAt: deleted_at === null ? null : new Date(deleted_at).toISOString(),
});

const siteColumns = "id, name, kind, status, geometry, attributes, illustrative, version, updated_at, updated_by, deleted_at";

/** The kind-specific attributes live in one jsonb column, validated by the core schema on the way in. */
const split = ({ name, kind, status, geometry, ...attributes }: SiteInput) => ({ name, kind, status, geometry, attributes });

export async function listSites(
  db: Queryable,
  { bbox, includeDeleted = false }: { bbox?: Bbox; includeDeleted?: boolean } = {},
): Promise<Site[]> {
  const rows = await db.query<SiteRow>(
    `select ${siteColumns} from sites
     where ${includeDeleted ? "true" : "deleted_at is null"} ${bbox ? `and bbox && ${boxSql(1)}` : ""} order by kind, name, id`,
    bbox ?? [],
  );
  return rows.map(siteFromRow);
}

export async function getSite(
  db: Queryable,
  id: string,
  { includeDeleted = false }: { includeDeleted?: boolean } = {},
): Promise<Site | undefined> {
  const rows = await db.query<SiteRow>(
    `select ${siteColumns} from sites where id = $1 ${includeDeleted ? "" : "and deleted_at is null"}`,
    [id],
  );
  return rows[0] ? siteFromRow(rows[0]) : undefined;
}

export async function insertSite(
  db: Queryable,
  input: SiteInput,
  { illustrative = false, actor = null }: { illustrative?: boolean; actor?: string | null } = {},
): Promise<string> {
  const { name, kind, status, geometry, attributes } = split(input);
  const rows = await db.query<{ id: string }>(
    `insert into sites (name, kind, status, geometry, bbox, attributes, illustrative, updated_by)
     values ($1, $2, $3, $4::jsonb, ${boxSql(5)}, $9::jsonb, $10, $11) returning id`,
    [name, kind, status, JSON.stringify(geometry), ...boxParams(geometry), JSON.stringify(attributes), illustrative, actor],
  );
  return rows[0]!.id;
}

/** Updates a live site still at `expectedVersion`; "stale" when changed since, "missing" when gone. */
export async function updateSite(
  db: Queryable,
  id: string,
  input: SiteInput,
  expectedVersion: number,
  actor: string,
): Promise<"updated" | "stale" | "missing"> {
  const { name, kind, status, geometry, attributes } = split(input);
  const rows = await db.query(
    `update sites set name = $3, kind = $4, status = $5, geometry = $6::jsonb, bbox = ${boxSql(7)}, attributes = $11::jsonb,
       version = version + 1, updated_at = now(), updated_by = $12
     where id = $1 and version = $2 and deleted_at is null returning id`,
    [id, expectedVersion, name, kind, status, JSON.stringify(geometry), ...boxParams(geometry), JSON.stringify(attributes), actor],
  );
  return updateOutcome(db, "sites", id, rows.length);
}

/** Soft-deletes (or restores) a record; returns whether a row changed. */
export const setSiteDeleted = (db: Queryable, id: string, deleted: boolean, actor: string) => setSoftDeleted(db, "sites", id, deleted, actor);
