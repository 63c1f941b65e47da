import { Hono } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { planningWriters } from "../../core/domain/accounts";
import { siteInputSchema, siteUpdateSchema } from "../../core/domain/records";
import type { Database } from "../db/database";
import { authorise, fail, readBody, respond, type AppEnv } from "../http";
import { writeAudit } from "../repositories/audit";
import { getSite, insertSite, listSites, setSiteDeleted, updateSite } from "../repositories/sites";
import { bboxQuery } from "./query";
import { inTransaction, notFound, Refusal, softDeleteRoutes, versionConflict } from "./write-helpers";
import { message } from "../../core/messages/message";

/** Storage, landfill and quarry sites: read for all signed in, written by planners and admins. */
export function siteRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.get("/sites", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const bbox = bboxQuery(c);
    if (!bbox.ok) return bbox.response;
    const includeDeleted = c.req.query("includeDeleted") === "true";
    if (includeDeleted && auth.user.role !== "admin") return fail(c, 403, "forbidden", message("error.adminListsDeleted", { entity: "site" }));
    return respond(c, contracts.sites, { items: await listSites(db, { bbox: bbox.bbox, includeDeleted }) });
  });

  routes.get("/sites/:id", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const site = await getSite(db, c.req.param("id"), { includeDeleted: auth.user.role === "admin" });
    return site ? respond(c, contracts.site, site) : notFound(c, "site", c.req.param("id"));
  });

  routes.post("/sites", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, siteInputSchema);
    if (!body.ok) return body.response;
    const site = await db.transaction(async (tx) => {
      const id = await insertSite(tx, body.value, { actor: auth.user.username });
      const created = (await getSite(tx, id))!;
      await writeAudit(tx, { entity: "site", entityId: id, action: "create", actor: auth.user.username, before: null, after: created });
      return created;
    });
    return respond(c, contracts.createSite, site);
  });

  routes.put("/sites/:id", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, siteUpdateSchema);
    if (!body.ok) return body.response;
    const { version, ...input } = body.value;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const before = await getSite(tx, id);
      if (!before) throw new Refusal(notFound(c, "site", id));
      const outcome = await updateSite(tx, id, input, version, auth.user.username);
      if (outcome === "stale") throw new Refusal(versionConflict(c, "site", before));
      const after = (await getSite(tx, id))!;
      await writeAudit(tx, { entity: "site", entityId: id, action: "update", actor: auth.user.username, before, after });
      return after;
    });
    return result instanceof Response ? result : respond(c, contracts.updateSite, result);
  });

  softDeleteRoutes(routes, db, {
    entity: "site",
    path: "/sites/:id",
    deleters: planningWriters,
    get: getSite,
    setDeleted: setSiteDeleted,
    restored: contracts.restoreSite,
  });

  return routes;
}
