import { Hono } from "hono";
import { routes as contracts } from "../../../core/api/routes";
import { projectWriters } from "../../../core/domain/accounts";
import { outdoorLotInputSchema, outdoorLotUpdateSchema, type OutdoorLot } from "../../../core/outdoor/api";
import type { Database } from "../../db/database";
import { authorise, readBody, respond, type AppEnv } from "../../http";
import { writeAudit } from "../../repositories/audit";
import { getMaterialTable } from "../../repositories/materials";
import { insertOutdoorLot, listOutdoorLots, setOutdoorLotDeleted, updateOutdoorLot } from "../../repositories/outdoor-lots";
import { getProject } from "../../repositories/projects";
import { inTransaction, notFound, Refusal, versionConflict, softDeleteRoutes, writableProject } from "../write-helpers";
import { describedLot, describeLots, loadContext, lotProblems, problemsResponse, queriedLots } from "./context";

/** Outdoor lots (issue #8): list, read, create, change, delete and restore. */
export function outdoorLotRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

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
      const context = await loadContext(tx);
      const problems = lotProblems(body.value, context);
      if (problems.length) throw new Refusal(problemsResponse(c, problems));
      const id = await insertOutdoorLot(tx, projectId, body.value, { actor: auth.user.username });
      const created = (await describedLot(tx, id, { context }))!;
      await writeAudit(tx, { entity: "outdoor_lot", entityId: id, projectId, action: "create", actor: auth.user.username, before: null, after: created });
      return created;
    });
    return result instanceof Response ? result : respond(c, contracts.createOutdoorLot, result);
  });

  routes.get("/outdoor-lots", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const result = await queriedLots(db, c, auth.user);
    return result.ok ? respond(c, contracts.outdoorLots, { items: result.lots }) : result.response;
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
      // The rules' context is read once for the lot before, the checks and the lot after (issue 15 item 3).
      const context = await loadContext(tx);
      const before = await describedLot(tx, id, { context });
      if (!before) throw new Refusal(notFound(c, "outdoor_lot", id));
      await writableProject(c, tx, auth.user, before.projectId);
      const problems = lotProblems(input, context);
      if (problems.length) throw new Refusal(problemsResponse(c, problems));
      const outcome = await updateOutdoorLot(tx, id, input, version, auth.user.username);
      if (outcome === "stale") throw new Refusal(versionConflict(c, "outdoor_lot", before));
      const after = (await describedLot(tx, id, { context }))!;
      await writeAudit(tx, { entity: "outdoor_lot", entityId: id, projectId: before.projectId, action: "update", actor: auth.user.username, before, after });
      return after;
    });
    return result instanceof Response ? result : respond(c, contracts.updateOutdoorLot, result);
  });

  softDeleteRoutes<OutdoorLot>(routes, db, {
    entity: "outdoor_lot",
    path: "/outdoor-lots/:id",
    deleters: projectWriters,
    get: (tx, id, options) => describedLot(tx, id, options),
    setDeleted: setOutdoorLotDeleted,
    projectOf: (lot) => lot.projectId,
    mayDelete: async (c, tx, user, lot) => void (await writableProject(c, tx, user, lot.projectId)),
    restored: contracts.restoreOutdoorLot,
  });

  return routes;
}
