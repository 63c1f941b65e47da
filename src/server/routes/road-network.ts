import { readFileSync } from "node:fs";
import { routes as contracts } from "../../core/api/routes";
import { Hono, type Context } from "hono";
import { fieldError } from "../../core/domain/api-error";
import { message } from "../../core/messages/message";
import { planningWriters } from "../../core/domain/accounts";
import { summariseRoadGraph } from "../../core/haul/road-graph-summary";
import { featuresInWgs84, parseJsonText } from "../../io/geojson-input";
import { defaultRoadNetworkPath } from "../../io/road-network/read-files";
import { roadNetworkFromGeoJson } from "../../io/road-network/road-network";
import type { Database } from "../db/database";
import type { HaulService } from "../haul-service";
import { authorise, fail, respond, type AppEnv } from "../http";
import { writeAudit } from "../repositories/audit";
import { activateNewRoadNetwork, deactivateRoadNetworks, getActiveRoadNetwork, getActiveRoadNetworkFeatures } from "../repositories/road-networks";

/**
 * The road network behind road distances (issue 5, part 7): planners import one as GeoJSON
 * (`POST /api/road-network?crs=EPSG:25832&name=…`), everyone signed in sees its summary and draws
 * it; `DELETE` goes back to the shipped Asker network.
 */
export function roadNetworkRoutes(db: Database, haul: HaulService) {
  const routes = new Hono<AppEnv>();

  routes.get("/road-network", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const active = await getActiveRoadNetwork(db);
    if (active) return respond(c, contracts.roadNetwork, { source: "imported", ...active });
    const graph = await haul.roadGraph();
    return respond(c, contracts.roadNetwork, {
      source: "shipped",
      name: "Kartverket N1000 (Asker region)",
      summary: graph ? summariseRoadGraph(graph) : null,
      warnings: [],
    });
  });

  routes.get("/road-network/features", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const imported = await getActiveRoadNetworkFeatures(db);
    c.header("Content-Type", "application/geo+json");
    return imported ? c.json(imported) : c.body(readFileSync(defaultRoadNetworkPath(), "utf8"));
  });

  routes.post("/road-network", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    const name = c.req.query("name")?.trim() || "Imported road network";
    const crs = c.req.query("crs") || undefined;
    const source = `road network "${name}"`;
    const json = parseJsonText(await c.req.text(), source);
    if (!json.ok) return invalidNetwork(c, json.problem);
    const options = { source, crsFlag: "the crs parameter", ...(crs ? { crs } : {}) };
    const features = featuresInWgs84(json.value, options);
    if (!features.ok) return invalidNetwork(c, features.problem);
    const built = roadNetworkFromGeoJson({ type: "FeatureCollection", features: features.value }, { source });
    if (!built.ok) return invalidNetwork(c, built.problem);
    const summary = summariseRoadGraph(built.value.graph);
    const warnings = [...features.warnings, ...built.value.warnings];
    const id = await db.transaction(async (tx) => {
      const networkId = await activateNewRoadNetwork(tx, { name, features: features.value, summary, warnings }, auth.user.username);
      await writeAudit(tx, { entity: "road_network", entityId: networkId, action: "create", actor: auth.user.username, before: null, after: { name, summary } });
      return networkId;
    });
    haul.networkChanged();
    return respond(c, contracts.importRoadNetwork, { id, source: "imported", name, summary, warnings });
  });

  routes.delete("/road-network", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    const before = await getActiveRoadNetwork(db);
    await db.transaction(async (tx) => {
      if ((await deactivateRoadNetworks(tx)) && before) {
        await writeAudit(tx, { entity: "road_network", entityId: before.id, action: "delete", actor: auth.user.username, before, after: null });
      }
    });
    haul.networkChanged();
    return c.body(null, 204);
  });

  return routes;
}

/** 400 `invalid_network`: the file's problem, as the reader says it. */
function invalidNetwork(c: Context, detail: string): Response {
  const problem = message("error.invalidNetwork", { detail });
  return fail(c, 400, "invalid_network", problem, [fieldError("body", problem)]);
}
