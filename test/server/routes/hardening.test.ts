// Issue 12: every bad input refused with a 400 naming the field, CSV exports safe in a spreadsheet,
// solves queued and kept from viewers, failed runs never left running, the project list paged,
// and no API answer cached.
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Project } from "../../../src/core/domain/records";
import type { ProjectListResponse } from "../../../src/core/domain/registry-api";
import type { ScenarioRun } from "../../../src/core/scenario/scenario";
import { generateInstance } from "../../../src/core/matching/generate";
import { createHaulService } from "../../../src/server/haul-service";
import type { AppEnv } from "../../../src/server/http";
import { scenarioRoutes } from "../../../src/server/routes/scenarios";
import { createSolveQueue } from "../../../src/server/solve-queue";
import { demoClients, expectJson, startTestServer, type ApiClient, type TestServer } from "../../support/server";

const point = { type: "Point", coordinates: [10.43, 59.83] };
const project = (name: string) => ({ name, status: "planned", location: point });
const lot = (overrides: object = {}) => ({
  direction: "surplus",
  material: "rock",
  contaminationClass: 1,
  quantity: { value: 1000, unit: "tonnes" },
  window: { from: "2027-01", to: "2027-06" },
  ...overrides,
});
type ErrorBody = { error: { code: string; message: string; fields: { path: string; message: string }[] } };

/** A closed ring of `count` positions around Asker, a circle that never crosses itself. */
function circle(count: number): number[][] {
  const ring = Array.from({ length: count - 1 }, (_, k) => {
    const angle = (2 * Math.PI * k) / (count - 1);
    return [10.43 + 0.01 * Math.cos(angle), 59.83 + 0.005 * Math.sin(angle)];
  });
  return [...ring, ring[0]!];
}

describe("hardening of the API (issue 12)", () => {
  let server: TestServer;
  let clients: Record<"viewer" | "engineer" | "planner" | "admin", ApiClient>;
  let projectId: string;
  beforeAll(async () => {
    server = await startTestServer("pglite", { config: { maxConcurrentSolves: 1 } });
    clients = await demoClients(server, ["viewer", "engineer", "planner", "admin"] as const);
    projectId = (await expectJson<Project>(await clients.planner.request("POST", "/api/projects", project("Hardening")), 201)).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe("input bounds", () => {
    it.each([
      ["a NUL in a project name", "/api/projects", project("Bad\u0000name"), "name"],
      ["a control character in a project's notes", "/api/projects", { ...project("Bell"), notes: "ring \u0007" }, "notes"],
    ])("refuses %s with 400 naming the field", async (_, route, body, field) => {
      const answer = await expectJson<ErrorBody>(await clients.planner.request("POST", route, body), 400);
      expect(answer.error.fields.map((f) => f.path)).toContain(field);
      expect(answer.error.message).toMatch(/control characters/);
    });

    it("keeps line breaks in notes", async () => {
      await expectJson(await clients.planner.request("POST", "/api/projects", { ...project("Lines"), notes: "one\r\ntwo\tthree" }), 201);
    });

    it.each([
      ["year 9999", { window: { from: "9999-01", to: "9999-12" } }, "window.from"],
      ["year 1989", { window: { from: "1989-12", to: "2027-01" } }, "window.from"],
      ["a five-digit year", { window: { from: "2027-01", to: "20270-01" } }, "window.to"],
    ])("refuses a lot window in %s", async (_, overrides, field) => {
      const answer = await expectJson<ErrorBody>(await clients.planner.request("POST", `/api/projects/${projectId}/lots`, lot(overrides)), 400);
      expect(answer.error.fields.map((f) => f.path)).toContain(field);
    });

    it("refuses a lot over 50 million t even with confirmLarge, and accepts one just under", async () => {
      const tooLarge = await expectJson<ErrorBody>(
        await clients.planner.request("POST", `/api/projects/${projectId}/lots`, lot({ quantity: { value: 40_000_000, unit: "m3_in_place" }, confirmLarge: true })),
        400,
      );
      expect(tooLarge.error.code).toBe("quantity_too_large");
      expect(tooLarge.error.fields[0]!.path).toBe("quantity.value");
      const over = await expectJson<ErrorBody>(await clients.planner.request("POST", `/api/projects/${projectId}/lots`, lot({ quantity: { value: 1e300, unit: "tonnes" }, confirmLarge: true })), 400);
      expect(over.error.fields.map((f) => f.path)).toContain("quantity.value");
      await expectJson(await clients.planner.request("POST", `/api/projects/${projectId}/lots`, lot({ quantity: { value: 20_000_000, unit: "tonnes" }, confirmLarge: true })), 201);
    });

    it("refuses a site outline of more than 20,000 positions with a clear 400, and takes one of 20,000", async () => {
      const site = (ring: number[][]) => ({ name: "Ring", kind: "storage", status: "candidate", geometry: { type: "Polygon", coordinates: [ring] } });
      const answer = await expectJson<ErrorBody>(await clients.planner.request("POST", "/api/sites", site(circle(20_001))), 400);
      expect(answer.error.fields).toContainEqual(expect.objectContaining({ path: "geometry.coordinates", key: "geo.tooManyVertices", params: { count: 20001, max: 20000 }, message: expect.stringMatching(/20,001 positions; at most 20,000/) }));
      await expectJson(await clients.planner.request("POST", "/api/sites", site(circle(20_000))), 201);
    });

    it("refuses JSON nested deeper than 64 levels with 400 on any route, not a stack overflow", async () => {
      const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
      for (const route of ["/api/projects", "/api/solve", `/api/projects/${projectId}/lots`]) {
        const answer = await expectJson<ErrorBody>(await clients.planner.request("POST", route, deep), 400);
        expect(answer.error.code).toBe("json_too_deep");
      }
      const deepObject = `{"name":${'{"a":'.repeat(100)}1${"}".repeat(100)}}`;
      expect((await expectJson<ErrorBody>(await clients.planner.request("POST", "/api/projects", deepObject), 400)).error.code).toBe("json_too_deep");
    });

    it("refuses an instance with a month outside 1990-01…2100-12 before it reaches the solver", async () => {
      const instance = generateInstance({ lots: 4, storageSites: 1, landfills: 1, quarries: 1, months: 3, seed: 5 });
      const answer = await expectJson<ErrorBody>(await clients.planner.request("POST", "/api/solve", { ...instance, months: ["2027-01", "9999-12"] }), 400);
      expect(answer.error.fields.map((f) => f.path)).toContain("months[1]");
    });
  });

  it("writes cells a spreadsheet would run as formulas as text in the CSV export", async () => {
    const created = await expectJson<Project>(await clients.planner.request("POST", "/api/projects", { ...project('=HYPERLINK("http://evil","x")'), contact: "@boss" }), 201);
    await expectJson(await clients.planner.request("POST", `/api/projects/${created.id}/lots`, lot({ notes: "-2+3" })), 201);
    const csv = await (await clients.viewer.request("GET", "/api/lots/export.csv")).text();
    const line = csv.split("\n").find((row) => row.includes("HYPERLINK"))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(line).toContain("'-2+3");
    expect(line).not.toMatch(/(^|,)[=+@]/);
  });

  describe("solves", () => {
    it("keeps viewers from solving on the server", async () => {
      const instance = generateInstance({ lots: 4, storageSites: 1, landfills: 1, quarries: 1, months: 3, seed: 5 });
      expect((await expectJson<ErrorBody>(await clients.viewer.request("POST", "/api/solve", instance), 403)).error.code).toBe("forbidden");
      await expectJson(await clients.engineer.request("POST", "/api/solve", instance), 200);
    });

    it("runs one solve at a time with MASSEKART_MAX_CONCURRENT_SOLVES=1; the others show as queued with their place", async () => {
      const ids: string[] = [];
      for (const name of ["Q1", "Q2", "Q3"]) ids.push((await expectJson<{ id: string }>(await clients.planner.request("POST", "/api/scenarios", { name }), 201)).id);
      const started = await Promise.all(ids.map((id) => clients.planner.request("POST", `/api/scenarios/${id}/run`).then((r) => expectJson<{ run: ScenarioRun }>(r, 202))));
      const statuses = started.map(({ run }) => run.status);
      expect(statuses.filter((s) => s === "running")).toHaveLength(1);
      expect(started.filter(({ run }) => run.status === "queued").map(({ run }) => run.queuePosition).sort()).toEqual([1, 2]);
      const final: ScenarioRun[] = [];
      for (const [k, { run }] of started.entries()) {
        for (;;) {
          const now = await expectJson<ScenarioRun>(await clients.viewer.request("GET", `/api/scenarios/${ids[k]}/runs/${run.id}`), 200);
          if (now.status !== "running" && now.status !== "queued") {
            final.push(now);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      expect(final.map((run) => run.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    }, 120_000);
  });

  it("marks a run failed, and logs why, when something throws after the solve", async () => {
    const logged: string[] = [];
    const config = { solveTimeoutSeconds: 30, solveMemoryMb: 512, osrmUrl: undefined };
    const routes = scenarioRoutes(server.db, config, createHaulService(server.db, config, { log: () => undefined }), {
      queue: createSolveQueue({ maxConcurrent: 1 }),
      solve: () => Promise.reject(new Error("the worker vanished")),
      log: (message) => logged.push(message),
    });
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set("user", { id: "x", username: "planner", role: "planner", displayName: "Planner", mustChangePassword: false, signInMethod: "password", sessionId: "s" });
      await next();
    });
    app.route("/api", routes);
    const scenario = await expectJson<{ id: string }>(await clients.planner.request("POST", "/api/scenarios", { name: "Crashing" }), 201);
    const { run } = await expectJson<{ run: ScenarioRun }>(await app.request(`/api/scenarios/${scenario.id}/run`, { method: "POST" }), 202);
    await routes.whenIdle();
    const after = await expectJson<ScenarioRun>(await clients.viewer.request("GET", `/api/scenarios/${scenario.id}/runs/${run.id}`), 200);
    expect(after.status).toBe("failed");
    expect(after.error).toMatch(/internal error/);
    expect(logged.join("\n")).toMatch(/the worker vanished/);
  });

  it("pages GET /api/projects with limit and offset and a total, keeping the default answer", async () => {
    const all = await expectJson<ProjectListResponse>(await clients.viewer.request("GET", "/api/projects"), 200);
    expect(all.total).toBe(all.items.length);
    expect(all.items.length).toBeGreaterThan(3);
    const page = await expectJson<ProjectListResponse>(await clients.viewer.request("GET", "/api/projects?limit=2&offset=1"), 200);
    expect(page).toMatchObject({ total: all.total, limit: 2, offset: 1 });
    expect(page.items.map((p) => p.id)).toEqual(all.items.slice(1, 3).map((p) => p.id));
    expect(page.items[0]!.lots).toEqual(all.items[1]!.lots);
    const beyond = await expectJson<ProjectListResponse>(await clients.viewer.request("GET", `/api/projects?limit=5&offset=${all.total + 10}`), 200);
    expect(beyond).toMatchObject({ items: [], total: all.total });
    const bad = await expectJson<ErrorBody>(await clients.viewer.request("GET", "/api/projects?offset=5"), 400);
    expect(bad.error.fields.map((f) => f.path)).toContain("offset");
    expect((await expectJson<ErrorBody>(await clients.viewer.request("GET", "/api/projects?limit=0"), 400)).error.fields[0]!.path).toBe("limit");
  });

  it("sends Cache-Control: no-store on API answers, errors included", async () => {
    for (const [client, route] of [[clients.viewer, "/api/me"], [clients.viewer, "/api/projects?limit=1"], [clients.viewer, "/api/nothing-here"], [clients.planner, "/api/health"]] as const) {
      expect((await client.request("GET", route)).headers.get("cache-control")).toBe("no-store");
    }
  });
});
