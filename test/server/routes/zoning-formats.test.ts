// POST /api/zoning/import and POST /api/road-network with GeoPackage, zipped Shapefile, KML/KMZ and
// FlatGeobuf files (issue 13, phase 2): the format told from the content, the layer list and
// choice, and every bad file a 400 that names the cause and imports nothing.
import { readFileSync } from "node:fs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZoningArea } from "../../../src/core/domain/records";
import { writeVectorFile } from "../../../src/io/formats/write-vector-file";
import { startTestServer, type ApiClient, type TestServer } from "../../support/server";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url));

describe("zoning and road network import in the vector formats", () => {
  let server: TestServer;
  let planner: ApiClient;
  let viewer: ApiClient;
  beforeAll(async () => {
    server = await startTestServer("pglite");
    [planner, viewer] = [server.client(), server.client()];
    await planner.login("planner");
    await viewer.login("viewer");
  });
  afterAll(async () => {
    await server?.stop();
  });

  // Each upload on a connection of its own: a refusal the server sends before it has read the body
  // (a 400 on a bad query, a 403) leaves a socket the next keep-alive request must not reuse.
  const importFile = (client: ApiClient, body: Uint8Array, query: string) =>
    client.request("POST", `/api/zoning/import?${query}`, body, { "content-type": "application/octet-stream", connection: "close" });
  const zoningCount = async () => ((await (await viewer.request("GET", "/api/zoning")).json()) as { items: ZoningArea[] }).items.length;

  it.each([
    ["plan-4204_1536.gpkg", "geopackage"],
    ["plan-4204_1536-shp.zip", "shapefile"],
    ["plan-4204_1536.kml", "kml"],
    ["plan-4204_1536.kmz", "kml"],
    ["plan-4204_1536.fgb", "flatgeobuf"],
  ])("%s: a dry run without format= finds the plan's ten areas and nine zones, with the file's layers", async (name) => {
    const response = await importFile(planner, fixture(name), `fileName=${encodeURIComponent(name)}&dryRun=true`);
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ imported: 0, found: 10, zonesFound: 9, planIds: ["4204_1536"], skipped: [] });
    expect(body.layers.length).toBeGreaterThanOrEqual(1);
    expect(body.layers.every((layer: { name: string; featureCount: number }) => layer.name.length > 0 && layer.featureCount > 0)).toBe(true);
  });

  it("the format is told from the content even under a misleading name, and format= is checked", async () => {
    const response = await importFile(planner, fixture("plan-4204_1536.gpkg"), "fileName=plan.json&dryRun=true");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ found: 10 });
    const refused = await importFile(planner, fixture("plan-4204_1536.gpkg"), "format=dwg");
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: "invalid_query", fields: [{ path: "format" }] });
  });

  it("imports a GeoPackage for real, one layer when layer= names it, every coded layer without it", async () => {
    const gpkg = fixture("plan-4204_1536.gpkg");
    const dry = await (await importFile(planner, gpkg, "fileName=plan.gpkg&dryRun=true")).json();
    const layerNames = (dry.layers as { name: string }[]).map((layer) => layer.name);
    expect(layerNames).toContain("RpArealformålOmråde");

    const oneLayer = await importFile(planner, gpkg, `fileName=plan.gpkg&layer=${encodeURIComponent("RpArealformålOmråde")}&dryRun=true`);
    expect(await oneLayer.json()).toMatchObject({ found: 10, zonesFound: 0 });

    // A viewer may not import (the server answers before reading the body, so the request closes its connection).
    const refused = await viewer.request("POST", "/api/zoning/import?fileName=plan.gpkg", gpkg, { "content-type": "application/octet-stream", connection: "close" });
    expect(refused.status).toBe(403);
    const imported = await importFile(planner, gpkg, "fileName=plan.gpkg");
    const summary = await imported.json();
    expect(imported.status, JSON.stringify(summary)).toBe(201);
    expect(summary).toMatchObject({ imported: 10, zonesImported: 9, planIds: ["4204_1536"] });
    const items = ((await (await viewer.request("GET", "/api/zoning")).json()) as { items: ZoningArea[] }).items;
    expect(items.filter((area) => area.planId === "4204_1536")).toHaveLength(10);
    // Importing the same plan again replaces it rather than doubling it.
    const afterFirst = await zoningCount();
    expect((await importFile(planner, gpkg, "fileName=plan.gpkg")).status).toBe(201);
    expect(await zoningCount()).toBe(afterFirst);
  });

  it("a layer= the file lacks is a 400 listing the layers there are", async () => {
    const response = await importFile(planner, fixture("plan-4204_1536.gpkg"), "fileName=plan.gpkg&layer=veger&dryRun=true");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_file");
    expect(body.error.message).toMatch(/^plan\.gpkg: no layer is named "veger" \(layer=\); the file's layers are .*"RpArealformålOmråde"/);
    expect(body.layers.map((layer: { name: string }) => layer.name)).toContain("RpArealformålOmråde");
  });

  describe("bad files: 400 with the cause, nothing imported", () => {
    const square = (x: number, y: number) => ({
      type: "Feature" as const,
      properties: { arealformål: 1110, planId: "3203_BAD" },
      geometry: { type: "Polygon", coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]]] },
    });
    const plan = [{ name: "zoning", features: [square(10.43, 59.83), square(10.44, 59.83)] }];
    const shapefileEntries = async () => unzipSync((await writeVectorFile("shapefile", plan)).bytes);
    const ngo =
      'PROJCS["NGO_1948_Oslo_Norway_Zone_3",GEOGCS["GCS_NGO_1948_Oslo",DATUM["D_NGO_1948",SPHEROID["Bessel_Modified",6377492.018,299.1528128]],PRIMEM["Oslo",10.72291666666667],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",58.0],UNIT["Meter",1.0]]';

    it.each([
      ["a zip without a .shp", "plan.zip", async () => zipSync({ "readme.txt": strToU8("plan"), "plan.dbf": new Uint8Array(40) }), /^plan\.zip: the zip archive holds no Shapefile \(\.shp\); it has readme\.txt, plan\.dbf/],
      [
        "a zip with a .shp but no .dbf",
        "plan.zip",
        async () => {
          const { "zoning.dbf": _dbf, ...rest } = await shapefileEntries();
          return zipSync(rest);
        },
        /^plan\.zip: the Shapefile "zoning" has no \.dbf/,
      ],
      ["a GeoPackage without vector layers", "attributes.gpkg", async () => new Uint8Array(fixture("no-vector-layers.gpkg")), /^attributes\.gpkg: the GeoPackage has no vector layers/],
      ["a GeoPackage cut short", "plan.gpkg", async () => (await writeVectorFile("geopackage", plan)).bytes.slice(0, 6000), /^plan\.gpkg: the GeoPackage is damaged and cannot be read/],
      ["a FlatGeobuf cut short", "plan.fgb", async () => (await writeVectorFile("flatgeobuf", plan)).bytes.slice(0, 300), /^plan\.fgb: the FlatGeobuf file is damaged/],
      ["a KML that is not well-formed", "plan.kml", async () => strToU8('<?xml version="1.0"?><kml><Document><Placemark></Document></kml>'), /^plan\.kml: the KML is not well-formed XML/],
      [
        "a zip bomb",
        "bomb.zip",
        async () => zipSync({ "zoning.shp": new Uint8Array(16 * 1024 * 1024), "zoning.dbf": new Uint8Array(32) }, { level: 9 }),
        /^bomb\.zip: the zip archive is refused: it unpacks to \d+ times its packed size/,
      ],
      [
        "a Shapefile in a CRS Massekart does not know",
        "ngo.zip",
        async () => zipSync({ ...(await shapefileEntries()), "zoning.prj": strToU8(ngo) }),
        /^ngo\.zip: layer "zoning": the file declares the coordinate system "NGO_1948_Oslo_Norway_Zone_3 \(from zoning\.prj\)", which Massekart does not support/,
      ],
    ])("%s", async (_what, fileName, bytes, problem) => {
      // The file first: a socket left idle while a large file is built may be closed by the server as the next request takes it.
      const file = await bytes();
      const before = await zoningCount();
      const response = await importFile(planner, file, `fileName=${fileName}`);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("invalid_file");
      expect(body.error.message).toMatch(problem);
      expect(await zoningCount()).toBe(before);
    });
  });

  describe("road networks", () => {
    // Asker sentrum → Slemmestad → Heggedal, written in WGS84 and projected by the writers to EPSG:25832.
    const roads = [
      {
        name: "veglenker",
        features: [
          { type: "Feature" as const, properties: { vegkategori: "K" }, geometry: { type: "LineString", coordinates: [[10.434, 59.833], [10.495, 59.781]] } },
          { type: "Feature" as const, properties: { vegkategori: "K" }, geometry: { type: "LineString", coordinates: [[10.495, 59.781], [10.443, 59.787]] } },
        ],
      },
    ];
    const upload = (body: Uint8Array, query: string) => planner.request("POST", `/api/road-network?${query}`, body, { "content-type": "application/octet-stream", connection: "close" });

    it.each(["geopackage", "shapefile", "flatgeobuf", "kml"] as const)("imports a %s network with the CRS the file declares", async (format) => {
      const written = await writeVectorFile(format, roads);
      const response = await upload(written.bytes, `name=Elveg&fileName=${written.fileName}`);
      const body = await response.json();
      expect(response.status, JSON.stringify(body)).toBe(201);
      expect(body.summary).toMatchObject({ edges: 2, nodes: 3, connectedComponents: 1 });
      expect(body.summary.totalLengthKm).toBeCloseTo(6.4 + 2.99, 0);
      // The stored lines are in WGS84 whatever the file's CRS.
      const features = await (await viewer.request("GET", "/api/road-network/features")).json();
      expect(features.features[0].geometry.coordinates[0][0]).toBeCloseTo(10.434, 4);
    });

    it("a GeoPackage with two line layers asks for one, and layer= chooses it", async () => {
      const written = await writeVectorFile("geopackage", [roads[0]!, { name: "bruer", features: roads[0]!.features.slice(0, 1) }]);
      const refused = await upload(written.bytes, "name=Elveg");
      expect(refused.status).toBe(400);
      const refusal = await refused.json();
      expect(refusal.error).toMatchObject({ code: "invalid_network", message: expect.stringMatching(/the file has 2 layers \("veglenker" with 2 features, "bruer" with 1 features\); choose one with layer=/) });
      // The layers go with the refusal, for the dialog's layer chooser (issue 13, phase 3).
      expect(refusal.layers).toEqual([{ name: "veglenker", featureCount: 2 }, { name: "bruer", featureCount: 1 }]);
      const wrong = await upload(written.bytes, "name=Elveg&layer=stier");
      expect(((await wrong.json()) as { layers: unknown[] }).layers).toHaveLength(2);
      const chosen = await upload(written.bytes, "name=Elveg&layer=veglenker");
      expect(chosen.status).toBe(201);
    });

    it("a zip without a .shp is a 400 naming it, and the network in use stays", async () => {
      const before = await (await viewer.request("GET", "/api/road-network")).json();
      const response = await upload(zipSync({ "veger.txt": strToU8("x") }), "name=Broken&fileName=veger.zip");
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: "invalid_network", message: expect.stringMatching(/veger\.zip|road network "Broken": the zip archive holds no Shapefile/) });
      expect(await (await viewer.request("GET", "/api/road-network")).json()).toEqual(before);
    });
  });
});
