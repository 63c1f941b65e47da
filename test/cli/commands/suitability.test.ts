import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { LonLat } from "../../../src/core/geo/geometry";
import { metresPerDegree, metresPerDegreeLon } from "../../../src/core/haul/geodesy";

const bin = fileURLToPath(new URL("../../../bin/massekart.mjs", import.meta.url));
const fixture = (relative: string) => fileURLToPath(new URL(`../../fixtures/${relative}`, import.meta.url));

function massekart(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

const dir = mkdtempSync(path.join(tmpdir(), "massekart-suitability-"));
const file = (name: string, json: unknown) => {
  const target = path.join(dir, name);
  writeFileSync(target, typeof json === "string" ? json : JSON.stringify(json));
  return target;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Near Asker sentrum, so the shipped road network is in reach.
const origin: LonLat = [10.435, 59.833];
const at = (x: number, y: number): LonLat => [origin[0] + x / metresPerDegreeLon(origin[1]), origin[1] + y / metresPerDegree];
const rect = (x0: number, y0: number, x1: number, y1: number) => ({
  type: "Polygon",
  coordinates: [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]],
});
const site = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: "Feature", properties: { name: "Testtomta", ...properties }, geometry });

const zoningFile = file("zoning.geojson", {
  type: "FeatureCollection",
  features: [
    { type: "Feature", properties: { formaal: "1202", planid: "3203-TEST" }, geometry: rect(-300, -300, 0, 300) },
    { type: "Feature", properties: { formaal: "1110", planid: "3203-TEST" }, geometry: rect(0, -300, 300, 300) },
  ],
});
// Polygon near Stemtjønn (plan 4204_1536), mostly on LF 5130 Friluftsformål.
const stemtjonnSite = file("stemtjonn.geojson", site({ type: "Polygon", coordinates: [[[7.8402, 58.1822], [7.841, 58.1822], [7.841, 58.1826], [7.8402, 58.1826], [7.8402, 58.1822]]] }));

describe("massekart suitability", () => {
  it("rates a site against a SOSI plan and prints the report with the public fields first", async () => {
    const run = await massekart(["suitability", "--zoning", fixture("sosi/plan-4204_1536-utdrag.sos"), "--site", stemtjonnSite, "--roads", "none"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report).slice(0, 9)).toEqual(["verdict", "reasons", "areaM2", "capacityTonnes", "capacityM3", "zoning", "conflicts", "nearestRoadM", "meanHaulKm"]);
    expect(report.verdict).toBe("conditional");
    expect(report.zoning[0]).toMatchObject({ code: 5130, category: "lnfr", codeList: "rp" });
    expect(run.stderr).toContain("conditional:");
    expect(run.stderr).toContain("4 areas from");
  });

  it("reads GeoJSON zoning with --code-property, uses the shipped roads, and writes --out", async () => {
    const out = path.join(dir, "report.json");
    const lots = file("lots.geojson", {
      type: "FeatureCollection",
      features: [{ type: "Feature", properties: { id: "P1", tonnes: 1000 }, geometry: { type: "Point", coordinates: at(0, 2000) } }],
    });
    const siteFile = file("half.geojson", site(rect(-100, -50, 100, 50), { stackHeightM: 4, usableShare: 0.5 }));
    const run = await massekart(["suitability", "--zoning", zoningFile, "--code-property", "formaal", "--site", siteFile, "--lots", lots, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`written to ${out}`);
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(report.verdict).toBe("unsuitable");
    expect(report.reasons[0]).toBe("50 % of the site is zoned 1110 Boligbebyggelse: not allowed there (more than the 5 % tolerated)");
    expect(typeof report.nearestRoadM).toBe("number");
    expect(report.meanHaulKm).toBeCloseTo(2 * 1.3, 1);
    expect(report.capacityAssumptions).toMatchObject({ stackHeightM: 4, usableShare: 0.5 });
  });

  it("reads SOSI-GML, with the format from the extension", async () => {
    const run = await massekart(["suitability", "--zoning", fixture("zoning/plan-4204_1536-utdrag.gml"), "--site", stemtjonnSite, "--roads", "none"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).zoning.map((z: { code: number }) => z.code)).toContain(5130);
  });

  it("rates a site against the hensynssoner of the plan file and an NVE map given with --zones", async () => {
    // The synthetic NVE map's quick-clay zone covers 0–200 m east, 0–100 m north of 10.43° E, 59.80° N.
    const nve: LonLat = [10.43, 59.8];
    const near = (x: number, y: number): LonLat => [nve[0] + x / metresPerDegreeLon(nve[1]), nve[1] + y / metresPerDegree];
    const square = (x0: number, y0: number, x1: number, y1: number) => ({ type: "Polygon", coordinates: [[near(x0, y0), near(x1, y0), near(x1, y1), near(x0, y1), near(x0, y0)]] });
    const zoning = file("nve-zoning.geojson", { type: "FeatureCollection", features: [{ type: "Feature", properties: { formaal: "1202", planid: "3203-NVE" }, geometry: square(-100, -100, 500, 300) }] });
    const clay = file("on-clay.geojson", site(square(20, 20, 120, 80)));
    const run = await massekart(["suitability", "--zoning", zoning, "--code-property", "formaal", "--zones", fixture("zoning/nve-kvikkleire-flom-syntetisk.geojson"), "--site", clay, "--roads", "none"]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.verdict).toBe("unsuitable");
    expect(report.zones[0]).toMatchObject({ hazard: "quick_clay", objectType: "KvikkleireFaresone", effect: "unsuitable", share: 1 });
    expect(run.stderr).toMatch(/skipped: .*nve-kvikkleire-flom-syntetisk\.geojson: feature 5 \(KvikkleireFaresone\): KvikkleireFaresone has no geometry/);
    expect(run.stderr).toContain("4 hazard and protection zones");

    // The plan 4204_1536 in GeoJSON brings its own hensynssoner: the Stemtjønn site lies in the shooting range danger zone H360_1.
    const plan = await massekart(["suitability", "--zoning", fixture("zoning/plan-4204_1536-stemtjonn-skytebane-wgs84.geojson"), "--site", stemtjonnSite, "--roads", "none"]);
    expect(plan.code, plan.stderr).toBe(0);
    const planReport = JSON.parse(plan.stdout);
    expect(planReport.zones.map((z: { name: string }) => z.name)).toEqual(["H360_1"]);
  });

  it("exits 1 naming the site when its outline crosses itself", async () => {
    const bowtie = file("bowtie.geojson", site({ type: "Polygon", coordinates: [[at(0, 0), at(100, 100), at(100, 0), at(0, 100), at(0, 0)]] }));
    const run = await massekart(["suitability", "--zoning", zoningFile, "--code-property", "formaal", "--site", bowtie, "--roads", "none"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/bowtie\.geojson: site "Testtomta": the outline crosses itself near 10\.43/);
  });

  it("exits 1 on a zoning file that cannot be read, and on bad options", async () => {
    const rejected = await massekart(["suitability", "--zoning", fixture("sosi/invalid_graphical.sos"), "--site", stemtjonnSite]);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain("did you mean ..PRODUSENT?");
    const noCode = await massekart(["suitability", "--zoning", zoningFile, "--site", stemtjonnSite]);
    expect(noCode.code).toBe(1);
    expect(noCode.stderr).toContain("no polygon feature has the arealformål code property");
    const missing = await massekart(["suitability", "--zoning", zoningFile]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--zoning and --site are required");
    const format = await massekart(["suitability", "--zoning", zoningFile, "--site", stemtjonnSite, "--format", "shp"]);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain("--format must be one of sosi, gml, geojson");
    const badSite = await massekart(["suitability", "--zoning", zoningFile, "--code-property", "formaal", "--site", file("bad.geojson", site(rect(0, 0, 10, 10), { usableShare: 1.5 }))]);
    expect(badSite.code).toBe(1);
    expect(badSite.stderr).toContain("properties.usableShare must be a share of the area, > 0 and ≤ 1 (got 1.5)");
  });
});
