/**
 * The API answers what its contracts say (`src/core/api/routes.ts`): every route is called over HTTP
 * on the demo data, and its answer parsed with the route's schema — success, 409 and refusal shapes
 * included. A contract that drifts from what the server sends fails here, before a client trips on it.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { apiErrorSchema } from "../../src/core/domain/api-error";
import { pathOf, routes, type RouteContract } from "../../src/core/api/routes";
import { versionConflictOf } from "../../src/core/api/shapes";
import type { Project, Site } from "../../src/core/domain/records";
import type { OutdoorLot } from "../../src/core/outdoor/model";
import type { ScenarioRun } from "../../src/core/scenario/scenario";
import { startTestServer, type ApiClient, type TestServer } from "../support/server";

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), "utf8");

describe("the API keeps its contracts", () => {
  let server: TestServer;
  let admin: ApiClient;
  let project: Project;
  let site: Site;

  /** Calls a route and parses its JSON answer with the route's schema; returns the parsed value. */
  async function call<R extends RouteContract>(
    route: R,
    { params = {}, query = {}, body, status = route.status ?? 200 }: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; status?: number } = {},
  ): Promise<R["response"] extends z.ZodType ? z.output<R["response"]> : unknown> {
    const search = new URLSearchParams(query).toString();
    const response = await admin.request(route.method, pathOf(route.path, params) + (search ? `?${search}` : ""), body);
    expect(response.status, `${route.method} ${route.path}`).toBe(status);
    if (route.response === null) return undefined as never;
    if (route.response === "text") return (await response.text()) as never;
    const parsed = route.response.safeParse(await response.json());
    expect(parsed.error?.issues ?? [], `${route.method} ${route.path}`).toEqual([]);
    return parsed.data as never;
  }

  beforeAll(async () => {
    server = await startTestServer("pglite");
    admin = server.client();
    await admin.login("admin");
    project = (await call(routes.projects)).items.find((p) => p.lots.length > 0)!;
    site = (await call(routes.sites)).items.find((s) => s.kind === "storage")!;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers the session, registry and reference routes as contracted", async () => {
    await call(routes.health);
    expect(await call(routes.me)).toEqual({ username: "admin", role: "admin" });
    await call(routes.users);
    await call(routes.project, { params: { id: project.id } });
    await call(routes.projectLots, { params: { id: project.id } });
    await call(routes.audit, { query: { entity: "project", id: project.id } });
    await call(routes.materials);
    const lot = await call(routes.createLot, {
      params: { id: project.id },
      body: { direction: "surplus", material: "rock", contaminationClass: 1, quantity: { value: 10, unit: "tonnes" }, window: { from: "2027-01", to: "2027-02" } },
    });
    await call(routes.updateLot, { params: { id: lot.id }, body: { ...lot, notes: "kontrakt" } });
    // A stale version answers 409 with the error and the lot as it is now.
    const stale = await admin.request("PUT", pathOf(routes.updateLot.path, { id: lot.id }), { ...lot, notes: "for sent" });
    expect(stale.status).toBe(409);
    expect(versionConflictOf(routes.updateLot.conflict).safeParse(await stale.json()).success).toBe(true);
    await call(routes.deleteLot, { params: { id: lot.id } });
    await call(routes.restoreLot, { params: { id: lot.id } });
    expect(await call(routes.exportLots)).toMatch(/^projectId,project,/);
    await call(routes.importLots, { query: { dryRun: "true" }, body: fixture("registry/lots-good.csv") });
    const refused = await admin.request("POST", routes.importLots.path, fixture("registry/lots-bad-rows.csv"));
    expect(refused.status).toBe(400);
    const report = routes.importLots.refusal.parse(await refused.json());
    expect(report.errors.every((e) => typeof e.key === "string")).toBe(true);
  });

  it("answers the site, zoning, suitability and distance routes as contracted", async () => {
    await call(routes.site, { params: { id: site.id } });
    await call(routes.zoning);
    await call(routes.suitability, { params: { id: site.id } });
    await call(routes.ranking);
    await call(routes.suitabilityRules);
    const summary = await call(routes.importZoning, { query: { dryRun: "true", format: "geojson" }, body: fixture("zoning/plan-4204_1536-stemtjonn-skytebane-wgs84.geojson") });
    expect(summary.found).toBeGreaterThan(0);
    await call(routes.distances, { query: { mode: "straight", from: "projects", to: "sites" } });
    await call(routes.haulRoute, { query: { mode: "straight", from: `project:${project.id}`, to: `site:${site.id}` } });
    await call(routes.roadNetwork);
  });

  it("answers the matching and scenario routes as contracted", async () => {
    const { instance } = await call(routes.matchingInstance);
    const result = await call(routes.solve, { body: instance });
    expect(result.status).not.toBe("error");
    await call(routes.scenarios);
    const scenario = await call(routes.createScenario, { body: { name: "Kontrakt" } });
    await call(routes.scenario, { params: { id: scenario.id } });
    await call(routes.scenarioInstance, { params: { id: scenario.id } });
    const { run } = await call(routes.runScenario, { params: { id: scenario.id } });
    let current: ScenarioRun = run;
    for (let i = 0; i < 200 && current.status === "running"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = await call(routes.scenarioRun, { params: { id: scenario.id, runId: run.id } });
    }
    expect(current.status).toBe("succeeded");
    const view = await call(routes.scenarioResult, { params: { id: scenario.id } });
    expect(view.result?.status).not.toBe("error");
    // Site allocation (issue 11): a recommendation among the demo's candidate sites, and its view.
    expect((await call(routes.recommendation, { params: { id: scenario.id } })).run).toBeNull();
    const allocation = await call(routes.recommendScenario, { params: { id: scenario.id }, body: { maxAllocatedSites: 1, curve: false } });
    expect(allocation.run.kind).toBe("allocation");
    current = allocation.run;
    for (let i = 0; i < 600 && current.status === "running"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = await call(routes.scenarioRun, { params: { id: scenario.id, runId: allocation.run.id } });
    }
    expect(current.status).toBe("succeeded");
    const recommendation = await call(routes.recommendation, { params: { id: scenario.id } });
    expect(recommendation.result?.allocation.allocated.length).toBeLessThanOrEqual(1);
  }, 120_000);

  it("answers the outdoor-material routes as contracted", async () => {
    const types = (await call(routes.outdoorTypes)).items;
    expect(types.length).toBeGreaterThan(0);
    const lot: OutdoorLot = await call(routes.createOutdoorLot, {
      params: { id: project.id },
      body: { direction: "available", typeId: "granite_kerb", quantity: 60, condition: "reusable", availableFrom: "2027-03" },
    });
    await call(routes.outdoorLot, { params: { id: lot.id } });
    await call(routes.projectOutdoorLots, { params: { id: project.id } });
    await call(routes.outdoorLots);
    await call(routes.storagePlan);
    await call(routes.outdoorSuggestions, { params: { id: lot.id } });
    await call(routes.outdoorMatches);
    await call(routes.importOutdoorLots, { query: { dryRun: "true" }, body: fixture("outdoor/outdoor-lots-good.csv") });
  });

  it("answers the delivered-load routes as contracted", async () => {
    const lot = project.lots[0]!;
    const body = { time: `${lot.window.from}-15T08:00:00+01:00`, from: { lotId: lot.id }, to: { siteId: site.id }, quantity: { value: 12, unit: "m3" }, ticket: "K-1" };
    const load = await call(routes.createLoad, { body });
    await call(routes.load, { params: { id: load.id } });
    await call(routes.loads, { query: { lotId: lot.id } });
    const flows = await call(routes.loadFlows, { query: { projectId: project.id } });
    expect(flows.items.find((f) => "lotId" in f.from && f.from.lotId === lot.id)).toMatchObject({ loads: 1, material: lot.material });
    const updated = await call(routes.updateLoad, { params: { id: load.id }, body: { ...body, vehicle: "EK 1", version: load.version } });
    const repeated = await admin.request("POST", routes.createLoad.path, body);
    expect(repeated.status).toBe(409);
    expect(versionConflictOf(routes.createLoad.conflict).safeParse(await repeated.json()).success).toBe(true);
    await call(routes.lotCustody, { params: { id: lot.id } });
    await call(routes.siteStock, { params: { id: site.id } });
    await call(routes.deviations);
    await call(routes.deliveries);
    const csv = `time;from_lot;to_site;tonnes\n${body.time};${lot.id};${site.name};17,5`;
    await call(routes.importLoads, { query: { dryRun: "true" }, body: csv });
    const refused = await admin.request("POST", routes.importLoads.path, "time;from_lot\nnot a time;x");
    expect(refused.status).toBe(400);
    expect(routes.importLoads.refusal.parse(await refused.json()).errors.length).toBeGreaterThan(0);
    await call(routes.deleteLoad, { params: { id: updated.id } });
  });

  it("answers every refusal in the error shape, with a key", async () => {
    for (const [method, path] of [
      ["GET", "/api/projects/no-such-id"],
      ["GET", "/api/no-such-route"],
      ["GET", "/api/distances?mode=fly&from=projects&to=sites"],
      ["POST", "/api/projects"],
    ] as const) {
      const response = await admin.request(method, path, method === "POST" ? { name: "" } : undefined);
      const parsed = apiErrorSchema.safeParse(await response.json());
      expect(parsed.success, `${method} ${path}`).toBe(true);
      expect(parsed.data?.error.key, `${method} ${path}`).toMatch(/^[a-z]+\.[A-Za-z]+$/);
    }
  });
});
