import { Hono, type Context } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { mayWriteProject, projectWriters, type Me } from "../../core/domain/accounts";
import { describeFields, fieldError } from "../../core/domain/api-error";
import { message, type Message } from "../../core/messages/message";
import { monthsBetween, shiftMonth } from "../../core/domain/months";
import type { Project } from "../../core/domain/records";
import { csvRowError, type CsvRowError } from "../../core/domain/registry-api";
import { representativePoint, type LonLat } from "../../core/geo/geometry";
import {
  maxPlanMonths,
  outdoorLotInputSchema,
  outdoorLotQuerySchema,
  outdoorLotUpdateSchema,
  outdoorPlanQuerySchema,
  outdoorTypeCreateSchema,
  outdoorTypeUpdateSchema,
  type OutdoorLot,
  type OutdoorLotImportReport,
  type OutdoorLotInput,
  type OutdoorSuggestionsResponse,
  type StoredOutdoorLot,
} from "../../core/outdoor/api";
import { storageAreaM2, weightTonnes, type OutdoorMaterialTypeRecord } from "../../core/outdoor/catalogue";
import { outdoorLotCsvColumns, outdoorLotToCsvRow, readOutdoorLotRow, type OutdoorLotCsvRow } from "../../core/outdoor/lot-csv";
import {
  assignStorage,
  defaultStorageMonths,
  describeOutdoorLot,
  materialStorageSitesOf,
  outdoorLotProblems,
  storagePeriod,
  type MaterialStorageSite,
  type OutdoorLotProblem,
} from "../../core/outdoor/lots";
import { matchOutdoorLots, suggestReceivers, type MatchLot } from "../../core/outdoor/matching";
import { planStorageArea, type PlanLot } from "../../core/outdoor/storage-plan";
import { mapHeaders } from "../../core/registry/lot-csv";
import { readCsv, writeCsv } from "../../io/csv/csv-table";
import type { SessionUser } from "../auth/sessions";
import type { Database, Queryable } from "../db/database";
import { authorise, fail, invalidInput, invalidQuery, readBody, readQuery, respond, type AppEnv } from "../http";
import { writeAudit } from "../repositories/audit";
import { getMaterialTable } from "../repositories/materials";
import { countOutdoorLotsOfType, getOutdoorLot, insertOutdoorLot, listOutdoorLots, listProjectPlaces, setOutdoorLotDeleted, updateOutdoorLot } from "../repositories/outdoor-lots";
import { getOutdoorTypesInForce, insertOutdoorType, updateOutdoorType } from "../repositories/outdoor-material-types";
import { getProject } from "../repositories/projects";
import { listSites } from "../repositories/sites";
import { inTransaction, notFound, notFoundDeleted, Refusal, versionConflict } from "./write-helpers";

const me = (user: SessionUser): Me => ({ username: user.username, role: user.role });

/** What the rules of outdoor lots need to know beside a lot: types in force, storage sites, project places. */
interface OutdoorContext {
  types: OutdoorMaterialTypeRecord[];
  typeById: Map<string, OutdoorMaterialTypeRecord>;
  sites: MaterialStorageSite[];
  places: Map<string, { name: string; point: LonLat }>;
}

async function loadContext(db: Queryable): Promise<OutdoorContext> {
  const types = await getOutdoorTypesInForce(db);
  const places = await listProjectPlaces(db);
  return {
    types,
    typeById: new Map(types.map((type) => [type.id, type])),
    sites: materialStorageSitesOf(await listSites(db)),
    places: new Map(places.map((place) => [place.id, { name: place.name, point: representativePoint(place.location) }])),
  };
}

/** Stored lots with their unit, tonnes, area and storage site (chosen or nearest). */
function describeLots(lots: readonly StoredOutdoorLot[], context: OutdoorContext): OutdoorLot[] {
  const choices = assignStorage(
    lots.map((lot) => ({ ...lot, location: context.places.get(lot.projectId)?.point })),
    context.sites,
    context.typeById,
  );
  return lots.map((lot) => describeOutdoorLot(lot, context.typeById.get(lot.typeId), choices.get(lot.id)!));
}

// Field errors first; a request to confirm a large quantity only once nothing else is wrong.
const problemOrder: Record<OutdoorLotProblem["code"], number> = { invalid_input: 0, quantity_too_large: 0, exceeds_storage_area: 1, confirm_large_quantity: 2 };

/** Every reason a lot cannot be saved: the catalogue and site rules, and a receiving project that exists. */
function lotProblems(lot: OutdoorLotInput, context: OutdoorContext): OutdoorLotProblem[] {
  const problems = outdoorLotProblems(lot, { type: context.typeById.get(lot.typeId), sites: context.sites });
  const receiver = lot.wantedBy?.projectId;
  if (receiver && !context.places.has(receiver)) {
    problems.push({ code: "invalid_input", ...fieldError("wantedBy.projectId", message("import.noProjectWithId", { id: receiver })) });
  }
  return problems.sort((a, b) => problemOrder[a.code] - problemOrder[b.code]);
}

function problemsResponse(c: Context, problems: OutdoorLotProblem[]): Response {
  const fields = problems.map(({ code: _code, ...field }) => field);
  const code = problems[0]!.code;
  if (code === "invalid_input") return invalidInput(c, fields);
  return fail(c, 400, code, message("error.fieldProblems", { details: describeFields(fields), count: fields.length }), fields);
}

/** The months a lot is in use: an available lot while stored, a wanted lot in the month it is needed. */
function lotMonths(lot: StoredOutdoorLot): { from: string; to: string } {
  const period = storagePeriod(lot);
  return period ?? { from: lot.neededBy!, to: lot.neededBy! };
}

/** CSV export and import, the plan and the matches: everything about outdoor materials (issue #8). */
export function outdoorMaterialRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  /** The project if it exists and the user may write it, else the answer that says why not. */
  async function writableProject(c: Context<AppEnv>, tx: Queryable, user: SessionUser, id: string): Promise<Project> {
    const project = await getProject(tx, await getMaterialTable(tx), id);
    if (!project) throw new Refusal(notFound(c, "project", id));
    if (!mayWriteProject(me(user), project)) {
      throw new Refusal(fail(c, 403, "forbidden", message("error.forbiddenProject", { username: user.username, role: user.role, project: project.name })));
    }
    return project;
  }

  async function describedLot(
    tx: Queryable,
    id: string,
    { includeDeleted = false, context }: { includeDeleted?: boolean; context?: OutdoorContext } = {},
  ): Promise<OutdoorLot | undefined> {
    const lot = await getOutdoorLot(tx, id, { includeDeleted });
    return lot ? describeLots([lot], context ?? (await loadContext(tx)))[0] : undefined;
  }

  // --- Catalogue of types -------------------------------------------------------------------

  routes.get("/outdoor-materials/types", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    return respond(c, contracts.outdoorTypes, { items: await getOutdoorTypesInForce(db) });
  });

  routes.post("/outdoor-materials/types", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, outdoorTypeCreateSchema);
    if (!body.ok) return body.response;
    const { id, ...fields } = body.value;
    const result = await inTransaction(db, async (tx) => {
      if ((await insertOutdoorType(tx, id, fields, auth.user.username)) === "exists") {
        throw new Refusal(invalidInput(c, [fieldError("id", message("validation.typeExists", { id }))]));
      }
      const created = (await getOutdoorTypesInForce(tx)).find((type) => type.id === id)!;
      await writeAudit(tx, { entity: "outdoor_material_type", entityId: id, action: "create", actor: auth.user.username, before: null, after: created });
      return created;
    });
    return result instanceof Response ? result : respond(c, contracts.createOutdoorType, result);
  });

  routes.put("/outdoor-materials/types/:id", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, outdoorTypeUpdateSchema);
    if (!body.ok) return body.response;
    const { version, ...fields } = body.value;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const before = (await getOutdoorTypesInForce(tx)).find((type) => type.id === id);
      if (!before) throw new Refusal(fail(c, 404, "not_found", message("error.noOutdoorType", { id })));
      if (fields.unit !== before.unit) {
        const lots = await countOutdoorLotsOfType(tx, id);
        if (lots > 0) {
          throw new Refusal(invalidInput(c, [fieldError("unit", message("validation.unitInUse", { count: lots, type: before.names, unit: before.unit }))]));
        }
      }
      const outcome = await updateOutdoorType(tx, id, fields, version, auth.user.username);
      if (outcome === "stale") {
        throw new Refusal(versionConflict(c, "outdoor_material_type", { ...before, updatedAt: before.updatedAt ?? "its release", updatedBy: before.updatedBy }));
      }
      const after = (await getOutdoorTypesInForce(tx)).find((type) => type.id === id)!;
      await writeAudit(tx, { entity: "outdoor_material_type", entityId: id, action: "update", actor: auth.user.username, before, after });
      return after;
    });
    return result instanceof Response ? result : respond(c, contracts.updateOutdoorType, result);
  });

  // --- Lots ---------------------------------------------------------------------------------

  routes.get("/projects/:id/outdoor-lots", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const project = await getProject(db, await getMaterialTable(db), c.req.param("id"));
    if (!project) return notFound(c, "project", c.req.param("id"));
    return respond(c, contracts.projectOutdoorLots, { items: describeLots(await listOutdoorLots(db, { projectId: project.id }), await loadContext(db)) });
  });

  routes.post("/projects/:id/outdoor-lots", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, outdoorLotInputSchema);
    if (!body.ok) return body.response;
    const projectId = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      await writableProject(c, tx, auth.user, projectId);
      const problems = lotProblems(body.value, await loadContext(tx));
      if (problems.length) throw new Refusal(problemsResponse(c, problems));
      const id = await insertOutdoorLot(tx, projectId, body.value, { actor: auth.user.username });
      const created = (await describedLot(tx, id))!;
      await writeAudit(tx, { entity: "outdoor_lot", entityId: id, projectId, action: "create", actor: auth.user.username, before: null, after: created });
      return created;
    });
    return result instanceof Response ? result : respond(c, contracts.createOutdoorLot, result);
  });

  /** Lots by the list query: SQL filters first, then site and months, which need the plan rules. */
  async function queriedLots(c: Context<AppEnv>, user: SessionUser): Promise<{ ok: true; lots: OutdoorLot[]; context: OutdoorContext } | { ok: false; response: Response }> {
    const query = readQuery(c, outdoorLotQuerySchema);
    if (!query.ok) return query;
    const { type, siteId, projectId, direction, from, to, includeDeleted } = query.value;
    if (includeDeleted === "true" && user.role !== "admin") {
      return { ok: false, response: fail(c, 403, "forbidden", message("error.adminListsDeleted", { entity: "lot" })) };
    }
    const context = await loadContext(db);
    const stored = await listOutdoorLots(db, {
      ...(projectId ? { projectId } : {}),
      ...(direction ? { direction } : {}),
      ...(type ? { typeIds: type } : {}),
      includeDeleted: includeDeleted === "true",
    });
    const lots = describeLots(stored, context).filter((lot) => {
      if (siteId && lot.storage.siteId !== siteId) return false;
      const months = lotMonths(lot);
      // Months as YYYY-MM compare correctly as text: in use from…to when it ends after from and starts before to.
      return (!from || months.to >= from) && (!to || months.from <= to);
    });
    return { ok: true, lots, context };
  }

  routes.get("/outdoor-lots", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const result = await queriedLots(c, auth.user);
    return result.ok ? respond(c, contracts.outdoorLots, { items: result.lots }) : result.response;
  });

  routes.get("/outdoor-lots/export.csv", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const result = await queriedLots(c, auth.user);
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
    const dryRun = c.req.query("dryRun") === "true";
    const text = await c.req.text();
    if (text.trim() === "") return fail(c, 400, "invalid_csv", message("error.csvEmpty"));

    const context = await loadContext(db);
    const csv = readCsv(text);
    const headers = mapHeaders(csv.headers, outdoorLotCsvColumns);
    const errors: CsvRowError[] = [...headers.errors, ...csv.problems.map((p) => csvRowError(p.row, "", message("csv.unreadable", { detail: p.message })))];
    const rows: OutdoorLotCsvRow[] = [];
    if (headers.errors.length === 0) {
      csv.rows.forEach((cells, index) => {
        const values: Record<string, string> = {};
        headers.columns.forEach((column, i) => {
          if (column) values[column] = cells[i] ?? "";
        });
        const read = readOutdoorLotRow(index + 2, values, context.types);
        if (read.ok) rows.push(read.value);
        else errors.push(...read.errors);
      });
    }

    // Which project each row goes to: an existing one, by id or else by its unique name.
    const table = await getMaterialTable(db);
    const targets = new Map<number, Project>();
    const projects = new Map<string, Project | undefined>();
    const byName = new Map<string, string[]>();
    for (const [id, place] of context.places) byName.set(place.name.toLowerCase(), [...(byName.get(place.name.toLowerCase()) ?? []), id]);
    const columnOf: Record<string, string> = { "wantedBy.projectId": "wantedByProjectId", "wantedBy.month": "wantedByMonth", typeId: "type" };
    for (const row of rows) {
      const rowError = (column: string, m: Message) => errors.push(csvRowError(row.row, column, m));
      const named = row.projectId ? [row.projectId] : (byName.get(row.project.toLowerCase()) ?? []);
      if (named.length !== 1) {
        rowError(
          row.projectId ? "projectId" : "project",
          row.projectId
            ? message("import.noProjectWithId", { id: row.projectId })
            : named.length === 0
              ? message("import.noProjectNamed", { name: row.project })
              : message("import.ambiguousProject", { count: named.length, name: row.project }),
        );
        continue;
      }
      if (!projects.has(named[0]!)) projects.set(named[0]!, await getProject(db, table, named[0]!));
      const project = projects.get(named[0]!);
      if (!project) {
        rowError("projectId", message("import.noProjectWithId", { id: named[0]! }));
        continue;
      }
      if (!mayWriteProject(me(auth.user), project)) {
        rowError("project", message("import.notYourProject", { project: project.name }));
        continue;
      }
      for (const { code: _code, path, ...problem } of lotProblems(row.lot, context)) errors.push({ row: row.row, column: columnOf[path] ?? path, ...problem });
      targets.set(row.row, project);
    }

    const report: OutdoorLotImportReport = {
      valid: errors.length === 0,
      dryRun,
      rows: csv.rows.length,
      errors: errors.sort((a, b) => a.row - b.row),
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
    };
    if (dryRun) return respond(c, contracts.importOutdoorLots, report, 200);
    if (!report.valid) return respond(c, contracts.importOutdoorLots, report, 400);

    // All rows in one transaction: a failure or a restart half-way leaves nothing written.
    await db.transaction(async (tx) => {
      const inTx = await loadContext(tx);
      for (const row of rows) {
        const projectId = targets.get(row.row)!.id;
        const id = await insertOutdoorLot(tx, projectId, row.lot, { actor: auth.user.username });
        const after = await describedLot(tx, id, { context: inTx });
        await writeAudit(tx, { entity: "outdoor_lot", entityId: id, projectId, action: "create", actor: auth.user.username, before: null, after });
        report.created.lots += 1;
      }
    });
    return respond(c, contracts.importOutdoorLots, report, 201);
  });

  routes.get("/outdoor-lots/:id", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const lot = await describedLot(db, c.req.param("id"), { includeDeleted: auth.user.role === "admin" });
    return lot ? respond(c, contracts.outdoorLot, lot) : notFound(c, "outdoor_lot", c.req.param("id"));
  });

  routes.put("/outdoor-lots/:id", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, outdoorLotUpdateSchema);
    if (!body.ok) return body.response;
    const { version, ...input } = body.value;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const before = await describedLot(tx, id);
      if (!before) throw new Refusal(notFound(c, "outdoor_lot", id));
      await writableProject(c, tx, auth.user, before.projectId);
      const problems = lotProblems(input, await loadContext(tx));
      if (problems.length) throw new Refusal(problemsResponse(c, problems));
      const outcome = await updateOutdoorLot(tx, id, input, version, auth.user.username);
      if (outcome === "stale") throw new Refusal(versionConflict(c, "outdoor_lot", before));
      const after = (await describedLot(tx, id))!;
      await writeAudit(tx, { entity: "outdoor_lot", entityId: id, projectId: before.projectId, action: "update", actor: auth.user.username, before, after });
      return after;
    });
    return result instanceof Response ? result : respond(c, contracts.updateOutdoorLot, result);
  });

  routes.delete("/outdoor-lots/:id", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const before = await describedLot(tx, id);
      if (!before) throw new Refusal(notFound(c, "outdoor_lot", id));
      await writableProject(c, tx, auth.user, before.projectId);
      await setOutdoorLotDeleted(tx, id, true, auth.user.username);
      const after = (await describedLot(tx, id, { includeDeleted: true }))!;
      await writeAudit(tx, { entity: "outdoor_lot", entityId: id, projectId: before.projectId, action: "delete", actor: auth.user.username, before, after });
      return null;
    });
    return result instanceof Response ? result : c.body(null, 204);
  });

  routes.post("/outdoor-lots/:id/restore", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const before = await describedLot(tx, id, { includeDeleted: true });
      if (!before || !before.deletedAt) throw new Refusal(notFoundDeleted(c, "outdoor_lot", id));
      await setOutdoorLotDeleted(tx, id, false, auth.user.username);
      const after = (await describedLot(tx, id))!;
      await writeAudit(tx, { entity: "outdoor_lot", entityId: id, projectId: before.projectId, action: "restore", actor: auth.user.username, before, after });
      return after;
    });
    return result instanceof Response ? result : respond(c, contracts.restoreOutdoorLot, result);
  });

  // --- Plan and matching --------------------------------------------------------------------

  routes.get("/outdoor-materials/plan", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const query = readQuery(c, outdoorPlanQuerySchema);
    if (!query.ok) return query.response;
    const storageMonths = query.value.defaultStorageMonths ?? defaultStorageMonths;
    const context = await loadContext(db);
    const lots: PlanLot[] = (await listOutdoorLots(db, { direction: "available" })).map((lot) => ({
      id: lot.id,
      projectId: lot.projectId,
      typeId: lot.typeId,
      quantity: lot.quantity,
      availableFrom: lot.availableFrom!,
      wantedBy: lot.wantedBy,
      storageSiteId: lot.storageSiteId,
      location: context.places.get(lot.projectId)?.point,
    }));
    // Without from/to the plan spans the lots' storage months (this month and the next 11 when there are none).
    const periods = lots.map((lot) => storagePeriod(lot, { defaultMonths: storageMonths })!);
    const thisMonth = new Date().toISOString().slice(0, 7);
    const from = query.value.from ?? (periods.length ? periods.map((p) => p.from).sort()[0]! : thisMonth);
    let to = query.value.to ?? (periods.length ? periods.map((p) => p.to).sort().at(-1)! : shiftMonth(from, 11));
    if (to < from) to = from;
    if (monthsBetween(from, to).length > maxPlanMonths) {
      if (query.value.to) {
        return invalidQuery(c, [fieldError("to", message("validation.planTooLong", { months: maxPlanMonths, from }))]);
      }
      to = shiftMonth(from, maxPlanMonths - 1);
    }
    return respond(c, contracts.storagePlan, planStorageArea(lots, context.sites, context.typeById, { from, to, defaultStorageMonths: storageMonths }));
  });

  /** Live lots as matching sees them, with their project's point and name. */
  function matchLots(lots: readonly StoredOutdoorLot[], context: OutdoorContext): MatchLot[] {
    return lots.flatMap((lot) => {
      const place = context.places.get(lot.projectId);
      if (!place) return [];
      return [
        {
          id: lot.id,
          projectId: lot.projectId,
          projectName: place.name,
          typeId: lot.typeId,
          quantity: lot.quantity,
          condition: lot.condition,
          month: (lot.direction === "available" ? lot.availableFrom : lot.neededBy)!,
          location: place.point,
        },
      ];
    });
  }

  const maxHaulKmOf = (c: Context): number | undefined | Response => {
    const text = c.req.query("maxHaulKm");
    if (text === undefined) return undefined;
    const km = Number(text);
    if (text.trim() !== "" && Number.isFinite(km) && km > 0) return km;
    return invalidQuery(c, [fieldError("maxHaulKm", message("validation.maxHaulKm"))]);
  };

  routes.get("/outdoor-lots/:id/suggestions", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const maxHaulKm = maxHaulKmOf(c);
    if (maxHaulKm instanceof Response) return maxHaulKm;
    const stored = await getOutdoorLot(db, c.req.param("id"));
    if (!stored) return notFound(c, "outdoor_lot", c.req.param("id"));
    if (stored.direction !== "available") {
      return fail(c, 400, "invalid_input", message("error.suggestionsForAvailable"));
    }
    const context = await loadContext(db);
    const [available] = matchLots([stored], context);
    const wanted = matchLots(await listOutdoorLots(db, { direction: "wanted" }), context);
    const answer: OutdoorSuggestionsResponse = {
      lot: describeLots([stored], context)[0]!,
      suggestions: available ? suggestReceivers(available, wanted, context.typeById, maxHaulKm ? { maxHaulKm } : {}) : [],
    };
    return respond(c, contracts.outdoorSuggestions, answer);
  });

  routes.get("/outdoor-materials/matches", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const maxHaulKm = maxHaulKmOf(c);
    if (maxHaulKm instanceof Response) return maxHaulKm;
    const context = await loadContext(db);
    const lots = await listOutdoorLots(db);
    const available = matchLots(lots.filter((lot) => lot.direction === "available"), context);
    const wanted = matchLots(lots.filter((lot) => lot.direction === "wanted"), context);
    return respond(c, contracts.outdoorMatches, matchOutdoorLots(available, wanted, context.typeById, maxHaulKm ? { maxHaulKm } : {}));
  });

  return routes;
}
