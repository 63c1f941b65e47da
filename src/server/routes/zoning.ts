import { Hono } from "hono";
import type { Database } from "../db/database";
import { authorise, type AppEnv } from "../http";
import { listZoning } from "../repositories/zoning";
import { bboxQuery } from "./query";

/** Read route for the map's zoning layer. */
export function zoningRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.get("/zoning", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const bbox = bboxQuery(c);
    if (!bbox.ok) return bbox.response;
    return c.json({ items: await listZoning(db, { bbox: bbox.bbox }) });
  });

  return routes;
}
