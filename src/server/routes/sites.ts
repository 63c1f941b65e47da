import { Hono } from "hono";
import { planningWriters } from "../../core/domain/accounts";
import { siteInputSchema } from "../../core/domain/records";
import { z } from "zod";
import type { Database } from "../db/database";
import { authorise, fail, readBody, type AppEnv } from "../http";
import { writeAudit } from "../repositories/audit";
import { getSite, insertSite, listSites, setSiteDeleted, updateSite } from "../repositories/sites";
import { bboxQuery } from "./query";
import { inTransaction, Refusal, versionConflict } from "./write-helpers";

const siteUpdateSchema = siteInputSchema.safeExtend({ version: z.number().int().positive("must be a positive whole number") });

/** Storage, landfill and quarry sites: read for all signed in, written by planners and admins. */
export function siteRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.get("/sites", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const bbox = bboxQuery(c);
    if (!bbox.ok) return bbox.response;
    const includeDeleted = c.req.query("includeDeleted") === "true";
    if (includeDeleted && auth.user.role !== "admin") return fail(c, 403, "forbidden", "Only an admin may list deleted sites.");
    return c.json({ items: await listSites(db, { bbox: bbox.bbox, includeDeleted }) });
  });

  routes.get("/sites/:id", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const site = await getSite(db, c.req.param("id"), { includeDeleted: auth.user.role === "admin" });
    return site ? c.json(site) : fail(c, 404, "not_found", `No site with id ${c.req.param("id")}.`);
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
    return c.json(site, 201);
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
      if (!before) throw new Refusal(fail(c, 404, "not_found", `No site with id ${id}.`));
      const outcome = await updateSite(tx, id, input, version, auth.user.username);
      if (outcome === "stale") throw new Refusal(versionConflict(c, "site", before));
      const after = (await getSite(tx, id))!;
      await writeAudit(tx, { entity: "site", entityId: id, action: "update", actor: auth.user.username, before, after });
      return after;
    });
    return result instanceof Response ? result : c.json(result);
  });

  routes.delete("/sites/:id", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const before = await getSite(tx, id);
      if (!before) throw new Refusal(fail(c, 404, "not_found", `No site with id ${id}.`));
      await setSiteDeleted(tx, id, true, auth.user.username);
      const after = await getSite(tx, id, { includeDeleted: true });
      await writeAudit(tx, { entity: "site", entityId: id, action: "delete", actor: auth.user.username, before, after });
      return null;
    });
    return result instanceof Response ? result : c.body(null, 204);
  });

  routes.post("/sites/:id/restore", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const before = await getSite(tx, id, { includeDeleted: true });
      if (!before?.deletedAt) throw new Refusal(fail(c, 404, "not_found", `No deleted site with id ${id}.`));
      await setSiteDeleted(tx, id, false, auth.user.username);
      const after = (await getSite(tx, id))!;
      await writeAudit(tx, { entity: "site", entityId: id, action: "restore", actor: auth.user.username, before, after });
      return after;
    });
    return result instanceof Response ? result : c.json(result);
  });

  return routes;
}
