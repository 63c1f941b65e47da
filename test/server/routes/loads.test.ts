/**
 * Delivered loads over HTTP (issue 16): every route and role, the weighbridge CSV with its dry run,
 * the 409 on a repeated ticket, versioned updates and soft deletes with their audit, custody, stock,
 * and each kind of deviation — on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toTonnes } from "../../../src/core/domain/materials";
import type { Lot, Project, Site } from "../../../src/core/domain/records";
import type { AuditEntry, MaterialPropertiesRow } from "../../../src/core/domain/registry-api";
import type { Deliveries } from "../../../src/core/loads/api";
import type { Custody, SiteStock } from "../../../src/core/loads/custody";
import type { Deviation } from "../../../src/core/loads/deviations";
import type { Load } from "../../../src/core/loads/load";
import type { LoadImportReport } from "../../../src/core/loads/load-csv";
import type { ScenarioRun } from "../../../src/core/scenario/scenario";
import { hashPassword } from "../../../src/server/auth/passwords";
import { insertUser } from "../../../src/server/repositories/users";
import { backendNames } from "../../support/databases";
import { apiClient, expectJson, startTestServer, type ApiClient, type TestServer } from "../../support/server";

type Actor = "anonymous" | "viewer" | "engineer" | "engineer2" | "planner" | "admin";

const square = (lon: number, lat: number, size = 0.004) => ({
  type: "Polygon",
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});
const window = { from: "2027-01", to: "2027-03" };

describe.each(backendNames)("delivered loads API on %s", (backend) => {
  let server: TestServer;
  const clients = {} as Record<Actor, ApiClient>;
  let project: Project;
  let surplus: Lot;
  let flagged: Lot;
  let demand: Lot;
  let landfill: Site;
  let storage: Site;
  let strict: Site;

  const post = (actor: Actor, body: unknown) => clients[actor].request("POST", "/api/loads", body);
  const loadBody = (overrides: Record<string, unknown> = {}) => ({
    time: "2027-02-10T08:15:00+01:00",
    from: { lotId: surplus.id },
    to: { siteId: landfill.id },
    quantity: { value: 18.5, unit: "tonnes" },
    vehicle: "EK 12345",
    ...overrides,
  });
  const fieldsOf = async (response: Response) => ((await response.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);

  beforeAll(async () => {
    server = await startTestServer(backend);
    await insertUser(server.db, "engineer2", "engineer", await hashPassword("demo"));
    for (const actor of ["anonymous", "viewer", "engineer", "engineer2", "planner", "admin"] as const) {
      clients[actor] = apiClient(server.url);
      if (actor !== "anonymous") await expectJson(await clients[actor].login(actor), 200);
    }
    project = await expectJson<Project>(await clients.engineer.request("POST", "/api/projects", { name: "Lass-test", status: "in_progress", location: { type: "Point", coordinates: [10.47, 59.8] } }), 201);
    const lot = async (body: Record<string, unknown>) =>
      expectJson<Lot>(await clients.engineer.request("POST", `/api/projects/${project.id}/lots`, { contaminationClass: 2, quantity: { value: 500, unit: "tonnes" }, window, ...body }), 201);
    surplus = await lot({ direction: "surplus", material: "clay_silt" });
    flagged = await lot({ direction: "surplus", material: "rock", contaminationClass: 1, flags: ["acid_forming"] });
    demand = await lot({ direction: "demand", material: "clay_silt", contaminationClass: 1 });
    const site = async (body: Record<string, unknown>) => expectJson<Site>(await clients.planner.request("POST", "/api/sites", { status: "in_use", notes: "", ...body }), 201);
    landfill = await site({ name: "Lassmottak Vest", kind: "landfill", geometry: square(10.5, 59.82), accepts: { materials: ["clay_silt", "rock"], worstClass: 3 }, capacityTonnes: 100_000, gateFeePerTonne: 300 });
    storage = await site({ name: "Lasslager Øst", kind: "storage", geometry: square(10.52, 59.82), accepts: { materials: ["clay_silt"], worstClass: 3 }, capacityTonnes: 40, handlingCostPerTonne: 20, window: { from: "2027-01", to: "2027-12" } });
    strict = await site({ name: "Streng deponi", kind: "landfill", geometry: square(10.54, 59.82), accepts: { materials: ["rock"], worstClass: 1 }, gateFeePerTonne: 300 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("lets engineers record loads of their own projects, planners and admins any; refuses viewers and strangers", async () => {
    expect((await post("anonymous", loadBody())).status).toBe(401);
    expect((await post("viewer", loadBody())).status).toBe(403);
    expect((await post("engineer2", loadBody())).status).toBe(403);
    const mine = await expectJson<Load>(await post("engineer", loadBody({ ticket: "R-1" })), 201);
    expect(mine).toMatchObject({ tonnes: 18.5, recordedBy: "engineer", version: 1, time: "2027-02-10T08:15:00+01:00", vehicle: "EK 12345" });
    await expectJson(await post("planner", loadBody({ ticket: "R-2" })), 201);
    await expectJson(await post("admin", loadBody({ ticket: "R-3" })), 201);
    const listed = await expectJson<{ items: Load[] }>(await clients.viewer.request("GET", `/api/loads?lotId=${surplus.id}`), 200);
    expect(listed.items.map((l) => l.ticket)).toEqual(["R-1", "R-2", "R-3"]);
    expect((await expectJson<{ items: Load[] }>(await clients.viewer.request("GET", `/api/loads?siteId=${landfill.id}&from=2027-02-10&to=2027-02-10`), 200)).items).toHaveLength(3);
    expect((await expectJson<{ items: Load[] }>(await clients.viewer.request("GET", `/api/loads?siteId=${landfill.id}&from=2027-02-11`), 200)).items).toHaveLength(0);
    expect((await clients.anonymous.request("GET", "/api/loads")).status).toBe(401);
    for (const bad of ["from=2027-02-30", "to=2027-02-10xyz", "from=i%20dag"]) expect((await clients.viewer.request("GET", `/api/loads?${bad}`)).status, bad).toBe(400);
    expect((await expectJson<{ items: Load[] }>(await clients.viewer.request("GET", `/api/loads?lotId=${surplus.id}&to=2027-02-10T08:15:00%2B01:00`), 200)).items).toHaveLength(3);
  });

  it("answers 409 for a weighbridge ticket already recorded at the receiving site, not at another", async () => {
    const again = await post("engineer", loadBody({ ticket: "R-1" }));
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string }; current: Load }).error.code).toBe("ticket_taken");
    await expectJson(await post("engineer", loadBody({ ticket: "R-1", to: { siteId: strict.id }, from: { lotId: flagged.id } })), 201);
  });

  it("refuses bad loads with 400 naming the field", async () => {
    expect(await fieldsOf(await post("engineer", loadBody({ to: { lotId: surplus.id } })))).toEqual(["to"]);
    expect(await fieldsOf(await post("engineer", loadBody({ quantity: { value: -2, unit: "tonnes" } })))).toEqual(["quantity.value"]);
    expect(await fieldsOf(await post("engineer", loadBody({ quantity: { value: 900, unit: "tonnes" } })))).toEqual(["quantity.value"]);
    expect(await fieldsOf(await post("engineer", loadBody({ quantity: { value: 90, unit: "m3" } })))).toEqual(["quantity.value"]);
    expect(await fieldsOf(await post("engineer", loadBody({ time: "2028-06-01T07:00:00+02:00" })))).toEqual(["time"]);
    expect(await fieldsOf(await post("engineer", loadBody({ time: "i går" })))).toEqual(["time"]);
    expect(await fieldsOf(await post("engineer", loadBody({ from: { lotId: "no-such-lot" } })))).toEqual(["from.lotId"]);
    expect(await fieldsOf(await post("planner", loadBody({ from: { siteId: storage.id }, quantity: { value: 10, unit: "m3" } })))).toEqual(["quantity.unit"]);
  });

  it("converts m³ on the truck with the lot's material as the registry does", async () => {
    const table = await expectJson<{ items: MaterialPropertiesRow[] }>(await clients.viewer.request("GET", "/api/materials"), 200);
    const clay = table.items.find((m) => m.material === "clay_silt")!;
    const load = await expectJson<Load>(await post("engineer", loadBody({ quantity: { value: 15, unit: "m3" }, to: { lotId: demand.id } })), 201);
    expect(load.quantity).toEqual({ value: 15, unit: "m3" });
    expect(load.tonnes).toBeCloseTo(toTonnes(15, "m3_loose", "clay_silt", { clay_silt: clay } as never), 9);
  });

  it("updates with the version (409 when stale), soft-deletes, and audits every change", async () => {
    const load = await expectJson<Load>(await post("engineer", loadBody({ ticket: "U-1" })), 201);
    expect((await clients.viewer.request("PUT", `/api/loads/${load.id}`, { ...loadBody(), version: 1 })).status).toBe(403);
    expect((await clients.engineer2.request("PUT", `/api/loads/${load.id}`, { ...loadBody(), version: 1 })).status).toBe(403);
    const updated = await expectJson<Load>(await clients.engineer.request("PUT", `/api/loads/${load.id}`, { ...loadBody({ ticket: "U-1", quantity: { value: 20, unit: "tonnes" } }), version: 1 }), 200);
    expect(updated).toMatchObject({ version: 2, tonnes: 20 });
    const stale = await clients.planner.request("PUT", `/api/loads/${load.id}`, { ...loadBody({ ticket: "U-1" }), version: 1 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { current: Load }).current.version).toBe(2);
    expect((await clients.viewer.request("DELETE", `/api/loads/${load.id}`)).status).toBe(403);
    expect((await clients.engineer.request("DELETE", `/api/loads/${load.id}`)).status).toBe(204);
    expect((await clients.viewer.request("GET", `/api/loads/${load.id}`)).status).toBe(404);
    // Only an admin restores a deleted load.
    expect((await clients.planner.request("POST", `/api/loads/${load.id}/restore`)).status).toBe(403);
    expect((await expectJson<Load>(await clients.admin.request("POST", `/api/loads/${load.id}/restore`), 200)).version).toBe(4);
    expect((await clients.engineer.request("DELETE", `/api/loads/${load.id}`)).status).toBe(204);
    // Deleted, its ticket is free again; the deleted load cannot come back over the new one.
    await expectJson(await post("engineer", loadBody({ ticket: "U-1" })), 201);
    expect((await clients.admin.request("POST", `/api/loads/${load.id}/restore`)).status).toBe(409);
    // A deleted record's history is for admins (DESIGN §7).
    const audit = await expectJson<{ items: AuditEntry[] }>(await clients.admin.request("GET", `/api/audit?entity=load&id=${load.id}`), 200);
    expect(audit.items.map((e) => e.action).sort()).toEqual(["create", "delete", "delete", "restore", "update"]);
  });

  it("imports a weighbridge CSV: a dry run writes nothing, bad rows are listed, a good file is written whole", async () => {
    const before = (await expectJson<{ items: Load[] }>(await clients.viewer.request("GET", `/api/loads?siteId=${storage.id}`), 200)).items.length;
    const good = [
      "time;from_lot;to_site;tonnes;vehicle;ticket",
      `2027-02-12T07:05:00+01:00;${surplus.id};Lasslager Øst;12,5;EK 11111;W-1`,
      `2027-02-12T07:45:00+01:00;${surplus.id};${storage.id};13,25;EK 11111;W-2`,
    ].join("\n");
    const dry = await expectJson<LoadImportReport>(await clients.engineer.request("POST", "/api/loads/import?dryRun=true", good), 200);
    expect(dry).toMatchObject({ valid: true, dryRun: true, rows: 2, errors: [], created: 0 });
    expect(dry.preview.map((p) => [p.to, p.tonnes])).toEqual([[{ siteId: storage.id }, 12.5], [{ siteId: storage.id }, 13.25]]);
    expect((await expectJson<{ items: Load[] }>(await clients.viewer.request("GET", `/api/loads?siteId=${storage.id}`), 200)).items).toHaveLength(before);

    const bad = [
      "time,from_lot,to_site,tonnes,m3,vehicle,ticket",
      `2027-02-12T08:00:00+01:00,${surplus.id},Lasslager Øst,"14,0",,EK 2,W-1`,
      `12.02.2027,${surplus.id},Lasslager Øst,7,,EK 2,W-9`,
      `2027-02-12T09:00:00+01:00,${surplus.id},Lasslager Øst,5,,EK 2,W-1`,
      `2027-02-12T09:30:00+01:00,${surplus.id},Finnes ikke,5,6,EK 2,W-4`,
      `2027-02-12T09:40:00+01:00,${surplus.id},Finnes ikke,5,,EK 2,W-5`,
    ].join("\n");
    const refused = await clients.engineer.request("POST", "/api/loads/import", bad);
    expect(refused.status).toBe(400);
    const report = (await refused.json()) as LoadImportReport;
    expect(report.errors.map((e) => [e.row, e.column, e.key])).toEqual([
      [3, "time", "validation.loadTime"],
      [4, "ticket", "csv.ticketTwice"],
      [5, "tonnes", "csv.loadTonnesOrM3"],
      [6, "to_site", "validation.loadUnknownSite"],
    ]);
    expect((await clients.viewer.request("POST", "/api/loads/import", good)).status).toBe(403);

    const written = await expectJson<LoadImportReport>(await clients.engineer.request("POST", "/api/loads/import", good), 201);
    expect(written.created).toBe(2);
    expect((await expectJson<{ items: Load[] }>(await clients.viewer.request("GET", `/api/loads?siteId=${storage.id}`), 200)).items).toHaveLength(before + 2);
    // The same file again: every ticket is taken now.
    const repeated = (await (await clients.engineer.request("POST", "/api/loads/import?dryRun=true", good)).json()) as LoadImportReport;
    expect(repeated.errors.map((e) => [e.row, e.column, e.key])).toEqual([[2, "ticket", "error.ticketTaken"], [3, "ticket", "error.ticketTaken"]]);
  });

  it("imports thousands of rows in batches", async () => {
    const lines = ["time;from_lot;to_site;tonnes;vehicle;ticket"];
    for (let i = 0; i < 2000; i++) lines.push(`2027-03-0${1 + (i % 9)}T10:00:00+01:00;${surplus.id};${landfill.id};1${i % 10},5;EK ${i};B-${i}`);
    // While the import writes, other requests keep being answered between its batches.
    let importing = true;
    const answeredDuring: number[] = [];
    const importDone = clients.planner.request("POST", "/api/loads/import", lines.join("\n")).then((r) => {
      importing = false;
      return r;
    });
    const probe = (async () => {
      while (importing) {
        const started = performance.now();
        const response = await clients.viewer.request("GET", `/api/loads?lotId=${demand.id}`);
        expect(response.status).toBe(200);
        if (importing) answeredDuring.push(performance.now() - started);
      }
    })();
    const written = await expectJson<LoadImportReport>(await importDone, 201);
    await probe;
    expect(written.created).toBe(2000);
    expect(answeredDuring.length).toBeGreaterThan(1);
    console.info(`${backend}: ${answeredDuring.length} reads answered during a 2,000-row import, slowest ${Math.round(Math.max(...answeredDuring))} ms`);
    const custody = await expectJson<Custody>(await clients.viewer.request("GET", `/api/lots/${surplus.id}/custody`), 200);
    const toLandfill = custody.destinations.find((d) => "siteId" in d.to && d.to.siteId === landfill.id)!;
    expect(toLandfill.loads).toBeGreaterThanOrEqual(2000);
  });

  it("answers custody per lot and stock per site", async () => {
    const custody = await expectJson<Custody>(await clients.viewer.request("GET", `/api/lots/${surplus.id}/custody`), 200);
    expect(custody.lotId).toBe(surplus.id);
    expect(custody.plannedTonnes).toBe(500);
    expect(custody.deliveredTonnes).toBeCloseTo(custody.destinations.reduce((s, d) => s + d.tonnes, 0), 6);
    const stock = await expectJson<SiteStock>(await clients.viewer.request("GET", `/api/sites/${storage.id}/stock`), 200);
    expect(stock).toMatchObject({ siteId: storage.id, capacityTonnes: 40 });
    expect(stock.months.at(-1)?.stockTonnes).toBeCloseTo(12.5 + 13.25, 6);
    expect((await clients.viewer.request("GET", "/api/lots/none/custody")).status).toBe(404);
    expect((await clients.viewer.request("GET", "/api/sites/none/stock")).status).toBe(404);
  });

  it("lists each kind of deviation with its message key", async () => {
    // over_capacity: 20 t more than the 40 t store has room for.
    const stock = await expectJson<SiteStock>(await clients.viewer.request("GET", `/api/sites/${storage.id}/stock`), 200);
    const room = 40 - (stock.months.at(-1)?.stockTonnes ?? 0);
    await expectJson(await post("engineer", loadBody({ to: { siteId: storage.id }, quantity: { value: room, unit: "tonnes" }, time: "2027-02-19T08:00:00+01:00" })), 201);
    const over = await expectJson<Load>(await post("engineer", loadBody({ to: { siteId: storage.id }, quantity: { value: 20, unit: "tonnes" }, time: "2027-02-20T08:00:00+01:00" })), 201);
    // class_not_accepted and material_not_accepted: class 2 clay to a class-1 rock-only receiver.
    const wrong = await expectJson<Load>(await post("engineer", loadBody({ to: { siteId: strict.id } })), 201);
    // flag_not_accepted: acid-forming rock to a receiver without that approval.
    const acid = await expectJson<Load>(await post("engineer", loadBody({ from: { lotId: flagged.id }, to: { siteId: landfill.id } })), 201);
    // after_window: the lot's window ends 2027-03.
    const late = await expectJson<Load>(await post("engineer", loadBody({ time: "2027-05-02T08:00:00+02:00", ticket: "L-1" })), 201);
    const kinds = async () => {
      const { items } = await expectJson<{ items: Deviation[] }>(await clients.viewer.request("GET", `/api/deviations?projectId=${project.id}`), 200);
      return items;
    };
    let items = await kinds();
    const kindsOf = (id: string) => items.filter((d) => d.loadId === id).map((d) => d.kind).sort();
    expect(kindsOf(over.id)).toEqual(["over_capacity"]);
    expect(kindsOf(wrong.id)).toEqual(["class_not_accepted", "material_not_accepted"]);
    expect(kindsOf(acid.id)).toEqual(["flag_not_accepted"]);
    expect(kindsOf(late.id)).toEqual(["after_window"]);
    expect(items.find((d) => d.loadId === wrong.id && d.kind === "class_not_accepted")).toMatchObject({ key: "deviation.classNotAccepted", message: expect.stringContaining("class 1 at worst") });
    expect(items.some((d) => d.kind === "not_in_plan")).toBe(false);

    // not_in_plan: once a scenario has run, a load between places the plan does not link.
    const scenario = await expectJson<{ id: string }>(await clients.planner.request("POST", "/api/scenarios", { name: "Lassplan", siteIds: [landfill.id, storage.id, strict.id] }), 201);
    const { run } = await expectJson<{ run: ScenarioRun }>(await clients.planner.request("POST", `/api/scenarios/${scenario.id}/run`), 202);
    for (let i = 0; i < 600; i++) {
      const state = await expectJson<ScenarioRun>(await clients.planner.request("GET", `/api/scenarios/${scenario.id}/runs/${run.id}`), 200);
      if (state.status === "succeeded") break;
      expect(state.status).not.toBe("failed");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    items = await kinds();
    // The plan never sends acid-forming rock to a receiver without the approval.
    expect(items.filter((d) => d.loadId === acid.id).map((d) => d.kind).sort()).toEqual(["flag_not_accepted", "not_in_plan"]);
    const deliveries = await expectJson<Deliveries>(await clients.viewer.request("GET", `/api/deliveries?scenarioId=${scenario.id}&projectId=${project.id}`), 200);
    expect(deliveries.scenarioId).toBe(scenario.id);
    const surplusRows = deliveries.rows.filter((r) => r.place === surplus.id);
    expect(surplusRows.reduce((s, r) => s + r.plannedTonnes, 0)).toBeCloseTo(500, 3);
    expect(surplusRows.reduce((s, r) => s + r.deliveredTonnes, 0)).toBeGreaterThan(0);
  });
});
