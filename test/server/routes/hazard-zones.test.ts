import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site, ZoningArea } from "../../../src/core/domain/records";
import type { SuitabilityReport } from "../../../src/core/suitability/report";
import type { HazardZone } from "../../../src/core/zoning/hazard-zones";
import { backendNames } from "../../support/databases";
import { startTestServer, type ApiClient, type TestServer } from "../../support/server";

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));
// The synthetic NVE map lies at 10.43° E, 59.80° N (Asker); the plan 4204_1536 near 7.84° E, 58.18° N.
const kristiansand = "7.8,58.17,7.9,58.2";
const asker = "10.42,59.79,10.45,59.81";

describe.each(backendNames)("hazard and protection zones on %s", (backend) => {
  let server: TestServer;
  let planner: ApiClient;
  let viewer: ApiClient;
  beforeAll(async () => {
    server = await startTestServer(backend);
    [planner, viewer] = [server.client(), server.client()];
    await planner.login("planner");
    await viewer.login("viewer");
  });
  afterAll(async () => {
    await server?.stop();
  });

  const importFile = (client: ApiClient, body: Buffer, query: string) =>
    client.request("POST", `/api/zoning/import?${query}`, body, { "content-type": "application/octet-stream" });
  const zonesIn = async (bbox: string) => {
    const response = await viewer.request("GET", `/api/zoning/zones?bbox=${bbox}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: HazardZone[] }).items;
  };
  const areasOf = async (planId: string) =>
    ((await (await viewer.request("GET", "/api/zoning")).json()) as { items: ZoningArea[] }).items.filter((a) => a.planId === planId);

  it("imports a plan's zones beside its areas, and a file of zones alone leaves the areas alone", async () => {
    const plan = await importFile(planner, fixture("zoning/plan-4204_1536-stemtjonn-skytebane-epsg25832.geojson"), "format=geojson");
    const planSummary = await plan.json();
    expect(plan.status, JSON.stringify(planSummary)).toBe(201);
    expect(planSummary).toMatchObject({ imported: 10, found: 10, zonesFound: 9, zonesImported: 9, planIds: ["4204_1536"] });
    expect(await zonesIn(kristiansand)).toHaveLength(9);

    // The SOSI file of the same plan's zones has three bad objects: nothing is imported until they are skipped.
    const sosi = fixture("sosi/plan-4204_1536-hensynssoner.sos");
    const refused = await importFile(planner, sosi, "format=sosi");
    expect(refused.status).toBe(400);
    const error = await refused.json();
    expect(error.error.code).toBe("invalid_objects");
    expect((error.error.fields as { path: string; message: string }[]).map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ".FLATE 7:", message: "RpFareSone has no ..REF to boundary curves" },
      { path: ".FLATE 8:", message: 'RpSikringSone has no "sikring" code, so what the zone protects or warns of is unknown' },
      { path: ".KURVE 108:", message: "RpFareSone is a .KURVE, not an area (.FLATE): a zone needs its outline to be rated" },
    ]);
    expect(await zonesIn(kristiansand)).toHaveLength(9);

    const accepted = await importFile(planner, sosi, "format=sosi&skipInvalid=true");
    expect(accepted.status).toBe(201);
    expect(await accepted.json()).toMatchObject({ imported: 0, zonesImported: 5, planIds: ["4204_1536"] });
    // The plan's zones are replaced by the file's five; its ten areas stay.
    const zones = await zonesIn(kristiansand);
    expect(zones.map((z) => [z.objectType, z.code, z.name, z.hazard]).sort()).toEqual(
      [
        ["KpSikringSone", 110, "H110_1", "drinking_water"],
        ["RpAngittHensynSone", 560, "H560_1", "natural_environment"],
        ["RpFareSone", 310, "H310_1", "landslide"],
        ["RpFareSone", 360, "H360_1", "shooting_range"],
        ["RpStøySone", 210, "H210_1", "noise"],
      ].sort(),
    );
    expect(zones.every((z) => z.planId === "4204_1536" && z.status === "proposed" && z.source === "plan")).toBe(true);
    expect(await areasOf("4204_1536")).toHaveLength(10);
  });

  it("imports an NVE hazard map under its data set id; importing it again replaces it", async () => {
    const file = fixture("zoning/nve-kvikkleire-flom-syntetisk.geojson");
    expect((await importFile(viewer, file, "format=geojson&skipInvalid=true")).status).toBe(403);
    for (let round = 0; round < 2; round++) {
      const response = await importFile(planner, file, "format=geojson&skipInvalid=true&planId=nve-asker");
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ imported: 0, zonesImported: 4, planIds: ["nve-asker"], ignored: { FlomsoneAnalyseomraade: 1 } });
      expect((await zonesIn(asker)).filter((z) => z.planId === "nve-asker")).toHaveLength(4);
    }
  });

  it("rates a storage site on the quick-clay zone unsuitable, with the zone and its share in the report", async () => {
    // Inside the synthetic KvikkleireFaresone (0–200 m east, 0–100 m north of 10.43° E, 59.80° N).
    const lon = (x: number) => 10.43 + x / (111_320 * Math.cos((59.8 * Math.PI) / 180));
    const lat = (y: number) => 59.8 + y / 110_574;
    const geometry = { type: "Polygon", coordinates: [[[lon(20), lat(20)], [lon(120), lat(20)], [lon(120), lat(80)], [lon(20), lat(80)], [lon(20), lat(20)]]] };
    const site = (await (await planner.request("POST", "/api/sites", { name: "Mellomlager på leire", kind: "storage", status: "candidate", geometry })).json()) as Site;
    const response = await viewer.request("GET", `/api/sites/${site.id}/suitability`);
    expect(response.status).toBe(200);
    const report = (await response.json()) as SuitabilityReport;
    expect(report.verdict).toBe("unsuitable");
    expect(report.zones[0]).toMatchObject({ source: "nve", objectType: "KvikkleireFaresone", hazard: "quick_clay", effect: "unsuitable", details: { faregrad: "Høy" } });
    expect(report.zones[0]!.share).toBeCloseTo(1, 2);
    expect(report.reasons.join(" ")).toMatch(/of the site lies in NVE's KvikkleireFaresone "Syntetisk kvikkleiresone \(Asker\)"/);
  });

  it("refuses a bad bbox on the zone list", async () => {
    expect((await viewer.request("GET", "/api/zoning/zones?bbox=1,2,3")).status).toBe(400);
  });
});
