import { Hono, type Context } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { matrixJson, type DistanceMode, type HaulPoint } from "../../core/haul/distance-matrix";
import { haulLocationOf } from "../../core/haul/haul-points";
import { distanceModes, haulMatrix, haulRoute, type HaulOptions } from "../../core/haul/haul-matrix";
import { parsePointQuery, type PointQueryItem } from "../../core/haul/point-query";
import { defaultCircuityFactor } from "../../core/haul/straight-line";
import { defaultMaxSnapKm } from "../../core/haul/road-distances";
import type { Database } from "../db/database";
import type { HaulService } from "../haul-service";
import { authorise, fail, respond, type AppEnv } from "../http";
import { fieldError } from "../../core/domain/api-error";
import { message, type Message } from "../../core/messages/message";
import { listProjectLocations, listSiteLocations } from "../repositories/haul-locations";

/** Most points on either side of one request: 1,000 × 1,000 is a million cells. */
export const maxPointsPerSide = 1_000;

/**
 * `GET /api/distances?mode=straight|road|osrm&from=…&to=…[&circuity=1.3][&maxSnapKm=2]`, for
 * signed-in users: the distance matrix of DESIGN §3 as `massekart distances` writes it,
 * `{"from","to","km","unreachable","warnings"}`. `from` and `to` are point lists (see
 * `PointQueryItem`): `project:<id>`, `site:<id>`, `projects`, `sites`, `sites:<kind>` or
 * `<id>@<lon>,<lat>`, separated by ";"; records answer under their own ids. Matrices are cached in
 * memory and in the `distance_cache` table, keyed by network version, mode, parameters and points.
 * Mode osrm uses MASSEKART_OSRM_URL; without it, or when the server fails, the answer is
 * straight-line distances with a warning.
 */
export function distanceRoutes(db: Database, haulService: HaulService) {
  const routes = new Hono<AppEnv>();

  /** The mode and numeric parameters shared by both routes, as haul options, or a 400 answer. */
  const haulOptionsOf = async (c: Context): Promise<{ ok: true; options: HaulOptions } | { ok: false; response: Response }> => {
    const mode = (c.req.query("mode") ?? "straight") as DistanceMode;
    if (!distanceModes.includes(mode)) return { ok: false, response: queryProblem(c, "mode", message("query.modeOneOf", { modes: distanceModes })) };
    const circuity = numberQuery(c, "circuity", defaultCircuityFactor, 1);
    if (!circuity.ok) return circuity;
    const maxSnap = numberQuery(c, "maxSnapKm", defaultMaxSnapKm, 0);
    if (!maxSnap.ok) return maxSnap;
    return { ok: true, options: await haulService.options({ mode, circuityFactor: circuity.value, maxSnapKm: maxSnap.value }) };
  };

  routes.get("/distances", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const haul = await haulOptionsOf(c);
    if (!haul.ok) return haul.response;
    const from = await pointsQuery(c, db, "from");
    if (!from.ok) return from.response;
    const to = await pointsQuery(c, db, "to");
    if (!to.ok) return to.response;
    return respond(c, contracts.distances, matrixJson(await haulMatrix(from.points, to.points, haul.options)));
  });

  /**
   * `GET /api/distances/route?mode=…&from=<one point>&to=<one point>`: the path of one haul as a
   * GeoJSON Feature, a LineString along the roads (straight in mode straight), with
   * `properties: { from, to, km, connectorKm, warnings }`; an unreachable pair has `geometry: null`
   * and `properties.reason`. Points as in `/api/distances`, exactly one on each side.
   */
  routes.get("/distances/route", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const haul = await haulOptionsOf(c);
    if (!haul.ok) return haul.response;
    const ends: HaulPoint[] = [];
    for (const name of ["from", "to"] as const) {
      const side = await pointsQuery(c, db, name);
      if (!side.ok) return side.response;
      if (side.points.length !== 1) return queryParameterProblem(c, name, message("query.exactlyOnePoint", { count: side.points.length }));
      ends.push(side.points[0]!);
    }
    // Routes are not cached: the cache holds matrices.
    const { cache: _cache, ...routeOptions } = haul.options;
    const route = await haulRoute(ends[0]!, ends[1]!, routeOptions);
    if (route.status !== "ok") {
      return respond(c, contracts.haulRoute, { type: "Feature", geometry: null, properties: { from: route.from, to: route.to, reason: route.reason, warnings: route.warnings } });
    }
    return respond(c, contracts.haulRoute, {
      type: "Feature",
      geometry: { type: "LineString", coordinates: route.coordinates },
      properties: { from: route.from, to: route.to, km: route.km, connectorKm: route.connectorKm, warnings: route.warnings },
    });
  });

  return routes;
}

function numberQuery(c: Context, name: string, fallback: number, min: number): { ok: true; value: number } | { ok: false; response: Response } {
  const text = c.req.query(name);
  if (text === undefined || text === "") return { ok: true, value: fallback };
  const value = Number(text);
  if (Number.isFinite(value) && value >= min) return { ok: true, value };
  return { ok: false, response: queryProblem(c, name, message("query.numberAtLeast", { parameter: name, min })) };
}

/** 400 `invalid_query` whose message is the parameter's problem as it stands. */
function queryProblem(c: Context, parameter: string, problem: Message): Response {
  return fail(c, 400, "invalid_query", message("error.queryProblem", { parameter, problem }), [fieldError(parameter, problem)]);
}

/** 400 `invalid_query` whose message names the parameter before its problem. */
function queryParameterProblem(c: Context, parameter: string, problem: Message): Response {
  return fail(c, 400, "invalid_query", message("error.queryParameterProblem", { parameter, problem }), [fieldError(parameter, problem)]);
}

/** The points of the `from` or `to` parameter, looked up in the database where they name records. */
async function pointsQuery(c: Context, db: Database, name: "from" | "to"): Promise<{ ok: true; points: HaulPoint[] } | { ok: false; response: Response }> {
  const invalid = (problem: Message) => ({ ok: false as const, response: queryParameterProblem(c, name, problem) });
  const text = c.req.query(name);
  if (text === undefined) return invalid(message("query.pointsRequired"));
  const parsed = parsePointQuery(text);
  if (!parsed.ok) return invalid(message("query.pointsInvalid", { detail: parsed.problem }));
  const needs = (kind: PointQueryItem["kind"]) => parsed.items.some((item) => item.kind === kind);
  const projects = needs("project") || needs("projects") ? await listProjectLocations(db) : [];
  const sites = needs("site") || needs("sites") ? await listSiteLocations(db) : [];
  const points: HaulPoint[] = [];
  const seen = new Set<string>();
  const add = (id: string, location: HaulPoint["location"]) => {
    if (seen.has(id)) return;
    seen.add(id);
    points.push({ id, location });
  };
  for (const item of parsed.items) {
    switch (item.kind) {
      case "point":
        add(item.id, item.location);
        break;
      case "projects":
        for (const project of projects) add(project.id, haulLocationOf(project.geometry));
        break;
      case "sites":
        for (const site of sites) if (!item.siteKind || site.kind === item.siteKind) add(site.id, haulLocationOf(site.geometry));
        break;
      case "project": {
        const project = projects.find((p) => p.id === item.id);
        if (!project) return invalid(message("query.noProject", { id: item.id }));
        add(project.id, haulLocationOf(project.geometry));
        break;
      }
      case "site": {
        const site = sites.find((s) => s.id === item.id);
        if (!site) return invalid(message("query.noSite", { id: item.id }));
        add(site.id, haulLocationOf(site.geometry));
        break;
      }
    }
  }
  if (points.length > maxPointsPerSide) return invalid(message("query.tooManyPoints", { count: points.length, max: maxPointsPerSide }));
  return { ok: true, points };
}
