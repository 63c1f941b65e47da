import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Project, Site } from "../../../src/core/domain/records";
import type { AuditEntry } from "../../../src/core/domain/registry-api";
import type {
  OutdoorLot,
  OutdoorLotImportReport,
  OutdoorMatchResult,
  OutdoorMaterialTypeRecord,
  OutdoorSuggestionsResponse,
  StoragePlan,
} from "../../../src/core/outdoor/api";
import { hashPassword } from "../../../src/server/auth/passwords";
import { insertUser } from "../../../src/server/repositories/users";
import { backendNames } from "../../support/databases";
import { apiClient, startTestServer, type ApiClient, type TestServer } from "../../support/server";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/outdoor/${name}`, import.meta.url), "utf8");

const square = (lon: number, lat: number, size = 0.004) => ({
  type: "Polygon",
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});
const siteBody = (name: string, lonLat: [number, number], materialAreaM2: number, materialAreaCovered: boolean) => ({
  name,
  kind: "storage",
  status: "in_use",
  geometry: square(...lonLat),
  materialAreaM2,
  materialAreaCovered,
});
const projectBody = (name: string, coordinates: [number, number] = [10.47, 59.8]) => ({
  name,
  status: "planned",
  location: { type: "Point", coordinates },
  contact: "Byggeleder (test)",
  notes: "Outdoor materials test",
});
/** The example: 600 m of granite kerb from a road project. */
const kerbBody = { direction: "available", typeId: "granite_kerb", quantity: 600, condition: "reusable", availableFrom: "2027-03" };

type Actor = "anonymous" | "viewer" | "engineer" | "engineer2" | "planner" | "admin";
type ErrorBody = { error: { code: string; message: string; fields: { path: string; message: string }[] } };

describe.each(backendNames)("outdoor materials API on %s", (backend) => {
  let server: TestServer;
  const clients = {} as Record<Actor, ApiClient>;
  let openSite: Site;
  let coveredSite: Site;

  const json = async <T>(response: Response, status: number): Promise<T> => {
    const body = await response.text();
    expect(response.status, body).toBe(status);
    return (body ? JSON.parse(body) : undefined) as T;
  };

  beforeAll(async () => {
    server = await startTestServer(backend);
    await insertUser(server.db, "engineer2", "engineer", await hashPassword("demo"));
    for (const actor of ["anonymous", "viewer", "engineer", "engineer2", "planner", "admin"] as const) {
      clients[actor] = apiClient(server.url);
      if (actor !== "anonymous") expect((await clients[actor].login(actor)).status).toBe(200);
    }
    // Room for the tests' lots: an open yard beside the projects and a covered hall a little away.
    openSite = await json<Site>(await clients.planner.request("POST", "/api/sites", siteBody("Utelager Vettre", [10.475, 59.8], 100_000, false)), 201);
    coveredSite = await json<Site>(await clients.planner.request("POST", "/api/sites", siteBody("Lagerhall Billingstad", [10.5, 59.82], 500, true)), 201);
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** A fresh project owned by the engineer, with one available kerb lot. */
  async function engineersProject(name = "Vei med kantstein", coordinates?: [number, number]): Promise<{ project: Project; lot: OutdoorLot }> {
    const project = await json<Project>(await clients.engineer.request("POST", "/api/projects", projectBody(name, coordinates)), 201);
    const lot = await json<OutdoorLot>(await clients.engineer.request("POST", `/api/projects/${project.id}/outdoor-lots`, kerbBody), 201);
    return { project, lot };
  }

  it("keeps the site's material area, and logs the issue's kerb with its tonnes, area and nearest site", async () => {
    expect(openSite).toMatchObject({ materialAreaM2: 100_000, materialAreaCovered: false });
    const { project, lot } = await engineersProject();
    expect(lot).toMatchObject({
      ...kerbBody,
      projectId: project.id,
      notes: "",
      version: 1,
      updatedBy: "engineer",
      deletedAt: null,
      unit: "m",
      tonnes: 60,
      storageAreaM2: 20,
      storage: { siteId: openSite.id, chosen: "nearest" },
    });
    const benches = await json<OutdoorLot>(
      await clients.engineer.request("POST", `/api/projects/${project.id}/outdoor-lots`, { ...kerbBody, typeId: "park_bench", quantity: 4 }),
      201,
    );
    // Benches need cover, so they go to the nearest covered site: 4 × 1.3 m² ÷ 2 layers = 2.6 m².
    expect(benches).toMatchObject({ unit: "pieces", storageAreaM2: 2.6, storage: { siteId: coveredSite.id, chosen: "nearest" } });
    const listed = await json<{ items: OutdoorLot[] }>(await clients.viewer.request("GET", `/api/projects/${project.id}/outdoor-lots`), 200);
    expect(listed.items.map((l) => l.id)).toEqual([lot.id, benches.id]);
  });

  describe("role matrix", () => {
    const writers: [Actor, number][] = [
      ["anonymous", 401],
      ["viewer", 403],
      ["engineer2", 403],
      ["engineer", 200],
      ["planner", 200],
      ["admin", 200],
    ];
    const created = (status: number) => (status === 200 ? 201 : status);
    const deleted = (status: number) => (status === 200 ? 204 : status);

    it.each(writers.map(([a, s]) => [a, created(s)] as [Actor, number]))("POST /api/projects/:id/outdoor-lots as %s answers %i", async (actor, status) => {
      const { project } = await engineersProject();
      expect((await clients[actor].request("POST", `/api/projects/${project.id}/outdoor-lots`, kerbBody)).status).toBe(status);
    });

    it.each(writers)("PUT /api/outdoor-lots/:id as %s answers %i", async (actor, status) => {
      const { lot } = await engineersProject();
      const response = await clients[actor].request("PUT", `/api/outdoor-lots/${lot.id}`, { ...kerbBody, quantity: 700, version: lot.version });
      expect(response.status).toBe(status);
    });

    it.each(writers.map(([a, s]) => [a, deleted(s)] as [Actor, number]))("DELETE /api/outdoor-lots/:id as %s answers %i", async (actor, status) => {
      const { lot } = await engineersProject();
      expect((await clients[actor].request("DELETE", `/api/outdoor-lots/${lot.id}`)).status).toBe(status);
    });

    it.each([
      ["anonymous", 401],
      ["viewer", 403],
      ["engineer", 403],
      ["planner", 403],
      ["admin", 200],
    ] as [Actor, number][])("POST /api/outdoor-lots/:id/restore as %s answers %i", async (actor, status) => {
      const { lot } = await engineersProject();
      expect((await clients.engineer.request("DELETE", `/api/outdoor-lots/${lot.id}`)).status).toBe(204);
      expect((await clients[actor].request("POST", `/api/outdoor-lots/${lot.id}/restore`)).status).toBe(status);
    });

    it.each(writers.map(([a, s]) => [a, created(s)] as [Actor, number]))("POST /api/outdoor-lots/import into the engineer's project as %s answers %i", async (actor, status) => {
      const { project } = await engineersProject();
      const csv = `projectId,direction,type,quantity,condition,availableFrom\n${project.id},available,granite_kerb,10,reusable,2027-01\n`;
      const response = await clients[actor].request("POST", "/api/outdoor-lots/import", csv, { "content-type": "text/csv" });
      // A signed-in engineer who may not write the project gets a row error (400), not a 403.
      expect(response.status).toBe(actor === "engineer2" ? 400 : status);
    });

    it.each([
      ["anonymous", 401],
      ["viewer", 403],
      ["engineer", 403],
      ["planner", 403],
      ["admin", 201],
    ] as [Actor, number][])("POST /api/outdoor-materials/types as %s answers %i", async (actor, status) => {
      const types = await json<{ items: OutdoorMaterialTypeRecord[] }>(await clients.viewer.request("GET", "/api/outdoor-materials/types"), 200);
      const { id: _id, footprintM2PerUnit: _f, origin: _o, version: _v, updatedAt: _u, updatedBy: _b, ...bench } = types.items.find((t) => t.id === "park_bench")!;
      const response = await clients[actor].request("POST", "/api/outdoor-materials/types", { ...bench, id: `bollard_${actor}`, names: { nb: "Pullert", en: "Bollard" } });
      expect(response.status).toBe(status);
    });

    it.each([
      ["anonymous", 401],
      ["viewer", 403],
      ["engineer", 403],
      ["planner", 403],
      ["admin", 200],
    ] as [Actor, number][])("PUT /api/outdoor-materials/types/:id as %s answers %i", async (actor, status) => {
      const types = await json<{ items: OutdoorMaterialTypeRecord[] }>(await clients.viewer.request("GET", "/api/outdoor-materials/types"), 200);
      const { id: _id, footprintM2PerUnit: _f, origin: _o, updatedAt: _u, updatedBy: _b, ...play } = types.items.find((t) => t.id === "play_equipment")!;
      const response = await clients[actor].request("PUT", "/api/outdoor-materials/types/play_equipment", { ...play, notes: `edited by ${actor}` });
      expect(response.status).toBe(status);
    });

    it.each([
      ["anonymous", 401],
      ["viewer", 200],
      ["engineer2", 200],
    ] as [Actor, number][])("read routes as %s answer %i", async (actor, status) => {
      const { project, lot } = await engineersProject();
      for (const route of [
        "/api/outdoor-materials/types",
        "/api/outdoor-lots",
        `/api/outdoor-lots/${lot.id}`,
        `/api/projects/${project.id}/outdoor-lots`,
        `/api/outdoor-lots/${lot.id}/suggestions`,
        "/api/outdoor-lots/export.csv",
        "/api/outdoor-materials/plan?from=2027-01&to=2027-12",
        "/api/outdoor-materials/matches",
        `/api/audit?entity=outdoor_lot&id=${lot.id}`,
      ]) {
        expect((await clients[actor].request("GET", route)).status, route).toBe(status);
      }
    });

    it("a member engineer may write the project's outdoor lots", async () => {
      const { project, lot } = await engineersProject("Med medlem");
      await json(await clients.engineer.request("PUT", `/api/projects/${project.id}`, { ...projectBody("Med medlem"), version: project.version, members: ["engineer2"] }), 200);
      const edited = await json<OutdoorLot>(await clients.engineer2.request("PUT", `/api/outdoor-lots/${lot.id}`, { ...kerbBody, quantity: 650, version: lot.version }), 200);
      expect(edited).toMatchObject({ quantity: 650, updatedBy: "engineer2", version: 2 });
    });
  });

  it("answers a stale version with 409 and the current lot; nothing is overwritten", async () => {
    const { lot } = await engineersProject("Konflikt");
    await json(await clients.planner.request("PUT", `/api/outdoor-lots/${lot.id}`, { ...kerbBody, quantity: 900, version: lot.version }), 200);
    const stale = await clients.engineer.request("PUT", `/api/outdoor-lots/${lot.id}`, { ...kerbBody, quantity: 10, version: lot.version });
    const conflict = await json<{ error: { code: string; message: string }; current: OutdoorLot }>(stale, 409);
    expect(conflict.error.code).toBe("version_conflict");
    expect(conflict.error.message).toContain("by planner");
    expect(conflict.current).toMatchObject({ id: lot.id, version: 2, quantity: 900, storageAreaM2: 30, updatedBy: "planner" });
    expect((await json<OutdoorLot>(await clients.viewer.request("GET", `/api/outdoor-lots/${lot.id}`), 200)).quantity).toBe(900);
  });

  it("writes the audit trail, in the project's history too, and soft-deletes with an admin's undo", async () => {
    const { project, lot } = await engineersProject("Historikk ute");
    await json(await clients.engineer.request("PUT", `/api/outdoor-lots/${lot.id}`, { ...kerbBody, quantity: 750, version: lot.version }), 200);
    await json(await clients.engineer.request("DELETE", `/api/outdoor-lots/${lot.id}`), 204);

    const ids = async (client: ApiClient, query = "") =>
      (await json<{ items: OutdoorLot[] }>(await client.request("GET", `/api/outdoor-lots?projectId=${project.id}${query}`), 200)).items.map((l) => l.id);
    expect(await ids(clients.planner)).toEqual([]);
    expect((await clients.planner.request("GET", `/api/outdoor-lots/${lot.id}`)).status).toBe(404);
    expect((await clients.planner.request("GET", "/api/outdoor-lots?includeDeleted=true")).status).toBe(403);
    expect(await ids(clients.admin, "&includeDeleted=true")).toEqual([lot.id]);
    const restored = await json<OutdoorLot>(await clients.admin.request("POST", `/api/outdoor-lots/${lot.id}/restore`), 200);
    expect(restored).toMatchObject({ deletedAt: null, quantity: 750, version: 4 });
    expect(await ids(clients.planner)).toEqual([lot.id]);
    expect((await clients.admin.request("POST", `/api/outdoor-lots/${lot.id}/restore`)).status).toBe(404);

    const history = await json<{ items: AuditEntry[] }>(await clients.viewer.request("GET", `/api/audit?entity=project&id=${project.id}`), 200);
    expect(history.items.map((e) => `${e.entity}:${e.action}:${e.actor}`)).toEqual([
      "outdoor_lot:restore:admin",
      "outdoor_lot:delete:engineer",
      "outdoor_lot:update:engineer",
      "outdoor_lot:create:engineer",
      "project:create:engineer",
    ]);
    const own = await json<{ items: AuditEntry[] }>(await clients.viewer.request("GET", `/api/audit?entity=outdoor_lot&id=${lot.id}`), 200);
    const update = own.items.find((e) => e.action === "update")!;
    expect(update.before).toMatchObject({ quantity: 600, storageAreaM2: 20 });
    expect(update.after).toMatchObject({ quantity: 750, storageAreaM2: 25 });
  });

  describe("bad input", () => {
    const post = async (body: unknown) => {
      const { project } = await engineersProject("Feil inn");
      const response = await clients.engineer.request("POST", `/api/projects/${project.id}/outdoor-lots`, body);
      const lots = await json<{ items: OutdoorLot[] }>(await clients.viewer.request("GET", `/api/projects/${project.id}/outdoor-lots`), 200);
      // Only the helper's own lot: nothing of the refused one was saved.
      expect(lots.items.length).toBe(1);
      return json<ErrorBody>(response, 400);
    };

    it("names the fields of an unknown type, a negative quantity, a bad month and a wanted lot without its month", async () => {
      expect((await post({ ...kerbBody, typeId: "marble_statue" })).error).toMatchObject({
        code: "invalid_input",
        fields: [{ path: "typeId", message: '"marble_statue" is not a type in the catalogue' }],
      });
      const paths = (await post({ ...kerbBody, quantity: -5, availableFrom: "2027-13", condition: "broken" })).error.fields.map((f) => f.path);
      expect(paths).toEqual(expect.arrayContaining(["quantity", "availableFrom", "condition"]));
      expect((await post({ ...kerbBody, direction: "wanted", availableFrom: undefined })).error.fields.map((f) => f.path)).toEqual(["neededBy"]);
      expect((await post({ ...kerbBody, typeId: "park_bench", quantity: 1.5 })).error.fields).toEqual([
        { path: "quantity", message: "must be a whole number of pieces (Park bench is counted in pieces)", key: "outdoor.wholePieces", params: { type: { nb: "Parkbenk", en: "Park bench" } } },
      ]);
      expect((await post({ ...kerbBody, wantedBy: { projectId: "ghost", month: "2027-06" } })).error.fields).toEqual([
        { path: "wantedBy.projectId", message: "no project has the id ghost", key: "import.noProjectWithId", params: { id: "ghost" } },
      ]);
      expect((await post({ ...kerbBody, typeId: "sawn_timber", quantity: 2, storageSiteId: openSite.id })).error.fields).toEqual([
        {
          path: "storageSiteId",
          message: "Utelager Vettre has no covered material area, and Sawn timber needs cover",
          key: "outdoor.siteWithoutCover",
          params: { site: "Utelager Vettre", type: { nb: "Trevirke (konstruksjonsvirke)", en: "Sawn timber" } },
        },
      ]);
    });

    it("refuses a lot that alone needs more area than all sites reserve, naming the field and the numbers", async () => {
      // 10 000 000 m of kerb need 333 333 m²; the sites have 100 000 + 500 m² (and any other test's sites).
      const error = (await post({ ...kerbBody, quantity: 10_000_000 })).error;
      expect(error.code).toBe("exceeds_storage_area");
      expect(error.fields).toEqual([
        {
          path: "quantity",
          message: expect.stringContaining("need 333,333 m² of storage"),
          key: "outdoor.exceedsArea",
          params: expect.objectContaining({ quantity: 10_000_000, unit: "m", needM2: expect.closeTo(333_333.33, 1) }),
        },
      ]);
    });

    it("asks to confirm more than 100 000 t, then saves it", async () => {
      // 150 000 t of granite blocks at 1 m² per tonne in two layers = 75 000 m², within the open yard.
      const big = { ...kerbBody, typeId: "granite_blocks", quantity: 150_000 };
      const error = (await post(big)).error;
      expect(error).toMatchObject({ code: "confirm_large_quantity", fields: [{ path: "quantity" }] });
      const { project } = await engineersProject("Stor blokklott");
      const saved = await json<OutdoorLot>(await clients.engineer.request("POST", `/api/projects/${project.id}/outdoor-lots`, { ...big, confirmLarge: true }), 201);
      expect(saved).toMatchObject({ tonnes: 150_000, storageAreaM2: 75_000 });
      // Keep the later tests' plan and totals free of it.
      await json(await clients.engineer.request("DELETE", `/api/outdoor-lots/${saved.id}`), 204);
    });
  });

  it("lists lots by type, storage site, project, direction and months", async () => {
    const { project } = await engineersProject("Filterprosjekt");
    await json(await clients.engineer.request("POST", `/api/projects/${project.id}/outdoor-lots`, { ...kerbBody, typeId: "sawn_timber", quantity: 3, availableFrom: "2029-01", wantedBy: { month: "2029-02" } }), 201);
    await json(await clients.engineer.request("POST", `/api/projects/${project.id}/outdoor-lots`, { direction: "wanted", typeId: "fencing", quantity: 50, condition: "needs_repair", neededBy: "2029-06" }), 201);
    const get = async (query: string) =>
      (await json<{ items: OutdoorLot[] }>(await clients.viewer.request("GET", `/api/outdoor-lots?projectId=${project.id}&${query}`), 200)).items.map((l) => l.typeId);
    expect(await get("")).toEqual(["granite_kerb", "sawn_timber", "fencing"]);
    expect(await get("type=sawn_timber,fencing")).toEqual(["sawn_timber", "fencing"]);
    expect(await get(`siteId=${coveredSite.id}`)).toEqual(["sawn_timber"]);
    expect(await get("direction=wanted")).toEqual(["fencing"]);
    // The kerb is stored 2027-03…2028-02 (12 months by default); timber 2029-01…02; fencing needed 2029-06.
    expect(await get("from=2028-02&to=2028-12")).toEqual(["granite_kerb"]);
    expect(await get("from=2029-02&to=2029-06")).toEqual(["sawn_timber", "fencing"]);
    const bad = await clients.viewer.request("GET", "/api/outdoor-lots?type=Granite&from=2029-13");
    expect((await json<ErrorBody>(bad, 400)).error.fields.map((f) => f.path)).toEqual(expect.arrayContaining(["type.0", "from"]));
  });

  it("plans the area per site and month: a new lot adds its area, shortfalls and staff hours", async () => {
    // A site and a project of their own, far from the others, in months no other test uses.
    const site = await json<Site>(await clients.planner.request("POST", "/api/sites", siteBody("Lager Tofte", [10.3, 59.7], 50, false)), 201);
    const project = await json<Project>(await clients.engineer.request("POST", "/api/projects", projectBody("Vei ved Tofte", [10.301, 59.701])), 201);
    const plan = async () => json<StoragePlan>(await clients.planner.request("GET", "/api/outdoor-materials/plan?from=2030-01&to=2030-12"), 200);
    const tofte = (p: StoragePlan) => p.sites.find((s) => s.siteId === site.id)!;

    const before = await plan();
    expect(before.months.length).toBe(12);
    expect(tofte(before).months.every((m) => m.areaNeededM2 === 0 && m.areaAvailableM2 === 50)).toBe(true);

    const lot = await json<OutdoorLot>(
      await clients.engineer.request("POST", `/api/projects/${project.id}/outdoor-lots`, { ...kerbBody, availableFrom: "2030-03", wantedBy: { projectId: project.id, month: "2030-05" } }),
      201,
    );
    expect(lot.storage).toEqual({ siteId: site.id, chosen: "nearest" });
    const after = await plan();
    expect(tofte(after).months.map((m) => m.areaNeededM2)).toEqual([0, 0, 20, 20, 20, 0, 0, 0, 0, 0, 0, 0]);
    expect(tofte(after).months[2]).toMatchObject({ areaAvailableM2: 50, shortfallM2: 0, lotsCount: 1, personHours: 5 });
    // Receiving 600 m × 0.5 min = 5 h in March, issuing 600 × 0.3 min = 3 h in May.
    expect(after.staff.find((m) => m.month === "2030-03")).toMatchObject({ personHours: 5, fte: 5 / 140 });
    expect(after.staff.find((m) => m.month === "2030-05")).toMatchObject({ personHours: 3 });
    expect(after.lots.find((l) => l.lotId === lot.id)).toMatchObject({ siteId: site.id, storageMonths: 3, term: "short", endKnown: true });

    // 1 200 m more in April: 40 m² more, 60 m² needed against 50 m², 10 m² short in April and May.
    await json(await clients.engineer.request("POST", `/api/projects/${project.id}/outdoor-lots`, { ...kerbBody, quantity: 1200, availableFrom: "2030-04", wantedBy: { month: "2030-05" } }), 201);
    const short = await plan();
    expect(tofte(short).months.slice(2, 6).map((m) => [m.areaNeededM2, m.shortfallM2])).toEqual([
      [20, 0],
      [60, 10],
      [60, 10],
      [0, 0],
    ]);
    expect(short.shortfalls.filter((s) => s.siteId === site.id)).toEqual([
      { siteId: site.id, siteName: "Lager Tofte", month: "2030-04", shortfallM2: 10 },
      { siteId: site.id, siteName: "Lager Tofte", month: "2030-05", shortfallM2: 10 },
    ]);

    // A longer default storage time keeps lots without a receiver month longer: none here, so nothing moves.
    const longer = await json<StoragePlan>(await clients.planner.request("GET", "/api/outdoor-materials/plan?from=2030-01&to=2030-12&defaultStorageMonths=24"), 200);
    expect(tofte(longer).months.map((m) => m.areaNeededM2)).toEqual(tofte(short).months.map((m) => m.areaNeededM2));
    const bad = await clients.planner.request("GET", "/api/outdoor-materials/plan?from=2030-05&to=2030-01&defaultStorageMonths=0");
    expect((await json<ErrorBody>(bad, 400)).error.fields.map((f) => f.path)).toEqual(expect.arrayContaining(["to", "defaultStorageMonths"]));
    expect((await clients.planner.request("GET", "/api/outdoor-materials/plan?from=2030-01&to=2060-01")).status).toBe(400);
  });

  it("suggests receiving projects nearest first, with the saving, and matches without counting a unit twice", async () => {
    const { lot } = await engineersProject("Leverer kantstein", [10.2, 59.6]);
    const near = await json<Project>(await clients.planner.request("POST", "/api/projects", projectBody("Ny gate nær", [10.21, 59.6])), 201);
    const far = await json<Project>(await clients.planner.request("POST", "/api/projects", projectBody("Ny gate langt unna", [10.4, 59.6])), 201);
    const want = (project: Project, quantity: number) =>
      clients.planner.request("POST", `/api/projects/${project.id}/outdoor-lots`, { direction: "wanted", typeId: "granite_kerb", quantity, condition: "reusable", neededBy: "2027-06" });
    const nearLot = await json<OutdoorLot>(await want(near, 400), 201);
    const farLot = await json<OutdoorLot>(await want(far, 500), 201);

    const answer = await json<OutdoorSuggestionsResponse>(await clients.viewer.request("GET", `/api/outdoor-lots/${lot.id}/suggestions`), 200);
    const mine = answer.suggestions.filter((s) => [nearLot.id, farLot.id].includes(s.wantedLotId));
    expect(mine.map((s) => [s.projectName, s.quantity])).toEqual([
      ["Ny gate nær", 400],
      ["Ny gate langt unna", 500],
    ]);
    // 400 m × 33 kg CO2e per metre of new granite kerb.
    expect(mine[0]).toMatchObject({ unit: "m", tonnes: 40, kgCO2eNewAvoided: 13_200, waitMonths: 3 });
    expect(mine[0]!.haulKm).toBeLessThan(mine[1]!.haulKm);
    expect((await clients.viewer.request("GET", `/api/outdoor-lots/${nearLot.id}/suggestions`)).status).toBe(400);
    expect((await clients.viewer.request("GET", `/api/outdoor-lots/${lot.id}/suggestions?maxHaulKm=-1`)).status).toBe(400);

    const matches = await json<OutdoorMatchResult>(await clients.viewer.request("GET", "/api/outdoor-materials/matches"), 200);
    const taken = new Map<string, number>();
    for (const pair of matches.pairs) {
      taken.set(pair.availableLotId, (taken.get(pair.availableLotId) ?? 0) + pair.quantity);
      taken.set(pair.wantedLotId, (taken.get(pair.wantedLotId) ?? 0) + pair.quantity);
    }
    expect(taken.get(nearLot.id)).toBe(400);
    expect(taken.get(lot.id)).toBeLessThanOrEqual(600);
    expect(matches.totals.kgCO2eNetSaving).toBeCloseTo(matches.totals.kgCO2eNewAvoided - matches.totals.kgCO2eHaul, 6);
  });

  it("lets an admin add and edit types, versioned and audited; a unit may not change under existing lots", async () => {
    const types = await json<{ items: OutdoorMaterialTypeRecord[] }>(await clients.viewer.request("GET", "/api/outdoor-materials/types"), 200);
    const fencing = types.items.find((t) => t.id === "fencing")!;
    expect(fencing).toMatchObject({ origin: "catalogue", version: 1, unit: "m", footprintM2PerUnit: 0.05 });
    const { id: _id, footprintM2PerUnit: _f, origin: _o, version: _v, updatedAt: _u, updatedBy: _b, ...fields } = fencing;

    const { project } = await engineersProject("Gjerdeprosjekt");
    const fence = await json<OutdoorLot>(await clients.engineer.request("POST", `/api/projects/${project.id}/outdoor-lots`, { ...kerbBody, typeId: "fencing", quantity: 100 }), 201);
    expect(fence.storageAreaM2).toBeCloseTo(5, 9);

    // Panels stacked two pallets high halve the footprint: 100 m × 0.05 ÷ 2 = 2.5 m².
    const edited = await json<OutdoorMaterialTypeRecord>(
      await clients.admin.request("PUT", "/api/outdoor-materials/types/fencing", { ...fields, storage: { ...fields.storage, layers: 2 }, version: 1 }),
      200,
    );
    expect(edited).toMatchObject({ origin: "edited", version: 2, updatedBy: "admin", footprintM2PerUnit: 0.025 });
    expect((await json<OutdoorLot>(await clients.viewer.request("GET", `/api/outdoor-lots/${fence.id}`), 200)).storageAreaM2).toBeCloseTo(2.5, 9);

    const stale = await clients.admin.request("PUT", "/api/outdoor-materials/types/fencing", { ...fields, version: 1 });
    expect((await json<{ current: OutdoorMaterialTypeRecord }>(stale, 409)).current).toMatchObject({ version: 2, storage: { layers: 2 } });
    const unit = await clients.admin.request("PUT", "/api/outdoor-materials/types/fencing", { ...fields, unit: "pieces", version: 2 });
    expect((await json<ErrorBody>(unit, 400)).error.fields[0]!.path).toBe("unit");
    expect((await clients.admin.request("PUT", "/api/outdoor-materials/types/unicorn", { ...fields, version: 1 })).status).toBe(404);

    const duplicate = await clients.admin.request("POST", "/api/outdoor-materials/types", { ...fields, id: "fencing" });
    expect((await json<ErrorBody>(duplicate, 400)).error.fields[0]!.path).toBe("id");
    const badType = await clients.admin.request("POST", "/api/outdoor-materials/types", { ...fields, id: "Bad Id", weightTonnesPerUnit: -1 });
    expect((await json<ErrorBody>(badType, 400)).error.fields.map((f) => f.path)).toEqual(expect.arrayContaining(["id", "weightTonnesPerUnit"]));

    const added = await json<OutdoorMaterialTypeRecord>(
      await clients.admin.request("POST", "/api/outdoor-materials/types", { ...fields, id: "lamp_post", names: { nb: "Lyktestolpe", en: "Lamp post" }, unit: "pieces" }),
      201,
    );
    expect(added).toMatchObject({ origin: "added", version: 1 });
    await json(await clients.engineer.request("POST", `/api/projects/${project.id}/outdoor-lots`, { ...kerbBody, typeId: "lamp_post", quantity: 8 }), 201);

    const history = await json<{ items: AuditEntry[] }>(await clients.viewer.request("GET", "/api/audit?entity=outdoor_material_type&id=fencing"), 200);
    expect(history.items.map((e) => `${e.action}:${e.actor}`)).toEqual(["update:admin"]);
    expect(history.items[0]!.before).toMatchObject({ storage: { layers: 1 }, version: 1 });
    expect(history.items[0]!.after).toMatchObject({ storage: { layers: 2 }, version: 2 });
  });

  describe("CSV", () => {
    const importCsv = (client: ApiClient, text: string, query = "") =>
      client.request("POST", `/api/outdoor-lots/import${query}`, text, { "content-type": "text/csv" });
    let csvProject: Project;

    beforeAll(async () => {
      csvProject = await json<Project>(await clients.engineer.request("POST", "/api/projects", projectBody("Utendørs CSV-prosjekt")), 201);
    });

    it("previews every bad row with its row, column and reason, and a real import writes nothing", async () => {
      const report = await json<OutdoorLotImportReport>(await importCsv(clients.engineer, fixture("outdoor-lots-bad-rows.csv"), "?dryRun=true"), 200);
      expect(report.valid).toBe(false);
      expect(report.rows).toBe(7);
      expect(report.errors.map((e) => `${e.row}:${e.column}`)).toEqual(["3:type", "4:unit", "4:quantity", "5:neededBy", "6:project", "7:quantity"]);
      expect(report.errors.find((e) => e.row === 6)!.message).toContain('no project is named "Finnes ikke"');
      expect(report.errors.find((e) => e.row === 7)!.message).toContain("more than the material area of all storage sites together");
      expect(report.preview.find((p) => p.row === 2)).toEqual({
        row: 2,
        projectId: csvProject.id,
        project: "Utendørs CSV-prosjekt",
        lot: { direction: "available", typeId: "granite_kerb", quantity: 600, condition: "reusable", availableFrom: "2027-03", wantedBy: { month: "2027-09" }, notes: "Fra Slemmestadveien" },
        unit: "m",
        tonnes: 60,
        storageAreaM2: 20,
      });
      const real = await json<OutdoorLotImportReport>(await importCsv(clients.engineer, fixture("outdoor-lots-bad-rows.csv")), 400);
      expect(real.created).toEqual({ lots: 0 });
      expect((await json<{ items: OutdoorLot[] }>(await clients.viewer.request("GET", `/api/projects/${csvProject.id}/outdoor-lots`), 200)).items).toEqual([]);
    });

    it("imports all rows in one go, and the export round-trips into another project exactly", async () => {
      const report = await json<OutdoorLotImportReport>(await importCsv(clients.engineer, fixture("outdoor-lots-good.csv")), 201);
      expect(report).toMatchObject({ valid: true, errors: [], created: { lots: 3 } });
      const exported = await (await clients.engineer.request("GET", `/api/outdoor-lots/export.csv?projectId=${csvProject.id}`)).text();
      const lines = exported.split("\n");
      expect(lines[0]).toBe("projectId,project,direction,type,quantity,unit,condition,availableFrom,wantedByProjectId,wantedByMonth,neededBy,storageSiteId,notes,confirmLarge");
      expect(lines.slice(1)).toEqual([
        `${csvProject.id},Utendørs CSV-prosjekt,available,granite_kerb,600,m,reusable,2027-03,,2027-09,,,"Fra CSV, med komma",`,
        `${csvProject.id},Utendørs CSV-prosjekt,available,concrete_pipe_600,120.5,m,needs_repair,2027-04,,,,,,`,
        `${csvProject.id},Utendørs CSV-prosjekt,wanted,park_bench,4,pieces,needs_repair,,,,2027-08,,Til ny park,`,
      ]);

      const copy = await json<Project>(await clients.engineer.request("POST", "/api/projects", projectBody("Kopi av CSV-prosjekt")), 201);
      const retargeted = exported.replaceAll(`${csvProject.id},Utendørs CSV-prosjekt,`, `${copy.id},Kopi av CSV-prosjekt,`);
      await json(await importCsv(clients.engineer, retargeted), 201);
      const again = await (await clients.engineer.request("GET", `/api/outdoor-lots/export.csv?projectId=${copy.id}`)).text();
      expect(again).toBe(retargeted);
    });

    it("refuses a viewer's import, and rows for someone else's project", async () => {
      expect((await importCsv(clients.viewer, fixture("outdoor-lots-good.csv"))).status).toBe(403);
      const report = await json<OutdoorLotImportReport>(await importCsv(clients.engineer2, fixture("outdoor-lots-good.csv")), 400);
      expect(report.errors).toEqual(
        [2, 3, 4].map((row) => ({
          row,
          column: "project",
          message: expect.stringContaining("may not add lots"),
          key: "import.notYourProject",
          params: { project: "Utendørs CSV-prosjekt" },
        })),
      );
      expect((await importCsv(clients.engineer, "   ")).status).toBe(400);
    });
  });
});
