import { readFileSync } from "node:fs";
import { routes as contracts } from "../../core/api/routes";
import { Hono, type Context } from "hono";
import { apiError, fieldError } from "../../core/domain/api-error";
import { message } from "../../core/messages/message";
import { planningWriters } from "../../core/domain/accounts";
import { summariseRoadGraph } from "../../core/haul/road-graph-summary";
import { detectFileFormat } from "../../io/formats/detect-format";
import { chooseLayer, layerGeoJson, layerInfos, readVectorFile, singleLayer, type LayerInfo } from "../../io/formats/read-vector-file";
import { vectorFormats, type VectorFormat } from "../../io/formats/vector-data";
import { featuresInWgs84, parseJsonText, type ReadOutcome } from "../../io/geojson-input";
import { defaultRoadNetworkPath } from "../../io/road-network/read-files";
import { roadNetworkFromGeoJson } from "../../io/road-network/road-network";
import type { Database } from "../db/database";
import type { HaulService } from "../haul-service";
import { authorise, fail, invalidQuery, respond, type AppEnv } from "../http";
import { writeAudit } from "../repositories/audit";
import { activateNewRoadNetwork, deactivateRoadNetworks, getActiveRoadNetwork, getActiveRoadNetworkFeatures } from "../repositories/road-networks";

/**
 * The road network behind road distances (issue 5, part 7): planners import one as GeoJSON,
 * GeoPackage, zipped Shapefile, KML/KMZ or FlatGeobuf
 * (`POST /api/road-network?crs=EPSG:25832&name=…[&format=…][&layer=…][&fileName=…]`, the format
 * told from the content when not given), so Elveg 2.0 or an NVDB export can replace the coarse
 * N1000 roads; everyone signed in sees its summary and draws it; `DELETE` goes back to the
 * shipped Asker network.
 */
/**
 * The road file's one layer as GeoJSON: a GeoJSON text as before, any other vector format through
 * its reader. The file's layers come back with the outcome (a refusal too), so the dialog can offer them.
 */
async function roadNetworkGeoJson(
  bytes: Uint8Array,
  options: { source: string; format?: VectorFormat; layer?: string; fileName?: string; crs?: string },
): Promise<ReadOutcome<unknown> & { layers?: LayerInfo[] }> {
  const format = detectFileFormat(bytes, { format: options.format, fileName: options.fileName });
  if (bytes.length === 0) return { ok: false, problem: `${options.source}: the file is empty.` };
  if (format === "geojson" && options.layer === undefined) return parseJsonText(new TextDecoder("utf-8").decode(bytes), options.source);
  const read = await readVectorFile(bytes, { source: options.source, ...(options.format ? { format: options.format } : {}), ...(options.fileName ? { fileName: options.fileName } : {}) });
  if (!read.ok) return read;
  const layers = layerInfos(read.value);
  const chosen = options.layer ? chooseLayer(read.value, options.layer, options.source, "layer=") : { ok: true as const, value: read.value, warnings: [] };
  if (!chosen.ok) return { ...chosen, layers };
  const layer = singleLayer(chosen.value, options.source, "layer=");
  if (!layer.ok) return { ...layer, layers };
  const geojson = layerGeoJson(layer.value, { source: options.source, crs: options.crs, crsFlag: "the crs parameter" });
  if (!geojson.ok) return { ...geojson, layers };
  return { ok: true, value: geojson.value, warnings: read.value.warnings, layers };
}

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
    const format = c.req.query("format");
    if (format !== undefined && !vectorFormats.includes(format as VectorFormat)) {
      return invalidQuery(c, [fieldError("format", message("validation.oneOf", { values: vectorFormats }))]);
    }
    const layer = c.req.query("layer");
    const fileName = c.req.query("fileName");
    const json = await roadNetworkGeoJson(new Uint8Array(await c.req.arrayBuffer()), {
      source,
      ...(format ? { format: format as VectorFormat } : {}),
      ...(layer ? { layer } : {}),
      ...(fileName ? { fileName } : {}),
      ...(crs ? { crs } : {}),
    });
    if (!json.ok) return invalidNetwork(c, json.problem, json.layers);
    const options = { source, crsFlag: "the crs parameter", ...(crs ? { crs } : {}) };
    const features = featuresInWgs84(json.value, options);
    if (!features.ok) return invalidNetwork(c, features.problem);
    const built = roadNetworkFromGeoJson({ type: "FeatureCollection", features: features.value }, { source });
    if (!built.ok) return invalidNetwork(c, built.problem);
    const summary = summariseRoadGraph(built.value.graph);
    const warnings = [...json.warnings, ...features.warnings, ...built.value.warnings];
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

/** 400 `invalid_network`: the file's problem, as the reader says it, with its layers when it has several. */
function invalidNetwork(c: Context, detail: string, layers?: LayerInfo[]): Response {
  const problem = message("error.invalidNetwork", { detail });
  if (!layers || layers.length < 2) return fail(c, 400, "invalid_network", problem, [fieldError("body", problem)]);
  return c.json({ ...apiError("invalid_network", problem, [fieldError("body", problem)]), layers }, 400);
}
