// Issue 12, fuzzing: the JSON body of every write route (every POST/PUT of core/api/routes.ts with
// a JSON schema), fuzzed with fast-check under a fixed seed and sent through the running server as
// an admin (who passes every role check, so the body reaches the route's own code): no answer is a
// 5xx. Ids in paths are real ones of the demo set, so the bodies reach the record's checks.
// `npm run bench:fuzz` runs the file readers longer.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes, type RouteContract } from "../../../src/core/api/routes";
import { writeBody } from "../../support/fuzz";
import { demoClients, expectJson, startTestServer, type ApiClient, type TestServer } from "../../support/server";

const seed = 20261205;
/** Routes whose writes end the admin's session or the server's settings for the rest of the run. */
const leftOut = new Set(["signIn", "changeOwnPassword"]);
const writeRoutes = Object.entries(routes as Record<string, RouteContract>).filter(
  ([name, contract]) => (contract.method === "POST" || contract.method === "PUT") && typeof contract.body === "object" && !leftOut.has(name),
);

describe("write routes answer fuzzed JSON bodies without a 5xx (pglite)", () => {
  let server: TestServer;
  let admin: ApiClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer("pglite");
    ({ admin } = await demoClients(server, ["admin"] as const));
    const first = async (sql: string) => (await server.db.query<{ id: string }>(sql))[0]?.id ?? "missing";
    ids.project = await first("select id from projects order by name limit 1");
    ids.lot = await first("select id from lots limit 1");
    ids.site = await first("select id from sites limit 1");
    ids.scenario = await first("select id from scenarios limit 1");
    ids.outdoor = await first("select id from outdoor_lots limit 1");
    ids.user = await first("select id from users where username = 'viewer'");
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** The path with each `:param` replaced by a real id of the kind the path names. */
  const pathOf = (path: string) =>
    path.replace(/\/([\w-]+)\/:(\w+)/g, (_whole, collection: string, param: string) => {
      const kind = collection.startsWith("project") ? "project" : collection.startsWith("lot") ? "lot" : collection.startsWith("site") ? "site" : collection.startsWith("scenario") ? "scenario" : collection.startsWith("outdoor-lot") ? "outdoor" : collection.startsWith("user") ? "user" : param;
      return `/${collection}/${ids[kind] ?? "fuzz-id"}`;
    });

  it("is checked on every write route", () => {
    const names = writeRoutes.map(([name]) => name);
    for (const name of ["createProject", "updateProject", "createLot", "updateLot", "createSite", "updateSite", "createScenario", "updateScenario", "createOutdoorLot", "updateOutdoorLot", "createUser", "solve"]) {
      expect(names).toContain(name);
    }
  });

  it.each(writeRoutes.map(([name, contract]) => [name, contract] as const))("%s", { timeout: 300_000 }, async (_name, contract) => {
    const path = pathOf(contract.path);
    await fc.assert(
      fc.asyncProperty(writeBody, async (body) => {
        const response = await admin.request(contract.method, path, body);
        const text = await response.text();
        if (response.status >= 500) throw new Error(`${contract.method} ${path}: ${response.status} ${text.slice(0, 300)}`);
      }),
      { numRuns: 15, seed },
    );
    // The admin is still signed in: the fuzzing did not end the session it relies on.
    await expectJson(await admin.request("GET", "/api/me"), 200);
  });
});
