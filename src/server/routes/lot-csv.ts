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
import { lotCsvColumns, lotToCsvRow, readLotRow, type LotCsvRow } from "../../core/registry/lot-csv";
import { writeCsv, type CsvTable } from "../../io/csv/csv-table";
import { converterFor } from "../../io/crs";
import { readLotWorkbook, writeLotWorkbook } from "../../io/formats/lot-workbook";
import type { Database } from "../db/database";
import type { SessionUser } from "../auth/sessions";
import { authorise, fail, readQuery, respond, type AppEnv } from "../http";
import { runCsvImport } from "../import/csv-import";
import { writeAudit, writeAudits } from "../repositories/audit";
import { getMaterialTable } from "../repositories/materials";
import { getLots, getProject, insertLots, insertProject, listProjectHeadings, listProjects, type ProjectHeading } from "../repositories/projects";

/** A project an import creates for rows that name no existing one. */
type NewProject = Pick<Project, "name" | "status" | "location">;

/**
 * CSV and Excel export and all-or-nothing import of mass lots (issue #3, part 7; .xlsx issue 13),
 * through the one import pipeline (import/csv-import.ts): only the row reader differs.
 */
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
    return importLots(c, db, auth.user, await c.req.text());
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
    return importLots(c, db, auth.user, sheet.value);
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

/**
 * The one lot import behind the CSV and the Excel routes: CSV text, or a workbook sheet read as
 * rows; the pipeline maps headers, reads rows, resolves each row's project, previews and writes.
 */
async function importLots(c: Context<AppEnv>, db: Database, sessionUser: SessionUser, input: string | CsvTable): Promise<Response> {
  const defaultCrs = c.req.query("crs");
  const table = await getMaterialTable(db);
  const user = { username: sessionUser.username, role: sessionUser.role };
  const actor = sessionUser.username;
  type Target = { existing: ProjectHeading } | { newKey: string; project: NewProject };

  const result = await runCsvImport(c, db, input, c.req.query("dryRun") === "true", {
    columns: lotCsvColumns,
    readRow: readLotRow,
    // Which project each row goes to: an existing one (by id, else by unique name) or a new one.
    async resolve(q, rows) {
      const existing = await listProjectHeadings(q, {
        ids: rows.flatMap((row) => (row.projectId ? [row.projectId] : [])),
        names: rows.flatMap((row) => (row.projectId ? [] : [row.project])),
      });
      const byId = new Map(existing.map((p) => [p.id, p]));
      const byName = new Map<string, ProjectHeading[]>();
      for (const p of existing) byName.set(p.name.toLowerCase(), [...(byName.get(p.name.toLowerCase()) ?? []), p]);
      const newProjects = new Map<string, NewProject>();
      const targets = new Map<number, Target>();
      const errors: CsvRowError[] = [];
      for (const row of rows) {
        const rowError = (column: string, m: Message) => errors.push(csvRowError(row.row, column, m));
        let project: ProjectHeading | undefined;
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
          if (!mayWriteProject(user, project)) {
            rowError("project", message("import.notYourProject", { project: project.name }));
            continue;
          }
          targets.set(row.row, { existing: project });
          continue;
        }
        const key = row.project.toLowerCase();
        let created = newProjects.get(key);
        if (!created) {
          const location = locationOf(row, defaultCrs);
          if (!location.ok) {
            rowError(location.column, location.problem);
            continue;
          }
          created = { name: row.project, status: row.projectStatus, location: location.geometry };
          newProjects.set(key, created);
        }
        targets.set(row.row, { newKey: key, project: created });
      }
      return { targets, errors };
    },
    report: (outcome, rows, targets): LotImportReport => ({
      ...outcome,
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
    }),
    // The new projects first (few), each with its audit row.
    async begin(tx, _rows, targets, report) {
      const newIds = new Map<string, string>();
      for (const target of targets.values()) {
        if ("existing" in target || newIds.has(target.newKey)) continue;
        const id = await insertProject(tx, { ...target.project, contact: "", notes: "" }, { ownerId: sessionUser.id, actor });
        newIds.set(target.newKey, id);
        const created = await getProject(tx, table, id);
        await writeAudit(tx, { entity: "project", entityId: id, projectId: id, action: "create", actor, before: null, after: created });
        report.created.projects += 1;
      }
      return newIds;
    },
    async write(tx, batch, newIds, report) {
      const ids = await insertLots(
        tx,
        batch.map(({ row, target }) => ({ projectId: "existing" in target ? target.existing.id : newIds.get(target.newKey)!, input: row.lot })),
        { actor },
      );
      const lots = await getLots(tx, table, ids);
      await writeAudits(tx, lots.map((lot) => ({ entity: "lot", entityId: lot.id, projectId: lot.projectId, action: "create", actor, before: null, after: lot })));
      report.created.lots += lots.length;
    },
  });
  return result instanceof Response ? result : respond(c, contracts.importLots, result.report, result.status);
}

/** The export's rows: every lot of the projects the query selects, as the CSV and the workbook write them. */
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
