import { toTonnes, type Material, type QuantityUnit } from "../../core/domain/materials";
import type { Lot, LotInput, Project, ProjectInput } from "../../core/domain/records";
import type { Bbox } from "../../core/geo/geometry";
import type { Queryable } from "../db/database";
import { boxParams, boxSql } from "./geometry-sql";

interface ProjectRow {
  id: string;
  name: string;
  status: Project["status"];
  location: Project["location"];
  contact: string;
  notes: string;
  owner: string | null;
  illustrative: boolean;
  version: number;
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
  notes: string;
  illustrative: boolean;
  version: number;
}

const projectColumns = `p.id, p.name, p.status, p.location, p.contact, p.notes, u.username as owner, p.illustrative, p.version`;

function lotFromRow(row: LotRow): Lot {
  return {
    id: row.id,
    projectId: row.project_id,
    direction: row.direction,
    material: row.material,
    contaminationClass: row.contamination_class as Lot["contaminationClass"],
    hazardous: row.hazardous,
    quantity: { value: row.quantity_value, unit: row.quantity_unit },
    tonnes: toTonnes(row.quantity_value, row.quantity_unit, row.material),
    window: { from: row.window_from, to: row.window_to },
    notes: row.notes,
    illustrative: row.illustrative,
    version: row.version,
  };
}

const projectFromRow = (row: ProjectRow, lots: Lot[]): Project => ({ ...row, lots });

async function lotsOf(db: Queryable, projectIds: string[]): Promise<Map<string, Lot[]>> {
  const byProject = new Map<string, Lot[]>();
  if (projectIds.length === 0) return byProject;
  const rows = await db.query<LotRow>(
    "select * from lots where project_id = any($1::text[]) and deleted_at is null order by window_from, id",
    [projectIds],
  );
  for (const row of rows) {
    const lots = byProject.get(row.project_id) ?? [];
    lots.push(lotFromRow(row));
    byProject.set(row.project_id, lots);
  }
  return byProject;
}

/** Live (not deleted) projects with their lots, optionally those whose extent meets `bbox`. */
export async function listProjects(db: Queryable, { bbox }: { bbox?: Bbox } = {}): Promise<Project[]> {
  const rows = await db.query<ProjectRow>(
    `select ${projectColumns} from projects p left join users u on u.id = p.owner_id
     where p.deleted_at is null ${bbox ? `and p.bbox && ${boxSql(1)}` : ""} order by p.name, p.id`,
    bbox ?? [],
  );
  const lots = await lotsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => projectFromRow(row, lots.get(row.id) ?? []));
}

export async function getProject(db: Queryable, id: string): Promise<Project | undefined> {
  const rows = await db.query<ProjectRow>(
    `select ${projectColumns} from projects p left join users u on u.id = p.owner_id where p.id = $1 and p.deleted_at is null`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  return projectFromRow(row, (await lotsOf(db, [id])).get(id) ?? []);
}

export async function insertProject(
  db: Queryable,
  input: ProjectInput,
  { ownerId, illustrative = false }: { ownerId: string | null; illustrative?: boolean },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into projects (name, status, location, bbox, contact, notes, owner_id, illustrative)
     values ($1, $2, $3::jsonb, ${boxSql(4)}, $8, $9, $10, $11) returning id`,
    [
      input.name,
      input.status,
      JSON.stringify(input.location),
      ...boxParams(input.location),
      input.contact,
      input.notes,
      ownerId,
      illustrative,
    ],
  );
  return rows[0]!.id;
}

export async function insertLot(
  db: Queryable,
  projectId: string,
  input: LotInput,
  { illustrative = false }: { illustrative?: boolean } = {},
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into lots (project_id, direction, material, contamination_class, hazardous, quantity_value, quantity_unit,
       window_from, window_to, notes, illustrative)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [
      projectId,
      input.direction,
      input.material,
      input.contaminationClass,
      input.hazardous,
      input.quantity.value,
      input.quantity.unit,
      input.window.from,
      input.window.to,
      input.notes,
      illustrative,
    ],
  );
  return rows[0]!.id;
}

export async function countProjects(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>("select count(*)::int as n from projects");
  return rows[0]?.n ?? 0;
}
