import { Hono, type Context } from "hono";
import { routes as contracts } from "../../../core/api/routes";
import { fieldError } from "../../../core/domain/api-error";
import { message } from "../../../core/messages/message";
import { monthsBetween, shiftMonth } from "../../../core/domain/months";
import { maxPlanMonths, outdoorPlanQuerySchema, type OutdoorSuggestionsResponse, type StoredOutdoorLot } from "../../../core/outdoor/api";
import { defaultStorageMonths, storagePeriod } from "../../../core/outdoor/lots";
import { matchOutdoorLots, suggestReceivers, type MatchLot } from "../../../core/outdoor/matching";
import { planStorageArea, type PlanLot } from "../../../core/outdoor/storage-plan";
import type { Database } from "../../db/database";
import { authorise, fail, invalidQuery, readQuery, respond, type AppEnv } from "../../http";
import { getOutdoorLot, listOutdoorLots } from "../../repositories/outdoor-lots";
import { notFound } from "../write-helpers";
import { describeLots, loadContext, type OutdoorContext } from "./context";

/** The storage plan, suggested receivers and matches of outdoor lots (issue #8). */
export function outdoorPlanRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.get("/outdoor-materials/plan", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const query = readQuery(c, outdoorPlanQuerySchema);
    if (!query.ok) return query.response;
    const storageMonths = query.value.defaultStorageMonths ?? defaultStorageMonths;
    const context = await loadContext(db);
    const available = (await listOutdoorLots(db, { direction: "available" })).filter((lot) => lot.direction === "available");
    const lots: PlanLot[] = available.map((lot) => ({
      id: lot.id,
      projectId: lot.projectId,
      typeId: lot.typeId,
      quantity: lot.quantity,
      availableFrom: lot.availableFrom,
      wantedBy: lot.wantedBy,
      storageSiteId: lot.storageSiteId,
      location: context.places.get(lot.projectId)?.point,
    }));
    // Without from/to the plan spans the lots' storage months (this month and the next 11 when there are none).
    const periods = lots.map((lot) => storagePeriod(lot, { defaultMonths: storageMonths }));
    const thisMonth = new Date().toISOString().slice(0, 7);
    const from = query.value.from ?? (periods.length ? periods.map((p) => p.from).sort()[0]! : thisMonth);
    let to = query.value.to ?? (periods.length ? periods.map((p) => p.to).sort().at(-1)! : shiftMonth(from, 11));
    if (to < from) to = from;
    if (monthsBetween(from, to).length > maxPlanMonths) {
      if (query.value.to) {
        return invalidQuery(c, [fieldError("to", message("validation.planTooLong", { months: maxPlanMonths, from }))]);
      }
      to = shiftMonth(from, maxPlanMonths - 1);
    }
    return respond(c, contracts.storagePlan, planStorageArea(lots, context.sites, context.typeById, { from, to, defaultStorageMonths: storageMonths }));
  });

  /** Live lots as matching sees them, with their project's point and name. */
  function matchLots(lots: readonly StoredOutdoorLot[], context: OutdoorContext): MatchLot[] {
    return lots.flatMap((lot) => {
      const place = context.places.get(lot.projectId);
      if (!place) return [];
      return [
        {
          id: lot.id,
          projectId: lot.projectId,
          projectName: place.name,
          typeId: lot.typeId,
          quantity: lot.quantity,
          condition: lot.condition,
          month: lot.direction === "available" ? lot.availableFrom : lot.neededBy,
          location: place.point,
        },
      ];
    });
  }

  const maxHaulKmOf = (c: Context): number | undefined | Response => {
    const text = c.req.query("maxHaulKm");
    if (text === undefined) return undefined;
    const km = Number(text);
    if (text.trim() !== "" && Number.isFinite(km) && km > 0) return km;
    return invalidQuery(c, [fieldError("maxHaulKm", message("validation.maxHaulKm"))]);
  };

  routes.get("/outdoor-lots/:id/suggestions", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const maxHaulKm = maxHaulKmOf(c);
    if (maxHaulKm instanceof Response) return maxHaulKm;
    const stored = await getOutdoorLot(db, c.req.param("id"));
    if (!stored) return notFound(c, "outdoor_lot", c.req.param("id"));
    if (stored.direction !== "available") {
      return fail(c, 400, "invalid_input", message("error.suggestionsForAvailable"));
    }
    const context = await loadContext(db);
    const [available] = matchLots([stored], context);
    const wanted = matchLots(await listOutdoorLots(db, { direction: "wanted" }), context);
    const answer: OutdoorSuggestionsResponse = {
      lot: describeLots([stored], context)[0]!,
      suggestions: available ? suggestReceivers(available, wanted, context.typeById, maxHaulKm ? { maxHaulKm } : {}) : [],
    };
    return respond(c, contracts.outdoorSuggestions, answer);
  });

  routes.get("/outdoor-materials/matches", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const maxHaulKm = maxHaulKmOf(c);
    if (maxHaulKm instanceof Response) return maxHaulKm;
    const context = await loadContext(db);
    const lots = await listOutdoorLots(db);
    const available = matchLots(lots.filter((lot) => lot.direction === "available"), context);
    const wanted = matchLots(lots.filter((lot) => lot.direction === "wanted"), context);
    return respond(c, contracts.outdoorMatches, matchOutdoorLots(available, wanted, context.typeById, maxHaulKm ? { maxHaulKm } : {}));
  });

  return routes;
}
