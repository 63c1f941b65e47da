// POST /api/sites/import (issue 13): sites from GeoJSON, GeoPackage, zipped Shapefile, KML/KMZ and
// FlatGeobuf; names, kinds and capacities under English or Norwegian field names; the dry run's
// preview with every skipped feature; roles; bad files a 400 naming the cause; all or nothing.
import { readFileSync } from "node:fs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Site } from "../../../src/core/domain/records";
import type { AuditEntry } from "../../../src/core/domain/registry-api";
import { routes } from "../../../src/core/api/routes";
import type { OutputFeature } from "../../../src/io/formats/vector-data";
import { writeVectorFile } from "../../../src/io/formats/write-vector-file";
import { backendNames } from "../../support/databases";
import { apiClient, startTestServer, type ApiClient, type TestServer } from "../../support/server";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url));

const square = (lon: number, lat: number, size = 0.003) => ({
  type: "Polygon",
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
});
/** Three sites with Norwegian field names, as a municipality's own register might hold them. */
const norwegianSites: OutputFeature[] = [
  { type: "Feature", properties: { LOKALITETSNAVN: "Lager Vettre", TYPE: "mellomlager", KAPASITET: 40000, STATUS: "foreslått" }, geometry: square(10.46, 59.82) },
  { type: "Feature", properties: { LOKALITETSNAVN: "Deponi Heggedal", TYPE: "deponi", KAPASITET: 250000, STATUS: "avsatt" }, geometry: square(10.44, 59.78) },
  { type: "Feature", properties: { LOKALITETSNAVN: "Massetak Kjekstad", TYPE: "massetak", KAPASITET: 0, STATUS: "i bruk" }, geometry: square(10.38, 59.8) },
];
const layer = (features: OutputFeature[], name = "lagerplasser") => [{ name, features }];
const geojson = (features: unknown[]) => strToU8(JSON.stringify({ type: "FeatureCollection", features }));

describe.each(backendNames)("site import from files on %s", (backend) => {
  let server: TestServer;
  const clients = {} as Record<"viewer" | "engineer" | "planner" | "admin", ApiClient>;
  beforeAll(async () => {
    server = await startTestServer(backend);
    for (const actor of ["viewer", "engineer", "planner", "admin"] as const) {
      clients[actor] = apiClient(server.url);
      await clients[actor].login(actor);
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  // Each upload on its own connection: a refusal sent before the body is read must not leave a socket to reuse.
  const upload = (client: ApiClient, body: Uint8Array, query: string) =>
    client.request("POST", `/api/sites/import?${query}`, body, { "content-type": "application/octet-stream", connection: "close" });
  const siteNames = async () => ((await (await clients.viewer.request("GET", "/api/sites")).json()) as { items: Site[] }).items.map((site) => site.name);

  it.each([
    ["geopackage", "sites.gpkg"],
    ["shapefile", "sites.zip"],
    ["kml", "sites.kml"],
    ["flatgeobuf", "sites.fgb"],
  ] as const)("a dry run of %s finds the three sites with Norwegian fields mapped, CRS from the file, nothing written", async (format, fileName) => {
    const file = await writeVectorFile(format, layer(norwegianSites));
    const before = await siteNames();
    const response = await upload(clients.planner, file.bytes, `fileName=${fileName}&dryRun=true`);
    const report = await response.json();
    expect(response.status, JSON.stringify(report)).toBe(200);
    expect(routes.importSites.response.safeParse(report).success).toBe(true);
    expect(report).toMatchObject({ dryRun: true, features: 3, skipped: [], created: 0 });
    expect(report.sourceCrs).toBe(format === "kml" ? "EPSG:4326" : "EPSG:25832");
    // A Shapefile cuts LOKALITETSNAVN to LOKALITETS; it is still the name.
    expect(report.mapping.name).toMatch(/^LOKALITETS/);
    expect(report.sites.map((s: { name: string; kind: string; status: string; capacityTonnes?: number }) => [s.name, s.kind, s.status, s.capacityTonnes])).toEqual([
      ["Lager Vettre", "storage", "proposed", 40000],
      ["Deponi Heggedal", "landfill", "allocated", 250000],
      ["Massetak Kjekstad", "quarry", "in_use", 0],
    ]);
    // A 0.003° square at 59.8° N is about 187 m × 334 m.
    for (const site of report.sites) {
      expect(site.areaM2).toBeGreaterThan(55_000);
      expect(site.areaM2).toBeLessThan(70_000);
    }
    expect(await siteNames()).toEqual(before);
  });

  it("imports for real in one go, each site audited as a site write", async () => {
    const file = await writeVectorFile("geopackage", layer(norwegianSites.map((f) => ({ ...f, properties: { ...f.properties, LOKALITETSNAVN: `${String(f.properties!.LOKALITETSNAVN)} (gpkg)` } }))));
    const response = await upload(clients.planner, file.bytes, "fileName=sites.gpkg");
    const report = await response.json();
    expect(response.status, JSON.stringify(report)).toBe(201);
    expect(report.created).toBe(3);
    const names = await siteNames();
    expect(names).toEqual(expect.arrayContaining(["Lager Vettre (gpkg)", "Deponi Heggedal (gpkg)", "Massetak Kjekstad (gpkg)"]));
    const id = report.sites[0].id as string;
    const site = (await (await clients.viewer.request("GET", `/api/sites/${id}`)).json()) as Site;
    expect(site).toMatchObject({ name: "Lager Vettre (gpkg)", kind: "storage", capacityTonnes: 40000, updatedBy: "planner" });
    // The GeoPackage held EPSG:25832 metres; the site is back in degrees where it was drawn.
    const ring = (site.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring[0]![0]).toBeCloseTo(10.46, 4);
    expect(ring[0]![1]).toBeCloseTo(59.82, 4);
    const audit = (await (await clients.viewer.request("GET", `/api/audit?entity=site&id=${id}`)).json()) as { items: AuditEntry[] };
    expect(audit.items).toMatchObject([{ action: "create", actor: "planner" }]);
  });

  it("points become circles of their radius (or the default 50 m); a name property can be chosen", async () => {
    const points = [
      { type: "Feature", properties: { id: "A", betegnelse: "Punkt A", radius: 100 }, geometry: { type: "Point", coordinates: [10.45, 59.81] } },
      { type: "Feature", properties: { id: "B", betegnelse: "Punkt B" }, geometry: { type: "Point", coordinates: [10.47, 59.81] } },
    ];
    const detected = await (await upload(clients.planner, geojson(points), "fileName=points.geojson&dryRun=true")).json();
    expect(detected.sites.map((s: { name: string; from: string }) => [s.name, s.from])).toEqual([["Punkt A", "point"], ["Punkt B", "point"]]);
    expect(detected.sites[0].areaM2).toBeGreaterThan(Math.PI * 100 ** 2 * 0.97);
    expect(detected.sites[0].areaM2).toBeLessThan(Math.PI * 100 ** 2 * 1.01);
    expect(detected.sites[1].areaM2).toBeGreaterThan(Math.PI * 50 ** 2 * 0.97);
    const chosen = await (await upload(clients.planner, geojson(points), "fileName=points.geojson&dryRun=true&nameProperty=id&kind=landfill")).json();
    expect(chosen.sites.map((s: { name: string; kind: string }) => [s.name, s.kind])).toEqual([["A", "landfill"], ["B", "landfill"]]);
    const missing = await upload(clients.planner, geojson(points), "fileName=points.geojson&dryRun=true&nameProperty=navn");
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toMatch(/no feature has a property "navn"; the features have id, betegnelse, radius/);
  });

  it("lists each feature that cannot become a site with index, field and reason, and then imports nothing", async () => {
    const features = [
      { type: "Feature", properties: { navn: "God", kapasitet: "12 500" }, geometry: square(10.46, 59.84) },
      { type: "Feature", properties: { navn: "", kapasitet: 100 }, geometry: square(10.47, 59.84) },
      { type: "Feature", properties: { navn: "Tall", kapasitet: "mye" }, geometry: square(10.48, 59.84) },
      { type: "Feature", properties: { navn: "Linje" }, geometry: { type: "LineString", coordinates: [[10.4, 59.8], [10.41, 59.81]] } },
      { type: "Feature", properties: { navn: "Utlandet" }, geometry: square(2.35, 48.85) },
      { type: "Feature", properties: { navn: "Rar", type: "fotballbane" }, geometry: square(10.49, 59.84) },
    ];
    const dry = await upload(clients.planner, geojson(features), "fileName=mixed.geojson&dryRun=true");
    const report = await dry.json();
    expect(dry.status).toBe(200);
    expect(report.sites).toMatchObject([{ feature: 0, name: "God", capacityTonnes: 12500 }]);
    const skipped = report.skipped.map((s: { feature: number; field: string; key: string }) => [s.feature, s.field, s.key]);
    expect(skipped).toEqual(
      expect.arrayContaining([
        [1, "navn", "siteImport.noName"],
        [2, "kapasitet", "siteImport.notNumber"],
        [3, "geometry", "siteImport.notAnArea"],
        [5, "type", "siteImport.unknownKind"],
      ]),
    );
    expect(report.skipped.find((s: { feature: number }) => s.feature === 4)).toMatchObject({ field: "geometry" });
    const before = await siteNames();
    const refused = await upload(clients.planner, geojson(features), "fileName=mixed.geojson");
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.error).toMatchObject({ code: "invalid_features", key: "siteImport.invalidFeatures" });
    expect(body.error.message).toBe("5 features cannot become sites (1 can); nothing was imported");
    expect(await siteNames()).toEqual(before);
  });

  it("only planners and admins may import", async () => {
    const file = geojson([{ type: "Feature", properties: { name: "Rolle" }, geometry: square(10.5, 59.85) }]);
    for (const actor of ["viewer", "engineer"] as const) expect((await upload(clients[actor], file, "dryRun=true")).status).toBe(403);
    expect((await upload(clients.admin, file, "dryRun=true")).status).toBe(200);
  });

  it("a file with several layers asks for one and lists them; layer= picks it", async () => {
    const gpkg = (await writeVectorFile("geopackage", [...layer(norwegianSites.slice(0, 1), "lager"), ...layer(norwegianSites.slice(1), "deponier")])).bytes;
    const unchosen = await upload(clients.planner, gpkg, "fileName=two.gpkg&dryRun=true");
    expect(unchosen.status).toBe(400);
    const refusal = await unchosen.json();
    expect(refusal.error.message).toMatch(/^two\.gpkg: the file has 2 layers .*choose one with layer=/);
    expect(refusal.layers).toEqual([{ name: "lager", featureCount: 1 }, { name: "deponier", featureCount: 2 }]);
    const chosen = await (await upload(clients.planner, gpkg, "fileName=two.gpkg&dryRun=true&layer=deponier")).json();
    expect(chosen).toMatchObject({ layer: "deponier", features: 2 });
  });

  describe("bad files: 400 naming the cause, nothing imported", () => {
    const shapefileEntries = async () => unzipSync((await writeVectorFile("shapefile", layer(norwegianSites))).bytes);
    const ngo =
      'PROJCS["NGO_1948_Oslo_Norway_Zone_3",GEOGCS["GCS_NGO_1948_Oslo",DATUM["D_NGO_1948",SPHEROID["Bessel_Modified",6377492.018,299.1528128]],PRIMEM["Oslo",10.72291666666667],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",58.0],UNIT["Meter",1.0]]';
    it.each([
      ["a zip without a .shp", "sites.zip", async () => zipSync({ "readme.txt": strToU8("sites"), "sites.dbf": new Uint8Array(40) }), /^sites\.zip: the zip archive holds no Shapefile \(\.shp\)/],
      [
        "a zip with a .shp but no .dbf",
        "sites.zip",
        async () => {
          const { "lagerplasser.dbf": _dbf, ...rest } = await shapefileEntries();
          return zipSync(rest);
        },
        /^sites\.zip: the Shapefile "lagerplasser" has no \.dbf/,
      ],
      ["a GeoPackage without vector layers", "attributes.gpkg", async () => new Uint8Array(fixture("no-vector-layers.gpkg")), /^attributes\.gpkg: the GeoPackage has no vector layers/],
      ["a corrupt GeoPackage", "sites.gpkg", async () => (await writeVectorFile("geopackage", layer(norwegianSites))).bytes.slice(0, 6000), /^sites\.gpkg: the GeoPackage is damaged/],
      ["a file in no known format", "sites.bin", async () => strToU8("hello, world"), /^sites\.bin: cannot tell the file's format/],
      [
        "an unknown CRS",
        "ngo.zip",
        async () => zipSync({ ...(await shapefileEntries()), "lagerplasser.prj": strToU8(ngo) }),
        /^ngo\.zip: layer "lagerplasser": the file declares the coordinate system "NGO_1948_Oslo_Norway_Zone_3 \(from lagerplasser\.prj\)", which Massekart does not support; .*pass crs=/,
      ],
      ["a crs= Massekart does not know", "sites.geojson&crs=EPSG:9999", async () => geojson([{ type: "Feature", properties: { navn: "X" }, geometry: square(10.46, 59.82) }]), /EPSG:9999/],
    ])("%s", async (_what, fileName, bytes, problem) => {
      const file = await bytes();
      const before = await siteNames();
      const response = await upload(clients.planner, file, `fileName=${fileName}`);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("invalid_file");
      expect(body.error.message).toMatch(problem);
      expect(await siteNames()).toEqual(before);
    });
  });
});
