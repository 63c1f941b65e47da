import { Hono } from "hono";
import { projectWriters } from "../../core/domain/accounts";
import { projectInputSchema } from "../../core/domain/records";
import type { Database } from "../db/database";
import { authorise, fail, readBody, type AppEnv } from "../http";
import { writeAudit } from "../repositories/audit";
import { getProject, insertProject, listProjects } from "../repositories/projects";
import { bboxQuery } from "./query";

export function projectRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.get("/projects", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const bbox = bboxQuery(c);
    if (!bbox.ok) return bbox.response;
    return c.json({ items: await listProjects(db, { bbox: bbox.bbox }) });
  });

  routes.get("/projects/:id", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const project = await getProject(db, c.req.param("id"));
    return project ? c.json(project) : fail(c, 404, "not_found", `No project with id ${c.req.param("id")}.`);
  });

  routes.post("/projects", async (c) => {
    const auth = authorise(c, projectWriters);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, projectInputSchema);
    if (!body.ok) return body.response;
    const project = await db.transaction(async (tx) => {
      // An engineer owns what they create; planners' and admins' projects have them as owner too.
      const id = await insertProject(tx, body.value, { ownerId: auth.user.id });
      const created = await getProject(tx, id);
      await writeAudit(tx, {
        entity: "project",
        entityId: id,
        action: "create",
        actor: auth.user.username,
        before: null,
        after: created,
      });
      return created;
    });
    return c.json(project, 201);
  });

  return routes;
}
