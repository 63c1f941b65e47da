// Turf-style golden fixtures: test/fixtures/suitability/in/*.geojson (a site, zoning, roads and
// lots, each feature marked by properties.role) → out/*.json (the report). Regenerate the outputs
// with REGEN=1 after a deliberate change, and read the diff. Beside the goldens, each fixture's
// key numbers are asserted from how it was drawn, so a wrong golden cannot pass unnoticed.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { AreaGeometry, LonLat } from "../../../src/core/geo/geometry";
import { buildRoadIndex } from "../../../src/core/suitability/road-index";
import { suitabilityReport, type SuitabilityReport } from "../../../src/core/suitability/report";
import type { SuitabilityZoning } from "../../../src/core/suitability/zoning-index";

const dir = fileURLToPath(new URL("../../fixtures/suitability/", import.meta.url));
const names = readdirSync(path.join(dir, "in"))
  .filter((file) => file.endsWith(".geojson"))
  .map((file) => file.replace(/\.geojson$/, ""));

interface FixtureFeature {
  properties: Record<string, unknown> & { role: "site" | "zoning" | "road" | "lot" };
  geometry: { type: string; coordinates: unknown };
}

function reportOf(name: string): SuitabilityReport {
  const json = JSON.parse(readFileSync(path.join(dir, "in", `${name}.geojson`), "utf8")) as { features: FixtureFeature[] };
  const byRole = (role: string) => json.features.filter((feature) => feature.properties.role === role);
  const siteFeature = byRole("site")[0]!;
  const zoning: SuitabilityZoning[] = byRole("zoning").map((feature, k) => ({
    id: `z${k}`,
    code: feature.properties.code as number,
    codeList: feature.properties.codeList as "kp" | "rp",
    geometry: feature.geometry as AreaGeometry,
  }));
  const roads = byRole("road").map((feature) => feature.geometry.coordinates as LonLat[]);
  const lots = byRole("lot").map((feature) => ({
    id: feature.properties.id as string,
    tonnes: feature.properties.tonnes as number,
    location: feature.geometry.coordinates as LonLat,
  }));
  const outcome = suitabilityReport(
    {
      name: siteFeature.properties.name as string,
      geometry: siteFeature.geometry as AreaGeometry,
      ...(typeof siteFeature.properties.stackHeightM === "number" ? { stackHeightM: siteFeature.properties.stackHeightM } : {}),
      ...(typeof siteFeature.properties.usableShare === "number" ? { usableShare: siteFeature.properties.usableShare } : {}),
    },
    zoning,
    { ...(roads.length > 0 ? { roads: buildRoadIndex(roads) } : {}), lots },
  );
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

describe("suitability fixtures (in/*.geojson → out/*.json)", () => {
  it("has the fixtures", () => expect(names.length).toBeGreaterThanOrEqual(7));

  for (const name of names) {
    it(`${name} matches its golden report`, () => {
      const report = JSON.parse(JSON.stringify(reportOf(name))) as SuitabilityReport;
      const outPath = path.join(dir, "out", `${name}.json`);
      if (process.env.REGEN) writeFileSync(outPath, `${JSON.stringify(report, null, 2)}\n`);
      expect(report).toEqual(JSON.parse(readFileSync(outPath, "utf8")));
    });
  }
});

describe("suitability fixtures: the numbers they were drawn with", () => {
  const share = (report: SuitabilityReport, code: number) => report.zoning.find((entry) => entry.code === code)?.share ?? 0;
  const conflict = (report: SuitabilityReport, kind: string, code: number) =>
    report.conflicts.find((entry) => entry.kind === kind && entry.code === code)?.distanceM;

  it("inside 1202 Massemottak: suitable, all of it allowed, road 70 m, mean haul by tonnes", () => {
    const report = reportOf("inside-massemottak");
    expect(report.verdict).toBe("suitable");
    expect(share(report, 1202)).toBeCloseTo(1, 3);
    // 200 m × 100 m drawn on the sphere of R = 6,371,008.8 m; the planar EPSG:25832 area of the
    // same outline is about 0.5 % larger (the sphere is smaller than the ellipsoid at 60° N).
    expect(report.areaM2 / 20_000).toBeCloseTo(1.005, 3);
    expect(report.nearestRoadM).toBeCloseTo(70, 0);
    // capacity = area × 0.5 usable × 4 m × 1.52 t/m³
    expect(report.capacityM3).toBeCloseTo(report.areaM2 * 0.5 * 4, -1);
    expect(report.capacityTonnes).toBeCloseTo(report.areaM2 * 0.5 * 4 * 1.52, -1);
    expect(report.capacityTonnes).toBeCloseTo(60_800 * 1.005, -2);
    // (3000 t × 1 km + 1000 t × 2 km) ÷ 4000 t × 1.3 circuity
    expect(report.meanHaulKm!).toBeCloseTo(1.625, 2);
    expect(report.reasons[0]).toBe("100 % of the site is zoned 1202 Massemottak (allowed)");
  });

  it("half in 1110 Boligbebyggelse: unsuitable with the share in the reason", () => {
    const report = reportOf("half-residential");
    expect(report.verdict).toBe("unsuitable");
    expect(share(report, 1110)).toBeCloseTo(0.5, 3);
    expect(share(report, 1300)).toBeCloseTo(0.5, 3);
    expect(report.reasons).toContain("50 % of the site is zoned 1110 Boligbebyggelse: not allowed there (more than the 5 % tolerated)");
    expect(report.reasonDetails.find((reason) => reason.key === "zoning.excluded")?.params).toMatchObject({ code: 1110, sharePercent: 50 });
  });

  it("in 5100 LNFR: conditional", () => {
    const report = reportOf("lnfr");
    expect(report.verdict).toBe("conditional");
    expect(share(report, 5100)).toBeCloseTo(1, 3);
    expect(report.reasonDetails[0]).toMatchObject({ key: "zoning.conditional", effect: "conditional" });
  });

  it("buffers: each sensitive zone at the distance it was drawn, the ones beyond their buffers left out", () => {
    const report = reportOf("buffers");
    expect(report.verdict).toBe("conditional");
    expect(conflict(report, "residential_public", 1110)).toBeCloseTo(60, 0);
    expect(conflict(report, "school_kindergarten", 1161)).toBeCloseTo(130, 0);
    expect(conflict(report, "water_shore", 6001)).toBeCloseTo(80, 0);
    expect(conflict(report, "green_nature", 3001)).toBeCloseTo(30, 0);
    expect(conflict(report, "school_kindergarten", 1162)).toBeUndefined(); // 250 m > 200 m
    expect(conflict(report, "residential_public", 1161)).toBeUndefined(); // 130 m > 100 m
    expect(report.conflicts).toHaveLength(4);
    expect(report.reasons).toContain("nearest kindergarten zoning 130 m (1161 Barnehage; buffer 200 m)");
  });

  it("a 1.5 % sliver into 1110: conditional, within the tolerance", () => {
    const report = reportOf("tolerated-sliver");
    expect(report.verdict).toBe("conditional");
    expect(share(report, 1110)).toBeCloseTo(0.015, 3);
    expect(report.reasonDetails.find((reason) => reason.params.code === 1110)?.key).toBe("zoning.excludedTolerated");
  });

  it("half outside any zoning: conditional, with the unzoned share", () => {
    const report = reportOf("unzoned");
    expect(report.verdict).toBe("conditional");
    expect(report.unzonedShare).toBeCloseTo(0.5, 3);
  });

  it("a reguleringsplan over the kommuneplan: both shares, and the overlap reported", () => {
    const report = reportOf("overlapping-plans");
    expect(share(report, 5100)).toBeCloseTo(1, 3);
    expect(share(report, 1202)).toBeCloseTo(1, 3);
    expect(report.unzonedShare).toBeCloseTo(0, 3);
    expect(report.reasonDetails.map((reason) => reason.key)).toContain("zoning.overlapping");
  });
});
