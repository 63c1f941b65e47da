import { Hono } from "hono";
import { routes as contracts } from "../../../core/api/routes";
import { fieldError } from "../../../core/domain/api-error";
import { message } from "../../../core/messages/message";
import { outdoorTypeCreateSchema, outdoorTypeUpdateSchema } from "../../../core/outdoor/api";
import type { Database } from "../../db/database";
import { authorise, fail, invalidInput, readBody, respond, type AppEnv } from "../../http";
import { writeAudit } from "../../repositories/audit";
import { countOutdoorLotsOfType } from "../../repositories/outdoor-lots";
import { getOutdoorTypesInForce, insertOutdoorType, updateOutdoorType } from "../../repositories/outdoor-material-types";
import { inTransaction, Refusal, versionConflict } from "../write-helpers";

/** The catalogue of outdoor material types (issue #8): read it; admins add and change types. */
export function outdoorTypeRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.get("/outdoor-materials/types", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    return respond(c, contracts.outdoorTypes, { items: await getOutdoorTypesInForce(db) });
  });

  routes.post("/outdoor-materials/types", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, outdoorTypeCreateSchema);
    if (!body.ok) return body.response;
    const { id, ...fields } = body.value;
    const result = await inTransaction(db, async (tx) => {
      if ((await insertOutdoorType(tx, id, fields, auth.user.username)) === "exists") {
        throw new Refusal(invalidInput(c, [fieldError("id", message("validation.typeExists", { id }))]));
      }
      const created = (await getOutdoorTypesInForce(tx)).find((type) => type.id === id)!;
      await writeAudit(tx, { entity: "outdoor_material_type", entityId: id, action: "create", actor: auth.user.username, before: null, after: created });
      return created;
    });
    return result instanceof Response ? result : respond(c, contracts.createOutdoorType, result);
  });

  routes.put("/outdoor-materials/types/:id", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, outdoorTypeUpdateSchema);
    if (!body.ok) return body.response;
    const { version, ...fields } = body.value;
    const id = c.req.param("id");
    const result = await inTransaction(db, async (tx) => {
      const before = (await getOutdoorTypesInForce(tx)).find((type) => type.id === id);
      if (!before) throw new Refusal(fail(c, 404, "not_found", message("error.noOutdoorType", { id })));
      if (fields.unit !== before.unit) {
        const lots = await countOutdoorLotsOfType(tx, id);
        if (lots > 0) {
          throw new Refusal(invalidInput(c, [fieldError("unit", message("validation.unitInUse", { count: lots, type: before.names, unit: before.unit }))]));
        }
      }
      const outcome = await updateOutdoorType(tx, id, fields, version, auth.user.username);
      if (outcome === "stale") {
        throw new Refusal(versionConflict(c, "outdoor_material_type", { ...before, updatedAt: before.updatedAt ?? "its release", updatedBy: before.updatedBy }));
      }
      const after = (await getOutdoorTypesInForce(tx)).find((type) => type.id === id)!;
      await writeAudit(tx, { entity: "outdoor_material_type", entityId: id, action: "update", actor: auth.user.username, before, after });
      return after;
    });
    return result instanceof Response ? result : respond(c, contracts.updateOutdoorType, result);
  });

  return routes;
}
