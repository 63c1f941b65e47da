import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createSession,
  fetchProjects,
  fetchZoning,
  importLots,
  lotsExportUrl,
  updateProject,
  type ApiFailure,
} from "../../../src/app/api/client";
import { failureMessage } from "../../../src/app/api/failure-message";
import { lot, project } from "../../support/record-fixtures";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("API client", () => {
  it("posts the credentials as JSON and answers the user", async () => {
    const fetchMock = vi.fn(async () => json(200, { username: "kari", role: "planner" }));
    vi.stubGlobal("fetch", fetchMock);
    const result = await createSession("kari", "secret");
    expect(result).toEqual({ ok: true, value: { username: "kari", role: "planner" }, status: 200 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/session");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({ username: "kari", password: "secret" });
  });

  it("turns the error body into a failure", async () => {
    vi.stubGlobal("fetch", async () =>
      json(401, { error: { code: "invalid_credentials", message: "Wrong username or password.", fields: [] } }),
    );
    expect(await createSession("kari", "nope")).toEqual({
      ok: false,
      failure: { status: 401, code: "invalid_credentials", message: "Wrong username or password.", fields: [] },
    });
  });

  it("reports a network failure as status 0 instead of throwing", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    const result = await fetchProjects();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.failure.status).toBe(0);
  });

  it("unwraps { items }, and refuses an answer its contract does not describe", async () => {
    vi.stubGlobal("fetch", async () => json(200, { items: [project()], total: 1 }));
    expect(await fetchProjects()).toEqual({ ok: true, value: [project()], status: 200 });
    vi.stubGlobal("fetch", async () => json(200, { rows: [] }));
    const result = await fetchProjects();
    expect(!result.ok && result.failure.code).toBe("bad_response");
    // A record that lacks a field, or has one of the wrong type, is refused too, naming where.
    vi.stubGlobal("fetch", async () => json(200, { items: [{ ...project(), lots: [{ ...lot(), tonnes: "many" }] }], total: 1 }));
    const wrong = await fetchProjects();
    expect(!wrong.ok && wrong.failure).toMatchObject({ code: "bad_response", message: expect.stringContaining("items.0.lots.0.tonnes") });
  });

  it("survives an error page that is not JSON", async () => {
    vi.stubGlobal("fetch", async () => new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    const result = await fetchProjects();
    expect(!result.ok && result.failure).toMatchObject({ status: 502, code: "http_502", message: "Bad Gateway" });
  });

  it("asks for zoning in a bounding box when given one", async () => {
    const fetchMock = vi.fn(async () => json(200, { items: [] }));
    vi.stubGlobal("fetch", fetchMock);
    await fetchZoning([10.3, 59.5, 10.6, 59.9]);
    const url = new URL((fetchMock.mock.calls[0] as unknown as [string])[0], "http://localhost");
    expect([url.pathname, url.searchParams.get("bbox")]).toEqual(["/api/zoning", "10.3,59.5,10.6,59.9"]);
  });
});

describe("failureMessage", () => {
  const failure = (status: number, message = "x"): ApiFailure => ({ status, code: "c", message, fields: [] });

  it("says wrong credentials for a 401 at sign-in, and an ended session elsewhere", () => {
    expect(failureMessage(failure(401), "signIn")).toEqual({ key: "error.wrongCredentials" });
    expect(failureMessage(failure(401))).toEqual({ key: "session.expired" });
  });

  it("translates the server's message by its key, and a network failure", () => {
    const limited = { ...failure(429), key: "error.tooManyAttempts", params: { seconds: 60 } };
    expect(failureMessage(limited, "signIn")).toEqual({ key: "error.tooManyAttempts", params: { seconds: 60 } });
    expect(failureMessage(failure(0))).toEqual({ key: "error.network" });
  });

  it("passes any other status on with the server's message", () => {
    expect(failureMessage(failure(500, "Database unavailable"))).toEqual({
      key: "error.server",
      params: { status: 500, message: "Database unavailable" },
    });
  });

  it("keeps a version conflict's current record", async () => {
    const current = project({ version: 5, updatedBy: "planner" });
    vi.stubGlobal("fetch", async () => json(409, { error: { code: "version_conflict", message: "Stale", fields: [] }, current }));
    const result = await updateProject("P1", { name: "x", status: "planned", location: { type: "Point", coordinates: [10, 59] }, contact: "", notes: "", version: 4 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.failure).toMatchObject({ status: 409, code: "version_conflict", current });
  });

  it("asks for the filtered projects and builds the export address with the same query", async () => {
    const fetchMock = vi.fn(async (_url: string) => json(200, { items: [], total: 0 }));
    vi.stubGlobal("fetch", fetchMock);
    await fetchProjects("?material=rock");
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/projects?material=rock");
    expect(lotsExportUrl("?material=rock")).toBe("/api/lots/export.csv?material=rock");
    expect(lotsExportUrl()).toBe("/api/lots/export.csv");
  });
});

describe("importLots", () => {
  const report = { valid: false, dryRun: false, rows: 2, errors: [{ row: 3, column: "quantity", message: '"x" is not a number' }], preview: [], created: { projects: 0, lots: 0 } };

  it("sends the file as text/csv with the dry-run flag and the default CRS", async () => {
    const fetchMock = vi.fn(async () => json(200, { ...report, valid: true, dryRun: true, errors: [] }));
    vi.stubGlobal("fetch", fetchMock);
    const result = await importLots("project,direction\nA,surplus\n", { dryRun: true, crs: "EPSG:25832" });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/lots/import?dryRun=true&crs=EPSG%3A25832");
    expect(init.method).toBe("POST");
    expect((init.headers as Record<string, string>)["content-type"]).toBe("text/csv");
    expect(init.body).toBe("project,direction\nA,surplus\n");
    expect(result).toMatchObject({ ok: true, status: 200, report: { dryRun: true } });
  });

  it("answers the report of a refused import (400), and a failure when there is no report", async () => {
    vi.stubGlobal("fetch", async () => json(400, report));
    expect(await importLots("x", { dryRun: false })).toEqual({ ok: true, status: 400, report });
    vi.stubGlobal("fetch", async () => json(403, { error: { code: "forbidden", message: "No", fields: [] } }));
    expect(await importLots("x", { dryRun: false })).toMatchObject({ ok: false, failure: { status: 403, code: "forbidden" } });
  });
});
