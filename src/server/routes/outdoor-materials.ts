import { Hono } from "hono";
import type { Database } from "../db/database";
import type { AppEnv } from "../http";
import { outdoorLotCsvRoutes } from "./outdoor/lot-csv";
import { outdoorLotRoutes } from "./outdoor/lots";
import { outdoorPlanRoutes } from "./outdoor/plan";
import { outdoorTypeRoutes } from "./outdoor/types";

/**
 * Everything about outdoor materials (issue #8), one file per resource under routes/outdoor/: the
 * catalogue of types, lots, CSV export and import, and the plan and matches. The CSV routes come
 * before the lots', so /outdoor-lots/export.csv and /outdoor-lots/import are not taken for an id.
 */
export function outdoorMaterialRoutes(db: Database) {
  const routes = new Hono<AppEnv>();
  routes.route("/", outdoorTypeRoutes(db));
  routes.route("/", outdoorLotCsvRoutes(db));
  routes.route("/", outdoorLotRoutes(db));
  routes.route("/", outdoorPlanRoutes(db));
  return routes;
}
