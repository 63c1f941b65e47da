import { Hono, type Context } from "hono";
import type { z } from "zod";
import { routes as contracts } from "../../core/api/routes";
import { mayWriteProject, projectWriters } from "../../core/domain/accounts";
import { fieldError } from "../../core/domain/api-error";
import { toTonnes } from "../../core/domain/materials";
import { projectLocationSchema, type Project } from "../../core/domain/records";
import { csvRowError, projectQuerySchema, type CsvRowError, type LotImportReport } from "../../core/domain/registry-api";
import { message, type Message } from "../../core/messages/message";
import { issueMessage } from "../../core/messages/zod-issues";
import { representativePoint } from "../../core/geo/geometry";
import { lotCsvColumns, lotToCsvRow, mapHeaders, readLotRow, type LotCsvRow } from "../../core/registry/lot-csv";
import { readCsv, writeCsv } from "../../io/csv/csv-table";
import { converterFor } from "../../io/crs";
import { readLotWorkbook, writeLotWorkbook } from "../../io/formats/lot-workbook";
import type { Database } from "../db/database";
import { authorise, fail, readQuery, respond, type AppEnv } from "../http";
import type { SessionUser } from "../auth/sessions";
import { writeAudit } from "../repositories/audit";
import { getMaterialTable } from "../repositories/materials";
import { getLot, getProject, insertLot, insertProject, listProjects } from "../repositories/projects";

/** CSV and Excel export and all-or-nothing import of mass lots (issue #3, part 7; .xlsx issue 13). */
export function lotCsvRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.get("/lots/export.csv", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const query = readQuery(c, projectQuerySchema);
    if (!query.ok) return query.response;
    const rows = await lotRows(db, query.value);
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", 'attachment; filename="massekart-lots.csv"');
    return c.body(writeCsv(lotCsvColumns.map((column) => column.name), rows));
  });

  routes.post("/lots/import", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const text = await c.req.text();
    if (text.trim() === "") return fail(c, 400, "invalid_csv", message("error.csvEmpty"));
    return importLotTable(c, db, auth.user, readCsv(text));
  });

  // The same import from an Excel workbook (issue 13): only the row reader differs.
  routes.post("/lots/import/xlsx", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) return fail(c, 400, "invalid_file", message("error.fileEmpty"));
    const fileName = c.req.query("fileName");
    const sheet = await readLotWorkbook(bytes, { source: fileName ?? "the workbook" });
    if (!sheet.ok) {
      const problem = message("error.invalidFile", { detail: sheet.problem });
      return fail(c, 400, "invalid_file", problem, [fieldError("body", problem)]);
    }
    return importLotTable(c, db, auth.user, sheet.value);
  });

  routes.get("/lots/export.xlsx", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const query = readQuery(c, projectQuerySchema);
    if (!query.ok) return query.response;
    const language = c.req.query("lang") === "en" ? "en" : "nb";
    const bytes = await writeLotWorkbook(await lotRows(db, query.value), { language });
    c.header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    c.header("Content-Disposition", 'attachment; filename="massekart-lots.xlsx"');
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  });

  return routes;
}

/** A CSV file or a workbook sheet as text rows; `rowNumbers` are the sheet's own (else data row k is row k + 2). */
interface LotTable {
  headers: string[];
  rows: string[][];
  rowNumbers?: number[];
  problems: { row: number; message: string }[];
}

/**
 * The one lot import behind the CSV and the Excel routes: header mapping, row reading, the project
 * each row goes to, the dry-run report, and all rows in one transaction or none.
 */
async function importLotTable(c: Context<AppEnv>, db: Database, user: SessionUser, csv: LotTable): Promise<Response> {
  const auth = { user };
  const dryRun = c.req.query("dryRun") === "true";
  const defaultCrs = c.req.query("crs");
  const table = await getMaterialTable(db);
  const headers = mapHeaders(csv.headers);
  const errors: CsvRowError[] = [...headers.errors, ...csv.problems.map((p) => csvRowError(p.row, "", message("csv.unreadable", { detail: p.message })))];
  const rows: LotCsvRow[] = [];
  if (headers.errors.length === 0) {
    csv.rows.forEach((cells, index) => {
      const values: Record<string, string> = {};
      headers.columns.forEach((column, i) => {
        if (column) values[column] = cells[i] ?? "";
      });
      const read = readLotRow(csv.rowNumbers?.[index] ?? index + 2, values);
      if (read.ok) rows.push(read.value);
      else errors.push(...read.errors);
    });
  }

  // Which project each row goes to: an existing one (by id, else by unique name) or a new one.
  const existing = await listProjects(db, table);
  const byId = new Map(existing.map((p) => [p.id, p]));
  const byName = new Map<string, Project[]>();
  for (const p of existing) byName.set(p.name.toLowerCase(), [...(byName.get(p.name.toLowerCase()) ?? []), p]);
  const newProjects = new Map<string, { name: string; status: Project["status"]; location: Project["location"] }>();
  const targets = new Map<number, { existing: Project } | { newKey: string }>();
  for (const row of rows) {
    const rowError = (column: string, m: Message) => errors.push(csvRowError(row.row, column, m));
    let project: Project | undefined;
    if (row.projectId) {
      project = byId.get(row.projectId);
      if (!project) {
        rowError("projectId", message("import.noProjectWithId", { id: row.projectId }));
        continue;
      }
    } else {
      const named = byName.get(row.project.toLowerCase()) ?? [];
      if (named.length > 1) {
        rowError("project", message("import.ambiguousProject", { count: named.length, name: row.project }));
        continue;
      }
      project = named[0];
    }
    if (project) {
      if (!mayWriteProject({ username: auth.user.username, role: auth.user.role }, project)) {
        rowError("project", message("import.notYourProject", { project: project.name }));
        continue;
      }
      targets.set(row.row, { existing: project });
      continue;
    }
    const key = row.project.toLowerCase();
    if (!newProjects.has(key)) {
      const location = locationOf(row, defaultCrs);
      if (!location.ok) {
        rowError(location.column, location.problem);
        continue;
      }
      newProjects.set(key, { name: row.project, status: row.projectStatus, location: location.geometry });
    }
    targets.set(row.row, { newKey: key });
  }

  const report: LotImportReport = {
    valid: errors.length === 0,
    dryRun,
    rows: csv.rows.length,
    errors: errors.sort((a, b) => a.row - b.row),
    preview: rows.map((row) => {
      const target = targets.get(row.row);
      return {
        row: row.row,
        project: target && "existing" in target ? target.existing.name : row.project,
        newProject: !target || !("existing" in target),
        lot: row.lot,
        tonnes: toTonnes(row.lot.quantity.value, row.lot.quantity.unit, row.lot.material, table),
      };
    }),
    created: { projects: 0, lots: 0 },
  };
  if (dryRun) return respond(c, contracts.importLots, report, 200);
  if (!report.valid) return respond(c, contracts.importLots, report, 400);

  // All rows in one transaction: a failure or a restart half-way leaves nothing written.
  await db.transaction(async (tx) => {
    const newIds = new Map<string, string>();
    for (const [key, project] of newProjects) {
      const id = await insertProject(tx, { ...project, contact: "", notes: "" }, { ownerId: auth.user.id, actor: auth.user.username });
      newIds.set(key, id);
      const created = await getProject(tx, table, id);
      await writeAudit(tx, { entity: "project", entityId: id, projectId: id, action: "create", actor: auth.user.username, before: null, after: created });
      report.created.projects += 1;
    }
    for (const row of rows) {
      const target = targets.get(row.row)!;
      const projectId = "existing" in target ? target.existing.id : newIds.get(target.newKey)!;
      const id = await insertLot(tx, projectId, row.lot, { actor: auth.user.username });
      await writeAudit(tx, { entity: "lot", entityId: id, projectId, action: "create", actor: auth.user.username, before: null, after: await getLot(tx, table, id) });
      report.created.lots += 1;
    }
  });
  return respond(c, contracts.importLots, report, 201);
}

/** The export's rows: every lot of the projects the query selects, as the CSV writes them. */
async function lotRows(db: Database, query: z.infer<typeof projectQuerySchema>): Promise<Record<string, string>[]> {
  const { bbox: _bbox, includeDeleted: _deleted, ...filter } = query;
  const projects = await listProjects(db, await getMaterialTable(db), filter);
  return projects.flatMap((project) =>
    project.lots.map((lot) => lotToCsvRow({ id: project.id, name: project.name, status: project.status, lonLat: representativePoint(project.location) }, lot)),
  );
}

/** A new project's point from its row: lon/lat, or east/north in the row's (or the default) CRS. */
function locationOf(
  row: LotCsvRow,
  defaultCrs: string | undefined,
): { ok: true; geometry: Project["location"] } | { ok: false; column: string; problem: Message } {
  const position = row.position;
  if (!position) return { ok: false, column: "lon", problem: message("import.newProjectNeedsPosition", { project: row.project }) };
  let lonLat: [number, number];
  if (position.kind === "lonlat") {
    lonLat = [position.lon, position.lat];
  } else {
    const crs = position.crs ?? defaultCrs;
    if (!crs) return { ok: false, column: "crs", problem: message("import.crsNeeded") };
    const converter = converterFor(crs);
    if (!converter.ok) return { ok: false, column: "crs", problem: message("import.badCrs", { detail: converter.problem }) };
    lonLat = converter.convert(position.east, position.north);
  }
  const parsed = projectLocationSchema.safeParse({ type: "Point", coordinates: lonLat });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const problem = issue ? issueMessage(issue) : message("validation.invalid", { detail: "is not a valid position" });
    return { ok: false, column: position.kind === "lonlat" ? "lon" : "east", problem: message("import.badPosition", { problem }) };
  }
  return { ok: true, geometry: parsed.data };
}
