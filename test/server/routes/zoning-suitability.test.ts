import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site, ZoningArea } from "../../../src/core/domain/records";
import type { SuitabilityReport } from "../../../src/core/suitability/report";
import { backendNames } from "../../support/databases";
import { startTestServer, type ApiClient, type TestServer } from "../../support/server";

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));

describe.each(backendNames)("zoning import and site suitability on %s", (backend) => {
  let server: TestServer;
  let planner: ApiClient;
  let viewer: ApiClient;
  let admin: ApiClient;
  beforeAll(async () => {
    server = await startTestServer(backend);
    [planner, viewer, admin] = [server.client(), server.client(), server.client()];
    await planner.login("planner");
    await viewer.login("viewer");
    await admin.login("admin");
  });
  afterAll(async () => {
    await server?.stop();
  });

  const importFile = (client: ApiClient, body: Buffer, query: string) =>
    client.request("POST", `/api/zoning/import?${query}`, body, { "content-type": "application/octet-stream" });
  const zoningOf = async (planId: string) =>
    ((await (await viewer.request("GET", "/api/zoning")).json()) as { items: ZoningArea[] }).items.filter((a) => a.planId === planId);

  it("imports a real plan from GeoJSON in EPSG:25832 for planners only, and a second import replaces it", async () => {
    const file = fixture("zoning/plan-4204_1536-stemtjonn-skytebane-epsg25832.geojson");
    expect((await importFile(viewer, file, "format=geojson")).status).toBe(403);
    const response = await importFile(planner, file, "format=geojson&crs=EPSG:25832");
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body.imported).toBeGreaterThan(5);
    expect(body.planIds).toHaveLength(1);
    const planId = body.planIds[0] as string;
    const areas = await zoningOf(planId);
    expect(areas).toHaveLength(body.imported);
    // Kristiansand lies near 8.0° E, 58.1° N: the reprojection from UTM 32 put the plan there.
    const [lon, lat] = areas[0]!.geometry.type === "Polygon" ? areas[0]!.geometry.coordinates[0]![0]! : [0, 0];
    expect(lon).toBeGreaterThan(7.5);
    expect(lon).toBeLessThan(8.5);
    expect(lat).toBeGreaterThan(57.9);
    expect(lat).toBeLessThan(58.4);
    const again = await (await importFile(planner, file, "format=geojson&crs=EPSG:25832")).json();
    expect(again.imported).toBe(body.imported);
    expect(await zoningOf(planId)).toHaveLength(body.imported);
  });

  it("imports nothing from a SOSI file with bad objects until the user chooses to skip them", async () => {
    const file = fixture("sosi/plan-feil-og-buer.sos");
    const refused = await importFile(planner, file, "format=sosi");
    expect(refused.status).toBe(400);
    const error = await refused.json();
    expect(error.error.code).toBe("invalid_objects");
    expect(error.skipped.length).toBeGreaterThan(0);
    expect(error.error.fields[0].path).toMatch(/^\.(FLATE|KURVE|BUEP) \d+:/);
    const accepted = await importFile(planner, file, "format=sosi&skipInvalid=true");
    const summary = await accepted.json();
    expect(accepted.status).toBe(201);
    expect(summary.imported).toBeGreaterThan(0);
    expect(summary.skipped).toEqual(error.skipped);
  });

  it("refuses a file it cannot read, with the reason", async () => {
    const response = await importFile(planner, Buffer.from("this is not a plan"), "format=sosi");
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_file");
  });

  it("rates a site: inside Massemottak suitable, on housing unsuitable with the share, and ranks every site", async () => {
    const square = (lon: number, lat: number, size: number) => ({
      type: "Polygon",
      coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
    });
    const zoning = ((await (await viewer.request("GET", "/api/zoning")).json()) as { items: ZoningArea[] }).items;
    const inCode = (code: number) => zoning.find((a) => a.code === code && a.illustrative && a.geometry.type === "Polygon")!;
    const centreOf = (area: ZoningArea) => {
      const ring = area.geometry.type === "Polygon" ? area.geometry.coordinates[0]! : [];
      const lons = ring.map((p) => p[0]);
      const lats = ring.map((p) => p[1]);
      return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2] as const;
    };
    const report = async (geometry: object) => {
      const site = (await (await planner.request("POST", "/api/sites", { name: "Vurdering", kind: "storage", status: "candidate", geometry })).json()) as Site;
      const response = await viewer.request("GET", `/api/sites/${site.id}/suitability`);
      expect(response.status).toBe(200);
      return (await response.json()) as SuitabilityReport;
    };
    const [mx, my] = centreOf(inCode(1202));
    const receiving = await report(square(mx - 0.0004, my - 0.0002, 0.0004));
    expect(receiving).toMatchObject({ verdict: "suitable" });
    expect(receiving.zoning[0]).toMatchObject({ code: 1202, category: "extraction_mass_handling" });
    expect(receiving.areaM2).toBeGreaterThan(500);
    expect(receiving.capacityTonnes).toBeGreaterThan(0);
    expect(receiving.meanHaulKm).toBeGreaterThan(0);

    const [hx, hy] = centreOf(inCode(1110));
    const housing = await report(square(hx - 0.0004, hy - 0.0002, 0.0004));
    expect(housing.verdict).toBe("unsuitable");
    expect(housing.reasons.join(" ")).toMatch(/% of the site is zoned 1110/);

    const ranking = (await (await viewer.request("GET", "/api/suitability/ranking")).json()) as {
      items: { siteId: string; report?: SuitabilityReport }[];
    };
    const sites = ((await (await viewer.request("GET", "/api/sites")).json()) as { items: Site[] }).items;
    expect(ranking.items.map((i) => i.siteId).sort()).toEqual(sites.map((s) => s.id).sort());
    expect(ranking.items.every((i) => i.report && ["suitable", "conditional", "unsuitable"].includes(i.report.verdict))).toBe(true);
  });

  it("lets an admin edit the rules, which then change the verdict", async () => {
    const rules = await (await viewer.request("GET", "/api/suitability/rules")).json();
    expect((await planner.request("PUT", "/api/suitability/rules", rules)).status).toBe(403);
    expect((await admin.request("PUT", "/api/suitability/rules", { ...rules, version: "x" })).status).toBe(400);
    const saved = await admin.request("PUT", "/api/suitability/rules", rules);
    expect(saved.status).toBe(200);
  });
});
