import { describe, expect, it } from "vitest";
import type { AreaGeometry, LonLat } from "../../../src/core/geo/geometry";
import { metresPerDegree, metresPerDegreeLon } from "../../../src/core/haul/geodesy";
import type { DistanceMatrix } from "../../../src/core/haul/distance-matrix";
import { suitabilityReport, suitabilitySearchBox } from "../../../src/core/suitability/report";
import { defaultSuitabilityRules, type SuitabilityRules } from "../../../src/core/suitability/rules";
import { buildZoningIndex, linearZoningIndex, type SuitabilityZoning } from "../../../src/core/suitability/zoning-index";

const origin: LonLat = [10.43, 59.8];
const at = (x: number, y: number): LonLat => [origin[0] + x / metresPerDegreeLon(origin[1]), origin[1] + y / metresPerDegree];
const rect = (x0: number, y0: number, x1: number, y1: number): AreaGeometry => ({
  type: "Polygon",
  coordinates: [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]],
});
const zone = (code: number, geometry: AreaGeometry, codeList: "kp" | "rp" = "rp"): SuitabilityZoning => ({ code, codeList, geometry });

describe("suitabilityReport", () => {
  const zoning = [zone(1202, rect(-200, -200, 200, 200)), zone(1110, rect(200, -200, 400, 200))];

  it("gives the DESIGN §7 fields first, in order", () => {
    const outcome = suitabilityReport({ geometry: rect(-50, -50, 50, 50) }, zoning);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(Object.keys(outcome.report).slice(0, 9)).toEqual([
      "verdict",
      "reasons",
      "areaM2",
      "capacityTonnes",
      "capacityM3",
      "zoning",
      "conflicts",
      "nearestRoadM",
      "meanHaulKm",
    ]);
    expect(outcome.report.zoning[0]).toMatchObject({ code: 1202, category: "extraction_mass_handling", share: 1 });
    expect(Object.keys(outcome.report.zoning[0]!).slice(0, 4)).toEqual(["code", "category", "areaM2", "share"]);
  });

  it("refuses a self-intersecting outline, naming the site and where it crosses", () => {
    const bowtie: AreaGeometry = { type: "Polygon", coordinates: [[at(0, 0), at(100, 100), at(100, 0), at(0, 100), at(0, 0)]] };
    const outcome = suitabilityReport({ name: "Sløyfa", geometry: bowtie }, zoning);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem).toMatch(/^site "Sløyfa": the outline crosses itself near 10\.43\d+, 59\.80\d+/);
    expect(outcome.path).toEqual(["geometry", "coordinates"]);
  });

  it("refuses outlines that are not closed, outside Norway, or in UTM metres", () => {
    const open: AreaGeometry = { type: "Polygon", coordinates: [[at(0, 0), at(100, 0), at(100, 100), at(0, 100)]] };
    expect(suitabilityReport({ id: "S9", geometry: open }, zoning)).toMatchObject({ ok: false, problem: expect.stringMatching(/^site S9: ring 0 is not closed/) });
    const france: AreaGeometry = { type: "Polygon", coordinates: [[[2, 50], [2.01, 50], [2.01, 50.01], [2, 50]]] };
    expect(suitabilityReport({ geometry: france }, zoning)).toMatchObject({ ok: false, problem: expect.stringContaining("outside Norway") });
    const utm = { type: "Polygon", coordinates: [[[580000, 6630000], [580100, 6630000], [580100, 6630100], [580000, 6630000]]] } as unknown as AreaGeometry;
    expect(suitabilityReport({ geometry: utm }, zoning)).toMatchObject({ ok: false });
  });

  it("is the same with a Flatbush index, a linear index and a plain array", () => {
    const site = { geometry: rect(150, -20, 250, 20) };
    const a = suitabilityReport(site, zoning);
    const b = suitabilityReport(site, buildZoningIndex(zoning));
    const c = suitabilityReport(site, linearZoningIndex(zoning));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.ok && a.report.verdict).toBe("unsuitable");
  });

  it("uses the site's stack height, usable share and density, else the rules' defaults", () => {
    const geometry = rect(-50, -50, 50, 50);
    const own = suitabilityReport({ geometry, stackHeightM: 5, usableShare: 0.8, densityTonnesPerM3: 2 }, zoning);
    const defaults = suitabilityReport({ geometry }, zoning);
    if (!own.ok || !defaults.ok) throw new Error("expected reports");
    const areaM2 = own.report.areaM2;
    expect(own.report.capacityM3).toBe(Math.round(areaM2 * 0.8 * 5));
    expect(own.report.capacityTonnes).toBeCloseTo(areaM2 * 0.8 * 5 * 2, -1);
    expect(defaults.report.capacityAssumptions).toEqual(defaultSuitabilityRules.capacity);
  });

  it("takes haul distances from the injected function (e.g. road km from the server)", () => {
    const lots = [
      { id: "A", tonnes: 100, location: at(1000, 0) },
      { id: "B", tonnes: 300, location: at(0, 3000) },
      { id: "C", tonnes: 50, location: at(0, -9000) },
    ];
    const roadKm: Record<string, number | null> = { A: 2, B: 4, C: null };
    const distance = (from: readonly { id: string }[], to: readonly { id: string }[]): DistanceMatrix => ({
      from: from.map((p) => p.id),
      to: to.map((p) => p.id),
      km: [to.map((p) => roadKm[p.id]!)],
      unreachable: [{ from: "site", to: "C", reason: "no road" }],
      warnings: [],
    });
    const outcome = suitabilityReport({ geometry: rect(-50, -50, 50, 50) }, zoning, { lots, distance });
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.report.meanHaulKm).toBeCloseTo((100 * 2 + 300 * 4) / 400, 6);
    expect(outcome.report.haul).toEqual({ lots: 2, tonnes: 400, tonneKm: 1400, unreachable: ["C"] });
  });

  it("accepts a matrix computed beforehand for more lots, in another order (an awaited haulMatrix)", () => {
    const lots = [
      { id: "A", tonnes: 100, location: at(1000, 0) },
      { id: "B", tonnes: 300, location: at(0, 3000) },
    ];
    const matrix: DistanceMatrix = { from: ["site"], to: ["X", "B", "A"], km: [[9, 4, 2]], unreachable: [], warnings: [] };
    const outcome = suitabilityReport({ geometry: rect(-50, -50, 50, 50) }, zoning, { lots, distance: () => matrix });
    expect(outcome.ok && outcome.report.meanHaulKm).toBeCloseTo((100 * 2 + 300 * 4) / 400, 6);
  });

  it("follows the rules it is given (a code rule overrides its category)", () => {
    const rules: SuitabilityRules = { ...defaultSuitabilityRules, zoning: { ...defaultSuitabilityRules.zoning, codes: { 1110: "conditional" } } };
    const outcome = suitabilityReport({ geometry: rect(250, -50, 350, 50) }, zoning, { rules });
    expect(outcome.ok && outcome.report.verdict).toBe("conditional");
    expect(outcome.ok && outcome.report.zoning[0]?.rule).toBe("conditional");
  });

  it("rates a site with no zoning at all as conditional (all of it unzoned)", () => {
    const outcome = suitabilityReport({ geometry: rect(-50, -50, 50, 50) }, []);
    expect(outcome.ok && outcome.report.verdict).toBe("conditional");
    expect(outcome.ok && outcome.report.unzonedShare).toBe(1);
  });

  it("searches zoning in the site's box grown by the largest buffer", () => {
    const box = suitabilitySearchBox(rect(-50, -50, 50, 50));
    const widthM = (box[2] - box[0]) * metresPerDegreeLon(origin[1]);
    const heightM = (box[3] - box[1]) * metresPerDegree;
    expect(widthM).toBeGreaterThan(100 + 2 * 200);
    expect(heightM).toBeCloseTo(100 + 2 * 201, 0);
  });

  it("rates a site against 1,000 zoning polygons quickly", () => {
    const many: SuitabilityZoning[] = [];
    for (let i = 0; i < 1000; i++) {
      const x = (i % 40) * 120 - 2400;
      const y = Math.floor(i / 40) * 120 - 1500;
      many.push(zone([1110, 1202, 5100, 1300, 3001][i % 5]!, rect(x, y, x + 100, y + 100)));
    }
    const index = buildZoningIndex(many);
    const started = performance.now();
    const outcome = suitabilityReport({ geometry: rect(-100, -100, 100, 100) }, index);
    expect(outcome.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
