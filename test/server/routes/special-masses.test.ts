/**
 * Special masses and permits over HTTP (issue 17 items 1–3): lot `flags`, `acceptsFlags` and
 * `permit`, site `accepts.flags` and `gateFees`, the CSV `flags` column, and the flows a solve marks
 * `needsPermit` — stored in PostgreSQL and read back, bad values refused with 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lot, Project, Site } from "../../../src/core/domain/records";
import type { LotImportReport } from "../../../src/core/domain/registry-api";
import type { MatchResult } from "../../../src/core/matching/result";
import { startTestServer, type ApiClient, type TestServer } from "../../support/server";

const square = (lon: number, lat: number, size = 0.004) => ({
  type: "Polygon",
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});
const projectBody = { name: "Kvikkleire test", status: "planned", location: { type: "Point", coordinates: [10.47, 59.8] } };
const lotBody = {
  direction: "surplus",
  material: "clay_silt",
  contaminationClass: 2,
  quantity: { value: 1000, unit: "tonnes" },
  window: { from: "2027-03", to: "2027-04" },
};

describe("special masses and permits over HTTP", () => {
  let server: TestServer;
  let engineer: ApiClient;
  let planner: ApiClient;
  let project: Project;

  beforeAll(async () => {
    server = await startTestServer("postgres");
    engineer = server.client();
    planner = server.client();
    expect((await engineer.login("engineer")).status).toBe(200);
    expect((await planner.login("planner")).status).toBe(200);
    project = (await (await engineer.request("POST", "/api/projects", projectBody)).json()) as Project;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const errorOf = async (response: Response) => {
    const body = (await response.json()) as { error: { code: string; fields: { path: string; message: string }[] } };
    return { status: response.status, code: body.error.code, paths: body.error.fields.map((f) => f.path), messages: body.error.fields.map((f) => f.message) };
  };

  it("stores a lot's flags and permit and reads them back; an update keeps them", async () => {
    const permit = { kind: "tiltaksplan", reference: "2026/4711", validTo: "2028-12-31" };
    const created = await engineer.request("POST", `/api/projects/${project.id}/lots`, { ...lotBody, flags: ["quick_clay"], permit });
    expect(created.status).toBe(201);
    const lot = (await created.json()) as Lot;
    expect(lot).toMatchObject({ flags: ["quick_clay"], permit });
    const read = (await (await engineer.request("GET", `/api/projects/${project.id}/lots`)).json()) as Lot[] | { items: Lot[] };
    const lots = Array.isArray(read) ? read : read.items;
    expect(lots.find((l) => l.id === lot.id)).toMatchObject({ flags: ["quick_clay"], permit });

    const updated = await engineer.request("PUT", `/api/lots/${lot.id}`, { ...lotBody, flags: ["quick_clay", "acid_forming"], version: lot.version });
    expect(updated.status).toBe(200);
    const after = (await updated.json()) as Lot;
    expect(after.flags).toEqual(["quick_clay", "acid_forming"]);
    expect(after.permit).toBeUndefined();
  });

  it("stores a demand lot's accepted flags; a lot without flags reads as []", async () => {
    const demand = (await (
      await engineer.request("POST", `/api/projects/${project.id}/lots`, { ...lotBody, direction: "demand", material: "topsoil", acceptsFlags: ["invasive_species"] })
    ).json()) as Lot;
    expect(demand).toMatchObject({ flags: [], acceptsFlags: ["invasive_species"] });
    const plain = (await (await engineer.request("POST", `/api/projects/${project.id}/lots`, lotBody)).json()) as Lot;
    expect(plain.flags).toEqual([]);
  });

  it("answers 400 naming the field for an unknown flag, a flag on the wrong direction and a permit without reference", async () => {
    const unknown = await errorOf(await engineer.request("POST", `/api/projects/${project.id}/lots`, { ...lotBody, flags: ["radioactive"] }));
    expect(unknown).toMatchObject({ status: 400, code: "invalid_input", paths: ["flags.0"] });
    expect(unknown.messages[0]).toContain("quick_clay, acid_forming, invasive_species");

    const reuse = await errorOf(await engineer.request("POST", `/api/projects/${project.id}/lots`, { ...lotBody, direction: "demand", acceptsFlags: ["acid_forming"] }));
    expect(reuse).toMatchObject({ status: 400, paths: ["acceptsFlags"] });

    const noReference = await errorOf(await engineer.request("POST", `/api/projects/${project.id}/lots`, { ...lotBody, permit: { kind: "tillatelse", reference: " " } }));
    expect(noReference).toMatchObject({ status: 400, paths: ["permit.reference"] });
    const badKind = await errorOf(await engineer.request("POST", `/api/projects/${project.id}/lots`, { ...lotBody, permit: { kind: "løyve", reference: "1" } }));
    expect(badKind).toMatchObject({ status: 400, paths: ["permit.kind"] });
  });

  it("stores a receiver's accepted flags and gate fees per class; refuses an unknown flag by its path", async () => {
    const body = {
      name: "Mottak for kvikkleire",
      kind: "landfill",
      status: "in_use",
      geometry: square(10.4, 59.78),
      accepts: { materials: ["clay_silt"], worstClass: 3, flags: ["quick_clay"] },
      gateFeePerTonne: 320,
      gateFees: { byClass: { "2": 450, "3": 700 }, hazardous: 2400 },
    };
    const created = await planner.request("POST", "/api/sites", body);
    expect(created.status).toBe(201);
    const site = (await created.json()) as Site;
    expect(site).toMatchObject({ accepts: body.accepts, gateFees: body.gateFees });
    expect((await (await planner.request("GET", `/api/sites/${site.id}`)).json()) as Site).toMatchObject({ gateFees: body.gateFees });

    const bad = await errorOf(await planner.request("POST", "/api/sites", { ...body, accepts: { ...body.accepts, flags: ["kvikk"] } }));
    expect(bad).toMatchObject({ status: 400, paths: ["accepts.flags.0"] });
    const badFee = await errorOf(await planner.request("POST", "/api/sites", { ...body, gateFees: { byClass: { "6": 100 } } }));
    expect(badFee.status).toBe(400);
    expect(badFee.paths[0]).toMatch(/^gateFees\.byClass/);
  });

  it("imports the CSV column flags (;-separated, Norwegian names) and exports it again", async () => {
    const csv = [
      "project,lon,lat,direction,material,contaminationClass,quantity,unit,from,to,flags,permitKind,permitReference",
      `CSV spesialmasser,10.45,59.81,surplus,clay_silt,1,100,t,2027-01,2027-02,"kvikkleire;fremmede arter",,`,
      `CSV spesialmasser,10.45,59.81,demand,topsoil,1,50,t,2027-01,2027-02,invasive_species,,`,
      `CSV spesialmasser,10.45,59.81,surplus,rock,2,70,t,2027-01,2027-02,,tillatelse,2026/55`,
    ].join("\n");
    const response = await engineer.request("POST", "/api/lots/import", csv, { "content-type": "text/csv" });
    const report = (await response.json()) as LotImportReport;
    expect(report.errors).toEqual([]);
    expect(response.status).toBe(201);
    expect(report.preview.map((p) => [p.lot.flags, p.lot.acceptsFlags, p.lot.permit])).toEqual([
      [["quick_clay", "invasive_species"], undefined, undefined],
      [[], ["invasive_species"], undefined],
      [[], undefined, { kind: "tillatelse", reference: "2026/55" }],
    ]);
    const exported = await (await engineer.request("GET", "/api/lots/export.csv?q=CSV%20spesialmasser")).text();
    const header = exported.split("\n")[0]!.split(",");
    const flagsAt = header.indexOf("flags");
    expect(flagsAt).toBeGreaterThan(0);
    expect(exported).toContain("quick_clay;invasive_species");
    expect(exported).toContain("tillatelse,2026/55");

    const bad = [
      "project,lon,lat,direction,material,contaminationClass,quantity,unit,from,to,flags,permitKind,permitReference",
      "CSV feil,10.45,59.81,surplus,rock,1,100,t,2027-01,2027-02,radon,,",
      "CSV feil,10.45,59.81,surplus,rock,2,100,t,2027-01,2027-02,,tillatelse,",
    ].join("\n");
    const refused = (await (await engineer.request("POST", "/api/lots/import?dryRun=true", bad, { "content-type": "text/csv" })).json()) as LotImportReport;
    expect(refused.errors.map((e) => `${e.row}:${e.column}`)).toEqual(["2:flags", "3:permitReference"]);
  });

  it("marks flows of class ≥ 2 to another project needsPermit in POST /api/solve, and counts the tonnes", async () => {
    const instance = {
      months: ["2027-01"],
      lots: [
        { id: "S", projectId: "P1", direction: "surplus", material: "moraine", contaminationClass: 2, quantity: { value: 100, unit: "tonnes" }, window: { from: "2027-01", to: "2027-01" } },
        { id: "D", projectId: "P2", direction: "demand", material: "moraine", contaminationClass: 2, quantity: { value: 100, unit: "tonnes" }, window: { from: "2027-01", to: "2027-01" } },
      ],
      distances: [{ from: "S", to: "D", km: 3 }],
    };
    const result = (await (await engineer.request("POST", "/api/solve", instance)).json()) as MatchResult;
    if (result.status === "error") throw new Error(result.message);
    expect(result.flows).toHaveLength(1);
    expect(result.flows[0]).toMatchObject({ from: "S", to: "D", needsPermit: true });
    expect(result.kpis.tonnesNeedingPermit).toBeCloseTo(100, 6);

    const bad = await errorOf(await engineer.request("POST", "/api/solve", { ...instance, lots: [{ ...instance.lots[0], flags: ["asbestos"] }, instance.lots[1]] }));
    expect(bad).toMatchObject({ status: 400, paths: ["lots[0].flags[0]"] });
  });
});
