import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecommendationView } from "../../../src/core/allocation/recommendation-api";
import type { Site } from "../../../src/core/domain/records";
import type { Scenario, ScenarioResultView, ScenarioRun } from "../../../src/core/scenario/scenario";
import { backendNames } from "../../support/databases";
import { apiClient, startTestServer, type ApiClient, type TestServer } from "../../support/server";

interface AuditEntry {
  action: string;
  actor: string;
  before: Site | null;
  after: Site | null;
}

const waitForRun = async (client: ApiClient, scenarioId: string, runId: string): Promise<ScenarioRun> => {
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    const run = (await (await client.request("GET", `/api/scenarios/${scenarioId}/runs/${runId}`)).json()) as ScenarioRun;
    if (run.status !== "running") return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the run did not finish in 120 s");
};

describe.each(backendNames)("site allocation API on %s", (backend) => {
  let server: TestServer;
  const clients = {} as Record<"anonymous" | "viewer" | "engineer" | "planner" | "admin", ApiClient>;
  let sites: Site[] = [];
  beforeAll(async () => {
    server = await startTestServer(backend);
    for (const actor of ["anonymous", "viewer", "engineer", "planner", "admin"] as const) {
      clients[actor] = apiClient(server.url);
      if (actor !== "anonymous") await clients[actor].login(actor);
    }
    sites = ((await (await clients.viewer.request("GET", "/api/sites")).json()) as { items: Site[] }).items;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const create = async (body: object) => {
    const response = await clients.planner.request("POST", "/api/scenarios", body);
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as Scenario;
  };
  const candidates = () => sites.filter((site) => site.candidate);
  const recommendation = async (scenarioId: string) =>
    (await (await clients.viewer.request("GET", `/api/scenarios/${scenarioId}/recommendation`)).json()) as RecommendationView;

  it("has demo candidate sites with fixed costs and rent", () => {
    expect(candidates().length).toBeGreaterThanOrEqual(3);
    for (const site of candidates()) {
      expect(site.kind).toBe("storage");
      expect(site.fixedCostNok).toBeGreaterThan(0);
      expect(site.rentNokPerMonth).toBeGreaterThan(0);
    }
  });

  it("lets planners and admins edit a site's candidate fields, audits them, and names the field of a bad value", async () => {
    const site = sites.find((s) => s.kind === "storage" && !s.candidate) as Site;
    const { id: _id, version, updatedAt: _u, updatedBy: _b, deletedAt: _d, ...input } = site as Site & { illustrative?: boolean };
    delete (input as { illustrative?: boolean }).illustrative;
    const withoutCost = await clients.planner.request("PUT", `/api/sites/${site.id}`, { ...input, candidate: true, version });
    expect(withoutCost.status).toBe(400);
    expect((await withoutCost.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(["fixedCostNok"]);
    const negative = await clients.planner.request("PUT", `/api/sites/${site.id}`, { ...input, candidate: true, fixedCostNok: -5, version });
    expect((await negative.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(["fixedCostNok"]);
    const landfill = sites.find((s) => s.kind === "landfill") as Site;
    const { id: lid, version: lversion, updatedAt: _lu, updatedBy: _lb, deletedAt: _ld, ...landfillInput } = landfill as Site & { illustrative?: boolean };
    delete (landfillInput as { illustrative?: boolean }).illustrative;
    const landfillCandidate = await clients.planner.request("PUT", `/api/sites/${lid}`, { ...landfillInput, candidate: true, fixedCostNok: 1, version: lversion });
    expect((await landfillCandidate.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(["candidate"]);

    expect((await clients.engineer.request("PUT", `/api/sites/${site.id}`, { ...input, candidate: true, fixedCostNok: 2_000_000, version })).status).toBe(403);
    const saved = await clients.planner.request("PUT", `/api/sites/${site.id}`, { ...input, candidate: true, fixedCostNok: 2_000_000, rentNokPerMonth: 50_000, version });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ candidate: true, fixedCostNok: 2_000_000, rentNokPerMonth: 50_000, version: version + 1 });
    const history = (await (await clients.viewer.request("GET", `/api/audit?entity=site&id=${site.id}`)).json()) as { items: AuditEntry[] };
    expect(history.items[0]).toMatchObject({ action: "update", actor: "planner", after: { candidate: true, fixedCostNok: 2_000_000 } });
    expect(history.items[0]?.before?.candidate).toBeUndefined();
    // Back as it was, so the other tests see the demo's candidates.
    const back = await clients.planner.request("PUT", `/api/sites/${site.id}`, { ...input, version: version + 1 });
    expect(back.status).toBe(200);
  });

  it.each([
    ["anonymous", 401],
    ["viewer", 403],
    ["engineer", 403],
  ] as const)("POST /recommend as %s answers %i", async (actor, status) => {
    const scenario = await create({ name: `Anbefaling av ${actor}` });
    expect((await clients[actor].request("POST", `/api/scenarios/${scenario.id}/recommend`, {})).status).toBe(status);
  });

  it("refuses bad limits with 400 naming the field, and limits the instance cannot meet with the instance's path", async () => {
    const scenario = await create({ name: "Feil grenser" });
    const url = `/api/scenarios/${scenario.id}/recommend`;
    const paths = async (response: Response) => ((await response.json()).error.fields as { path: string }[]).map((f) => f.path);
    const negative = await clients.planner.request("POST", url, { maxAllocatedSites: -1 });
    expect(negative.status).toBe(400);
    expect(await paths(negative)).toEqual(["maxAllocatedSites"]);
    const fraction = await clients.planner.request("POST", url, { maxAllocatedSites: 1.5, maxAllocatedAreaM2: -3 });
    expect((await paths(fraction)).sort()).toEqual(["maxAllocatedAreaM2", "maxAllocatedSites"]);
    const badChoice = await clients.planner.request("POST", url, { siteAllocation: [{ siteId: "x", allocation: "maybe" }] });
    expect(await paths(badChoice)).toEqual(["siteAllocation.0.allocation"]);
    expect(await paths(await clients.planner.request("POST", url, { maxSites: 2 }))).toEqual([""]);

    const [first, second] = candidates();
    const required = [first, second].map((site) => ({ siteId: (site as Site).id, allocation: "required" as const }));
    const tooMany = await clients.planner.request("POST", url, { maxAllocatedSites: 1, siteAllocation: required });
    expect(tooMany.status).toBe(400);
    const body = await tooMany.json();
    expect(body.error.code).toBe("cannot_run");
    expect(body.error.fields.map((f: { path: string }) => f.path)).toEqual(["parameters.maxAllocatedSites"]);
    // Keyed, with the sites' names, so the app says it in the user's language (issue 11).
    expect(body.error.fields[0]).toMatchObject({
      key: "validation.allocationRequiredOverMax",
      params: { max: 1, count: 2, names: expect.arrayContaining([(first as Site).name, (second as Site).name]) },
    });
    const notCandidate = sites.find((s) => s.kind === "landfill") as Site;
    const wrongSite = await clients.planner.request("POST", url, { siteAllocation: [{ siteId: notCandidate.id, allocation: "required" }] });
    expect(wrongSite.status).toBe(400);
    expect((await wrongSite.json()).error.message).toContain("not a candidate");
    // Nothing ran.
    expect(await recommendation(scenario.id)).toMatchObject({ run: null, running: null, result: null });
  });

  it("recommends in the background within the limits, keeps its snapshot apart from /result, and gives the sites in play", async () => {
    const [forcedIn, forcedOut] = candidates() as [Site, Site];
    const scenario = await create({ name: "Hvilke lagerplasser", parameters: { maxAllocatedSites: 2 } });
    const body = { siteAllocation: [{ siteId: forcedIn.id, allocation: "required" }, { siteId: forcedOut.id, allocation: "excluded" }] };
    const [a, b] = await Promise.all([
      clients.planner.request("POST", `/api/scenarios/${scenario.id}/recommend`, body),
      clients.admin.request("POST", `/api/scenarios/${scenario.id}/recommend`, body),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    const started = [(await a.json()) as { run: ScenarioRun; started: boolean }, (await b.json()) as { run: ScenarioRun; started: boolean }];
    expect(started[0]?.run.id).toBe(started[1]?.run.id);
    expect(started.map((s) => s.started).sort()).toEqual([false, true]);
    expect(started[0]?.run.kind).toBe("allocation");
    // One run at a time per scenario, of either kind.
    const matching = await clients.planner.request("POST", `/api/scenarios/${scenario.id}/run`);
    if (matching.status === 409) expect((await matching.json()).error.code).toBe("run_in_progress");
    const runId = started[0]?.run.id as string;
    const running = await recommendation(scenario.id);
    if (running.running) expect(running.running.id).toBe(runId);
    const finished = await waitForRun(clients.viewer, scenario.id, runId);
    expect(finished, finished.error ?? "").toMatchObject({ status: "succeeded", kind: "allocation" });

    const view = await recommendation(scenario.id);
    expect(view.run?.id).toBe(runId);
    const result = view.result;
    if (!result) throw new Error("no result");
    expect(result.status).toBe("optimal");
    const allocated = result.allocation.allocated;
    expect(allocated.length).toBeLessThanOrEqual(2);
    expect(allocated).toContain(forcedIn.id);
    expect(allocated).not.toContain(forcedOut.id);
    expect(result.allocation.gap).toBeLessThanOrEqual(1e-4);
    expect(result.allocation.proven).toBe(true);
    const candidateIds = new Set(candidates().map((s) => s.id));
    expect(new Set(result.allocation.siteValues.map((v) => v.siteId))).toEqual(candidateIds);
    expect(result.allocation.curve.length).toBeGreaterThan(1);
    expect(result.allocation.areaNeedM2.length).toBeGreaterThan(0);
    // The snapshot's sites name every id, and the sites in play are the non-candidates plus the allocated.
    expect(view.sites.filter((s) => s.candidate).map((s) => s.id).sort()).toEqual([...candidateIds].sort());
    const nonCandidates = view.sites.filter((s) => !s.candidate).map((s) => s.id);
    expect([...(view.sitesInPlay ?? [])].sort()).toEqual([...nonCandidates, ...allocated].sort());
    expect(view.dataChanged).toBeNull();
    // The matching result is apart.
    const matchingView = (await (await clients.viewer.request("GET", `/api/scenarios/${scenario.id}/result`)).json()) as ScenarioResultView;
    expect(matchingView.run?.id).not.toBe(runId);

    // "Use this allocation": the scenario's sites in play become the recommendation's; a new
    // recommendation still weighs every candidate.
    const put = await clients.planner.request("PUT", `/api/scenarios/${scenario.id}`, { ...scenario, siteIds: view.sitesInPlay, version: scenario.version });
    expect(put.status).toBe(200);
    const instance = (await (await clients.viewer.request("GET", `/api/scenarios/${scenario.id}/instance`)).json()) as { instance: { sites: { id: string }[] } };
    expect(instance.instance.sites.map((s) => s.id).sort()).toEqual([...(view.sitesInPlay ?? [])].sort());
    const again = await clients.planner.request("POST", `/api/scenarios/${scenario.id}/recommend`, { curve: false });
    const { run } = (await again.json()) as { run: ScenarioRun };
    expect((await waitForRun(clients.viewer, scenario.id, run.id)).status).toBe("succeeded");
    const second = await recommendation(scenario.id);
    expect(new Set(second.sites.filter((s) => s.candidate).map((s) => s.id))).toEqual(candidateIds);
    expect(second.result?.allocation.curve).toEqual([]);
  });

  it("saves a scenario's per-candidate choices", async () => {
    const [site] = candidates() as [Site];
    const scenario = await create({ name: "Med valg", siteAllocation: [{ siteId: site.id, allocation: "excluded" }], parameters: { maxAllocatedAreaM2: 200_000 } });
    expect(scenario.siteAllocation).toEqual([{ siteId: site.id, allocation: "excluded" }]);
    const instance = (await (await clients.viewer.request("GET", `/api/scenarios/${scenario.id}/instance`)).json()) as {
      instance: { sites: { id: string; candidate?: boolean; allocation?: string; areaM2?: number; fixedCostNok?: number }[] };
    };
    const inInstance = instance.instance.sites.find((s) => s.id === site.id);
    expect(inInstance).toMatchObject({ candidate: true, allocation: "excluded", fixedCostNok: site.fixedCostNok });
    expect(inInstance?.areaM2).toBeGreaterThan(1000);
    const bad = await clients.planner.request("POST", "/api/scenarios", { name: "x", siteAllocation: [{ siteId: "" , allocation: "required" }] });
    expect((await bad.json()).error.fields[0].path).toBe("siteAllocation.0.siteId");
  });
});

describe("a recommendation past the time limit", () => {
  it("fails with the reason when no allocation was found in time, and the result stays empty", async () => {
    const server = await startTestServer("pglite", { config: { solveTimeoutSeconds: 0.001 } });
    try {
      const planner = server.client();
      await planner.login("planner");
      const scenario = (await (await planner.request("POST", "/api/scenarios", { name: "For kort tid" })).json()) as Scenario;
      const { run } = (await (await planner.request("POST", `/api/scenarios/${scenario.id}/recommend`)).json()) as { run: ScenarioRun };
      const finished = await waitForRun(planner, scenario.id, run.id);
      expect(finished.status).toBe("failed");
      expect(finished.error).toContain("MASSEKART_SOLVE_TIMEOUT_S");
      const view = (await (await planner.request("GET", `/api/scenarios/${scenario.id}/recommendation`)).json()) as RecommendationView;
      expect(view).toMatchObject({ run: null, result: null, lastFailure: { id: run.id, status: "failed" } });
    } finally {
      await server.stop();
    }
  }, 120_000);
});
