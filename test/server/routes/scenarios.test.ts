import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lot, Project, Site, ZoningArea } from "../../../src/core/domain/records";
import type { Scenario, ScenarioResultView, ScenarioRun } from "../../../src/core/scenario/scenario";
import { backendNames } from "../../support/databases";
import { apiClient, startTestServer, type ApiClient, type TestServer } from "../../support/server";

const waitForRun = async (client: ApiClient, scenarioId: string, runId: string): Promise<ScenarioRun> => {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const run = (await (await client.request("GET", `/api/scenarios/${scenarioId}/runs/${runId}`)).json()) as ScenarioRun;
    if (run.status !== "running" && run.status !== "queued") return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the run did not finish in 30 s");
};

describe.each(backendNames)("scenarios API on %s", (backend) => {
  let server: TestServer;
  const clients = {} as Record<"anonymous" | "viewer" | "engineer" | "planner" | "admin", ApiClient>;
  beforeAll(async () => {
    server = await startTestServer(backend);
    for (const actor of ["anonymous", "viewer", "engineer", "planner", "admin"] as const) {
      clients[actor] = apiClient(server.url);
      if (actor !== "anonymous") await clients[actor].login(actor);
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  const create = async (body: object) => {
    const response = await clients.planner.request("POST", "/api/scenarios", body);
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as Scenario;
  };

  it.each([
    ["anonymous", 401],
    ["viewer", 403],
    ["engineer", 403],
    ["planner", 201],
    ["admin", 201],
  ] as const)("POST /api/scenarios as %s answers %i", async (actor, status) => {
    expect((await clients[actor].request("POST", "/api/scenarios", { name: `Av ${actor}` })).status).toBe(status);
  });

  it("creates with defaults, renames with versions, duplicates, deletes, and lets an admin undo the delete", async () => {
    const scenario = await create({ name: "Med Lahell", note: "Mellomlager på Lahell" });
    expect(scenario).toMatchObject({ siteIds: null, parameters: {}, overrides: [], version: 1, schemaVersion: 1 });
    const renamed = await clients.planner.request("PUT", `/api/scenarios/${scenario.id}`, { ...scenario, name: "Med Lahell (2)", version: 1 });
    expect(await renamed.json()).toMatchObject({ name: "Med Lahell (2)", version: 2 });
    expect((await clients.admin.request("PUT", `/api/scenarios/${scenario.id}`, { ...scenario, version: 1 })).status).toBe(409);
    const copy = (await (await clients.planner.request("POST", `/api/scenarios/${scenario.id}/duplicate`)).json()) as Scenario;
    expect(copy).toMatchObject({ name: "Med Lahell (2) (copy)", note: "Mellomlager på Lahell" });
    expect((await clients.viewer.request("DELETE", `/api/scenarios/${copy.id}`)).status).toBe(403);
    expect((await clients.planner.request("DELETE", `/api/scenarios/${copy.id}`)).status).toBe(204);
    const names = async () => ((await (await clients.viewer.request("GET", "/api/scenarios")).json()) as { items: Scenario[] }).items.map((s) => s.id);
    expect(await names()).not.toContain(copy.id);
    // Undoing a delete is for admins, as for every record (DESIGN §7; issue 12).
    expect((await clients.planner.request("POST", `/api/scenarios/${copy.id}/restore`)).status).toBe(403);
    expect(await names()).not.toContain(copy.id);
    expect((await clients.admin.request("POST", `/api/scenarios/${copy.id}/restore`)).status).toBe(200);
    expect(await names()).toContain(copy.id);
  });

  it("refuses contradictory overrides and unknown sites, and explains why a run cannot start", async () => {
    const contradictory = await clients.planner.request("POST", "/api/scenarios", {
      name: "Motstridende",
      overrides: [{ lotId: "x", shiftMonths: 6, window: { from: "2027-01", to: "2027-02" } }],
    });
    expect(contradictory.status).toBe(400);
    expect((await contradictory.json()).error.fields[0].path).toBe("overrides.0.window");
    const ghost = await create({ name: "Spøkelser", siteIds: ["no-such-site"], overrides: [{ lotId: "no-such-lot", shiftMonths: 6 }] });
    const run = await clients.planner.request("POST", `/api/scenarios/${ghost.id}/run`);
    expect(run.status).toBe(400);
    const { error } = await run.json();
    expect(error.code).toBe("cannot_run");
    expect(error.message).toContain("lot no-such-lot");
    expect(error.message).toContain("site no-such-site");
  });

  it("runs in the background, keeps the input snapshot, gives one run to two simultaneous requests, and flags changed data", async () => {
    const scenario = await create({ name: "Hele Asker", parameters: { carbonPricePerKg: 2 } });
    const [first, second] = await Promise.all([
      clients.planner.request("POST", `/api/scenarios/${scenario.id}/run`),
      clients.admin.request("POST", `/api/scenarios/${scenario.id}/run`),
    ]);
    expect([first.status, second.status]).toEqual([202, 202]);
    const a = (await first.json()) as { run: ScenarioRun; started: boolean };
    const b = (await second.json()) as { run: ScenarioRun; started: boolean };
    expect(a.run.id).toBe(b.run.id);
    expect([a.started, b.started].sort()).toEqual([false, true]);
    const finished = await waitForRun(clients.viewer, scenario.id, a.run.id);
    expect(finished.status).toBe("succeeded");

    const view = (await (await clients.viewer.request("GET", `/api/scenarios/${scenario.id}/result`)).json()) as ScenarioResultView;
    expect(view.run?.id).toBe(a.run.id);
    expect(view.result?.status).toBe("optimal");
    expect(view.result && "kpis" in view.result ? view.result.kpis.tonnesReused : 0).toBeGreaterThan(0);
    expect(view.dataChanged).toBeNull();
    const resultBefore = JSON.stringify(view.result);

    // The registry moves on: a lot's quantity changes. The stored result does not; the view says what changed.
    const projects = ((await (await clients.viewer.request("GET", "/api/projects")).json()) as { items: Project[] }).items;
    const lot = projects.flatMap((p) => p.lots)[0] as Lot;
    const planner = clients.planner;
    const put = await planner.request("PUT", `/api/lots/${lot.id}`, { ...lot, quantity: { value: lot.quantity.value * 2, unit: lot.quantity.unit }, version: lot.version });
    expect(put.status).toBe(200);
    const after = (await (await clients.viewer.request("GET", `/api/scenarios/${scenario.id}/result`)).json()) as ScenarioResultView;
    expect(JSON.stringify(after.result)).toBe(resultBefore);
    expect(after.dataChanged).toMatchObject({ lotsChanged: [lot.id], lotsAdded: [], lotsRemoved: [] });
  });

  it("warns in the run's result when a demand lot on housing receives masses above the TA-2553 top-metre class", async () => {
    // A demand project inside the demo's 1110 Boligbebyggelse, fed by class 3 peat from next door.
    const zoning = ((await (await clients.viewer.request("GET", "/api/zoning")).json()) as { items: ZoningArea[] }).items;
    const housing = zoning.find((a) => a.code === 1110 && a.geometry.type === "Polygon")!;
    const ring = housing.geometry.type === "Polygon" ? housing.geometry.coordinates[0]! : [];
    const centre = [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
    const project = async (name: string, lotBody: object) => {
      const created = (await (await clients.planner.request("POST", "/api/projects", { name, status: "planned", location: { type: "Point", coordinates: centre } })).json()) as Project;
      const lot = await clients.planner.request("POST", `/api/projects/${created.id}/lots`, lotBody);
      expect(lot.status, await lot.clone().text()).toBe(201);
    };
    const window = { from: "2027-01", to: "2027-01" };
    await project("Boligfelt med torvbehov", { direction: "demand", material: "peat", contaminationClass: 4, quantity: { value: 300, unit: "tonnes" }, window });
    await project("Torv fra nabotomta", { direction: "surplus", material: "peat", contaminationClass: 3, quantity: { value: 300, unit: "tonnes" }, window });
    const scenario = await create({ name: "TA-2553-sjekk" });
    const { run } = (await (await clients.planner.request("POST", `/api/scenarios/${scenario.id}/run`)).json()) as { run: ScenarioRun };
    expect((await waitForRun(clients.viewer, scenario.id, run.id)).status).toBe("succeeded");
    const view = (await (await clients.viewer.request("GET", `/api/scenarios/${scenario.id}/result`)).json()) as ScenarioResultView;
    const warnings = view.result && "warnings" in view.result ? view.result.warnings : [];
    expect(warnings.filter((w) => w.includes("TA-2553"))).toEqual([
      expect.stringMatching(/lies on 1110 Boligbebyggelse \(housing or public services in the TA-2553 land-use table\) and receives 300 t of class 3, above the class 2/),
    ]);
  });

  it("measures road distances for a scenario in road mode, never shorter than the straight line", async () => {
    const road = await create({ name: "Vei", parameters: { distanceMode: "road" } });
    const { instance } = (await (await clients.viewer.request("GET", `/api/scenarios/${road.id}/instance`)).json()) as {
      instance: { distances: { from: string; to: string; km: number }[]; lots: { id: string; location: [number, number] }[] };
    };
    expect(instance.distances.length).toBeGreaterThan(100);
    const straight = await create({ name: "Rett", parameters: { distanceMode: "straight", circuityFactor: 1 } });
    const plain = (await (await clients.viewer.request("GET", `/api/scenarios/${straight.id}/instance`)).json()) as { instance: { distances?: unknown } };
    expect(plain.instance.distances).toBeUndefined();
    const location = new Map(instance.lots.map((l) => [l.id, l.location]));
    const toRad = (d: number) => (d * Math.PI) / 180;
    const haversineKm = ([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]) =>
      2 * 6371.0088 * Math.asin(Math.sqrt(Math.sin(toRad(lat2 - lat1) / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(toRad(lon2 - lon1) / 2) ** 2));
    const lotPairs = instance.distances.filter((d) => location.has(d.from) && location.has(d.to));
    expect(lotPairs.length).toBeGreaterThan(0);
    for (const pair of lotPairs) expect(pair.km).toBeGreaterThanOrEqual(haversineKm(location.get(pair.from)!, location.get(pair.to)!) * 0.999);
  });

  it("uses only the sites in play", async () => {
    const sites = ((await (await clients.viewer.request("GET", "/api/sites")).json()) as { items: Site[] }).items;
    const landfillsOnly = sites.filter((s) => s.kind === "landfill").map((s) => s.id);
    const scenario = await create({ name: "Bare deponi", siteIds: landfillsOnly });
    const instance = (await (await clients.viewer.request("GET", `/api/scenarios/${scenario.id}/instance`)).json()) as {
      instance: { sites: { id: string; kind: string }[] };
      notes: string[];
    };
    expect(instance.instance.sites.map((s) => s.id).sort()).toEqual([...landfillsOnly].sort());
    expect(instance.notes).toContain("no quarry is in play: demand that finds no surplus stays unplaced");
  });
});

describe("a scenario run that fails", () => {
  it("says why and leaves no half result; a restart fails runs it interrupted", async () => {
    const server = await startTestServer("pglite", { config: { solveTimeoutSeconds: 0.001 } });
    try {
      const planner = server.client();
      await planner.login("planner");
      const scenario = (await (await planner.request("POST", "/api/scenarios", { name: "For kort tid" })).json()) as Scenario;
      const { run } = (await (await planner.request("POST", `/api/scenarios/${scenario.id}/run`)).json()) as { run: ScenarioRun };
      const finished = await waitForRun(planner, scenario.id, run.id);
      expect(finished.status).toBe("failed");
      expect(finished.error).toContain("MASSEKART_SOLVE_TIMEOUT_S");
      const view = (await (await planner.request("GET", `/api/scenarios/${scenario.id}/result`)).json()) as ScenarioResultView;
      expect(view).toMatchObject({ run: null, result: null, lastFailure: { id: run.id, status: "failed" } });

      // A run left "running" (as by a crash) is failed with a reason at the next start.
      await server.db.query("insert into scenario_runs (scenario_id, status, started_by, input) values ($1, 'running', 'planner', '{}'::jsonb)", [scenario.id]);
      const { failInterruptedRuns } = await import("../../../src/server/repositories/scenarios");
      expect(await failInterruptedRuns(server.db)).toBe(1);
    } finally {
      await server.stop();
    }
  });
});
