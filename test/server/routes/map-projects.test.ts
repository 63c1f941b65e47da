// GET /api/map/projects (issue 12): the map's data, the registry list with each project summed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lot, Project } from "../../../src/core/domain/records";
import { summariseProject, type ProjectListResponse, type ProjectSummaryListResponse } from "../../../src/core/domain/registry-api";
import { backendNames } from "../../support/databases";
import { apiClient, startTestServer, type ApiClient, type TestServer } from "../../support/server";

describe.each(backendNames)("the map's project summaries on %s", (backend) => {
  let server: TestServer;
  let planner: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(backend);
    planner = apiClient(server.url);
    expect((await planner.login("planner")).status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const json = async <T>(response: Response, status = 200): Promise<T> => {
    const body = await response.text();
    expect(response.status, body).toBe(status);
    return JSON.parse(body) as T;
  };

  it("answers the list's projects, in its order and with its total, each summed from its live lots", async () => {
    for (const query of ["", "?material=rock", "?status=planned,in_progress", "?limit=2&offset=1"]) {
      const whole = await json<ProjectListResponse>(await planner.request("GET", `/api/projects${query}`));
      const summaries = await json<ProjectSummaryListResponse>(await planner.request("GET", `/api/map/projects${query}`));
      expect(summaries).toEqual({ ...whole, items: whole.items.map(summariseProject) });
      expect(summaries.items.every((item) => !("lots" in item))).toBe(true);
    }
  });

  it("follows writes: a new lot, a special mass and a deleted lot change the project's sums", async () => {
    const project = await json<Project>(
      await planner.request("POST", "/api/projects", { name: "Kartsammendrag", status: "planned", location: { type: "Point", coordinates: [10.45, 59.83] } }),
      201,
    );
    const lotBody = { direction: "surplus", material: "clay_silt", contaminationClass: 1, quantity: { value: 2000, unit: "tonnes" }, window: { from: "2027-03", to: "2027-05" } };
    const summaryOf = async () => (await json<ProjectSummaryListResponse>(await planner.request("GET", "/api/map/projects"))).items.find((item) => item.id === project.id)!;
    expect(await summaryOf()).toMatchObject({ lotCount: 0, surplusTonnes: 0, demandTonnes: 0, specialMasses: [] });

    const quickClay = await json<Lot>(await planner.request("POST", `/api/projects/${project.id}/lots`, { ...lotBody, flags: ["quick_clay"] }), 201);
    await json<Lot>(await planner.request("POST", `/api/projects/${project.id}/lots`, { ...lotBody, direction: "demand", quantity: { value: 500, unit: "tonnes" } }), 201);
    expect(await summaryOf()).toMatchObject({ lotCount: 2, surplusTonnes: 2000, demandTonnes: 500, specialMasses: ["quick_clay"] });

    expect((await planner.request("DELETE", `/api/lots/${quickClay.id}`)).status).toBe(204);
    expect(await summaryOf()).toMatchObject({ lotCount: 1, surplusTonnes: 0, demandTonnes: 500, specialMasses: [] });
  });

  it("asks what the list asks: signed in, and deleted projects for admins only", async () => {
    expect((await apiClient(server.url).request("GET", "/api/map/projects")).status).toBe(401);
    expect((await planner.request("GET", "/api/map/projects?includeDeleted=true")).status).toBe(403);
    const refused = await json<{ error: { fields: { path: string }[] } }>(await planner.request("GET", "/api/map/projects?offset=5"), 400);
    expect(refused.error.fields.map((field) => field.path)).toEqual(["offset"]);
  });
});
