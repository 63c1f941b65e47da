import { Hono } from "hono";
import { representativePoint } from "../../core/geo/geometry";
import type { Site } from "../../core/domain/records";
import { suitabilityReport, suitabilitySearchBox, type SuitabilityReport } from "../../core/suitability/report";
import { defaultSuitabilityRules, parseSuitabilityRules, type SuitabilityRules } from "../../core/suitability/rules";
import type { HaulLot } from "../../core/suitability/mean-haul";
import type { Database, Queryable } from "../db/database";
import type { HaulService } from "../haul-service";
import { authorise, fail, readJson, type AppEnv } from "../http";
import { writeAudit } from "../repositories/audit";
import { getMaterialTable } from "../repositories/materials";
import { listProjects } from "../repositories/projects";
import { getSite, listSites } from "../repositories/sites";
import { listHazardZones, listZoning } from "../repositories/zoning";

async function rulesInForce(db: Queryable): Promise<SuitabilityRules> {
  const rows = await db.query<{ value: unknown }>("select value from settings where key = 'suitabilityRules'");
  if (!rows[0]) return defaultSuitabilityRules;
  const parsed = parseSuitabilityRules(rows[0].value);
  return parsed.ok ? parsed.rules : defaultSuitabilityRules;
}

/** Every live lot as the mean haul needs it: tonnes at its project's point. */
async function haulLots(db: Queryable): Promise<HaulLot[]> {
  const projects = await listProjects(db, await getMaterialTable(db));
  return projects.flatMap((project) =>
    project.lots.map((lot) => ({ id: lot.id, tonnes: lot.tonnes, location: representativePoint(project.location) })),
  );
}

/**
 * Site suitability (issue 6): `GET /api/sites/:id/suitability` (DESIGN §7), a ranking of every
 * site (`GET /api/suitability/ranking`), and the rules (`GET/PUT /api/suitability/rules`, admins
 * edit). Reports are computed on request from the zoning, roads and lots in force, so they follow
 * every import and edit.
 */
export function suitabilityRoutes(db: Database, haul: HaulService) {
  const routes = new Hono<AppEnv>();

  async function reportOf(site: Site, context: { rules: SuitabilityRules; lots: HaulLot[] }) {
    const box = suitabilitySearchBox(site.geometry, context.rules);
    const zoning = await listZoning(db, { bbox: box });
    const zones = await listHazardZones(db, { bbox: box });
    return suitabilityReport(site, zoning, { rules: context.rules, roads: await haul.roadIndex(), lots: context.lots, zones });
  }

  routes.get("/sites/:id/suitability", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const site = await getSite(db, c.req.param("id"));
    if (!site) return fail(c, 404, "not_found", `No site with id ${c.req.param("id")}.`);
    const outcome = await reportOf(site, { rules: await rulesInForce(db), lots: await haulLots(db) });
    if (!outcome.ok) {
      return fail(c, 422, "invalid_site", `The site ${site.name} cannot be rated: ${outcome.problem}`, [
        { path: outcome.path.join("."), message: outcome.problem },
      ]);
    }
    return c.json(outcome.report);
  });

  routes.get("/suitability/ranking", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const context = { rules: await rulesInForce(db), lots: await haulLots(db) };
    const items: ({ siteId: string; name: string; kind: Site["kind"]; status: Site["status"] } & (
      | { report: SuitabilityReport; problem?: undefined }
      | { report?: undefined; problem: string }
    ))[] = [];
    for (const site of await listSites(db)) {
      const outcome = await reportOf(site, context);
      const base = { siteId: site.id, name: site.name, kind: site.kind, status: site.status };
      items.push(outcome.ok ? { ...base, report: outcome.report } : { ...base, problem: outcome.problem });
    }
    return c.json({ items });
  });

  routes.get("/suitability/rules", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    return c.json(await rulesInForce(db));
  });

  routes.put("/suitability/rules", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const raw = await readJson(c);
    if (!raw.ok) return raw.response;
    const parsed = parseSuitabilityRules(raw.value);
    if (!parsed.ok) return fail(c, 400, "invalid_input", parsed.problem, [{ path: "rules", message: parsed.problem }]);
    await db.transaction(async (tx) => {
      const before = await rulesInForce(tx);
      await tx.query(
        `insert into settings (key, value) values ('suitabilityRules', $1::jsonb)
         on conflict (key) do update set value = excluded.value`,
        [JSON.stringify(parsed.rules)],
      );
      await writeAudit(tx, { entity: "suitability_rules", entityId: "rules", action: "update", actor: auth.user.username, before, after: parsed.rules });
    });
    return c.json(parsed.rules);
  });

  return routes;
}
