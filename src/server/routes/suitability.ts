import { Hono } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { representativePoint } from "../../core/geo/geometry";
import type { Site } from "../../core/domain/records";
import { suitabilityReport, suitabilitySearchBox, type RankingItem } from "../../core/suitability/report";
import { parseSuitabilityRules, type SuitabilityRules } from "../../core/suitability/rules";
import { getRulesInForce as rulesInForce, setRulesInForce } from "../repositories/suitability-rules";
import type { HaulLot } from "../../core/suitability/mean-haul";
import type { Database, Queryable } from "../db/database";
import type { HaulService } from "../haul-service";
import { authorise, fail, readJson, respond, type AppEnv } from "../http";
import { fieldError } from "../../core/domain/api-error";
import { message } from "../../core/messages/message";
import { notFound } from "./write-helpers";
import { writeAudit } from "../repositories/audit";
import { getMaterialTable } from "../repositories/materials";
import { listProjects } from "../repositories/projects";
import { getSite, listSites } from "../repositories/sites";
import { listHazardZones, listZoning } from "../repositories/zoning";


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
    if (!site) return notFound(c, "site", c.req.param("id"));
    const outcome = await reportOf(site, { rules: await rulesInForce(db), lots: await haulLots(db) });
    if (!outcome.ok) {
      return fail(c, 422, "invalid_site", message("error.invalidSite", { site: site.name, problem: outcome.problemDetail }), [
        fieldError(outcome.path.join("."), outcome.problemDetail),
      ]);
    }
    return respond(c, contracts.suitability, outcome.report);
  });

  routes.get("/suitability/ranking", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const context = { rules: await rulesInForce(db), lots: await haulLots(db) };
    const items: RankingItem[] = [];
    for (const site of await listSites(db)) {
      const outcome = await reportOf(site, context);
      const base = { siteId: site.id, name: site.name, kind: site.kind, status: site.status };
      items.push(outcome.ok ? { ...base, report: outcome.report } : { ...base, problem: outcome.problem, problemDetail: outcome.problemDetail });
    }
    return respond(c, contracts.ranking, { items });
  });

  routes.get("/suitability/rules", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    return respond(c, contracts.suitabilityRules, await rulesInForce(db));
  });

  routes.put("/suitability/rules", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const raw = await readJson(c);
    if (!raw.ok) return raw.response;
    const parsed = parseSuitabilityRules(raw.value);
    if (!parsed.ok) {
      const problem = message("error.invalidRules", { detail: parsed.problem });
      return fail(c, 400, "invalid_input", problem, [fieldError("rules", problem)]);
    }
    await db.transaction(async (tx) => {
      const before = await rulesInForce(tx);
      await setRulesInForce(tx, parsed.rules);
      await writeAudit(tx, { entity: "suitability_rules", entityId: "rules", action: "update", actor: auth.user.username, before, after: parsed.rules });
    });
    return respond(c, contracts.updateSuitabilityRules, parsed.rules);
  });

  return routes;
}
