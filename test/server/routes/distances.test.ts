import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Project, Site } from "../../../src/core/domain/records";
import type { DistanceMatrix, HaulPoint } from "../../../src/core/haul/distance-matrix";
import { haulLocationOf } from "../../../src/core/haul/haul-points";
import { roadMatrix } from "../../../src/core/haul/road-distances";
import { buildRoadGraph, type RoadFeature } from "../../../src/core/haul/road-graph";
import { straightLineMatrix } from "../../../src/core/haul/straight-line";
import { startOsrmStandIn, type OsrmStandIn } from "../../support/osrm-stand-in";
import { backendNames } from "../../support/databases";
import { startTestServer, type ApiClient, type TestServer } from "../../support/server";

const build = buildRoadGraph((JSON.parse(readFileSync(new URL("../../../data/basemap/roads.geojson", import.meta.url), "utf8")) as { features: RoadFeature[] }).features);
if (!build.ok) throw new Error(build.problem);
const asker = build.graph;

type MatrixJson = Pick<DistanceMatrix, "from" | "to" | "km" | "unreachable" | "warnings">;

const expectKmClose = (actual: (number | null)[][], expected: (number | null)[][], toleranceKm: number) =>
  expected.forEach((row, i) =>
    row.forEach((km, j) => {
      if (km === null) expect(actual[i]![j]).toBeNull();
      else expect(Math.abs(actual[i]![j]! - km)).toBeLessThanOrEqual(toleranceKm);
    }),
  );

describe.each(backendNames)("GET /api/distances on %s", (backend) => {
  let server: TestServer;
  let osrm: OsrmStandIn;
  let client: ApiClient;
  let projects: Project[];
  let sites: Site[];
  const get = async (query: string) => {
    const response = await client.request("GET", `/api/distances?${query}`);
    return { status: response.status, body: (await response.json()) as MatrixJson & { error: { code: string; message: string; fields: { path: string }[] } } };
  };

  beforeAll(async () => {
    osrm = await startOsrmStandIn(asker);
    server = await startTestServer(backend, { config: { osrmUrl: osrm.url } });
    client = server.client();
    await client.login("viewer");
    projects = ((await (await client.request("GET", "/api/projects")).json()) as { items: Project[] }).items;
    sites = ((await (await client.request("GET", "/api/sites")).json()) as { items: Site[] }).items;
  });
  afterAll(async () => {
    await server?.stop();
    await osrm?.close();
  });

  it("refuses a caller who is not signed in", async () => {
    const response = await fetch(`${server.url}/api/distances?from=projects&to=sites`);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
  });

  it("answers straight-line km from every project to every storage site, under the records' ids", async () => {
    const { status, body } = await get("mode=straight&from=projects&to=sites:storage");
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["from", "to", "km", "unreachable", "warnings"]);
    const storage = sites.filter((s) => s.kind === "storage");
    expect(body.from).toEqual(projects.map((p) => p.id));
    expect(body.to).toEqual(storage.map((s) => s.id));
    const expected = straightLineMatrix(
      projects.map((p) => ({ id: p.id, location: haulLocationOf(p.location) })),
      storage.map((s) => ({ id: s.id, location: haulLocationOf(s.geometry) })),
    );
    expectKmClose(body.km, expected.km, 0.0005);
  });

  it("answers road km over the shipped network, mixing records and free points, and caches the matrix in the database", async () => {
    const project = projects[0]!;
    // A site near the N1000 roads (two demo sites lie more than 2 km from them).
    const site = sites.find((s) => roadMatrix(asker, [{ id: "x", location: [10.435, 59.833] }], [{ id: s.id, location: haulLocationOf(s.geometry) }]).km[0]![0] !== null)!;
    const query = `mode=road&from=${encodeURIComponent(`project:${project.id};depot@10.435,59.833`)}&to=${encodeURIComponent(`site:${site.id}`)}`;
    const { status, body } = await get(query);
    expect(status).toBe(200);
    expect(body.from).toEqual([project.id, "depot"]);
    expect(body.to).toEqual([site.id]);
    const from: HaulPoint[] = [
      { id: project.id, location: haulLocationOf(project.location) },
      { id: "depot", location: [10.435, 59.833] },
    ];
    expectKmClose(body.km, roadMatrix(asker, from, [{ id: site.id, location: haulLocationOf(site.geometry) }]).km, 0.0005);

    const rows = async () => server.db.query<{ mode: string; network_version: string; from_count: number }>("select mode, network_version, from_count from distance_cache where mode = 'road'");
    expect(await rows()).toEqual([{ mode: "road", network_version: asker.version, from_count: 2 }]);
    // The same question again is answered from the cache; a moved point is a new question.
    expect((await get(query)).body).toEqual(body);
    expect((await rows()).length).toBe(1);
    const moved = (await get(query.replace("10.435", "10.436"))).body;
    expect(moved.km[1]![0]).not.toBe(body.km[1]![0]);
    expect((await rows()).length).toBe(2);
  });

  it("asks the OSRM server of MASSEKART_OSRM_URL in mode osrm, and falls back with a warning when it fails", async () => {
    const storage = sites.filter((s) => s.kind === "storage").slice(0, 3);
    const query = `mode=osrm&from=projects&to=${encodeURIComponent(storage.map((s) => `site:${s.id}`).join(";"))}`;
    const { status, body } = await get(query);
    expect(status).toBe(200);
    expect(body.warnings).toEqual([]);
    const road = roadMatrix(
      asker,
      projects.map((p) => ({ id: p.id, location: haulLocationOf(p.location) })),
      storage.map((s) => ({ id: s.id, location: haulLocationOf(s.geometry) })),
    );
    expectKmClose(body.km, road.km, 0.002);

    osrm.behaviour = "invalid-query";
    try {
      const failed = await get(`mode=osrm&from=${encodeURIComponent("a@10.43,59.83")}&to=${encodeURIComponent("b@10.5,59.78")}`);
      expect(failed.status).toBe(200);
      expect(failed.body.warnings).toEqual([expect.stringMatching(/^OSRM failed: OSRM at .* refused the request: InvalidQuery/)]);
      expect(failed.body.km[0]![0]).toBeGreaterThan(0);
    } finally {
      osrm.behaviour = "ok";
    }
  });

  it("draws one haul's route along the roads as a GeoJSON Feature, and says why a pair has none", async () => {
    const site = sites.find((s) => roadMatrix(asker, [{ id: "x", location: [10.435, 59.833] }], [{ id: s.id, location: haulLocationOf(s.geometry) }]).km[0]![0] !== null)!;
    const query = `mode=road&from=${encodeURIComponent("depot@10.435,59.833")}&to=${encodeURIComponent(`site:${site.id}`)}`;
    const response = await client.request("GET", `/api/distances/route?${query}`);
    expect(response.status).toBe(200);
    const feature = (await response.json()) as { type: string; geometry: { type: string; coordinates: [number, number][] }; properties: { km: number; from: string; to: string } };
    expect(feature.type).toBe("Feature");
    expect(feature.geometry.type).toBe("LineString");
    expect(feature.geometry.coordinates[0]).toEqual([10.435, 59.833]);
    expect(feature.properties).toMatchObject({ from: "depot", to: site.id });
    expect(feature.properties.km).toBeCloseTo((await get(query)).body.km[0]![0]!, 3);

    const far = await client.request("GET", `/api/distances/route?mode=road&from=${encodeURIComponent("sea@10.0,59.0")}&to=${encodeURIComponent(`site:${site.id}`)}`);
    expect(await far.json()).toMatchObject({ geometry: null, properties: { reason: expect.stringMatching(/point sea is \d+\.\d km from the nearest road/) } });
    const many = await client.request("GET", `/api/distances/route?from=projects&to=${encodeURIComponent(`site:${site.id}`)}`);
    expect(many.status).toBe(400);
    expect((await many.json()).error.message).toMatch(/^from: must name exactly one point/);
  });

  it("answers an empty matrix for an empty list", async () => {
    const { status, body } = await get("mode=road&from=&to=sites");
    expect(status).toBe(200);
    expect(body).toEqual({ from: [], to: sites.map((s) => s.id), km: [], unreachable: [], warnings: [] });
  });

  it.each([
    ["mode=fly&from=projects&to=sites", "mode", /mode must be one of straight, road, osrm/],
    ["mode=road&to=sites", "from", /from: is required/],
    ["from=projects&to=project:no-such-id", "to", /to: no project with id no-such-id/],
    ["from=projects&to=somewhere", "to", /to: item 1 \("somewhere"\) is not project:<id>/],
    ["from=projects&to=sites&circuity=0.9", "circuity", /circuity must be a number ≥ 1/],
  ])("refuses %s with 400 naming the parameter", async (query, path, message) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_query");
    expect(body.error.message).toMatch(message);
    expect(body.error.fields).toEqual([expect.objectContaining({ path })]);
  });
});
