import { Hono, type Context } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { projectWriters } from "../../core/domain/accounts";
import { fieldError } from "../../core/domain/api-error";
import { message } from "../../core/messages/message";
import { lotInputSchema, type Lot, type LotInput, type Project } from "../../core/domain/records";
import {
  largeLotProblem,
  lotUpdateSchema,
  projectCreateSchema,
  projectQuerySchema,
  projectUpdateSchema,
  summariseProject,
} from "../../core/domain/registry-api";
import { toTonnes } from "../../core/domain/materials";
import { parseBbox } from "../../core/geo/geometry";
import type { SessionUser } from "../auth/sessions";
import type { Database } from "../db/database";
import type { SentOf } from "../../core/api/routes";
import { authorise, fail, invalidInput, readBody, readQuery, respond, type AppEnv } from "../http";
import { noRegistryCache, sendCachedJson, type RegistryCache } from "../registry-cache";
import { writeAudit } from "../repositories/audit";
import { getMaterialTable, type MaterialTable } from "../repositories/materials";
import {
  getLot,
  getProject,
  insertLot,
  insertProject,
  listLots,
  listProjectPage,
  setLotDeleted,
  setProjectDeleted,
  setProjectMembers,
  updateLot,
  updateProject,
  type ProjectFilter,
} from "../repositories/projects";
import { maxLotTonnes } from "../../core/domain/input-bounds";
import { inTransaction, notFound, Refusal, softDeleteRoutes, versionConflict, writableProject } from "./write-helpers";


/**
 * A quantity above `largeLotTonnes` must be confirmed (a typo guard, `largeLotProblem`); above
 * `maxLotTonnes` it is refused even when confirmed (a bound, issue 12: such a lot would break every
 * run it is in).
 */
function largeLotRefusal(c: Context, lot: LotInput, table: MaterialTable): Response | undefined {
  const tonnes = toTonnes(lot.quantity.value, lot.quantity.unit, lot.material, table);
  if (!(tonnes <= maxLotTonnes)) {
    const problem = message("validation.lotTooLarge", { tonnes, limit: maxLotTonnes });
    return fail(c, 400, "quantity_too_large", message("error.quantityTooLarge", { path: "quantity.value", problem }), [fieldError("quantity.value", problem)]);
  }
  const problem = largeLotProblem(tonnes, lot.confirmLarge);
  if (!problem) return undefined;
  return fail(c, 400, "confirm_large_quantity", message("error.confirmLarge", { path: "quantity.value", problem }), [fieldError("quantity.value", problem)]);
}

export function projectRoutes(db: Database, cache: RegistryCache = noRegistryCache) {
  const routes = new Hono<AppEnv>();

  /**
   * The list and the map's data: one query, answered with whole projects or with their summaries.
   * The answer depends only on the query (the role only decides whether it may be asked), so it is
   * kept per view and query while the registry is unchanged (registry-cache.ts).
   */
  const list = (view: "projects" | "summaries") => async (c: Context<AppEnv>) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const query = readQuery(c, projectQuerySchema);
    if (!query.ok) return query.response;
    const { bbox: bboxText, includeDeleted, limit, offset, ...rest } = query.value;
    const filter: ProjectFilter = { ...rest, includeDeleted: includeDeleted === "true" };
    if (filter.includeDeleted && auth.user.role !== "admin") {
      return fail(c, 403, "forbidden", message("error.adminListsDeleted", { entity: "project" }));
    }
    if (bboxText !== undefined) {
      const bbox = parseBbox(bboxText);
      if (!bbox.ok) return fail(c, 400, "invalid_query", message("error.queryProblem", { parameter: "bbox", problem: bbox.problem }), [fieldError("bbox", bbox.problem)]);
      filter.bbox = bbox.bbox;
    }
    const key = JSON.stringify([view, ...Object.entries(query.value).sort(([a], [b]) => a.localeCompare(b))]);
    const answer = await cache.answer(key, async () => {
      const page = await listProjectPage(db, await getMaterialTable(db), filter, { limit, offset });
      const paging = limit === undefined ? {} : { limit, offset: offset ?? 0 };
      if (view === "projects") return JSON.stringify({ ...page, ...paging } satisfies SentOf<typeof contracts.projects>);
      return JSON.stringify({ ...page, items: page.items.map(summariseProject), ...paging } satisfies SentOf<typeof contracts.mapProjects>);
    });
    return sendCachedJson(c, answer);
  };
  routes.get("/projects", list("projects"));
  routes.get("/map/projects", list("summaries"));

  routes.get("/projects/:id", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const project = await getProject(db, await getMaterialTable(db), c.req.param("id"), {
      includeDeleted: auth.user.role === "admin",
    });
    return project ? respond(c, contracts.project, project) : notFound(c, "project", c.req.param("id"));
  });

  routes.post("/projects", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, projectCreateSchema);
    if (!body.ok) return body.response;
    const { members = [], ...input } = body.value;
    const result = await inTransaction(db, async (tx) => {
      // The creator owns the project; for an engineer that is what lets them edit it later.
      const id = await insertProject(tx, input, { ownerId: auth.user.id, actor: auth.user.username });
      const unknown = await setProjectMembers(tx, id, members);
      if (unknown.length) throw new Refusal(unknownMembers(c, unknown));
      const created = (await getProject(tx, await getMaterialTable(tx), id))!;
      await writeAudit(tx, { entity: "project", entityId: id, projectId: id, action: "create", actor: auth.user.username, before: null, after: created });
      return created;
    });
    return result instanceof Response ? result : respond(c, contracts.createProject, result);
  });

  routes.put("/projects/:id", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, projectUpdateSchema);
    if (!body.ok) return body.response;
    const { version, members, ...input } = body.value;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const table = await getMaterialTable(tx);
      const before = await writableProject(c, tx, auth.user, id, table);
      if (members && !sameMembers(members, before.members) && !mayChangeMembers(auth.user, before)) {
        throw new Refusal(fail(c, 403, "forbidden", message("error.forbiddenMembers")));
      }
      const outcome = await updateProject(tx, id, input, version, auth.user.username);
      if (outcome === "stale") throw new Refusal(versionConflict(c, "project", before));
      if (members) {
        const unknown = await setProjectMembers(tx, id, members);
        if (unknown.length) throw new Refusal(unknownMembers(c, unknown));
      }
      const after = (await getProject(tx, table, id))!;
      await writeAudit(tx, { entity: "project", entityId: id, projectId: id, action: "update", actor: auth.user.username, before: withoutLots(before), after: withoutLots(after) });
      return after;
    });
    return result instanceof Response ? result : respond(c, contracts.updateProject, result);
  });

  softDeleteRoutes<Project>(routes, db, {
    entity: "project",
    path: "/projects/:id",
    deleters: projectWriters,
    get: async (tx, id, options) => getProject(tx, await getMaterialTable(tx), id, options),
    setDeleted: setProjectDeleted,
    projectOf: (project) => project.id,
    mayDelete: async (c, tx, user, project) => void (await writableProject(c, tx, user, project.id)),
    audited: withoutLots,
    restored: contracts.restoreProject,
  });

  routes.get("/projects/:id/lots", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const table = await getMaterialTable(db);
    const project = await getProject(db, table, c.req.param("id"));
    if (!project) return notFound(c, "project", c.req.param("id"));
    return respond(c, contracts.projectLots, { items: await listLots(db, table, project.id) });
  });

  routes.post("/projects/:id/lots", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, lotInputSchema);
    if (!body.ok) return body.response;
    const projectId = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const table = await getMaterialTable(tx);
      await writableProject(c, tx, auth.user, projectId, table);
      const large = largeLotRefusal(c, body.value, table);
      if (large) throw new Refusal(large);
      const id = await insertLot(tx, projectId, body.value, { actor: auth.user.username });
      const created = (await getLot(tx, table, id))!;
      await writeAudit(tx, { entity: "lot", entityId: id, projectId, action: "create", actor: auth.user.username, before: null, after: created });
      return created;
    });
    return result instanceof Response ? result : respond(c, contracts.createLot, result);
  });

  routes.put("/lots/:id", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, lotUpdateSchema);
    if (!body.ok) return body.response;
    const { version, ...input } = body.value;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const table = await getMaterialTable(tx);
      const before = await getLot(tx, table, id);
      if (!before) throw new Refusal(notFound(c, "lot", id));
      await writableProject(c, tx, auth.user, before.projectId, table);
      const large = largeLotRefusal(c, input, table);
      if (large) throw new Refusal(large);
      const outcome = await updateLot(tx, id, input, version, auth.user.username);
      if (outcome === "stale") throw new Refusal(versionConflict(c, "lot", before));
      const after = (await getLot(tx, table, id))!;
      await writeAudit(tx, { entity: "lot", entityId: id, projectId: before.projectId, action: "update", actor: auth.user.username, before, after });
      return after;
    });
    return result instanceof Response ? result : respond(c, contracts.updateLot, result);
  });

  softDeleteRoutes<Lot>(routes, db, {
    entity: "lot",
    path: "/lots/:id",
    deleters: projectWriters,
    get: async (tx, id, options) => getLot(tx, await getMaterialTable(tx), id, options),
    setDeleted: setLotDeleted,
    projectOf: (lot) => lot.projectId,
    mayDelete: async (c, tx, user, lot) => void (await writableProject(c, tx, user, lot.projectId)),
    restored: contracts.restoreLot,
  });

  return routes;
}

function unknownMembers(c: Context, unknown: string[]): Response {
  return invalidInput(c, unknown.map((username) => fieldError("members", message("validation.notAUser", { username }))));
}

const sameMembers = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((name, i) => name === [...b].sort()[i]);

const mayChangeMembers = (user: SessionUser, project: Project) =>
  user.role === "admin" || user.role === "planner" || project.owner === user.username;

/** Project audit rows hold the project's own fields; its lots have audit rows of their own. */
const withoutLots = ({ lots: _lots, ...project }: Project) => project;
