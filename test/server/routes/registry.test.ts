import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lot, Project } from "../../../src/core/domain/records";
import type { AuditEntry, LotImportReport } from "../../../src/core/domain/registry-api";
import { hashPassword } from "../../../src/server/auth/passwords";
import { insertUser } from "../../../src/server/repositories/users";
import { backendNames } from "../../support/databases";
import { apiClient, startTestServer, type ApiClient, type TestServer } from "../../support/server";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/registry/${name}`, import.meta.url), "utf8");

const projectBody = (name: string) => ({
  name,
  status: "planned",
  location: { type: "Point", coordinates: [10.47, 59.8] },
  contact: "Prosjektleder (test)",
  notes: "Registry test",
});
const lotBody = {
  direction: "surplus",
  material: "clay_silt",
  contaminationClass: 2,
  quantity: { value: 1300, unit: "m3_loose" },
  window: { from: "2027-03", to: "2027-05" },
};

type Actor = "anonymous" | "viewer" | "engineer" | "engineer2" | "planner" | "admin";

describe.each(backendNames)("mass registry API on %s", (backend) => {
  let server: TestServer;
  const clients = {} as Record<Actor, ApiClient>;

  beforeAll(async () => {
    server = await startTestServer(backend);
    await insertUser(server.db, "engineer2", "engineer", await hashPassword("demo"));
    for (const actor of ["anonymous", "viewer", "engineer", "engineer2", "planner", "admin"] as const) {
      clients[actor] = apiClient(server.url);
      if (actor !== "anonymous") expect((await clients[actor].login(actor)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  const json = async <T>(response: Response, status: number): Promise<T> => {
    const body = await response.text();
    expect(response.status, body).toBe(status);
    return (body ? JSON.parse(body) : undefined) as T;
  };
  /** A fresh project owned by the engineer, with one lot. */
  async function engineersProject(name = "Eid av ingeniør"): Promise<{ project: Project; lot: Lot }> {
    const project = await json<Project>(await clients.engineer.request("POST", "/api/projects", projectBody(name)), 201);
    const lot = await json<Lot>(await clients.engineer.request("POST", `/api/projects/${project.id}/lots`, lotBody), 201);
    return { project: { ...project, lots: [lot] }, lot };
  }

  describe("role matrix", () => {
    const writers: [Actor, number][] = [
      ["anonymous", 401],
      ["viewer", 403],
      ["engineer2", 403],
      ["engineer", 200],
      ["planner", 200],
      ["admin", 200],
    ];

    it.each([
      ["anonymous", 401],
      ["viewer", 403],
      ["engineer", 201],
      ["planner", 201],
      ["admin", 201],
    ] as [Actor, number][])("POST /api/projects as %s answers %i", async (actor, status) => {
      const response = await clients[actor].request("POST", "/api/projects", projectBody(`Ny av ${actor}`));
      expect(response.status).toBe(status);
    });

    it.each(writers)("PUT /api/projects/:id of the engineer's project as %s answers %i", async (actor, status) => {
      const { project } = await engineersProject();
      const response = await clients[actor].request("PUT", `/api/projects/${project.id}`, {
        ...projectBody("Endret navn"),
        version: project.version,
      });
      expect(response.status).toBe(status);
    });

    it.each(writers.map(([a, s]) => [a, s === 200 ? 204 : s] as [Actor, number]))(
      "DELETE /api/projects/:id as %s answers %i",
      async (actor, status) => {
        const { project } = await engineersProject();
        expect((await clients[actor].request("DELETE", `/api/projects/${project.id}`)).status).toBe(status);
      },
    );

    it.each(writers.map(([a, s]) => [a, s === 200 ? 201 : s] as [Actor, number]))(
      "POST /api/projects/:id/lots as %s answers %i",
      async (actor, status) => {
        const { project } = await engineersProject();
        expect((await clients[actor].request("POST", `/api/projects/${project.id}/lots`, lotBody)).status).toBe(status);
      },
    );

    it.each(writers)("PUT /api/lots/:id as %s answers %i", async (actor, status) => {
      const { lot } = await engineersProject();
      const response = await clients[actor].request("PUT", `/api/lots/${lot.id}`, { ...lotBody, version: lot.version });
      expect(response.status).toBe(status);
    });

    it.each(writers.map(([a, s]) => [a, s === 200 ? 204 : s] as [Actor, number]))(
      "DELETE /api/lots/:id as %s answers %i",
      async (actor, status) => {
        const { lot } = await engineersProject();
        expect((await clients[actor].request("DELETE", `/api/lots/${lot.id}`)).status).toBe(status);
      },
    );

    it.each([
      ["anonymous", 401],
      ["viewer", 403],
      ["engineer", 403],
      ["planner", 403],
      ["admin", 200],
    ] as [Actor, number][])("restoring a deleted project and lot as %s answers %i", async (actor, status) => {
      const { project, lot } = await engineersProject();
      expect((await clients.engineer.request("DELETE", `/api/lots/${lot.id}`)).status).toBe(204);
      expect((await clients.engineer.request("DELETE", `/api/projects/${project.id}`)).status).toBe(204);
      expect((await clients[actor].request("POST", `/api/projects/${project.id}/restore`)).status).toBe(status);
      expect((await clients[actor].request("POST", `/api/lots/${lot.id}/restore`)).status).toBe(status);
    });

    it.each([
      ["anonymous", 401],
      ["viewer", 200],
      ["engineer2", 200],
    ] as [Actor, number][])("read routes as %s answer %i", async (actor, status) => {
      const { project } = await engineersProject();
      for (const route of [
        "/api/projects",
        `/api/projects/${project.id}`,
        `/api/projects/${project.id}/lots`,
        `/api/audit?entity=project&id=${project.id}`,
        "/api/users",
        "/api/materials",
        "/api/lots/export.csv",
      ]) {
        expect((await clients[actor].request("GET", route)).status, route).toBe(status);
      }
    });

    it.each([
      ["viewer", 403],
      ["engineer", 403],
      ["planner", 403],
    ] as [Actor, number][])("PUT /api/materials/:material as %s answers %i", async (actor, status) => {
      const response = await clients[actor].request("PUT", "/api/materials/rock", {
        densityTonnesPerM3InPlace: 2.6,
        swellInPlaceToLoose: 0.6,
        compactedPerInPlace: 1.3,
      });
      expect(response.status).toBe(status);
    });

    it("a member engineer may edit, and only owner, planner or admin may change the members", async () => {
      const { project } = await engineersProject("Med medlem");
      const withMember = await json<Project>(
        await clients.engineer.request("PUT", `/api/projects/${project.id}`, {
          ...projectBody("Med medlem"),
          version: project.version,
          members: ["engineer2"],
        }),
        200,
      );
      expect(withMember.members).toEqual(["engineer2"]);
      const edited = await json<Project>(
        await clients.engineer2.request("PUT", `/api/projects/${project.id}`, {
          ...projectBody("Endret av medlem"),
          version: withMember.version,
        }),
        200,
      );
      expect(edited).toMatchObject({ name: "Endret av medlem", updatedBy: "engineer2", version: withMember.version + 1 });
      const refused = await clients.engineer2.request("PUT", `/api/projects/${project.id}`, {
        ...projectBody("Endret av medlem"),
        version: edited.version,
        members: [],
      });
      expect(refused.status).toBe(403);
      const unknown = await clients.planner.request("PUT", `/api/projects/${project.id}`, {
        ...projectBody("x"),
        version: edited.version,
        members: ["ghost"],
      });
      expect(unknown.status).toBe(400);
      expect((await unknown.json()).error.fields).toEqual([{ path: "members", message: "ghost is not a user", key: "validation.notAUser", params: { username: "ghost" } }]);
      // The refused change left the project as it was.
      expect((await json<Project>(await clients.viewer.request("GET", `/api/projects/${project.id}`), 200)).name).toBe("Endret av medlem");
    });
  });

  it("answers a stale version with 409, the current record and who changed it; nothing is overwritten", async () => {
    const { project, lot } = await engineersProject("Konflikt");
    await json(await clients.planner.request("PUT", `/api/lots/${lot.id}`, { ...lotBody, quantity: { value: 1500, unit: "tonnes" }, version: lot.version }), 200);
    const stale = await clients.engineer.request("PUT", `/api/lots/${lot.id}`, { ...lotBody, quantity: { value: 999, unit: "tonnes" }, version: lot.version });
    const conflict = await json<{ error: { code: string; message: string }; current: Lot }>(stale, 409);
    expect(conflict.error.code).toBe("version_conflict");
    expect(conflict.error.message).toContain("by planner");
    expect(conflict.current).toMatchObject({ id: lot.id, version: lot.version + 1, quantity: { value: 1500, unit: "tonnes" }, updatedBy: "planner" });

    await json(await clients.planner.request("PUT", `/api/projects/${project.id}`, { ...projectBody("Konflikt A"), version: project.version }), 200);
    const staleProject = await clients.engineer.request("PUT", `/api/projects/${project.id}`, { ...projectBody("Konflikt B"), version: project.version });
    expect((await json<{ current: Project }>(staleProject, 409)).current.name).toBe("Konflikt A");
  });

  it("writes who, when, before and after for every change, and a project's history includes its lots", async () => {
    const { project, lot } = await engineersProject("Historikk");
    await json(await clients.engineer.request("PUT", `/api/lots/${lot.id}`, { ...lotBody, quantity: { value: 1500, unit: "tonnes" }, version: lot.version }), 200);
    await json(await clients.engineer.request("DELETE", `/api/lots/${lot.id}`), 204);
    await json(await clients.admin.request("POST", `/api/lots/${lot.id}/restore`), 200);
    const { items } = await json<{ items: AuditEntry[] }>(await clients.viewer.request("GET", `/api/audit?entity=project&id=${project.id}`), 200);
    expect(items.map((e) => `${e.entity}:${e.action}:${e.actor}`)).toEqual([
      "lot:restore:admin",
      "lot:delete:engineer",
      "lot:update:engineer",
      "lot:create:engineer",
      "project:create:engineer",
    ]);
    const update = items.find((e) => e.action === "update")!;
    expect(update.before).toMatchObject({ quantity: { value: 1300, unit: "m3_loose" } });
    expect(update.after).toMatchObject({ quantity: { value: 1500, unit: "tonnes" }, tonnes: 1500 });
    expect(Date.parse(update.at)).toBeGreaterThan(Date.now() - 60_000);
    const bad = await clients.viewer.request("GET", "/api/audit?entity=planet");
    expect((await json<{ error: { fields: { path: string }[] } }>(bad, 400)).error.fields.map((f) => f.path)).toEqual(["entity", "id"]);
  });

  it("soft-deletes: a deleted project leaves the list, an admin can list and restore it", async () => {
    const { project } = await engineersProject("Slettes og gjenopprettes");
    await json(await clients.engineer.request("DELETE", `/api/projects/${project.id}`), 204);
    const ids = async (client: ApiClient, query = "") =>
      (await json<{ items: Project[] }>(await client.request("GET", `/api/projects${query}`), 200)).items.map((p) => p.id);
    expect(await ids(clients.planner)).not.toContain(project.id);
    expect((await clients.planner.request("GET", `/api/projects/${project.id}`)).status).toBe(404);
    expect((await clients.planner.request("GET", "/api/projects?includeDeleted=true")).status).toBe(403);
    expect(await ids(clients.admin, "?includeDeleted=true")).toContain(project.id);
    const restored = await json<Project>(await clients.admin.request("POST", `/api/projects/${project.id}/restore`), 200);
    expect(restored.deletedAt).toBeNull();
    expect(await ids(clients.planner)).toContain(project.id);
  });

  it("filters by material, class, direction, months, status, bbox and text, returning only matching lots", async () => {
    const get = async (query: string) =>
      (await json<{ items: Project[] }>(await clients.viewer.request("GET", `/api/projects?${query}`), 200)).items;
    const all = await get("");
    const lots = all.flatMap((p) => p.lots);

    const clay = await get("material=clay_silt&direction=surplus");
    expect(clay.length).toBeGreaterThan(0);
    expect(clay.flatMap((p) => p.lots).every((l) => l.material === "clay_silt" && l.direction === "surplus")).toBe(true);
    expect(clay.flatMap((p) => p.lots).length).toBe(lots.filter((l) => l.material === "clay_silt" && l.direction === "surplus").length);

    const classes = await get("contaminationClass=3,4");
    expect(classes.flatMap((p) => p.lots).every((l) => l.contaminationClass >= 3 && l.contaminationClass <= 4)).toBe(true);

    const months = await get("from=2028-01&to=2028-06");
    expect(months.flatMap((p) => p.lots).every((l) => l.window.to >= "2028-01" && l.window.from <= "2028-06")).toBe(true);
    expect(months.flatMap((p) => p.lots).length).toBe(lots.filter((l) => l.window.to >= "2028-01" && l.window.from <= "2028-06").length);

    const inProgress = await get("status=in_progress");
    expect(inProgress.length).toBe(all.filter((p) => p.status === "in_progress").length);

    const text = await get("q=historikk");
    expect(text.map((p) => p.name)).toContain("Historikk");

    expect((await get("bbox=10.0,59.0,10.1,59.1")).length).toBe(0);

    const bad = await clients.viewer.request("GET", "/api/projects?material=granite&from=2027-13");
    const fields = (await json<{ error: { fields: { path: string }[] } }>(bad, 400)).error.fields.map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(["material.0", "from"]));
  });

  it("validates every field, with hints for coordinates outside Norway", async () => {
    const swapped = await clients.engineer.request("POST", "/api/projects", {
      ...projectBody("Byttet"),
      location: { type: "Point", coordinates: [59.83, 10.43] },
    });
    const swappedError = (await json<{ error: { fields: { path: string; message: string }[] } }>(swapped, 400)).error;
    expect(swappedError.fields).toEqual([{ path: "location.coordinates", message: expect.stringContaining("swapped"), key: "geo.swappedLonLat", params: {} }]);

    const utm = await clients.engineer.request("POST", "/api/projects", {
      ...projectBody("UTM"),
      location: { type: "Point", coordinates: [587000, 6630500] },
    });
    expect((await utm.json()).error.fields.map((f: { path: string }) => f.path)).toContain("location.coordinates.0");

    const { project } = await engineersProject("Valideres");
    const badLot = await clients.engineer.request("POST", `/api/projects/${project.id}/lots`, {
      direction: "sideways",
      material: "granite",
      contaminationClass: 6,
      quantity: { value: -3, unit: "buckets" },
      window: { from: "2027-05", to: "2027-02" },
    });
    const paths = (await json<{ error: { fields: { path: string }[] } }>(badLot, 400)).error.fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(["direction", "material", "contaminationClass", "quantity.value", "quantity.unit", "window.to"]),
    );
  });

  it("asks for confirmation above 10 million tonnes", async () => {
    const { project } = await engineersProject("Stor lott");
    const huge = { ...lotBody, quantity: { value: 11_000_000, unit: "tonnes" } };
    const refused = await clients.engineer.request("POST", `/api/projects/${project.id}/lots`, huge);
    const error = (await json<{ error: { code: string; fields: { path: string }[] } }>(refused, 400)).error;
    expect(error.code).toBe("confirm_large_quantity");
    expect(error.fields[0]!.path).toBe("quantity.value");
    await json(await clients.engineer.request("POST", `/api/projects/${project.id}/lots`, { ...huge, confirmLarge: true }), 201);
  });

  it("converts to tonnes with the table in force, which an admin may edit", async () => {
    const { project } = await engineersProject("Tetthet");
    const rock = await json<Lot>(
      await clients.engineer.request("POST", `/api/projects/${project.id}/lots`, { ...lotBody, material: "rock", quantity: { value: 100, unit: "m3_in_place" } }),
      201,
    );
    expect(rock.tonnes).toBeCloseTo(270, 6);
    await json(
      await clients.admin.request("PUT", "/api/materials/rock", { densityTonnesPerM3InPlace: 2.65, swellInPlaceToLoose: 0.65, compactedPerInPlace: 1.3 }),
      200,
    );
    const lotsNow = (await json<{ items: Lot[] }>(await clients.viewer.request("GET", `/api/projects/${project.id}/lots`), 200)).items;
    expect(lotsNow.find((l) => l.id === rock.id)!.tonnes).toBeCloseTo(265, 6);
    const materials = (await json<{ items: { material: string; densityTonnesPerM3InPlace: number }[] }>(await clients.viewer.request("GET", "/api/materials"), 200)).items;
    expect(materials.find((m) => m.material === "rock")!.densityTonnesPerM3InPlace).toBe(2.65);
    const bad = await clients.admin.request("PUT", "/api/materials/rock", { densityTonnesPerM3InPlace: 27, swellInPlaceToLoose: 0.65, compactedPerInPlace: 1.3 });
    expect((await json<{ error: { fields: { path: string }[] } }>(bad, 400)).error.fields[0]!.path).toBe("densityTonnesPerM3InPlace");
    await json(await clients.admin.request("PUT", "/api/materials/rock", { densityTonnesPerM3InPlace: 2.7, swellInPlaceToLoose: 0.65, compactedPerInPlace: 1.3 }), 200);
  });

  describe("CSV", () => {
    const importCsv = (client: ApiClient, text: string, query = "") =>
      client.request("POST", `/api/lots/import${query}`, text, { "content-type": "text/csv" });

    it("previews every bad row with its row, column and reason, and writes nothing", async () => {
      const before = (await json<{ items: Project[] }>(await clients.planner.request("GET", "/api/projects"), 200)).items;
      const report = await json<LotImportReport>(await importCsv(clients.planner, fixture("lots-bad-rows.csv"), "?dryRun=true"), 200);
      expect(report.valid).toBe(false);
      expect(report.rows).toBe(5);
      expect(report.errors.map((e) => `${e.row}:${e.column}`)).toEqual([
        "3:to",
        "4:material",
        "5:lon",
        "6:contaminationClass",
        "6:quantity",
        "6:to",
      ]);
      expect(report.preview.find((p) => p.row === 2)).toMatchObject({ project: "Vollen skole", newProject: true, tonnes: expect.closeTo(1200.5 * 2.7, 6) });
      const real = await json<LotImportReport>(await importCsv(clients.planner, fixture("lots-bad-rows.csv")), 400);
      expect(real.created).toEqual({ projects: 0, lots: 0 });
      const after = (await json<{ items: Project[] }>(await clients.planner.request("GET", "/api/projects"), 200)).items;
      expect(after.length).toBe(before.length);
    });

    it("imports all rows in one go, creating projects, and the export round-trips exactly", async () => {
      const report = await json<LotImportReport>(await importCsv(clients.engineer, fixture("lots-good.csv")), 201);
      expect(report).toMatchObject({ valid: true, created: { projects: 2, lots: 3 }, errors: [] });
      const imported = (await json<{ items: Project[] }>(await clients.engineer.request("GET", "/api/projects?q=Importert"), 200)).items;
      expect(imported.map((p) => [p.name, p.owner, p.lots.length])).toEqual([
        ["Importert – Hvalstad bru", "engineer", 2],
        ["Importert – Nesbru torg", "engineer", 1],
      ]);
      expect(imported[0]!.lots[0]).toMatchObject({ monthlyProfile: [1, 2, 1], notes: "Fra CSV, med komma" });

      const exported = await (await clients.engineer.request("GET", "/api/lots/export.csv?q=Importert")).text();
      expect(exported.split("\n")[0]).toBe(
        "projectId,project,projectStatus,lon,lat,east,north,crs,direction,material,contaminationClass,quantity,unit,from,to,hazardous,monthlyProfile,notes",
      );
      // Into a second, empty registry: the export imports to the same lots, and exports again identically.
      const other = await startTestServer("pglite", { demo: false });
      try {
        const admin = other.client();
        await admin.login("admin", "admin-secret");
        const withoutIds = exported.replace(/^[^,\n]*,/gm, ",").replace(/^,project/, "projectId,project");
        await json(await importCsv(admin, withoutIds), 201);
        const again = await (await admin.request("GET", "/api/lots/export.csv")).text();
        const strip = (csv: string) => csv.split("\n").map((line) => line.replace(/^[^,]*,/, ""));
        expect(strip(again)).toEqual(strip(exported));
      } finally {
        await other.stop();
      }
    });

    it("reads Norwegian headers, semicolons, decimal commas and UTM coordinates", async () => {
      const csv = fixture("lots-bad-rows.csv").split("\n").slice(0, 2).join("\n");
      const report = await json<LotImportReport>(await importCsv(clients.planner, csv, "?dryRun=true"), 200);
      expect(report.errors).toEqual([]);
      expect(report.preview[0]!.lot).toMatchObject({ direction: "surplus", material: "rock", quantity: { value: 1200.5, unit: "m3_in_place" } });
    });

    it("refuses a viewer's import and rows for someone else's project", async () => {
      expect((await importCsv(clients.viewer, fixture("lots-good.csv"))).status).toBe(403);
      const { project } = await engineersProject("Andres prosjekt");
      const csv = `projectId,project,direction,material,contaminationClass,quantity,unit,from,to\n${project.id},,surplus,rock,1,10,t,2027-01,2027-01\n`;
      const report = await json<LotImportReport>(await importCsv(clients.engineer2, csv), 400);
      expect(report.errors).toEqual([
        { row: 2, column: "project", message: expect.stringContaining("may not add lots"), key: "import.notYourProject", params: { project: "Andres prosjekt" } },
      ]);
    });
  });
});
