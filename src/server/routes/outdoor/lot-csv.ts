import { Hono } from "hono";
import { routes as contracts } from "../../../core/api/routes";
import { mayWriteProject, projectWriters } from "../../../core/domain/accounts";
import { message, type Message } from "../../../core/messages/message";
import { csvRowError, type CsvRowError } from "../../../core/domain/registry-api";
import { type OutdoorLotImportReport } from "../../../core/outdoor/api";
import { storageAreaM2, weightTonnes } from "../../../core/outdoor/catalogue";
import { outdoorLotCsvColumns, outdoorLotToCsvRow, readOutdoorLotRow } from "../../../core/outdoor/lot-csv";
import { writeCsv } from "../../../io/csv/csv-table";
import type { Database } from "../../db/database";
import { authorise, respond, type AppEnv } from "../../http";
import { writeAudits } from "../../repositories/audit";
import { getOutdoorLots, insertOutdoorLots } from "../../repositories/outdoor-lots";
import { listProjectHeadings, type ProjectHeading } from "../../repositories/projects";
import { runCsvImport } from "../../import/csv-import";
import { describeLots, loadContext, lotProblems, me, queriedLots } from "./context";

/** CSV export and import of outdoor lots (issue #8), the import through the one pipeline (import/csv-import.ts). */
export function outdoorLotCsvRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.get("/outdoor-lots/export.csv", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const result = await queriedLots(db, c, auth.user);
    if (!result.ok) return result.response;
    const rows = result.lots
      .map((lot) => ({ lot, project: result.context.places.get(lot.projectId)?.name ?? "" }))
      .sort((a, b) => a.project.localeCompare(b.project, "nb") || a.lot.projectId.localeCompare(b.lot.projectId))
      .map(({ lot, project }) => outdoorLotToCsvRow({ id: lot.projectId, name: project }, lot));
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", 'attachment; filename="massekart-outdoor-lots.csv"');
    return c.body(writeCsv(outdoorLotCsvColumns.map((column) => column.name), rows));
  });

  routes.post("/outdoor-lots/import", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const actor = auth.user.username;
    // The rules' context of the first reading; the second check inside the transaction reads its own.
    const context = await loadContext(db);
    const columnOf: Record<string, string> = { "wantedBy.projectId": "wantedByProjectId", "wantedBy.month": "wantedByMonth", typeId: "type" };

    const result = await runCsvImport(c, db, await c.req.text(), c.req.query("dryRun") === "true", {
      columns: outdoorLotCsvColumns,
      readRow: (row, values) => readOutdoorLotRow(row, values, context.types),
      // Which project each row goes to: an existing one, by id or else by its unique name; and the lot's own rules.
      async resolve(q, rows) {
        const now = q === db ? context : await loadContext(q);
        const byName = new Map<string, string[]>();
        for (const [id, place] of now.places) byName.set(place.name.toLowerCase(), [...(byName.get(place.name.toLowerCase()) ?? []), id]);
        const named = new Map(rows.map((row) => [row.row, row.projectId ? [row.projectId] : (byName.get(row.project.toLowerCase()) ?? [])]));
        const ids = [...new Set([...named.values()].flatMap((list) => (list.length === 1 ? list : [])))];
        const projects = new Map((await listProjectHeadings(q, { ids, names: [] })).map((project) => [project.id, project]));
        const targets = new Map<number, ProjectHeading>();
        const errors: CsvRowError[] = [];
        for (const row of rows) {
          const rowError = (column: string, m: Message) => errors.push(csvRowError(row.row, column, m));
          const candidates = named.get(row.row)!;
          if (candidates.length !== 1) {
            rowError(
              row.projectId ? "projectId" : "project",
              row.projectId
                ? message("import.noProjectWithId", { id: row.projectId })
                : candidates.length === 0
                  ? message("import.noProjectNamed", { name: row.project })
                  : message("import.ambiguousProject", { count: candidates.length, name: row.project }),
            );
            continue;
          }
          const project = projects.get(candidates[0]!);
          if (!project) {
            rowError("projectId", message("import.noProjectWithId", { id: candidates[0]! }));
            continue;
          }
          if (!mayWriteProject(me(auth.user), project)) {
            rowError("project", message("import.notYourProject", { project: project.name }));
            continue;
          }
          for (const { code: _code, path, ...problem } of lotProblems(row.lot, now)) errors.push({ row: row.row, column: columnOf[path] ?? path, ...problem });
          targets.set(row.row, project);
        }
        return { targets, errors };
      },
      report: (outcome, rows, targets): OutdoorLotImportReport => ({
        ...outcome,
        preview: rows.map((row) => {
          const type = context.typeById.get(row.lot.typeId);
          const project = targets.get(row.row);
          return {
            row: row.row,
            projectId: project?.id ?? null,
            project: project?.name ?? row.project,
            lot: row.lot,
            unit: type?.unit ?? null,
            tonnes: type ? weightTonnes(type, row.lot.quantity) : 0,
            storageAreaM2: type ? storageAreaM2(type, row.lot.quantity) : 0,
          };
        }),
        created: { lots: 0 },
      }),
      begin: (tx) => loadContext(tx),
      async write(tx, batch, inTx, report) {
        const ids = await insertOutdoorLots(tx, batch.map(({ row, target }) => ({ projectId: target.id, input: row.lot })), { actor });
        const lots = describeLots(await getOutdoorLots(tx, ids), inTx);
        await writeAudits(tx, lots.map((lot) => ({ entity: "outdoor_lot", entityId: lot.id, projectId: lot.projectId, action: "create", actor, before: null, after: lot })));
        report.created.lots += lots.length;
      },
    });
    return result instanceof Response ? result : respond(c, contracts.importOutdoorLots, result.report, result.status);
  });
  return routes;
}
