/**
 * Issue 12, items 2 (logins) and 5 (audit): sign-in throttling that concurrent requests cannot get
 * round and an attacker cannot turn against a real user, the proxy and Host settings, and the
 * history of deleted records.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Project } from "../../../src/core/domain/records";
import type { SessionInfo } from "../../../src/core/domain/users-api";
import { defaultLoginThrottleOptions } from "../../../src/server/auth/login-throttle";
import { apiClient, demoClients, startTestServer, type ApiClient, type TestServer } from "../../support/server";

const projectBody = {
  name: "Slettes",
  status: "planned",
  location: { type: "Point", coordinates: [10.47, 59.8] },
  contact: "",
  notes: "",
};

/** A sign-in from a given client address (read from X-Forwarded-For when the server trusts a proxy). */
const signIn = (client: ApiClient, username: string, password: string, from?: string) =>
  client.request("POST", "/api/session", { username, password }, from ? { "x-forwarded-for": from } : {});

describe("sign-in throttling", () => {
  describe("with the default limits, no proxy trusted", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer("pglite");
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("lets 50 concurrent wrong passwords from one address check at most the limit of 10", async () => {
      const attempts = Array.from({ length: 50 }, () => apiClient(server.url).login("admin", "a wrong guess"));
      const statuses = (await Promise.all(attempts)).map((response) => response.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(defaultLoginThrottleOptions.addressLimit);
      expect(statuses.filter((s) => s === 429)).toHaveLength(50 - defaultLoginThrottleOptions.addressLimit);
      // The address stays refused, even with the right password, until the failures age out.
      const blocked = await apiClient(server.url).login("admin", "demo");
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(800);
    });

    it("ignores X-Forwarded-For unless MASSEKART_TRUST_PROXY says a proxy is in front", async () => {
      // Every request comes from 127.0.0.1, which the test above has blocked; a forged header changes nothing.
      const response = await signIn(apiClient(server.url), "planner", "demo", "203.0.113.9");
      expect(response.status).toBe(429);
    });
  });

  describe("behind one trusted proxy", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer("pglite", {
        config: { trustedProxyHops: 1, loginThrottle: { ...defaultLoginThrottleOptions, baseDelayMs: 100, maxDelayMs: 400 } },
      });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("lets the real user in from a clean address, after a short delay, while attackers elsewhere are refused", async () => {
      for (const attacker of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
        const statuses = await Promise.all(Array.from({ length: 12 }, () => signIn(apiClient(server.url), "planner", "guess-guess", attacker)));
        expect(statuses.filter((r) => r.status === 401).length).toBeLessThanOrEqual(10);
      }
      // 30 failures on the account: no lockout for the right password from the real user's desk.
      const started = Date.now();
      const real = await signIn(apiClient(server.url), "planner", "demo", "192.0.2.50");
      expect(real.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(350); // the progressive delay, capped at 400 ms here
      // The attackers' addresses stay refused, right password or not.
      expect((await signIn(apiClient(server.url), "planner", "demo", "198.51.100.1")).status).toBe(429);
    });

    it("does not reset an address's failures when someone signs in successfully from it", async () => {
      const from = "198.51.100.20";
      for (let i = 0; i < 9; i += 1) expect((await signIn(apiClient(server.url), "engineer", "guess-guess", from)).status).toBe(401);
      // The attacker signs in to an account of their own, which used to wipe the address's count.
      expect((await signIn(apiClient(server.url), "viewer", "demo", from)).status).toBe(200);
      expect((await signIn(apiClient(server.url), "admin", "guess-guess", from)).status).toBe(401);
      expect((await signIn(apiClient(server.url), "admin", "guess-guess", from)).status).toBe(429);
    });

    it("reads the client from the proxy's entry in X-Forwarded-For, not from what the client wrote before it", async () => {
      const client = apiClient(server.url);
      expect((await signIn(client, "viewer", "demo", "10.9.9.9, 192.0.2.77")).status).toBe(200);
      const { items } = (await (await client.request("GET", "/api/me/sessions")).json()) as { items: SessionInfo[] };
      expect(items.find((s) => s.current)?.address).toBe("192.0.2.77");
    });
  });

  describe("on a password change", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer("pglite", { config: { loginThrottle: { ...defaultLoginThrottleOptions, addressLimit: 3 } } });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("throttles wrong current passwords like sign-ins", async () => {
      const client = apiClient(server.url);
      expect((await client.login("engineer")).status).toBe(200);
      const change = (currentPassword: string) => client.request("PUT", "/api/me/password", { currentPassword, newPassword: "Et langt nytt passord" });
      for (let i = 0; i < 2; i += 1) expect((await change("not the password")).status).toBe(400);
      const statuses = await Promise.all([change("not the password"), change("not the password"), change("not the password")]);
      expect(statuses.map((r) => r.status).sort()).toEqual([400, 429, 429]);
      const refused = await change("demo");
      expect(refused.status).toBe(429);
      expect((await refused.json()).error.code).toBe("too_many_attempts");
    });
  });
});

describe("Host header against MASSEKART_PUBLIC_URL", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite", { config: { publicUrl: "http://massekart.test" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** node:http, since fetch sets Host itself. */
  function raw(method: string, path: string, headers: Record<string, string>, body?: string) {
    const url = new URL(server.url);
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  it("answers only requests addressed to the public origin (health checks excepted)", async () => {
    const wrong = await raw("GET", "/api/auth/config", { host: "evil.example" });
    expect(wrong.status).toBe(421);
    expect(JSON.parse(wrong.body).error.code).toBe("wrong_host");
    expect((await raw("GET", "/", { host: `127.0.0.1:${new URL(server.url).port}` })).status).toBe(421);
    expect((await raw("GET", "/api/auth/config", { host: "massekart.test" })).status).toBe(200);
    expect((await raw("GET", "/api/health", { host: "10.0.0.5:8080" })).status).toBe(200);
  });

  it("compares a write's Origin with the public origin", async () => {
    const login = JSON.stringify({ username: "viewer", password: "demo" });
    const json = { "content-type": "application/json", host: "massekart.test" };
    expect((await raw("POST", "/api/session", { ...json, origin: "http://massekart.test" }, login)).status).toBe(200);
    expect((await raw("POST", "/api/session", { ...json, origin: "http://evil.example" }, login)).status).toBe(403);
  });
});

describe("history of deleted records and undoing deletes", () => {
  let server: TestServer;
  let clients: Record<"viewer" | "engineer" | "planner" | "admin", ApiClient>;
  beforeAll(async () => {
    server = await startTestServer("pglite");
    clients = await demoClients(server, ["viewer", "engineer", "planner", "admin"] as const);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("shows a deleted record's history to admins only; others get 404 as for the record itself", async () => {
    const project = (await (await clients.planner.request("POST", "/api/projects", projectBody)).json()) as Project;
    const lot = (await (
      await clients.planner.request("POST", `/api/projects/${project.id}/lots`, {
        direction: "surplus",
        material: "rock",
        contaminationClass: 1,
        quantity: { value: 100, unit: "tonnes" },
        window: { from: "2027-01", to: "2027-02" },
      })
    ).json()) as { id: string };
    const history = (client: ApiClient, entity: string, id: string) => client.request("GET", `/api/audit?entity=${entity}&id=${id}`);
    expect((await history(clients.viewer, "project", project.id)).status).toBe(200);

    expect((await clients.planner.request("DELETE", `/api/projects/${project.id}`)).status).toBe(204);
    for (const actor of ["viewer", "engineer", "planner"] as const) {
      const response = await history(clients[actor], "project", project.id);
      expect(response.status, actor).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
      // Its lot went with it.
      expect((await history(clients[actor], "lot", lot.id)).status, actor).toBe(404);
    }
    const admins = (await (await history(clients.admin, "project", project.id)).json()) as { items: { action: string }[] };
    expect(admins.items.map((e) => e.action)).toEqual(["delete", "create", "create"]);

    // A deleted lot of a live project: the lot's history is gone for non-admins, the project's is not.
    expect((await clients.admin.request("POST", `/api/projects/${project.id}/restore`)).status).toBe(200);
    expect((await history(clients.viewer, "lot", lot.id)).status).toBe(200);
    expect((await clients.planner.request("DELETE", `/api/lots/${lot.id}`)).status).toBe(204);
    expect((await history(clients.viewer, "lot", lot.id)).status).toBe(404);
    expect((await history(clients.admin, "lot", lot.id)).status).toBe(200);
    expect((await history(clients.viewer, "project", project.id)).status).toBe(200);
  });

  it("lets only admins restore a deleted scenario", async () => {
    const scenario = (await (await clients.planner.request("POST", "/api/scenarios", { name: "Angres" })).json()) as { id: string };
    expect((await clients.planner.request("DELETE", `/api/scenarios/${scenario.id}`)).status).toBe(204);
    expect((await clients.planner.request("GET", `/api/audit?entity=scenario&id=${scenario.id}`)).status).toBe(404);
    expect((await clients.planner.request("POST", `/api/scenarios/${scenario.id}/restore`)).status).toBe(403);
    expect((await clients.admin.request("POST", `/api/scenarios/${scenario.id}/restore`)).status).toBe(200);
    expect((await clients.planner.request("GET", `/api/audit?entity=scenario&id=${scenario.id}`)).status).toBe(200);
  });
});
