import type { Site, SiteInput } from "../../core/domain/records";
import type { Bbox } from "../../core/geo/geometry";
import type { Queryable } from "../db/database";
import { boxParams, boxSql } from "./geometry-sql";

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

export async function listSites(db: Queryable, { bbox }: { bbox?: Bbox } = {}): Promise<Site[]> {
  const rows = await db.query<SiteRow>(
    `select id, name, kind, status, geometry, attributes, illustrative, version, updated_at, updated_by, deleted_at from sites
     where deleted_at is null ${bbox ? `and bbox && ${boxSql(1)}` : ""} order by kind, name, id`,
    bbox ?? [],
  );
  return rows.map(siteFromRow);
}

export async function insertSite(
  db: Queryable,
  input: SiteInput,
  { illustrative = false }: { illustrative?: boolean } = {},
): Promise<string> {
  const { name, kind, status, geometry, ...attributes } = input;
  const rows = await db.query<{ id: string }>(
    `insert into sites (name, kind, status, geometry, bbox, attributes, illustrative)
     values ($1, $2, $3, $4::jsonb, ${boxSql(5)}, $9::jsonb, $10) returning id`,
    [name, kind, status, JSON.stringify(geometry), ...boxParams(geometry), JSON.stringify(attributes), illustrative],
  );
  return rows[0]!.id;
}
