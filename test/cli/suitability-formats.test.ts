// `massekart suitability` with zoning (and a site) in GeoPackage, zipped Shapefile, KML/KMZ and
// FlatGeobuf: --format, --layer, and the format told from the content when --format is not given.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { writeVectorFile } from "../../src/io/formats/write-vector-file";

const bin = fileURLToPath(new URL("../../bin/massekart.mjs", import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/formats/${name}`, import.meta.url));

function massekart(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

const dir = mkdtempSync(path.join(tmpdir(), "massekart-suitability-formats-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Near Stemtjønn (plan 4204_1536), mostly on LF 5130 Friluftsformål: the same site as test/cli/suitability.test.ts.
const stemtjonn = { type: "Feature" as const, properties: { name: "Testtomta" }, geometry: { type: "Polygon", coordinates: [[[7.8402, 58.1822], [7.841, 58.1822], [7.841, 58.1826], [7.8402, 58.1826], [7.8402, 58.1822]]] } };
const siteGeoJson = path.join(dir, "site.geojson");
writeFileSync(siteGeoJson, JSON.stringify(stemtjonn));

const zoningCodes = (stdout: string) => (JSON.parse(stdout) as { zoning: { code: number }[] }).zoning.map((zone) => zone.code);

// Each run starts Node and tsx (about 5 s on a quiet machine); several runs per test need more than
// the default 30 s. They run one after another, so a test beside this file is not starved.
const cliTimeout = { timeout: 180_000 };

type Run = Awaited<ReturnType<typeof massekart>>;

/** Runs the commands one after another; a result per command. */
async function inTurn<const Commands extends readonly string[][]>(commands: Commands): Promise<{ [K in keyof Commands]: Run }> {
  const results: Run[] = [];
  for (const args of commands) results.push(await massekart([...args]));
  return results as { [K in keyof Commands]: Run };
}

describe("massekart suitability with vector formats", () => {
  it("tells a GeoPackage from its content, reads every layer with land-use areas, and reports as from the GeoJSON twin", cliTimeout, async () => {
    const twin = fileURLToPath(new URL("../fixtures/zoning/plan-4204_1536-stemtjonn-skytebane-epsg25832.geojson", import.meta.url));
    const [run, fromTwin] = await inTurn([
      ["suitability", "--zoning", fixture("plan-4204_1536.gpkg"), "--site", siteGeoJson, "--roads", "none"],
      ["suitability", "--zoning", twin, "--site", siteGeoJson, "--roads", "none"],
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("10 areas from");
    const report = JSON.parse(run.stdout) as { verdict: string; reasons: string[] };
    const expected = JSON.parse(fromTwin.stdout) as { verdict: string; reasons: string[] };
    expect(report.verdict).toBe(expected.verdict);
    expect(report.reasons).toEqual(expected.reasons);
    expect(zoningCodes(run.stdout)).toEqual(zoningCodes(fromTwin.stdout));
    expect(zoningCodes(run.stdout)[0]).toBe(5130);
    // The zone layers are read as hazard and protection zones; only the plan's outline layer is left out, with a warning.
    expect(run.stderr).toContain('warning: ' + fixture("plan-4204_1536.gpkg") + ': layer "RpOmråde" (1 features) has no arealformål code, so it was not read as zoning.');
    expect(run.stderr).toMatch(/\d+ hazard and protection zones/);
  });

  it("takes --format and --layer, and gives the same report from a zipped Shapefile, a KMZ and a FlatGeobuf", cliTimeout, async () => {
    const runs = await inTurn([
      ["suitability", "--zoning", fixture("plan-4204_1536.gpkg"), "--format", "geopackage", "--layer", "RpArealformålOmråde", "--site", siteGeoJson, "--roads", "none"],
      ["suitability", "--zoning", fixture("plan-4204_1536-shp.zip"), "--format", "shapefile", "--site", siteGeoJson, "--roads", "none"],
      ["suitability", "--zoning", fixture("plan-4204_1536.kmz"), "--format", "kml", "--site", siteGeoJson, "--roads", "none"],
      ["suitability", "--zoning", fixture("plan-4204_1536.fgb"), "--site", siteGeoJson, "--roads", "none"],
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const reports = runs.map((run) => JSON.parse(run.stdout) as { verdict: string; zoning: { code: number; share: number }[] });
    for (const report of reports.slice(1)) {
      expect(report.verdict).toBe(reports[0]!.verdict);
      expect(report.zoning.map((zone) => zone.code)).toEqual(reports[0]!.zoning.map((zone) => zone.code));
      report.zoning.forEach((zone, k) => expect(zone.share).toBeCloseTo(reports[0]!.zoning[k]!.share, 4));
    }
    expect(runs[1]!.stderr).toContain("no .cpg says the text encoding");
  });

  it("reads the site from a GeoPackage too", cliTimeout, async () => {
    const site = await writeVectorFile("geopackage", [{ name: "tomt", features: [stemtjonn] }]);
    const sitePath = path.join(dir, site.fileName);
    writeFileSync(sitePath, site.bytes);
    const run = await massekart(["suitability", "--zoning", fixture("plan-4204_1536.kml"), "--site", sitePath, "--roads", "none"]);
    expect(run.code, run.stderr).toBe(0);
    expect(zoningCodes(run.stdout)[0]).toBe(5130);
  });

  it("exits 1 with the cause: a layer that is not there, a format the file is not, a zip without a Shapefile", cliTimeout, async () => {
    const zip = path.join(dir, "notes.zip");
    writeFileSync(zip, (await writeVectorFile("kml", [{ name: "x", features: [stemtjonn] }], { kmz: true })).bytes);
    const [layer, format, wrongZip] = await inTurn([
      ["suitability", "--zoning", fixture("plan-4204_1536.gpkg"), "--layer", "Arealformål", "--site", siteGeoJson, "--roads", "none"],
      ["suitability", "--zoning", fixture("plan-4204_1536.gpkg"), "--format", "shapefile", "--site", siteGeoJson, "--roads", "none"],
      ["suitability", "--zoning", zip, "--format", "shapefile", "--site", siteGeoJson, "--roads", "none"],
    ]);
    expect(layer.code).toBe(1);
    expect(layer.stderr).toContain('no layer is named "Arealformål" (--layer); the file\'s layers are "RpArealformålOmråde", "RpAngittHensynSone", "RpFareSone", "RpOmråde".');
    expect(format.code).toBe(1);
    expect(format.stderr).toMatch(/plan-4204_1536\.gpkg: not a readable zip archive/);
    expect(wrongZip.code).toBe(1);
    expect(wrongZip.stderr).toContain("notes.zip: the zip archive holds no Shapefile (.shp); it has doc.kml.");
    for (const run of [layer, format, wrongZip]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
