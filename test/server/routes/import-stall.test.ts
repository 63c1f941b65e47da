// Issue 12 item 6: a 12,000-row lots CSV and a 20,000-polygon zoning import are written in batches
// that leave the server free between them, so other requests are answered while they run. The
// ≤ 1 s figure is a timing and lives in bench/import-stall.ts; here: /api/health answers before
// the import ends, and everything is written. On the embedded database, where a stall shows most
// (PGlite runs each statement on the server's one thread).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotImportReport } from "../../../src/core/domain/registry-api";
import { largeLotsCsv, largeZoningGeoJson, pollWhile } from "../../support/large-imports";
import { demoClients, expectJson, startTestServer, type ApiClient, type TestServer } from "../../support/server";

describe("large imports do not stall the server (pglite)", () => {
  let server: TestServer;
  let clients: Record<"planner", ApiClient>;

  beforeAll(async () => {
    server = await startTestServer("pglite");
    clients = await demoClients(server, ["planner"] as const);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers /api/health while a 12,000-row lots CSV is imported, and writes every row", { timeout: 600_000 }, async () => {
    const csv = largeLotsCsv(12_000);
    let importEnded = 0;
    const importing = clients.planner.request("POST", "/api/lots/import", csv, { "content-type": "text/csv" }).then((response) => {
      importEnded = performance.now();
      return response;
    });
    const answers = await pollWhile(`${server.url}/api/health`, importing);
    const report = await expectJson<LotImportReport>(await importing, 201);
    expect(report.created).toEqual({ projects: 1, lots: 12_000 });
    expect(answers.filter((answer) => answer.at < importEnded).length).toBeGreaterThan(0);
    const lots = await server.db.query<{ n: number }>("select count(*)::int as n from lots l join projects p on p.id = l.project_id where p.name = 'Stort import-prosjekt'");
    expect(lots[0]?.n).toBe(12_000);
    const audits = await server.db.query<{ audits: number }>("select count(*)::int as audits from audit_log where entity = 'lot' and action = 'create' and after->>'notes' like 'rad %'");
    expect(audits[0]?.audits).toBe(12_000);
  });

  it("answers /api/health while 20,000 zoning polygons are imported, and writes every one", { timeout: 600_000 }, async () => {
    const geojson = largeZoningGeoJson(20_000);
    let importEnded = 0;
    const importing = clients.planner
      .request("POST", "/api/zoning/import?format=geojson&planId=stall-test", geojson, { "content-type": "application/octet-stream", connection: "close" })
      .then((response) => {
        importEnded = performance.now();
        return response;
      });
    const answers = await pollWhile(`${server.url}/api/health`, importing);
    const summary = await expectJson<{ imported: number }>(await importing, 201);
    expect(summary.imported).toBe(20_000);
    expect(answers.filter((answer) => answer.at < importEnded).length).toBeGreaterThan(0);
    const areas = await server.db.query<{ n: number }>("select count(*)::int as n from zoning_areas where plan_id = 'stall-test'");
    expect(areas[0]?.n).toBe(20_000);
  });
});
