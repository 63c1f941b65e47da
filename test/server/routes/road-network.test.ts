import proj4 from "proj4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type ApiClient, type TestServer } from "../../support/server";

const utm32 = "+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";
const toUtm = ([lon, lat]: [number, number]) => proj4("EPSG:4326", utm32, [lon, lat]) as [number, number];

/** A straight road from Asker sentrum to Slemmestad and on to Heggedal, in EPSG:25832 metres. */
const network = {
  type: "FeatureCollection",
  features: [
    { type: "Feature", properties: { vegkategori: "K" }, geometry: { type: "LineString", coordinates: [[10.434, 59.833], [10.495, 59.781]].map((p) => toUtm(p as [number, number])) } },
    { type: "Feature", properties: { vegkategori: "K" }, geometry: { type: "LineString", coordinates: [[10.495, 59.781], [10.443, 59.787]].map((p) => toUtm(p as [number, number])) } },
  ],
};

describe("road network import", () => {
  let server: TestServer;
  let planner: ApiClient;
  let viewer: ApiClient;
  beforeAll(async () => {
    server = await startTestServer("pglite");
    planner = server.client();
    viewer = server.client();
    await planner.login("planner");
    await viewer.login("viewer");
  });
  afterAll(async () => {
    await server?.stop();
  });

  const upload = (client: ApiClient, body: unknown, query = "?crs=EPSG:25832&name=Test") =>
    client.request("POST", `/api/road-network${query}`, body);
  const roadKm = async () => {
    const response = await viewer.request("GET", "/api/distances?mode=road&from=a@10.434,59.833&to=b@10.443,59.787");
    return ((await response.json()) as { km: (number | null)[][] }).km[0]![0];
  };

  it("starts on the shipped Asker network and summarises it", async () => {
    const body = await (await viewer.request("GET", "/api/road-network")).json();
    expect(body).toMatchObject({ source: "shipped", summary: { edges: expect.any(Number), connectedComponents: expect.any(Number) } });
    expect(body.summary.totalLengthKm).toBeGreaterThan(500);
  });

  it("imports a network in EPSG:25832, summarises it, and routes on it until it is removed", async () => {
    const shippedKm = await roadKm();
    expect((await upload(viewer, network)).status).toBe(403);
    const response = await upload(planner, network);
    expect(response.status).toBe(201);
    const imported = await response.json();
    expect(imported.summary).toMatchObject({ edges: 2, nodes: 3, connectedComponents: 1 });
    expect(imported.summary.totalLengthKm).toBeCloseTo(6.4 + 2.99, 0);
    expect(await (await viewer.request("GET", "/api/road-network")).json()).toMatchObject({ source: "imported", name: "Test", uploadedBy: "planner" });
    const features = await (await viewer.request("GET", "/api/road-network/features")).json();
    expect(features.features[0].geometry.coordinates[0][0]).toBeCloseTo(10.434, 5);
    // Asker sentrum → Heggedal now goes round by Slemmestad: longer than on the shipped network.
    const viaSlemmestad = await roadKm();
    expect(viaSlemmestad).toBeGreaterThan(9);
    expect(viaSlemmestad).not.toBeCloseTo(shippedKm!, 1);

    expect((await planner.request("DELETE", "/api/road-network")).status).toBe(204);
    expect((await (await viewer.request("GET", "/api/road-network")).json()).source).toBe("shipped");
    expect(await roadKm()).toBeCloseTo(shippedKm!, 6);
  });

  it.each([
    ["points instead of lines", { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [10.4, 59.8] } }] }, "", /no road lines|LineString/i],
    ["no features at all", { type: "FeatureCollection", features: [] }, "", /no road lines|LineString|empty/i],
    ["UTM metres declared as degrees", network, "?crs=EPSG:4326", /EPSG:25832/],
    ["not GeoJSON", "{ nope", "", /JSON/],
  ])("refuses %s with a clear message", async (_name, body, query, message) => {
    const response = await upload(planner, body, query);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_network");
    expect(error.message).toMatch(message);
  });
});
