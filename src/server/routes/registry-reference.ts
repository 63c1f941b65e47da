import { Hono } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { materials, type Material } from "../../core/domain/materials";
import { materialPropertiesSchema, type MaterialPropertiesRow, type UserSummary } from "../../core/domain/registry-api";
import type { Database } from "../db/database";
import { authorise, fail, readBody, respond, type AppEnv } from "../http";
import { fieldError } from "../../core/domain/api-error";
import { message } from "../../core/messages/message";
import { listAudit, writeAudit } from "../repositories/audit";
import { getMaterialTable, setMaterialProperties } from "../repositories/materials";

const auditEntities = ["project", "lot", "site", "materials", "scenario", "road_network", "zoning", "suitability_rules", "outdoor_lot", "outdoor_material_type"] as const;

/** History, users to name as members, and the unit conversion table. */
export function registryReferenceRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.get("/audit", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const entity = c.req.query("entity");
    const id = c.req.query("id");
    const fields = [
      ...(auditEntities.some((e) => e === entity) ? [] : [fieldError("entity", message("validation.oneOf", { values: auditEntities }))]),
      ...(id ? [] : [fieldError("id", message("validation.required"))]),
    ];
    if (fields.length) return fail(c, 400, "invalid_query", message("error.auditQuery"), fields);
    return respond(c, contracts.audit, { items: await listAudit(db, entity!, id!) });
  });

  routes.get("/users", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const items = await db.query<UserSummary>("select username, role from users order by username");
    return respond(c, contracts.users, { items });
  });

  routes.get("/materials", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const table = await getMaterialTable(db);
    return respond(c, contracts.materials, { items: materials.map((material): MaterialPropertiesRow => ({ material, ...table[material] })) });
  });

  routes.put("/materials/:material", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const material = c.req.param("material") as Material;
    if (!materials.includes(material)) return fail(c, 404, "not_found", message("error.noMaterial", { material, materials }));
    const body = await readBody(c, materialPropertiesSchema);
    if (!body.ok) return body.response;
    const row = await db.transaction(async (tx) => {
      const before = (await getMaterialTable(tx))[material];
      await setMaterialProperties(tx, material, body.value);
      await writeAudit(tx, { entity: "materials", entityId: material, action: "update", actor: auth.user.username, before, after: body.value });
      return { material, ...body.value };
    });
    return respond(c, contracts.updateMaterial, row);
  });

  return routes;
}
