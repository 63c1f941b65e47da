import { Hono, type Context } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { mayWriteProject, projectWriters, restorers } from "../../core/domain/accounts";
import { fieldError, type ApiFieldError } from "../../core/domain/api-error";
import type { Lot, Project, Site } from "../../core/domain/records";
import { csvRowError, type CsvRowError } from "../../core/domain/registry-api";
import { deviationQuery, loadFlowQuery } from "../../core/loads/api";
import { custodyOf, planAgainstActual, siteStock } from "../../core/loads/custody";
import { findDeviations, type PlannedFlow } from "../../core/loads/deviations";
import { loadFlows } from "../../core/loads/flows";
import { loadInputSchema, loadQuerySchema, loadTimeProblem, loadTonnes, loadTonnesProblem, loadUpdateSchema, type Load, type LoadInput } from "../../core/loads/load";
import { loadCsvColumns, readLoadRow, type LoadCsvRow, type LoadImportReport } from "../../core/loads/load-csv";
import { englishText, message, type Message } from "../../core/messages/message";
import { mapHeaders } from "../../core/registry/lot-csv";
import { readCsv } from "../../io/csv/csv-table";
import type { SessionUser } from "../auth/sessions";
import type { Database, Queryable } from "../db/database";
import { authorise, fail, invalidInput, readBody, readQuery, respond, type AppEnv } from "../http";
import { writeAudit } from "../repositories/audit";
import { getLoad, insertLoads, listLoads, loadWithTicket, lotMaterials, removeImport, setLoadDeleted, ticketsAt, updateLoad, type LoadRecord } from "../repositories/loads";
import { getMaterialTable, type MaterialTable } from "../repositories/materials";
import { getLot, getProject, listProjects } from "../repositories/projects";
import { getSite, listSites } from "../repositories/sites";
import { inTransaction, notFound, notFoundDeleted, Refusal, versionConflict } from "./write-helpers";

/** Rows written per transaction by a CSV import, so other requests get the database in between. */
export const loadImportBatchRows = 100;

/** Lots and their projects, for checking who may record a load and its bounds. */
interface Places {
  lots: Map<string, Lot>;
  projects: Map<string, Project>;
  sites: Map<string, Site>;
}

/** Only the lots, projects and sites one load names (a phone's POST must not read the whole registry). */
async function placesOf(db: Queryable, table: MaterialTable, load: Pick<LoadInput, "from" | "to">): Promise<Places> {
  const places: Places = { lots: new Map(), projects: new Map(), sites: new Map() };
  for (const end of [load.from, load.to]) {
    if ("lotId" in end) {
      const lot = await getLot(db, table, end.lotId);
      if (!lot) continue;
      places.lots.set(lot.id, lot);
      if (!places.projects.has(lot.projectId)) {
        const project = await getProject(db, table, lot.projectId);
        if (project) places.projects.set(project.id, project);
      }
    } else {
      const site = await getSite(db, end.siteId);
      if (site) places.sites.set(site.id, site);
    }
  }
  return places;
}

async function loadPlaces(db: Queryable, table: MaterialTable): Promise<Places> {
  const projects = await listProjects(db, table);
  const lots = new Map<string, Lot>();
  for (const project of projects) for (const lot of project.lots) lots.set(lot.id, lot);
  return { lots, projects: new Map(projects.map((p) => [p.id, p])), sites: new Map((await listSites(db)).map((s) => [s.id, s])) };
}

/**
 * Checks a load against the registry: its ends exist, the user may record it (an engineer needs a
 * lot of a project they write at one end), its time is within a year of each lot's window, and its
 * weight (m³ converted with a lot's material) is plausible. Answers the record to store, or the
 * field problems (`status` 403 when the user may not record it at all).
 */
function checkLoad(
  input: LoadInput,
  user: SessionUser,
  places: Places,
  table: MaterialTable,
): { ok: true; record: LoadRecord; projectId: string | null } | { ok: false; status: 400; fields: ApiFieldError[] } | { ok: false; status: 403; problem: Message } {
  const fields: ApiFieldError[] = [];
  const ends: Lot[] = [];
  for (const side of ["from", "to"] as const) {
    const end = input[side];
    if ("lotId" in end) {
      const lot = places.lots.get(end.lotId);
      if (!lot) fields.push(fieldError(`${side}.lotId`, message("validation.loadUnknownLot", { id: end.lotId })));
      else ends.push(lot);
    } else if (!places.sites.has(end.siteId)) {
      fields.push(fieldError(`${side}.siteId`, message("validation.loadUnknownSite", { site: end.siteId })));
    }
  }
  if (fields.length > 0) return { ok: false, status: 400, fields };
  const me = { username: user.username, role: user.role };
  const writable = ends.filter((lot) => {
    const project = places.projects.get(lot.projectId);
    return project !== undefined && mayWriteProject(me, project);
  });
  if (user.role !== "admin" && user.role !== "planner" && writable.length === 0) {
    const lot = ends[0];
    return lot
      ? { ok: false, status: 403, problem: message("validation.loadNotYourLot", { id: lot.id }) }
      : { ok: false, status: 403, problem: message("error.forbiddenRole", { role: user.role, allowed: ["admin", "planner"] }) };
  }
  for (const lot of ends) {
    const problem = loadTimeProblem(input.time, lot.window);
    if (problem) fields.push(fieldError("time", problem));
  }
  const material = ends[0]?.material;
  const tonnes = loadTonnes(input.quantity, material, table);
  if (!tonnes.ok) fields.push(fieldError("quantity.unit", tonnes.problem));
  else {
    const heavy = loadTonnesProblem(tonnes.tonnes);
    if (heavy) fields.push(fieldError("quantity.value", heavy));
  }
  if (fields.length > 0 || !tonnes.ok) return { ok: false, status: 400, fields };
  return { ok: true, record: { ...input, tonnes: tonnes.tonnes }, projectId: (writable[0] ?? ends[0])?.projectId ?? null };
}

/** The latest succeeded matching run's flows of a scenario (default: the scenario run last). */
async function planFlows(db: Queryable, scenarioId: string | undefined): Promise<{ scenarioId: string | null; flows: PlannedFlow[] | undefined }> {
  const rows = await db.query<{ scenario_id: string; result: { flows?: PlannedFlow[] } }>(
    `select scenario_id, result from scenario_runs where kind = 'matching' and status = 'succeeded' ${scenarioId ? "and scenario_id = $1" : ""}
     and scenario_id in (select id from scenarios where deleted_at is null)
     order by started_at desc, id desc limit 1`,
    scenarioId ? [scenarioId] : [],
  );
  const row = rows[0];
  return row ? { scenarioId: row.scenario_id, flows: row.result.flows ?? [] } : { scenarioId: null, flows: undefined };
}

/** The answer to a load the checks refused. */
const refuse = (c: Context, refusal: { status: 400; fields: ApiFieldError[] } | { status: 403; problem: Message }) =>
  refusal.status === 403 ? fail(c, 403, "forbidden", refusal.problem) : invalidInput(c, refusal.fields);

const ticketTaken = (c: Context, load: Load) => c.json({ ...apiErrorOf(message("error.ticketTaken", { ticket: load.ticket })), current: load }, 409);
const apiErrorOf = (m: Message) => ({ error: { code: "ticket_taken", message: englishText(m), key: m.key, params: m.params, fields: [] } });

/** Whether a database error is the unique index on tickets (two requests at once). */
const isTicketClash = (error: unknown) => String((error as { message?: string })?.message ?? error).includes("loads_ticket_per_receiver");

/** Delivered loads (issue 16): recorded on a phone or imported from a weighbridge CSV. */
export function loadRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.get("/loads", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const query = readQuery(c, loadQuerySchema);
    if (!query.ok) return query.response;
    return respond(c, contracts.loads, { items: await listLoads(db, query.value) });
  });

  // Before /loads/:id, which would otherwise take "flows" for an id.
  routes.get("/loads/flows", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const query = readQuery(c, loadFlowQuery);
    if (!query.ok) return query.response;
    const loads = await listLoads(db, query.value);
    const lotIds = new Set(loads.flatMap((l) => [l.from, l.to]).flatMap((end) => ("lotId" in end ? [end.lotId] : [])));
    const materials = await lotMaterials(db, [...lotIds]);
    return respond(c, contracts.loadFlows, { items: loadFlows(loads, (id) => materials.get(id)) });
  });

  routes.get("/loads/:id", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const load = await getLoad(db, c.req.param("id"));
    return load ? respond(c, contracts.load, load) : notFound(c, "load", c.req.param("id"));
  });

  routes.post("/loads", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, loadInputSchema);
    if (!body.ok) return body.response;
    const table = await getMaterialTable(db);
    const checked = checkLoad(body.value, auth.user, await placesOf(db, table, body.value), table);
    if (!checked.ok) return refuse(c, checked);
    try {
      const result = await inTransaction(db, async (tx) => {
        const clash = await loadWithTicket(tx, checked.record.to, checked.record.ticket);
        if (clash) throw new Refusal(ticketTaken(c, clash));
        const [id] = await insertLoads(tx, [checked.record], auth.user.username);
        const created = (await getLoad(tx, id!))!;
        await writeAudit(tx, { entity: "load", entityId: id!, projectId: checked.projectId, action: "create", actor: auth.user.username, before: null, after: created });
        return created;
      });
      return result instanceof Response ? result : respond(c, contracts.createLoad, result);
    } catch (error) {
      if (!isTicketClash(error)) throw error;
      const clash = await loadWithTicket(db, checked.record.to, checked.record.ticket);
      return clash ? ticketTaken(c, clash) : fail(c, 409, "ticket_taken", message("error.ticketTaken", { ticket: checked.record.ticket }));
    }
  });

  routes.put("/loads/:id", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, loadUpdateSchema);
    if (!body.ok) return body.response;
    const { version, ...input } = body.value;
    const id = c.req.param("id");
    const table = await getMaterialTable(db);
    const before = await getLoad(db, id);
    if (!before) return notFound(c, "load", id);
    const places = await placesOf(db, table, input);
    // The user must be allowed to record the load as it was and as it will be.
    const was = checkLoad(before, auth.user, await placesOf(db, table, before), table);
    if (!was.ok && was.status === 403) return refuse(c, was);
    const checked = checkLoad(input, auth.user, places, table);
    if (!checked.ok) return refuse(c, checked);
    try {
      const result = await inTransaction(db, async (tx) => {
        const current = await getLoad(tx, id);
        if (!current) throw new Refusal(notFound(c, "load", id));
        if (current.version !== version) throw new Refusal(versionConflict(c, "load", current));
        const clash = await loadWithTicket(tx, checked.record.to, checked.record.ticket, id);
        if (clash) throw new Refusal(ticketTaken(c, clash));
        const outcome = await updateLoad(tx, id, checked.record, version, auth.user.username);
        if (outcome === "stale") throw new Refusal(versionConflict(c, "load", (await getLoad(tx, id))!));
        const after = (await getLoad(tx, id))!;
        await writeAudit(tx, { entity: "load", entityId: id, projectId: checked.projectId, action: "update", actor: auth.user.username, before: current, after });
        return after;
      });
      return result instanceof Response ? result : respond(c, contracts.updateLoad, result);
    } catch (error) {
      if (!isTicketClash(error)) throw error;
      return fail(c, 409, "ticket_taken", message("error.ticketTaken", { ticket: checked.record.ticket }));
    }
  });

  routes.delete("/loads/:id", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id");
    const table = await getMaterialTable(db);
    const before = await getLoad(db, id);
    if (!before) return notFound(c, "load", id);
    const checked = checkLoad(before, auth.user, await placesOf(db, table, before), table);
    if (!checked.ok && checked.status === 403) return refuse(c, checked);
    await db.transaction(async (tx) => {
      await setLoadDeleted(tx, id, true, auth.user.username);
      const after = await getLoad(tx, id, { includeDeleted: true });
      await writeAudit(tx, { entity: "load", entityId: id, projectId: checked.ok ? checked.projectId : null, action: "delete", actor: auth.user.username, before, after });
    });
    return c.body(null, 204);
  });

  routes.post("/loads/:id/restore", async (c) => {
    const auth = authorise(c, restorers);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const before = await getLoad(tx, id, { includeDeleted: true });
      if (!before?.deletedAt) throw new Refusal(notFoundDeleted(c, "load", id));
      const clash = await loadWithTicket(tx, before.to, before.ticket, id);
      if (clash) throw new Refusal(ticketTaken(c, clash));
      await setLoadDeleted(tx, id, false, auth.user.username);
      const after = (await getLoad(tx, id))!;
      await writeAudit(tx, { entity: "load", entityId: id, action: "restore", actor: auth.user.username, before, after });
      return after;
    });
    return result instanceof Response ? result : respond(c, contracts.restoreLoad, result);
  });

  routes.post("/loads/import", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const dryRun = c.req.query("dryRun") === "true";
    const text = await c.req.text();
    if (text.trim() === "") return fail(c, 400, "invalid_csv", message("error.csvEmpty"));
    const table = await getMaterialTable(db);
    const places = await loadPlaces(db, table);
    const sitesByName = new Map<string, Site[]>();
    for (const site of places.sites.values()) sitesByName.set(site.name, [...(sitesByName.get(site.name) ?? []), site]);

    const csv = readCsv(text);
    const headers = mapHeaders(csv.headers, loadCsvColumns);
    const errors: CsvRowError[] = [...headers.errors, ...csv.problems.map((p) => csvRowError(p.row, "", message("csv.unreadable", { detail: p.message })))];
    const rows: LoadCsvRow[] = [];
    if (headers.errors.length === 0) {
      csv.rows.forEach((cells, index) => {
        const values: Record<string, string> = {};
        headers.columns.forEach((column, i) => {
          if (column) values[column] = cells[i] ?? "";
        });
        const read = readLoadRow(index + 2, values);
        if (read.ok) rows.push(read.value);
        else errors.push(...read.errors);
      });
    }
    const records: { row: number; record: LoadRecord; projectId: string | null }[] = [];
    const firstTicketRow = new Map<string, number>();
    for (const [index, row] of rows.entries()) {
      // Checking thousands of rows is work of its own: let other requests in now and then.
      if (index % loadImportBatchRows === loadImportBatchRows - 1) await yieldToOthers();
      const resolved: Partial<Pick<LoadInput, "from" | "to">> = {};
      for (const side of ["from", "to"] as const) {
        const end = row[side];
        if ("lotId" in end) {
          resolved[side] = end;
          continue;
        }
        const site = places.sites.get(end.site);
        const named = sitesByName.get(end.site) ?? [];
        if (site) resolved[side] = { siteId: site.id };
        else if (named.length === 1) resolved[side] = { siteId: named[0]!.id };
        else errors.push(csvRowError(row.row, `${side}_site`, named.length > 1 ? message("validation.loadAmbiguousSite", { site: end.site, count: named.length }) : message("validation.loadUnknownSite", { site: end.site })));
      }
      if (!resolved.from || !resolved.to) continue;
      const input: LoadInput = { time: row.time, from: resolved.from, to: resolved.to, quantity: row.quantity, vehicle: row.vehicle, ticket: row.ticket };
      const checked = checkLoad(input, auth.user, places, table);
      if (!checked.ok && checked.status === 403) {
        errors.push(csvRowError(row.row, "from" in row && "lotId" in row.from ? "from_lot" : "to_lot", checked.problem));
        continue;
      }
      if (!checked.ok) {
        for (const field of checked.fields) errors.push({ row: row.row, column: columnOf(field.path, input), message: field.message, key: field.key, params: field.params });
        continue;
      }
      if (input.ticket) {
        const key = `${"lotId" in input.to ? input.to.lotId : input.to.siteId}|${input.ticket}`;
        const first = firstTicketRow.get(key);
        if (first !== undefined) {
          errors.push(csvRowError(row.row, "ticket", message("csv.ticketTwice", { ticket: input.ticket, first })));
          continue;
        }
        firstTicketRow.set(key, row.row);
      }
      records.push({ row: row.row, record: checked.record, projectId: checked.projectId });
    }
    const taken = await ticketsAt(db, [...new Set(records.map((r) => ("lotId" in r.record.to ? r.record.to.lotId : r.record.to.siteId)))]);
    for (const { row, record } of records) {
      const key = `${"lotId" in record.to ? record.to.lotId : record.to.siteId}|${record.ticket}`;
      if (record.ticket && taken.has(key)) errors.push(csvRowError(row, "ticket", message("error.ticketTaken", { ticket: record.ticket })));
    }
    const report: LoadImportReport = {
      valid: errors.length === 0,
      dryRun,
      rows: csv.rows.length,
      errors: errors.sort((a, b) => a.row - b.row),
      preview: records.map(({ row, record }) => ({ row, time: record.time, from: record.from, to: record.to, tonnes: record.tonnes, vehicle: record.vehicle, ticket: record.ticket })),
      created: 0,
    };
    if (dryRun) return respond(c, contracts.importLoads, report, 200);
    if (!report.valid) return respond(c, contracts.importLoads, report, 400);

    // Batches of loadImportBatchRows, each its own transaction, so thousands of rows never hold the
    // (embedded, single-session) database for long; the rows share an import id, and a failure in
    // any batch removes the batches already written, so the import is still all or nothing.
    const importId = crypto.randomUUID();
    try {
      for (let start = 0; start < records.length; start += loadImportBatchRows) {
        const batch = records.slice(start, start + loadImportBatchRows);
        await db.transaction(async (tx) => {
          const ids = await insertLoads(tx, batch.map((b) => b.record), auth.user.username, importId);
          await auditBatch(tx, ids, batch, auth.user.username);
        });
        report.created += batch.length;
        await yieldToOthers();
      }
    } catch (error) {
      await removeImport(db, importId);
      if (isTicketClash(error)) return fail(c, 409, "ticket_taken", message("error.ticketTaken", { ticket: "?" }));
      throw error;
    }
    return respond(c, contracts.importLoads, report, 201);
  });

  routes.get("/lots/:id/custody", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const lot = await getLot(db, await getMaterialTable(db), c.req.param("id"));
    if (!lot) return notFound(c, "lot", c.req.param("id"));
    return respond(c, contracts.lotCustody, custodyOf(lot, await listLoads(db, { lotId: lot.id })));
  });

  routes.get("/sites/:id/stock", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const site = await getSite(db, c.req.param("id"));
    if (!site) return notFound(c, "site", c.req.param("id"));
    return respond(c, contracts.siteStock, siteStock(site, await listLoads(db, { siteId: site.id })));
  });

  routes.get("/deviations", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const query = readQuery(c, deviationQuery);
    if (!query.ok) return query.response;
    const table = await getMaterialTable(db);
    const places = await loadPlaces(db, table);
    const plan = await planFlows(db, query.value.scenarioId);
    const items = findDeviations({ loads: await listLoads(db, { projectId: query.value.projectId, siteId: query.value.siteId }), lots: places.lots, sites: places.sites, plan: plan.flows });
    return respond(c, contracts.deviations, { items });
  });

  routes.get("/deliveries", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const query = readQuery(c, deviationQuery);
    if (!query.ok) return query.response;
    const table = await getMaterialTable(db);
    const places = await loadPlaces(db, table);
    const plan = await planFlows(db, query.value.scenarioId);
    const loads = await listLoads(db, { projectId: query.value.projectId, siteId: query.value.siteId });
    // For one project, the plan's flows out of or into its lots (a site's row is then what this project sends it).
    const ofProject = (id: string) => places.lots.get(id)?.projectId === query.value.projectId;
    const flows = (plan.flows ?? []).filter((f) => !query.value.projectId || ofProject(f.from) || ofProject(f.to));
    let rows = planAgainstActual(flows, loads, new Set(places.lots.keys()));
    if (query.value.projectId) rows = rows.filter((r) => places.lots.get(r.place)?.projectId === query.value.projectId || places.sites.has(r.place));
    if (query.value.siteId) rows = rows.filter((r) => r.place === query.value.siteId);
    return respond(c, contracts.deliveries, { scenarioId: plan.scenarioId, rows });
  });

  return routes;
}

/** Lets the event loop serve other requests before going on. */
const yieldToOthers = () => new Promise((resolve) => setImmediate(resolve));

/** The CSV column a field problem of a load belongs to. */
function columnOf(path: string, input: LoadInput): string {
  const [head] = path.split(".");
  if (head === "from" || head === "to") return `${head}_${"lotId" in input[head] ? "lot" : "site"}`;
  if (head === "quantity") return input.quantity.unit;
  return head ?? "";
}

/** One audit row per imported load, in one statement. */
async function auditBatch(tx: Queryable, ids: readonly string[], batch: readonly { record: LoadRecord; projectId: string | null }[], actor: string): Promise<void> {
  const params: unknown[] = [];
  const tuples = ids.map((id, i) => {
    const { record, projectId } = batch[i]!;
    params.push(id, projectId, actor, JSON.stringify({ id, ...record, recordedBy: actor }));
    const n = params.length;
    return `('load', $${n - 3}, $${n - 2}, 'create', $${n - 1}, null, $${n}::jsonb)`;
  });
  await tx.query(`insert into audit_log (entity, entity_id, project_id, action, actor, before, after) values ${tuples.join(", ")}`, params);
}
