import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AreaGeometry, LonLat } from "../../../src/core/geo/geometry";
import { suitabilityReport, type SuitabilityReport } from "../../../src/core/suitability/report";
import { defaultSuitabilityRules } from "../../../src/core/suitability/rules";
import type { SuitabilityHazardZone } from "../../../src/core/suitability/zone-findings";
import type { SuitabilityZoning } from "../../../src/core/suitability/zoning-index";
import { parseZoningFile } from "../../../src/io/zoning/zoning-file";

// Metres east/north of a point in Asker, as WGS84 (equirectangular; exact enough over a few hundred metres).
const lon0 = 10.43;
const lat0 = 59.8;
const at = (x: number, y: number): LonLat => [lon0 + x / (111_320 * Math.cos((lat0 * Math.PI) / 180)), lat0 + y / 110_574];
const box = (x0: number, y0: number, x1: number, y1: number): AreaGeometry => ({
  type: "Polygon",
  coordinates: [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]],
});

/** The site: 200 m × 100 m, all of it zoned 1202 Massemottak (allowed), so only the zones decide. */
const site = { name: "Testtomt", geometry: box(0, 0, 200, 100) };
const massemottak: SuitabilityZoning = { code: 1202, codeList: "rp", geometry: box(-50, -50, 250, 150) };

const planZone = (family: SuitabilityHazardZone["family"], code: number, hazard: SuitabilityHazardZone["hazard"], geometry: AreaGeometry, name = "H1"): SuitabilityHazardZone => ({
  source: "plan",
  family,
  objectType: `Rp${family === "fare" ? "Fare" : family === "sikring" ? "Sikring" : "AngittHensyn"}Sone`,
  code,
  name,
  hazard,
  planId: "3203_2024001",
  geometry,
});

function report(zones: SuitabilityHazardZone[], zoning: SuitabilityZoning[] = [massemottak], rules = defaultSuitabilityRules): SuitabilityReport {
  const outcome = suitabilityReport(site, zoning, { zones, rules });
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

describe("a site in hazard and protection zones (DESIGN §8)", () => {
  it("is suitable with no zone on it", () => {
    expect(report([])).toMatchObject({ verdict: "suitable", zones: [] });
  });

  it("is unsuitable when half of it lies in a landslide zone (310 ras- og skredfare), with the share and a plain reason", () => {
    const r = report([planZone("fare", 310, "landslide", box(100, -20, 300, 120), "H310_1")]);
    expect(r.verdict).toBe("unsuitable");
    expect(r.zones).toHaveLength(1);
    expect(r.zones[0]).toMatchObject({ objectType: "RpFareSone", code: 310, codeName: "Ras- og skredfare", name: "H310_1", hazard: "landslide", effect: "unsuitable" });
    expect(r.zones[0]!.share).toBeCloseTo(0.5, 2);
    expect(r.reasons).toContain(
      "50 % of the site lies in hensynssone H310_1 (RpFareSone 310 Ras- og skredfare): a landslide hazard zone: the weight of a stockpile can set the slope off; not for storing or depositing masses",
    );
    expect(r.reasonDetails.find((reason) => reason.key === "zone.hazard")).toMatchObject({ params: { hazard: "landslide", sharePercent: 50, code: 310, zoneName: "H310_1" } });
  });

  it("is unsuitable in an NVE quick-clay zone, and not held back by one NVE has cleared", () => {
    const quickClay: SuitabilityHazardZone = { source: "nve", family: "nve_quick_clay", objectType: "KvikkleireFaresone", code: null, name: "Hafella", hazard: "quick_clay", planId: "nve:quick_clay", geometry: box(-10, -10, 60, 110), details: { faregrad: "Høy" } };
    const r = report([quickClay]);
    expect(r.verdict).toBe("unsuitable");
    expect(r.zones[0]).toMatchObject({ codeName: "Kvikkleiresone", details: { faregrad: "Høy" }, effect: "unsuitable" });
    expect(r.reasons.some((text) => text.startsWith("30 % of the site lies in NVE's KvikkleireFaresone \"Hafella\" (Kvikkleiresone): a quick-clay hazard zone"))).toBe(true);
    const cleared = report([{ ...quickClay, hazard: "quick_clay_cleared" }]);
    expect(cleared.verdict).toBe("suitable");
    expect(cleared.zones[0]).toMatchObject({ effect: "info", codeName: "Kvikkleire: ingen fare påvist" });
  });

  it("is conditional in a flood zone (320, or NVE's FlomAreal) and in a drinking-water zone (110)", () => {
    expect(report([planZone("fare", 320, "flood", box(0, 0, 50, 100))]).verdict).toBe("conditional");
    const nveFlood: SuitabilityHazardZone = { source: "nve", family: "nve_flood", objectType: "FlomAreal", code: null, name: "", hazard: "flood", planId: "nve:flood", geometry: box(150, 0, 400, 100) };
    expect(report([nveFlood])).toMatchObject({ verdict: "conditional", zones: [{ effect: "conditional", hazard: "flood" }] });
    expect(report([planZone("sikring", 110, "drinking_water", box(-100, -100, 500, 500))])).toMatchObject({
      verdict: "conditional",
      zones: [{ share: 1, codeName: "Nedslagsfelt drikkevann" }],
    });
  });

  it("lists every zone it touches, most severe first, and takes the worst as the verdict", () => {
    const r = report([
      planZone("angitt_hensyn", 560, "natural_environment", box(0, 0, 200, 100), "H560_1"),
      planZone("fare", 310, "landslide", box(180, 0, 220, 100), "H310_1"),
      planZone("fare", 320, "flood", box(0, 0, 100, 100), "H320_1"),
    ]);
    expect(r.verdict).toBe("unsuitable");
    expect(r.zones.map((z) => [z.name, z.effect])).toEqual([
      ["H310_1", "unsuitable"],
      ["H560_1", "conditional"],
      ["H320_1", "conditional"],
    ]);
  });

  it("lists a sliver below the negligible share as info only, and leaves out a zone that only touches the edge", () => {
    const sliver = planZone("fare", 310, "landslide", box(199.5, 0, 300, 100), "H310_2"); // 0.25 % of the site
    const touching = planZone("fare", 310, "landslide", box(200, 0, 300, 100), "H310_3");
    const r = report([sliver, touching]);
    expect(r.verdict).toBe("suitable");
    expect(r.zones.map((z) => [z.name, z.effect])).toEqual([["H310_2", "info"]]);
    expect(r.reasonDetails.find((reason) => reason.key === "zone.negligible")).toBeDefined();
  });

  it("follows the admin's rules: flood made unsuitable", () => {
    const rules = structuredClone(defaultSuitabilityRules);
    rules.zones!.hazards.flood = "unsuitable";
    expect(report([planZone("fare", 320, "flood", box(0, 0, 50, 100))], [massemottak], rules).verdict).toBe("unsuitable");
  });
});

describe("playgrounds, outdoor areas, cemeteries and scattered housing (issue 17)", () => {
  const zoned = (code: number, codeList: "kp" | "rp", geometry: AreaGeometry): SuitabilityZoning => ({ code, codeList, geometry });

  it.each([
    [1610, "rp", "Lekeplass"],
    [1600, "rp", "Uteoppholdsareal"],
    [1700, "rp", "Grav- og urnelund"],
    [5210, "kp", "Spredt boligbebyggelse"],
  ] as const)("makes a site unsuitable within 100 m of %s (%s %s)", (code, codeList, name) => {
    const near = report([], [massemottak, zoned(code, codeList, box(260, 0, 300, 100))]);
    expect(near.verdict).toBe("unsuitable");
    expect(near.conflicts).toEqual([expect.objectContaining({ kind: "sensitive_outdoor", code, name, bufferM: 100 })]);
    const far = report([], [massemottak, zoned(code, codeList, box(320, 0, 400, 100))]);
    expect(far.conflicts.filter((c) => c.kind === "sensitive_outdoor")).toEqual([]);
  });

  it("makes a site on scattered housing (5210) unsuitable as excluded zoning", () => {
    const r = report([], [zoned(5210, "kp", box(-50, -50, 250, 150))]);
    expect(r.verdict).toBe("unsuitable");
    expect(r.zoning[0]).toMatchObject({ code: 5210, rule: "excluded" });
  });
});

describe("a site in the real plan 4204_1536 (Stemtjønn skytebane)", () => {
  const plan = parseZoningFile(readFileSync(new URL("../../fixtures/zoning/plan-4204_1536-stemtjonn-skytebane-wgs84.geojson", import.meta.url)), { format: "geojson" });
  if (!plan.ok) throw new Error(plan.problem);

  it("lists the shooting range's danger zone H360_1 and its nature zones with their shares", () => {
    // A site around the middle of BSK1 (the range), where H360_1 lies.
    const h360 = plan.zones.find((z) => z.name === "H360_1")!;
    const ring = (h360.geometry.type === "Polygon" ? h360.geometry.coordinates : h360.geometry.coordinates[0]!)[0]!;
    const lon = ring.reduce((sum, p) => sum + p[0], 0) / ring.length;
    const lat = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
    const d = 0.0004;
    const square: AreaGeometry = { type: "Polygon", coordinates: [[[lon - d, lat - d / 2], [lon + d, lat - d / 2], [lon + d, lat + d / 2], [lon - d, lat + d / 2], [lon - d, lat - d / 2]]] };
    const outcome = suitabilityReport({ geometry: square }, plan.areas, { zones: plan.zones });
    if (!outcome.ok) throw new Error(outcome.problem);
    const entry = outcome.report.zones.find((z) => z.name === "H360_1")!;
    expect(entry).toMatchObject({ objectType: "RpFareSone", code: 360, codeName: "Skytebane", hazard: "shooting_range", effect: "conditional" });
    expect(entry.share).toBeGreaterThan(0);
    expect(entry.share).toBeLessThanOrEqual(1);
    expect(["conditional", "unsuitable"]).toContain(outcome.report.verdict);
  });
});
