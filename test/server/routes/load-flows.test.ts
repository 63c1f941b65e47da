/**
 * Delivered flows over HTTP (issue 16 item 2): `GET /api/loads/flows` sums live loads per (from, to)
 * for every signed-in role, leaves deleted loads out, follows the filters of `GET /api/loads`, and
 * refuses bad filters naming the field — on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lot, Project, Site } from "../../../src/core/domain/records";
import type { LoadFlow } from "../../../src/core/loads/api";
import type { Load } from "../../../src/core/loads/load";
import { routes } from "../../../src/core/api/routes";
import { backendNames } from "../../support/databases";
import { apiClient, expectJson, startTestServer, type ApiClient, type TestServer } from "../../support/server";

const square = (lon: number, lat: number, size = 0.004) => ({
  type: "Polygon",
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});
const window = { from: "2027-01", to: "2027-03" };

describe.each(backendNames)("delivered flows API on %s", (backend) => {
  let server: TestServer;
  const clients = {} as Record<"anonymous" | "viewer" | "engineer" | "planner" | "admin", ApiClient>;
  let project: Project;
  let other: Project;
  let surplus: Lot;
  let demand: Lot;
  let elsewhere: Lot;
  let landfill: Site;
  let storage: Site;

  const record = async (body: Record<string, unknown>) =>
    expectJson<Load>(await clients.planner.request("POST", "/api/loads", { time: "2027-02-10T08:15:00+01:00", from: { lotId: surplus.id }, to: { siteId: landfill.id }, quantity: { value: 18.5, unit: "tonnes" }, ...body }), 201);
  const flows = async (query = "", actor: keyof typeof clients = "viewer") =>
    routes.loadFlows.response.parse(await expectJson(await clients[actor].request("GET", `/api/loads/flows${query}`), 200)).items;
  const pair = (items: readonly LoadFlow[], from: string, to: string) =>
    items.find((f) => Object.values(f.from)[0] === from && Object.values(f.to)[0] === to);

  beforeAll(async () => {
    server = await startTestServer(backend);
    for (const actor of ["anonymous", "viewer", "engineer", "planner", "admin"] as const) {
      clients[actor] = apiClient(server.url);
      if (actor !== "anonymous") await expectJson(await clients[actor].login(actor), 200);
    }
    const newProject = async (name: string, lon: number) =>
      expectJson<Project>(await clients.engineer.request("POST", "/api/projects", { name, status: "in_progress", location: { type: "Point", coordinates: [lon, 59.8] } }), 201);
    project = await newProject("Flyt-test", 10.47);
    other = await newProject("Flyt-annen", 10.43);
    const lot = async (p: Project, body: Record<string, unknown>) =>
      expectJson<Lot>(await clients.engineer.request("POST", `/api/projects/${p.id}/lots`, { contaminationClass: 1, quantity: { value: 500, unit: "tonnes" }, window, ...body }), 201);
    surplus = await lot(project, { direction: "surplus", material: "clay_silt" });
    demand = await lot(other, { direction: "demand", material: "gravel_sand" });
    elsewhere = await lot(other, { direction: "surplus", material: "rock" });
    const site = async (body: Record<string, unknown>) => expectJson<Site>(await clients.planner.request("POST", "/api/sites", { status: "in_use", notes: "", ...body }), 201);
    landfill = await site({ name: "Flytmottak", kind: "landfill", geometry: square(10.5, 59.82), accepts: { materials: ["clay_silt", "rock"], worstClass: 3 }, gateFeePerTonne: 300 });
    storage = await site({ name: "Flytlager", kind: "storage", geometry: square(10.52, 59.82), accepts: { materials: ["gravel_sand"], worstClass: 3 }, capacityTonnes: 5000, handlingCostPerTonne: 20, window: { from: "2027-01", to: "2027-12" } });

    await record({ ticket: "F-1" });
    await record({ ticket: "F-2", time: "2027-02-12T07:00:00+01:00", quantity: { value: 17.25, unit: "tonnes" } });
    await record({ ticket: "F-3", time: "2027-03-02T07:00:00+01:00", quantity: { value: 20, unit: "tonnes" } });
    const deleted = await record({ ticket: "F-4", quantity: { value: 90, unit: "tonnes" } });
    expect((await clients.planner.request("DELETE", `/api/loads/${deleted.id}`)).status).toBe(204);
    await record({ from: { lotId: elsewhere.id }, to: { siteId: landfill.id }, quantity: { value: 30, unit: "tonnes" } });
    await record({ from: { siteId: storage.id }, to: { lotId: demand.id }, quantity: { value: 25, unit: "tonnes" } });
    await record({ from: { siteId: storage.id }, to: { siteId: landfill.id }, quantity: { value: 11, unit: "tonnes" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("lets every signed-in role read the flows, nobody else", async () => {
    expect((await clients.anonymous.request("GET", "/api/loads/flows")).status).toBe(401);
    for (const actor of ["viewer", "engineer", "planner", "admin"] as const) expect(await flows("", actor), actor).toHaveLength(4);
  });

  it("sums the live loads per (from, to), deleted loads left out, heaviest first", async () => {
    const items = await flows();
    expect(items.map((f) => f.tonnes)).toEqual([55.75, 30, 25, 11]);
    expect(pair(items, surplus.id, landfill.id)).toEqual({
      from: { lotId: surplus.id },
      to: { siteId: landfill.id },
      material: "clay_silt",
      tonnes: 55.75,
      loads: 3,
      firstTime: "2027-02-10T08:15:00+01:00",
      lastTime: "2027-03-02T07:00:00+01:00",
    });
    expect(pair(items, storage.id, demand.id)).toMatchObject({ material: "gravel_sand", tonnes: 25, loads: 1 });
    expect(pair(items, storage.id, landfill.id)).toMatchObject({ material: null, tonnes: 11, loads: 1 });
    // The sums agree with the loads themselves.
    const loads = (await expectJson<{ items: Load[] }>(await clients.viewer.request("GET", "/api/loads"), 200)).items;
    expect(items.reduce((s, f) => s + f.tonnes, 0)).toBeCloseTo(loads.reduce((s, l) => s + l.tonnes, 0), 9);
    expect(items.reduce((s, f) => s + f.loads, 0)).toBe(loads.length);
  });

  it("follows the filters of GET /api/loads: project, site and time bounds", async () => {
    expect((await flows(`?projectId=${project.id}`)).map((f) => f.tonnes)).toEqual([55.75]);
    expect((await flows(`?projectId=${other.id}`)).map((f) => f.tonnes)).toEqual([30, 25]);
    expect((await flows(`?siteId=${storage.id}`)).map((f) => f.tonnes)).toEqual([25, 11]);
    const february = await flows(`?projectId=${project.id}&from=2027-02-01&to=2027-02-28`);
    expect(february.map((f) => [f.tonnes, f.loads, f.lastTime])).toEqual([[35.75, 2, "2027-02-12T07:00:00+01:00"]]);
    expect(await flows(`?from=2027-04-01`)).toEqual([]);
  });

  it("refuses bad filters with 400 naming the field", async () => {
    for (const [query, field] of [
      ["from=2027-02-30", "from"],
      ["to=i%20morgen", "to"],
      [`projectId=${"x".repeat(101)}`, "projectId"],
    ] as const) {
      const response = await clients.viewer.request("GET", `/api/loads/flows?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { fields: { path: string }[] } };
      expect(body.error.fields.map((f) => f.path), query).toContain(field);
    }
  });
});
