import { Hono } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { planningWriters } from "../../core/domain/accounts";
import { zoningAreaInputSchema } from "../../core/domain/records";
import { hazardZoneInputSchema } from "../../core/zoning/hazard-zones";
import { importZoningFile, zoningFileFormats, type ZoningFileFormat } from "../../io/zoning/zoning-file";
import type { Database } from "../db/database";
import { authorise, fail, invalidQuery, respond, type AppEnv } from "../http";
import { apiError, fieldError } from "../../core/domain/api-error";
import { message } from "../../core/messages/message";
import { writeAudit } from "../repositories/audit";
import { importBatchSize, inBatches } from "../import/batches";
import { insertHazardZones, insertZoningAreas, listHazardZones, listZoning } from "../repositories/zoning";
import { bboxQuery } from "./query";

/**
 * The zoning layer: read it (`GET /api/zoning?bbox=`), and import plan data
 * (`POST /api/zoning/import?format=sosi|gml|geojson|geopackage|shapefile|kml|flatgeobuf[&layer=…][&crs=…][&codeProperty=…][&skipInvalid=true][&dryRun=true]`,
 * planners and admins, the file as the body; the format is told from the content when not given).
 * A GeoPackage, zipped Shapefile or KML with several layers is read layer by layer: without `layer`
 * every layer holding arealformål areas or zones is imported, and the answer (also a 400) lists
 * the file's `layers` so the user can choose one. A file with bad objects imports nothing unless the
 * user chose to skip them (`skipInvalid=true`); a re-imported plan replaces its earlier areas.
 * Hazard and protection zones in the same file (hensynssoner, NVE hazard maps) are imported beside
 * the areas and listed by `GET /api/zoning/zones?bbox=` (issue 17).
 */
export function zoningRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.get("/zoning", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const bbox = bboxQuery(c);
    if (!bbox.ok) return bbox.response;
    return respond(c, contracts.zoning, { items: await listZoning(db, { bbox: bbox.bbox }) });
  });

  routes.get("/zoning/zones", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const bbox = bboxQuery(c);
    if (!bbox.ok) return bbox.response;
    return respond(c, contracts.hazardZones, { items: await listHazardZones(db, { bbox: bbox.bbox }) });
  });

  routes.post("/zoning/import", async (c) => {
    const auth = authorise(c, planningWriters);
    if (!auth.ok) return auth.response;
    const format = c.req.query("format");
    if (format !== undefined && !zoningFileFormats.includes(format as ZoningFileFormat)) {
      return invalidQuery(c, [fieldError("format", message("validation.oneOf", { values: zoningFileFormats }))]);
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) return fail(c, 400, "invalid_file", message("error.planFileEmpty"));
    const crs = c.req.query("crs");
    const codeProperty = c.req.query("codeProperty");
    const planId = c.req.query("planId");
    const fileName = c.req.query("fileName");
    const layer = c.req.query("layer");
    const parsed = await importZoningFile(bytes, {
      crsFlag: "crs=",
      layerFlag: "layer=",
      source: fileName ?? "the plan file",
      ...(fileName ? { fileName } : {}),
      ...(layer ? { layer } : {}),
      ...(format ? { format: format as ZoningFileFormat } : {}),
      ...(crs ? { crs } : {}),
      ...(codeProperty ? { codeProperty } : {}),
      ...(planId ? { planId } : {}),
    });
    const layers = parsed.layers ? { layers: parsed.layers } : {};
    if (!parsed.ok) {
      // The layers go with the refusal too, so the dialog can offer them when no layer held plan areas.
      const problem = message("error.invalidFile", { detail: parsed.problem });
      return c.json({ ...apiError("invalid_file", problem, [fieldError("body", problem)]), ...layers }, 400);
    }

    const summary = {
      imported: 0,
      skipped: parsed.skipped,
      planIds: parsed.planIds,
      sourceCrs: parsed.sourceCrs,
      warnings: parsed.warnings,
      ignored: parsed.ignored,
      found: parsed.areas.length,
      zonesFound: parsed.zones.length,
      zonesImported: 0,
      ...layers,
    };
    const skipInvalid = c.req.query("skipInvalid") === "true";
    if (c.req.query("dryRun") === "true") return respond(c, contracts.importZoning, summary, 200);
    if (parsed.skipped.length > 0 && !skipInvalid) {
      const fields = parsed.skipped.map((s) => fieldError(s.object, message("validation.invalid", { detail: s.reason })));
      const problem = message("error.invalidObjects", { count: parsed.skipped.length, valid: parsed.areas.length + parsed.zones.length });
      return c.json({ ...apiError("invalid_objects", problem, fields), ...summary }, 400);
    }
    const areaPlanIds = [...new Set(parsed.areas.map((area) => area.planId))];
    const zonePlanIds = [...new Set(parsed.zones.map((zone) => zone.planId))];
    summary.imported = await db.transaction(async (tx) => {
      // A plan imported again replaces its earlier areas, so a corrected file does not double them;
      // its zones likewise. A file of zones alone leaves the plan's areas alone, and the other way round.
      await tx.query("delete from zoning_areas where plan_id = any($1::text[]) and not illustrative", [areaPlanIds]);
      // Multi-row inserts in batches, the event loop free between them: 20,000 polygons do not stall other requests.
      await inBatches(parsed.areas, importBatchSize, (batch) => insertZoningAreas(tx, batch.map((area) => zoningAreaInputSchema.parse(area))));
      await tx.query("delete from hazard_zones where plan_id = any($1::text[])", [zonePlanIds]);
      await inBatches(parsed.zones, importBatchSize, (batch) => insertHazardZones(tx, batch.map((zone) => hazardZoneInputSchema.parse(zone))));
      await writeAudit(tx, {
        entity: "zoning",
        entityId: parsed.planIds.join(","),
        action: "create",
        actor: auth.user.username,
        before: null,
        after: { imported: parsed.areas.length, zones: parsed.zones.length, skipped: parsed.skipped, planIds: parsed.planIds, sourceCrs: parsed.sourceCrs },
      });
      return parsed.areas.length;
    });
    // `imported` counts the areas as DESIGN §7 has it; the zones have their own count.
    summary.zonesImported = parsed.zones.length;
    return respond(c, contracts.importZoning, summary, 201);
  });

  return routes;
}
