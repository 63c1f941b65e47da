import { Hono } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { materials, type Material } from "../../core/domain/materials";
import { auditEntities, materialPropertiesSchema, type AuditEntity, type MaterialPropertiesRow } from "../../core/domain/registry-api";
import type { Database } from "../db/database";
import { authorise, fail, readBody, respond, type AppEnv } from "../http";
import { fieldError } from "../../core/domain/api-error";
import { message } from "../../core/messages/message";
import { isDeletedRecord, listAudit, writeAudit } from "../repositories/audit";
import { getMaterialTable, setMaterialProperties } from "../repositories/materials";


/** History and the unit conversion table (the users to name as members: routes/users.ts). */
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
    // Accounts' history (who was made admin, deactivated …) is the admins' business.
    if (entity === "user" && auth.user.role !== "admin") return fail(c, 403, "forbidden", message("error.adminOnlyUserHistory"));
    // A deleted record is gone for everyone but the admins who may restore it (DESIGN §7), its history too.
    if (auth.user.role !== "admin" && (await isDeletedRecord(db, entity!, id!))) {
      return fail(c, 404, "not_found", message("error.notFound", { entity: entity as AuditEntity, id: id! }));
    }
    return respond(c, contracts.audit, { items: await listAudit(db, entity!, id!) });
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
