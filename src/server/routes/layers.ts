import { Hono } from "hono";
import type { Database } from "../db/database";
import { authorise, type AppEnv } from "../http";
import { listSites } from "../repositories/sites";
import { listZoning } from "../repositories/zoning";
import { bboxQuery } from "./query";

/** Read routes for the map's site and zoning layers. */
export function layerRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.get("/sites", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const bbox = bboxQuery(c);
    if (!bbox.ok) return bbox.response;
    return c.json({ items: await listSites(db, { bbox: bbox.bbox }) });
  });

  routes.get("/zoning", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const bbox = bboxQuery(c);
    if (!bbox.ok) return bbox.response;
    return c.json({ items: await listZoning(db, { bbox: bbox.bbox }) });
  });

  return routes;
}
