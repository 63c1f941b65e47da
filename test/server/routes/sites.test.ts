import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site } from "../../../src/core/domain/records";
import type { AuditEntry } from "../../../src/core/domain/registry-api";
import { backendNames } from "../../support/databases";
import { apiClient, startTestServer, type ApiClient, type TestServer } from "../../support/server";

const square = (lon: number, lat: number, size = 0.004) => ({
  type: "Polygon",
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});
const siteBody = {
  name: "Testlager Vettre",
  kind: "storage",
  status: "candidate",
  geometry: square(10.46, 59.82),
  capacityTonnes: 40_000,
  accepts: { materials: ["rock", "moraine"], worstClass: 2 },
  handlingCostPerTonne: 25,
  window: { from: "2027-01", to: "2028-12" },
  stackHeightM: 6,
  usableShare: 0.7,
};

describe.each(backendNames)("sites API on %s", (backend) => {
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

  it.each([
    ["anonymous", 401],
    ["viewer", 403],
    ["engineer", 403],
    ["planner", 201],
    ["admin", 201],
  ] as const)("POST /api/sites as %s answers %i", async (actor, status) => {
    expect((await clients[actor].request("POST", "/api/sites", siteBody)).status).toBe(status);
  });

  it("keeps every attribute, versions updates, refuses stale ones and audits all changes", async () => {
    const created = (await (await clients.planner.request("POST", "/api/sites", siteBody)).json()) as Site;
    expect(created).toMatchObject({ ...siteBody, version: 1, updatedBy: "planner", illustrative: false });
    const updated = await clients.admin.request("PUT", `/api/sites/${created.id}`, { ...siteBody, status: "proposed", version: 1 });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ status: "proposed", version: 2, updatedBy: "admin" });
    const stale = await clients.planner.request("PUT", `/api/sites/${created.id}`, { ...siteBody, status: "allocated", version: 1 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).current).toMatchObject({ status: "proposed", version: 2 });
    expect((await clients.engineer.request("PUT", `/api/sites/${created.id}`, { ...siteBody, version: 2 })).status).toBe(403);

    expect((await clients.planner.request("DELETE", `/api/sites/${created.id}`)).status).toBe(204);
    expect((await clients.viewer.request("GET", `/api/sites/${created.id}`)).status).toBe(404);
    expect((await clients.planner.request("POST", `/api/sites/${created.id}/restore`)).status).toBe(403);
    expect((await clients.admin.request("POST", `/api/sites/${created.id}/restore`)).status).toBe(200);
    const history = (await (await clients.viewer.request("GET", `/api/audit?entity=site&id=${created.id}`)).json()) as { items: AuditEntry[] };
    expect(history.items.map((e) => `${e.action}:${e.actor}`)).toEqual(["restore:admin", "delete:planner", "update:admin", "create:planner"]);
  });

  it("refuses a self-intersecting outline and one outside Norway, naming the field", async () => {
    const bowTie = { type: "Polygon", coordinates: [[[10.4, 59.8], [10.41, 59.81], [10.41, 59.8], [10.4, 59.81], [10.4, 59.8]]] };
    const crossing = await clients.planner.request("POST", "/api/sites", { ...siteBody, geometry: bowTie });
    expect(crossing.status).toBe(400);
    expect((await crossing.json()).error.fields).toEqual([
      { path: "geometry.coordinates", message: expect.stringContaining("edges cross themselves"), key: "geo.selfIntersection", params: { lon: expect.any(String), lat: expect.any(String) } },
    ]);
    const abroad = await clients.planner.request("POST", "/api/sites", { ...siteBody, geometry: square(2.35, 48.85) });
    expect((await abroad.json()).error.fields[0].message).toContain("outside Norway");
    const badShare = await clients.planner.request("POST", "/api/sites", { ...siteBody, usableShare: 1.5, stackHeightM: -1 });
    expect((await badShare.json()).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["stackHeightM", "usableShare"]);
  });
});
