// Issue 12 item 6: GET /api/projects answers are kept while the registry is unchanged, and any
// write — through the API or straight into the database (an import, the CLI, a seed) — is seen by
// the next list, because migration 011's triggers move the `registry_changes` sequence.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsGzip } from "../../src/server/registry-cache";
import { demoClients, expectJson, startTestServer, type ApiClient, type TestServer } from "../support/server";

describe("registry cache (pglite)", () => {
  let server: TestServer;
  let viewer: ApiClient;
  beforeAll(async () => {
    server = await startTestServer("pglite");
    ({ viewer } = await demoClients(server, ["viewer"] as const));
  });
  afterAll(async () => {
    await server?.stop();
  });

  const list = async (query = "") => expectJson<{ items: { id: string; name: string; lots: unknown[] }[]; total: number }>(await viewer.request("GET", `/api/projects${query}`), 200);

  it("answers the same list twice, and sees writes made outside the routes", async () => {
    const first = await list();
    expect(await list()).toEqual(first);
    const project = first.items[0]!;
    await server.db.query("update projects set name = name || ' (renamed)' where id = $1", [project.id]);
    expect((await list()).items.find((p) => p.id === project.id)?.name).toBe(`${project.name} (renamed)`);
    await server.db.query("update lots set deleted_at = now() where project_id = $1", [project.id]);
    expect((await list()).items.find((p) => p.id === project.id)?.lots).toEqual([]);
    // A page is kept apart from the whole list.
    const page = await list("?limit=1");
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(first.total);
  });

  it("sends the kept list gzipped to clients that take gzip, and as plain JSON to those that do not", async () => {
    const plain = await viewer.request("GET", "/api/projects", undefined, { "accept-encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const text = await plain.text();
    // fetch asks for gzip by default and unpacks it: the same JSON arrives.
    const zipped = await viewer.request("GET", "/api/projects", undefined, { "accept-encoding": "gzip" });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toContain("Accept-Encoding");
    expect(zipped.headers.get("cache-control")).toBe("no-store");
    expect(await zipped.text()).toBe(text);
    expect(acceptsGzip("gzip;q=0, identity")).toBe(false);
    expect(acceptsGzip("br, *;q=0.1")).toBe(true);
    expect(acceptsGzip("deflate, GZip;q=0.5")).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it("compresses the other answers too", async () => {
    const sites = await viewer.request("GET", "/api/sites", undefined, { "accept-encoding": "gzip" });
    expect(sites.status).toBe(200);
    expect(sites.headers.get("content-encoding")).toBe("gzip");
    expect(Array.isArray(((await sites.json()) as { items: unknown[] }).items)).toBe(true);
    const csv = await viewer.request("GET", "/api/lots/export.csv", undefined, { "accept-encoding": "gzip" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-encoding")).toBe("gzip");
    expect((await csv.text()).split("\n")[0]).toContain("projectId");
  });
});
