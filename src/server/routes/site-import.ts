import { Hono, type Context } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { planningWriters } from "../../core/domain/accounts";
import { apiError, fieldError } from "../../core/domain/api-error";
import { siteKinds, type SiteKind } from "../../core/domain/records";
import { message, type Message } from "../../core/messages/message";
import { previewOf, propertyNames, sitesFromFeatures, type SiteImportReport } from "../../core/sites/site-import";
import type { FileLayer } from "../../core/zoning/file-layers";
import { chooseLayer, layerGeoJson, layerInfos, readVectorFile, singleLayer } from "../../io/formats/read-vector-file";
import { vectorFormats, type VectorFormat } from "../../io/formats/vector-data";
import { featuresInWgs84 } from "../../io/geojson-input";
import type { Database } from "../db/database";
import { authorise, fail, invalidQuery, respond, type AppEnv } from "../http";
import { writeAudit } from "../repositories/audit";
import { getSite, insertSite } from "../repositories/sites";

/**
 * Sites from a file (issue 13): `POST /api/sites/import[?format=…][&layer=…][&crs=…][&nameProperty=…][&kind=…][&fileName=…][&dryRun=true]`,
 * planners and admins, the file as the body — GeoJSON, GeoPackage, zipped Shapefile, KML/KMZ or
 * FlatGeobuf, the format told from the content when not given. Polygons (or points, drawn as
 * circles) become sites; the answer lists what would be (or was) created and every feature left
 * out with its index, field and reason. The sites are written in one transaction, each audited as
 * a site write, and only when no feature is left out: nothing is ever half-imported.
 */
export function siteImportRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.post("/sites/import", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    const format = c.req.query("format");
    if (format !== undefined && !vectorFormats.includes(format as VectorFormat)) {
      return invalidQuery(c, [fieldError("format", message("validation.oneOf", { values: vectorFormats }))]);
    }
    const kind = c.req.query("kind");
    if (kind !== undefined && !siteKinds.includes(kind as SiteKind)) {
      return invalidQuery(c, [fieldError("kind", message("validation.oneOf", { values: siteKinds }))]);
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) return fail(c, 400, "invalid_file", message("error.fileEmpty"));
    const fileName = c.req.query("fileName");
    const layerName = c.req.query("layer");
    const crs = c.req.query("crs") || undefined;
    const source = fileName ?? "the site file";

    // The whole file first, so every answer (a refusal too) can list its layers.
    const read = await readVectorFile(bytes, { source, ...(fileName ? { fileName } : {}), ...(format ? { format: format as VectorFormat } : {}) });
    if (!read.ok) return invalidFile(c, read.problem);
    const layers = layerInfos(read.value);
    const chosen = layerName ? chooseLayer(read.value, layerName, source, "layer=") : { ok: true as const, value: read.value, warnings: [] };
    if (!chosen.ok) return invalidFile(c, chosen.problem, layers);
    const layer = singleLayer(chosen.value, source, "layer=");
    if (!layer.ok) return invalidFile(c, layer.problem, layers);
    const geojson = layerGeoJson(layer.value, { source, crs, crsFlag: "crs=" });
    if (!geojson.ok) return invalidFile(c, geojson.problem, layers);
    const features = featuresInWgs84(geojson.value, { source, crsFlag: "crs=", ...(crs ? { crs } : {}) });
    if (!features.ok) return invalidFile(c, features.problem, layers);
    if (features.value.length === 0) return invalidFile(c, message("siteImport.noFeatures", { layer: layer.value.name }), layers);

    const mapped = sitesFromFeatures(features.value, {
      nameProperty: c.req.query("nameProperty"),
      nameStem: layer.value.name,
      ...(kind ? { defaultKind: kind as SiteKind } : {}),
    });
    if (!mapped.ok) {
      return c.json({ ...apiError("invalid_query", mapped.problem, [fieldError("nameProperty", mapped.problem)]), layers }, 400);
    }
    const report: SiteImportReport = {
      dryRun: c.req.query("dryRun") === "true",
      layer: layer.value.name,
      layers,
      sourceCrs: crs ?? layer.value.crs ?? "EPSG:4326",
      features: features.value.length,
      mapping: mapped.mapping,
      properties: propertyNames(features.value),
      sites: mapped.sites.map((site) => previewOf(site)),
      skipped: mapped.skipped,
      created: 0,
      warnings: [...read.value.warnings, ...features.warnings],
    };
    if (report.dryRun) return respond(c, contracts.importSites, report, 200);
    if (report.skipped.length > 0 || mapped.sites.length === 0) {
      const problem = message("siteImport.invalidFeatures", { count: new Set(report.skipped.map((s) => s.feature)).size, valid: mapped.sites.length });
      const fields = report.skipped.map((s) => ({ path: `feature ${s.feature}: ${s.field}`, message: s.message, ...(s.key ? { key: s.key } : {}), ...(s.params ? { params: s.params } : {}) }));
      return c.json({ ...apiError("invalid_features", problem, fields), ...report }, 400);
    }

    // Every site in one transaction, each audited as a site write: a failure half-way leaves none.
    report.sites = await db.transaction(async (tx) => {
      const created = [];
      for (const site of mapped.sites) {
        const id = await insertSite(tx, site.input, { actor: auth.user.username });
        const after = await getSite(tx, id);
        await writeAudit(tx, { entity: "site", entityId: id, action: "create", actor: auth.user.username, before: null, after });
        created.push(previewOf(site, id));
      }
      return created;
    });
    report.created = report.sites.length;
    return respond(c, contracts.importSites, report, 201);
  });

  return routes;
}

/** 400 `invalid_file`: the reader's problem (or a message), with the file's layers when it has any. */
function invalidFile(c: Context, detail: string | Message, layers?: FileLayer[]): Response {
  const problem = typeof detail === "string" ? message("error.invalidFile", { detail }) : detail;
  return c.json({ ...apiError("invalid_file", problem, [fieldError("body", problem)]), ...(layers ? { layers } : {}) }, 400);
}
