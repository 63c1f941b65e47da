import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import proj4 from "proj4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LonLat } from "../../../src/core/geo/geometry";
import { roadMatrix } from "../../../src/core/haul/road-distances";
import { buildRoadGraph, type RoadFeature } from "../../../src/core/haul/road-graph";
import { straightLineMatrix } from "../../../src/core/haul/straight-line";
import { startOsrmStandIn, type OsrmStandIn } from "../../support/osrm-stand-in";

const bin = fileURLToPath(new URL("../../../bin/massekart.mjs", import.meta.url));
const roadsPath = fileURLToPath(new URL("../../../data/basemap/roads.geojson", import.meta.url));

function massekart(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, ...env, MASSEKART_OSRM_URL: env.MASSEKART_OSRM_URL ?? "" } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const dir = mkdtempSync(path.join(tmpdir(), "massekart-distances-"));
const file = (name: string, json: unknown) => {
  const target = path.join(dir, name);
  writeFileSync(target, typeof json === "string" ? json : JSON.stringify(json));
  return target;
};
const points = (entries: [string, LonLat][]) => ({
  type: "FeatureCollection",
  features: entries.map(([id, coordinates]) => ({ type: "Feature", properties: { id }, geometry: { type: "Point", coordinates } })),
});

const from: [string, LonLat][] = [
  ["Asker sentrum", [10.435, 59.833]],
  ["Slemmestad", [10.495, 59.781]],
  ["Heggedal", [10.443, 59.787]],
];
const to: [string, LonLat][] = [
  ["Spikkestad", [10.341, 59.747]],
  ["Sætre", [10.523, 59.683]],
];
const fromFile = file("from.geojson", points(from));
const toFile = file("to.geojson", points(to));
const hauls = (entries: [string, LonLat][]) => entries.map(([id, location]) => ({ id, location }));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("massekart distances", () => {
  it("prints the straight-line matrix with exactly the public fields", async () => {
    const run = await massekart(["distances", "--mode", "straight", "--circuity", "1.0", "--from", fromFile, "--to", toFile]);
    expect(run.code).toBe(0);
    const matrix = JSON.parse(run.stdout);
    expect(Object.keys(matrix)).toEqual(["from", "to", "km", "unreachable", "warnings"]);
    expect(matrix.from).toEqual(from.map(([id]) => id));
    expect(matrix.to).toEqual(to.map(([id]) => id));
    const expected = straightLineMatrix(hauls(from), hauls(to), { circuityFactor: 1 });
    expected.km.forEach((row, i) => row.forEach((km, j) => expect(matrix.km[i][j]).toBeCloseTo(km!, 3)));
    expect(run.stderr).toMatch(/3 × 2 distances \(mode straight\), 0 unreachable pairs/);
  });

  it("writes road distances over the shipped network to --out", async () => {
    const out = path.join(dir, "matrix.json");
    const run = await massekart(["distances", "--mode", "road", "--from", fromFile, "--to", toFile, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/longest off-road connector \d+\.\d\d km; written to .*matrix\.json/);
    const matrix = JSON.parse(readFileSync(out, "utf8"));
    const straight = straightLineMatrix(hauls(from), hauls(to), { circuityFactor: 1 });
    matrix.km.forEach((row: number[], i: number) => row.forEach((km, j) => expect(km).toBeGreaterThanOrEqual(straight.km[i]![j]!)));
    expect(matrix.unreachable).toEqual([]);
  });

  it("reads a network in EPSG:25832 with --crs, and refuses it without", async () => {
    const toUtm = proj4("EPSG:4326", "+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs");
    const asker = JSON.parse(readFileSync(roadsPath, "utf8")) as { features: { geometry: { coordinates: number[][] } }[] };
    const utm = { type: "FeatureCollection", features: asker.features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((p) => toUtm.forward(p)) } })) };
    const network = file("roads-25832.geojson", utm);
    const refused = await massekart(["distances", "--mode", "road", "--network", network, "--from", fromFile, "--to", toFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`massekart distances: ${network}: no CRS is declared, and coordinates look like EPSG:25832 metres`);
    expect(refused.stderr).toContain("pass --crs EPSG:25832");
    const accepted = await massekart(["distances", "--mode", "road", "--network", network, "--crs", "EPSG:25832", "--from", fromFile, "--to", toFile]);
    expect(accepted.code, accepted.stderr).toBe(0);
    const build = buildRoadGraph((JSON.parse(readFileSync(roadsPath, "utf8")) as { features: RoadFeature[] }).features);
    if (!build.ok) throw new Error(build.problem);
    const expected = roadMatrix(build.graph, hauls(from), hauls(to));
    JSON.parse(accepted.stdout).km.forEach((row: number[], i: number) => row.forEach((km, j) => expect(Math.abs(km - expected.km[i]![j]!) * 1000).toBeLessThan(2)));
  });

  it("gives an empty matrix for empty point files", async () => {
    const empty = file("empty.geojson", { type: "FeatureCollection", features: [] });
    const run = await massekart(["distances", "--mode", "road", "--from", empty, "--to", toFile]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ from: [], to: to.map(([id]) => id), km: [], unreachable: [], warnings: [] });
  });

  it.each([
    [[], /--from and --to are required/],
    [["--mode", "fly"], /--mode must be one of straight, road, osrm \(got "fly"\)/],
    [["--circuity", "0.5"], /--circuity must be a number ≥ 1 \(got "0.5"\)/],
    [["--colour", "red"], /unknown option --colour/],
    [["--mode", "osrm"], /mode osrm needs a server: pass --osrm-url URL or set MASSEKART_OSRM_URL/],
  ])("exits 1 on bad options: %j", async (args, message) => {
    const base = args.length === 0 ? ["--to", toFile] : ["--from", fromFile, "--to", toFile];
    const run = await massekart(["distances", ...base, ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  });

  it("reads points in EPSG:25832 with --points-crs, and says so when they come without it", async () => {
    const toUtm = proj4("EPSG:4326", "+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs");
    const utmFrom = file("from-25832.geojson", points(from.map(([id, p]) => [id, toUtm.forward(p) as LonLat])));
    const refused = await massekart(["distances", "--from", utmFrom, "--to", toFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("pass --points-crs EPSG:25832");
    const utmTo = file("to-25832.geojson", points(to.map(([id, p]) => [id, toUtm.forward(p) as LonLat])));
    const accepted = await massekart(["distances", "--circuity", "1", "--points-crs", "EPSG:25832", "--from", utmFrom, "--to", utmTo]);
    expect(accepted.code, accepted.stderr).toBe(0);
    const expected = straightLineMatrix(hauls(from), hauls(to), { circuityFactor: 1 });
    JSON.parse(accepted.stdout).km.forEach((row: number[], i: number) => row.forEach((km, j) => expect(km).toBeCloseTo(expected.km[i]![j]!, 3)));
  });

  it("exits 1 naming the file, the feature and the field of a bad point", async () => {
    const bad = file("bad.geojson", { type: "FeatureCollection", features: [points(from).features[0], { type: "Feature", properties: { name: "x" }, geometry: { type: "Point", coordinates: [10.4, 59.8] } }] });
    const run = await massekart(["distances", "--from", bad, "--to", toFile]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${bad}: feature 1: properties.id is missing or empty`);
  });

  it("exits 1 when the network file holds points, not lines", async () => {
    const run = await massekart(["distances", "--mode", "road", "--network", fromFile, "--from", fromFile, "--to", toFile]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${fromFile}: the network has no LineString or MultiLineString features (it has 3 Point): a road network needs lines.`);
  });

  describe("mode osrm", () => {
    let server: OsrmStandIn;
    beforeAll(async () => {
      const build = buildRoadGraph((JSON.parse(readFileSync(roadsPath, "utf8")) as { features: RoadFeature[] }).features);
      if (!build.ok) throw new Error(build.problem);
      server = await startOsrmStandIn(build.graph);
    });
    afterAll(async () => {
      await server?.close();
    });

    it("asks the server at MASSEKART_OSRM_URL", async () => {
      const run = await massekart(["distances", "--mode", "osrm", "--from", fromFile, "--to", toFile], { MASSEKART_OSRM_URL: server.url });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).warnings).toEqual([]);
      expect(server.requests.some((r) => r.startsWith("/table/v1/driving/"))).toBe(true);
    });

    it("falls back to straight lines with a warning, and still exits 0, when the server fails", async () => {
      server.behaviour = "invalid-query";
      const run = await massekart(["distances", "--mode", "osrm", "--osrm-url", server.url, "--from", fromFile, "--to", toFile]);
      server.behaviour = "ok";
      expect(run.code).toBe(0);
      const matrix = JSON.parse(run.stdout);
      expect(matrix.warnings).toEqual([expect.stringMatching(/^OSRM failed: .*InvalidQuery.* Straight-line distances × 1\.3 are used instead\.$/)]);
      expect(run.stderr).toMatch(/warning: OSRM failed/);
    });
  });
});
