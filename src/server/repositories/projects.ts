import { toTonnes, type Material, type QuantityUnit } from "../../core/domain/materials";
import type { Lot, LotInput, Project, ProjectInput } from "../../core/domain/records";
import type { SpecialFlag } from "../../core/special-masses/flags";
import type { LotPermit } from "../../core/special-masses/permits";
import type { Bbox } from "../../core/geo/geometry";
import type { Queryable } from "../db/database";
import { randomUUID } from "node:crypto";
import { boxParams, boxSql } from "./geometry-sql";
import { insertMany } from "./insert-many";
import type { MaterialTable } from "./materials";
import { setSoftDeleted, updateOutcome } from "./versioned-records";

interface ProjectRow {
  id: string;
  name: string;
  status: Project["status"];
  location: Project["location"];
  contact: string;
  notes: string;
  owner: string | null;
  members: string[] | null;
  illustrative: boolean;
  version: number;
  updated_at: Date | string;
  updated_by: string | null;
  deleted_at: Date | string | null;
}

interface LotRow {
  id: string;
  project_id: string;
  direction: Lot["direction"];
  material: Material;
  contamination_class: number;
  hazardous: boolean;
  quantity_value: number;
  quantity_unit: QuantityUnit;
  window_from: string;
  window_to: string;
  monthly_profile: number[] | null;
  flags: SpecialFlag[] | null;
  accepts_flags: SpecialFlag[] | null;
  permit: LotPermit | null;
  notes: string;
  illustrative: boolean;
  version: number;
  updated_at: Date | string;
  updated_by: string | null;
  deleted_at: Date | string | null;
}

/** Filters of the project list (see `projectQuerySchema`): project filters and lot filters. */
export interface ProjectFilter {
  status?: readonly string[];
  q?: string;
  bbox?: Bbox;
  material?: readonly string[];
  contaminationClass?: readonly number[];
  direction?: "surplus" | "demand";
  from?: string;
  to?: string;
  includeDeleted?: boolean;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function lotFromRow(row: LotRow, table: MaterialTable): Lot {
  return {
    id: row.id,
    projectId: row.project_id,
    direction: row.direction,
    material: row.material,
    contaminationClass: row.contamination_class as Lot["contaminationClass"],
    hazardous: row.hazardous,
    quantity: { value: row.quantity_value, unit: row.quantity_unit },
    tonnes: toTonnes(row.quantity_value, row.quantity_unit, row.material, table),
    window: { from: row.window_from, to: row.window_to },
    ...(row.monthly_profile ? { monthlyProfile: row.monthly_profile } : {}),
    flags: row.flags ?? [],
    ...(row.accepts_flags ? { acceptsFlags: row.accepts_flags } : {}),
    ...(row.permit ? { permit: row.permit } : {}),
    notes: row.notes,
    illustrative: row.illustrative,
    version: row.version,
    updatedAt: iso(row.updated_at)!,
    updatedBy: row.updated_by,
    deletedAt: iso(row.deleted_at),
  };
}

function projectFromRow(row: ProjectRow, lots: Lot[]): Project {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    location: row.location,
    contact: row.contact,
    notes: row.notes,
    owner: row.owner,
    members: row.members ?? [],
    illustrative: row.illustrative,
    version: row.version,
    updatedAt: iso(row.updated_at)!,
    updatedBy: row.updated_by,
    deletedAt: iso(row.deleted_at),
    lots,
  };
}

const projectSelect = `
  select p.id, p.name, p.status, p.location, p.contact, p.notes, o.username as owner, p.illustrative, p.version,
    p.updated_at, p.updated_by, p.deleted_at,
    (select array_agg(u.username order by u.username) from project_members m join users u on u.id = m.user_id
      where m.project_id = p.id) as members
  from projects p left join users o on o.id = p.owner_id`;

/** Builds parameterised SQL conditions, numbering parameters from `params.length + 1`. */
class Conditions {
  readonly sql: string[] = [];
  constructor(readonly params: unknown[]) {}
  add(sql: (n: (value: unknown) => string) => string): void {
    this.sql.push(
      sql((value) => {
        this.params.push(value);
        return `$${this.params.length}`;
      }),
    );
  }
  get where(): string {
    return this.sql.length ? this.sql.join(" and ") : "true";
  }
}

function lotConditions(filter: ProjectFilter, params: unknown[], alias: string): Conditions {
  const c = new Conditions(params);
  if (!filter.includeDeleted) c.add(() => `${alias}.deleted_at is null`);
  if (filter.material) c.add((p) => `${alias}.material = any(${p(filter.material)}::text[])`);
  if (filter.contaminationClass) c.add((p) => `${alias}.contamination_class = any(${p(filter.contaminationClass)}::int[])`);
  if (filter.direction) c.add((p) => `${alias}.direction = ${p(filter.direction)}`);
  // Months as YYYY-MM compare correctly as text: a lot overlaps from…to when it ends after from and starts before to.
  if (filter.from) c.add((p) => `${alias}.window_to >= ${p(filter.from)}`);
  if (filter.to) c.add((p) => `${alias}.window_from <= ${p(filter.to)}`);
  return c;
}

const hasLotFilter = (f: ProjectFilter) => Boolean(f.material || f.contaminationClass || f.direction || f.from || f.to);

async function lotsOf(
  db: Queryable,
  projectIds: string[],
  table: MaterialTable,
  filter: ProjectFilter = {},
): Promise<Map<string, Lot[]>> {
  const byProject = new Map<string, Lot[]>();
  if (projectIds.length === 0) return byProject;
  const params: unknown[] = [projectIds];
  const conditions = lotConditions(filter, params, "l");
  const rows = await db.query<LotRow>(
    `select * from lots l where l.project_id = any($1::text[]) and ${conditions.where}
     order by l.window_from, l.created_at, l.id`,
    params,
  );
  for (const row of rows) {
    const lots = byProject.get(row.project_id) ?? [];
    lots.push(lotFromRow(row, table));
    byProject.set(row.project_id, lots);
  }
  return byProject;
}

/** Projects matching `filter`, each with its (matching) lots, by name. */
export async function listProjects(db: Queryable, table: MaterialTable, filter: ProjectFilter = {}): Promise<Project[]> {
  return (await listProjectPage(db, table, filter)).items;
}

/**
 * One page of `listProjects` (`limit` projects from `offset`, by name then id) and how many match
 * in all; without `limit`, every match. Only the page's projects have their lots read, so a page
 * costs the same with 50 projects or 5,000.
 */
export async function listProjectPage(
  db: Queryable,
  table: MaterialTable,
  filter: ProjectFilter = {},
  { limit, offset = 0 }: { limit?: number | undefined; offset?: number | undefined } = {},
): Promise<{ items: Project[]; total: number }> {
  const params: unknown[] = [];
  const c = new Conditions(params);
  if (!filter.includeDeleted) c.add(() => "p.deleted_at is null");
  if (filter.status) c.add((p) => `p.status = any(${p(filter.status)}::text[])`);
  if (filter.bbox) {
    const [a, b, cc, d] = filter.bbox;
    c.add((p) => `p.bbox && box(point(${p(a)}, ${p(b)}), point(${p(cc)}, ${p(d)}))`);
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    c.add((p) => {
      const n = p(pattern);
      return `(p.name ilike ${n} or p.contact ilike ${n} or p.notes ilike ${n})`;
    });
  }
  if (hasLotFilter(filter)) {
    const lotWhere = lotConditions(filter, params, "l").where;
    c.add(() => `exists (select 1 from lots l where l.project_id = p.id and ${lotWhere})`);
  }
  let rows: ProjectRow[];
  let total: number;
  if (limit === undefined) {
    rows = await db.query<ProjectRow>(`${projectSelect} where ${c.where} order by p.name, p.id`, params);
    total = rows.length;
  } else {
    // The page's ids first (with the count of all matches), then only those projects in full.
    const ids = await db.query<{ id: string; total_count: string | number }>(
      `select p.id, count(*) over () as total_count from projects p where ${c.where} order by p.name, p.id limit ${Math.trunc(limit)} offset ${Math.trunc(offset)}`,
      params,
    );
    total =
      ids[0] !== undefined
        ? Number(ids[0].total_count)
        : Number((await db.query<{ n: string | number }>(`select count(*) as n from projects p where ${c.where}`, params))[0]?.n ?? 0);
    const byId = new Map(
      (ids.length === 0 ? [] : await db.query<ProjectRow>(`${projectSelect} where p.id = any($1::text[])`, [ids.map((row) => row.id)])).map((row) => [row.id, row]),
    );
    rows = ids.flatMap((row) => byId.get(row.id) ?? []);
  }
  const lots = await lotsOf(
    db,
    rows.map((row) => row.id),
    table,
    filter,
  );
  return { items: rows.map((row) => projectFromRow(row, lots.get(row.id) ?? [])), total };
}

export async function getProject(
  db: Queryable,
  table: MaterialTable,
  id: string,
  { includeDeleted = false }: { includeDeleted?: boolean } = {},
): Promise<Project | undefined> {
  const rows = await db.query<ProjectRow>(
    `${projectSelect} where p.id = $1 ${includeDeleted ? "" : "and p.deleted_at is null"}`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  return projectFromRow(row, (await lotsOf(db, [id], table, { includeDeleted })).get(id) ?? []);
}

export async function insertProject(
  db: Queryable,
  input: ProjectInput,
  { ownerId, illustrative = false, actor = null }: { ownerId: string | null; illustrative?: boolean; actor?: string | null },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into projects (name, status, location, bbox, contact, notes, owner_id, illustrative, updated_by)
     values ($1, $2, $3::jsonb, ${boxSql(4)}, $8, $9, $10, $11, $12) returning id`,
    [
      input.name,
      input.status,
      JSON.stringify(input.location),
      ...boxParams(input.location),
      input.contact,
      input.notes,
      ownerId,
      illustrative,
      actor,
    ],
  );
  return rows[0]!.id;
}

/**
 * Updates a live project if it is still at `expectedVersion`; `"stale"` when someone changed it
 * since, `"missing"` when it does not exist (or is deleted).
 */
export async function updateProject(
  db: Queryable,
  id: string,
  input: ProjectInput,
  expectedVersion: number,
  actor: string,
): Promise<"updated" | "stale" | "missing"> {
  const rows = await db.query(
    `update projects set name = $3, status = $4, location = $5::jsonb, bbox = ${boxSql(6)}, contact = $10, notes = $11,
       version = version + 1, updated_at = now(), updated_by = $12
     where id = $1 and version = $2 and deleted_at is null returning id`,
    [id, expectedVersion, input.name, input.status, JSON.stringify(input.location), ...boxParams(input.location), input.contact, input.notes, actor],
  );
  return updateOutcome(db, "projects", id, rows.length);
}

/** Soft-deletes (or restores) a record; returns whether a row changed. */
export const setProjectDeleted = (db: Queryable, id: string, deleted: boolean, actor: string) => setSoftDeleted(db, "projects", id, deleted, actor);

/**
 * Replaces a project's members; returns the usernames that are not active users (then nothing
 * changes). A deactivated user who already is a member may stay one (they stay in the history).
 */
export async function setProjectMembers(db: Queryable, projectId: string, usernames: readonly string[]): Promise<string[]> {
  const unique = [...new Set(usernames)];
  const found = await db.query<{ id: string; username: string }>(
    `select u.id, u.username from users u where u.username = any($1::text[])
       and (u.active or exists (select 1 from project_members m where m.project_id = $2 and m.user_id = u.id))`,
    [unique, projectId],
  );
  const unknown = unique.filter((name) => !found.some((user) => user.username === name));
  if (unknown.length > 0) return unknown;
  await db.query("delete from project_members where project_id = $1", [projectId]);
  for (const user of found) {
    await db.query("insert into project_members (project_id, user_id) values ($1, $2)", [projectId, user.id]);
  }
  return [];
}

export async function getLot(
  db: Queryable,
  table: MaterialTable,
  id: string,
  { includeDeleted = false }: { includeDeleted?: boolean } = {},
): Promise<Lot | undefined> {
  const rows = await db.query<LotRow>(`select * from lots where id = $1 ${includeDeleted ? "" : "and deleted_at is null"}`, [id]);
  return rows[0] ? lotFromRow(rows[0], table) : undefined;
}

export async function listLots(db: Queryable, table: MaterialTable, projectId: string): Promise<Lot[]> {
  return (await lotsOf(db, [projectId], table)).get(projectId) ?? [];
}

const lotValues = (input: LotInput) => [
  input.direction,
  input.material,
  input.contaminationClass,
  input.hazardous,
  input.quantity.value,
  input.quantity.unit,
  input.window.from,
  input.window.to,
  input.monthlyProfile ? JSON.stringify(input.monthlyProfile) : null,
  input.notes,
  JSON.stringify(input.flags ?? []),
  input.acceptsFlags ? JSON.stringify(input.acceptsFlags) : null,
  input.permit ? JSON.stringify(input.permit) : null,
];

export async function insertLot(
  db: Queryable,
  projectId: string,
  input: LotInput,
  { illustrative = false, actor = null }: { illustrative?: boolean; actor?: string | null } = {},
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into lots (project_id, direction, material, contamination_class, hazardous, quantity_value, quantity_unit,
       window_from, window_to, monthly_profile, notes, flags, accepts_flags, permit, illustrative, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12::jsonb, $13::jsonb, $14::jsonb, $15, $16) returning id`,
    [projectId, ...lotValues(input), illustrative, actor],
  );
  return rows[0]!.id;
}

/**
 * Inserts lots in one multi-row statement (an import's batch) and returns their ids in order; the
 * ids are made here, so nothing depends on the order `returning` gives.
 */
export async function insertLots(
  db: Queryable,
  lots: readonly { projectId: string; input: LotInput }[],
  { actor = null }: { actor?: string | null } = {},
): Promise<string[]> {
  const withIds = lots.map((lot) => ({ ...lot, id: randomUUID() }));
  await insertMany(
    db,
    `insert into lots (id, project_id, direction, material, contamination_class, hazardous, quantity_value, quantity_unit,
       window_from, window_to, monthly_profile, notes, flags, accepts_flags, permit, illustrative, updated_by)`,
    withIds,
    (lot, p) => {
      const v = lotValues(lot.input).map((value) => p(value));
      return `(${p(lot.id)}, ${p(lot.projectId)}, ${v[0]}, ${v[1]}, ${v[2]}, ${v[3]}, ${v[4]}, ${v[5]}, ${v[6]}, ${v[7]}, ${v[8]}::jsonb, ${v[9]}, ${v[10]}::jsonb, ${v[11]}::jsonb, ${v[12]}::jsonb, false, ${p(actor)})`;
    },
  );
  return withIds.map((lot) => lot.id);
}

/** Lots by id (live or not), in the order of `ids`: one query for a batch. */
export async function getLots(db: Queryable, table: MaterialTable, ids: readonly string[]): Promise<Lot[]> {
  const rows = await db.query<LotRow>("select * from lots where id = any($1::text[])", [ids]);
  const byId = new Map(rows.map((row) => [row.id, lotFromRow(row, table)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Who may write a project and what it is called, without its lots: an import resolves names with these. */
export interface ProjectHeading {
  id: string;
  name: string;
  status: Project["status"];
  owner: string | null;
  members: string[];
}

/**
 * The live projects' headings (no lots) with one of `ids` or one of `names` (case-folded as
 * JavaScript folds them, so "Åsveien" finds "åsveien" whatever the database's locale): the names of
 * all live projects are read (two short columns), the rest only for the ones that match.
 */
export async function listProjectHeadings(db: Queryable, { ids, names }: { ids: readonly string[]; names: readonly string[] }): Promise<ProjectHeading[]> {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  const matching = new Set(ids);
  if (wanted.size > 0) {
    for (const row of await db.query<{ id: string; name: string }>("select id, name from projects where deleted_at is null")) {
      if (wanted.has(row.name.toLowerCase())) matching.add(row.id);
    }
  }
  const rows = await db.query<{ id: string; name: string; status: Project["status"]; owner: string | null; members: string[] | null }>(
    `select p.id, p.name, p.status, o.username as owner,
       (select array_agg(u.username order by u.username) from project_members m join users u on u.id = m.user_id where m.project_id = p.id) as members
     from projects p left join users o on o.id = p.owner_id
     where p.deleted_at is null and p.id = any($1::text[])`,
    [[...matching]],
  );
  return rows.map((row) => ({ ...row, members: row.members ?? [] }));
}

export async function updateLot(
  db: Queryable,
  id: string,
  input: LotInput,
  expectedVersion: number,
  actor: string,
): Promise<"updated" | "stale" | "missing"> {
  const rows = await db.query(
    `update lots set direction = $3, material = $4, contamination_class = $5, hazardous = $6, quantity_value = $7,
       quantity_unit = $8, window_from = $9, window_to = $10, monthly_profile = $11::jsonb, notes = $12,
       flags = $13::jsonb, accepts_flags = $14::jsonb, permit = $15::jsonb,
       version = version + 1, updated_at = now(), updated_by = $16
     where id = $1 and version = $2 and deleted_at is null returning id`,
    [id, expectedVersion, ...lotValues(input), actor],
  );
  return updateOutcome(db, "lots", id, rows.length);
}

/** Soft-deletes (or restores) a record; returns whether a row changed. */
export const setLotDeleted = (db: Queryable, id: string, deleted: boolean, actor: string) => setSoftDeleted(db, "lots", id, deleted, actor);

export async function countProjects(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>("select count(*)::int as n from projects");
  return rows[0]?.n ?? 0;
}
