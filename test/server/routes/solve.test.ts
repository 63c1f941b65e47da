import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateInstance } from "../../../src/core/matching/generate";
import type { MatchResult } from "../../../src/core/matching/result";
import { startTestServer, type TestServer } from "../../support/server";

const small = generateInstance({ lots: 20, storageSites: 2, landfills: 1, quarries: 1, months: 6, seed: 11 });

describe("POST /api/solve over HTTP", () => {
  let server: TestServer;
  let limited: TestServer;
  beforeAll(async () => {
    // The second server stops every solve after 1 ms: far less than a worker thread needs to start.
    [server, limited] = await Promise.all([startTestServer("pglite"), startTestServer("pglite", { config: { solveTimeoutSeconds: 0.001 } })]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), limited?.stop()]);
  });

  it("refuses an unauthenticated request with 401", async () => {
    const response = await server.client().request("POST", "/api/solve", small);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
  });

  it("answers a signed-in user who may solve on the server (not a viewer: issue 12) with a result", async () => {
    const client = server.client();
    await client.login("engineer");
    const response = await client.request("POST", "/api/solve?objective=co2", small);
    expect(response.status).toBe(200);
    const result = (await response.json()) as MatchResult;
    expect(result.status).toBe("optimal");
    if (result.status === "error") return;
    expect(result.objectiveKind).toBe("co2");
    expect(result.flows.length).toBeGreaterThan(0);
    expect(Object.keys(result.kpis)).toEqual(
      expect.arrayContaining(["tonnesReused", "reuseRate", "tonnesToLandfill", "tonnesVirgin", "tonneKm", "truckTrips", "vehicleKm", "kgCO2e", "cost", "peakInventoryTonnes"]),
    );
    expect(result.baseline.kpis.tonnesToLandfill).toBeGreaterThan(0);
  });

  it("answers 400 naming each bad field by its JSON path", async () => {
    const client = server.client();
    await client.login("engineer");
    const bad = structuredClone(small);
    (bad.lots[3] as { window: { from: string } }).window.from = "2027-13";
    (bad.lots[4] as { quantity: { value: number } }).quantity.value = -5;
    bad.distances = [{ from: "L1", to: "nowhere", km: 2 }];
    const response = await client.request("POST", "/api/solve", bad);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_input");
    expect(error.fields).toEqual([
      { path: "lots[3].window.from", message: 'must be a month as YYYY-MM, got "2027-13"', key: "validation.month", params: {} },
      { path: "lots[4].quantity.value", message: "must not be negative, got -5", key: "validation.nonNegative", params: {} },
      { path: "distances[0].to", message: '"nowhere" is not the id of a lot or site', key: "validation.invalid", params: { detail: '"nowhere" is not the id of a lot or site' } },
    ]);
    expect(error.message).toContain("lots[3].window.from");
  });

  it("answers 400 for a body that is not JSON or a bad objective", async () => {
    const client = server.client();
    await client.login("engineer");
    expect((await (await client.request("POST", "/api/solve", "{ nope")).json()).error.code).toBe("invalid_json");
    const response = await client.request("POST", "/api/solve?objective=speed", small);
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual([{ path: "objective", message: "must be cost or co2", key: "validation.objective", params: {} }]);
  });

  it("refuses a body over the size limit with 413", async () => {
    const client = server.client();
    await client.login("engineer");
    const oversize = JSON.stringify({ ...small, padding: "x".repeat(11 * 1024 * 1024) });
    const response = await client.request("POST", "/api/solve", oversize);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });

  it("keeps serving other requests while a solve runs", async () => {
    const client = server.client();
    await client.login("planner");
    const bigger = generateInstance({ lots: 400, projects: 200, storageSites: 15, landfills: 4, quarries: 4, months: 24, seed: 2 });
    let solved = false;
    const solving = client.request("POST", "/api/solve", bigger).then((response) => {
      solved = true;
      return response;
    });
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(solved).toBe(false);
    expect((await solving).status).toBe(200);
  });

  it("stops a solve over the time limit with 504 solve_timeout naming the limit and the setting", async () => {
    const client = limited.client();
    await client.login("engineer");
    const response = await client.request("POST", "/api/solve", small);
    expect(response.status).toBe(504);
    const { error } = await response.json();
    expect(error.code).toBe("solve_timeout");
    expect(error.message).toContain("0.001 s");
    expect(error.message).toContain("MASSEKART_SOLVE_TIMEOUT_S");
  });
});
