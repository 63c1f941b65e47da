import { describe, expect, it } from "vitest";
import { shippedOutdoorCatalogue, type OutdoorMaterialType } from "../../../src/core/outdoor/catalogue";
import type { MaterialStorageSite } from "../../../src/core/outdoor/lots";
import { hoursPerFteMonth, planStorageArea, type PlanLot } from "../../../src/core/outdoor/storage-plan";

const types = new Map<string, OutdoorMaterialType>(shippedOutdoorCatalogue.types.map((type) => [type.id, type]));

// A road project in Asker, a storage site 0.6 km east of it and another about 12 km north-east.
const roadProject: [number, number] = [10.43, 59.83];
const near: MaterialStorageSite = { id: "near", name: "Nærlager", location: [10.44, 59.83], materialAreaM2: 30, materialAreaCovered: false, closed: false };
const far: MaterialStorageSite = { id: "far", name: "Fjernlager", location: [10.6, 59.9], materialAreaM2: 500, materialAreaCovered: true, closed: false };

const kerb = (overrides: Partial<PlanLot> = {}): PlanLot => ({
  id: "kerb",
  projectId: "road",
  typeId: "granite_kerb",
  quantity: 600,
  availableFrom: "2027-03",
  location: roadProject,
  ...overrides,
});

describe("storage area plan", () => {
  it("600 m of granite kerb take 20 m² at the nearest site in every month they are stored, 12 months by default", () => {
    const plan = planStorageArea([kerb()], [near, far], types, { from: "2027-01", to: "2028-06" });
    expect(plan.months.length).toBe(18);
    expect(plan.lots).toEqual([
      { lotId: "kerb", siteId: "near", chosen: "nearest", from: "2027-03", to: "2028-02", storageMonths: 12, endKnown: false, term: "short", areaM2: 20 },
    ]);
    const nearMonths = plan.sites.find((site) => site.siteId === "near")!.months;
    expect(nearMonths.map((m) => m.areaNeededM2)).toEqual([0, 0, ...Array(12).fill(20), 0, 0, 0, 0]);
    expect(nearMonths[2]).toEqual({
      month: "2027-03",
      areaNeededM2: 20,
      areaAvailableM2: 30,
      shortfallM2: 0,
      lotsCount: 1,
      coverNeededM2: 0,
      shortTermAreaM2: 20,
      longTermAreaM2: 0,
      // Receiving 600 m × 0.5 person-minutes = 300 minutes = 5 h.
      personHours: 5,
    });
    expect(plan.shortfalls).toEqual([]);
    expect(plan.stock).toEqual({ shortTerm: { lots: 1, tonnes: 60, areaM2: 20 }, longTerm: { lots: 0, tonnes: 0, areaM2: 0 }, openEnded: 1 });
  });

  it("counts staff effort: receiving in the first month, issuing in the last, hours and FTE at 140 h a month", () => {
    const plan = planStorageArea([kerb({ wantedBy: { month: "2027-05" } })], [near], types, { from: "2027-03", to: "2027-05" });
    expect(plan.staff).toEqual([
      // 600 m × 0.5 min = 300 min = 5 h = 5/140 FTE.
      { month: "2027-03", receivePersonMinutes: 300, issuePersonMinutes: 0, personHours: 5, fte: 5 / 140 },
      { month: "2027-04", receivePersonMinutes: 0, issuePersonMinutes: 0, personHours: 0, fte: 0 },
      // 600 m × 0.3 min = 180 min = 3 h.
      { month: "2027-05", receivePersonMinutes: 0, issuePersonMinutes: 180, personHours: 3, fte: 3 / 140 },
    ]);
    expect(hoursPerFteMonth).toBe(140);
    expect(plan.lots[0]).toMatchObject({ storageMonths: 3, endKnown: true, term: "short" });
  });

  it("shows where and when area runs short, and by how much", () => {
    // 600 m + 900 m of kerb = 20 + 30 = 50 m² at a site with 30 m²: 20 m² short while both are there.
    const lots = [kerb({ wantedBy: { month: "2027-06" } }), kerb({ id: "kerb2", quantity: 900, availableFrom: "2027-05", wantedBy: { month: "2027-08" } })];
    const plan = planStorageArea(lots, [near], types, { from: "2027-03", to: "2027-08" });
    expect(plan.sites[0]!.months.map((m) => [m.month, m.areaNeededM2, m.shortfallM2])).toEqual([
      ["2027-03", 20, 0],
      ["2027-04", 20, 0],
      ["2027-05", 50, 20],
      ["2027-06", 50, 20],
      ["2027-07", 30, 0],
      ["2027-08", 30, 0],
    ]);
    expect(plan.shortfalls).toEqual([
      { siteId: "near", siteName: "Nærlager", month: "2027-05", shortfallM2: 20 },
      { siteId: "near", siteName: "Nærlager", month: "2027-06", shortfallM2: 20 },
    ]);
    expect(plan.sites[0]).toMatchObject({ peakAreaNeededM2: 50, peakShortfallM2: 20 });
  });

  it("sends types that need cover to the nearest covered site, and flags them at a site without cover", () => {
    // 10 benches × 1.3 m² ÷ 2 layers = 6.5 m².
    const benches: PlanLot = { id: "benches", projectId: "park", typeId: "park_bench", quantity: 10, availableFrom: "2027-03", location: roadProject };
    const defaulted = planStorageArea([benches], [near, far], types, { from: "2027-03", to: "2027-03" });
    expect(defaulted.lots[0]).toMatchObject({ siteId: "far", chosen: "nearest", areaM2: 6.5 });
    expect(defaulted.sites.find((s) => s.siteId === "far")!.months[0]).toMatchObject({ areaNeededM2: 6.5, coverNeededM2: 6.5, shortfallM2: 0 });

    const misplaced = planStorageArea([{ ...benches, storageSiteId: "near" }], [near, far], types, { from: "2027-03", to: "2027-03" });
    expect(misplaced.lots[0]).toMatchObject({ siteId: "near", chosen: "explicit" });
    expect(misplaced.sites.find((s) => s.siteId === "near")!.months[0]).toMatchObject({ areaNeededM2: 6.5, shortfallM2: 6.5 });
  });

  it("counts lots no site suits as unassigned, and a site has no area outside its window", () => {
    const timber: PlanLot = { id: "timber", projectId: "school", typeId: "sawn_timber", quantity: 4, availableFrom: "2027-01", wantedBy: { month: "2027-02" }, location: roadProject };
    const plan = planStorageArea([timber, kerb({ availableFrom: "2027-01", wantedBy: { month: "2027-02" } })], [{ ...near, window: { from: "2027-02", to: "2027-12" } }], types, {
      from: "2027-01",
      to: "2027-02",
    });
    // 4 m³ × 1.05 m² ÷ 2 layers = 2.1 m², and no site has a roof.
    expect(plan.unassigned).toEqual({
      lotIds: ["timber"],
      months: [
        { month: "2027-01", areaNeededM2: 2.1, lotsCount: 1 },
        { month: "2027-02", areaNeededM2: 2.1, lotsCount: 1 },
      ],
    });
    expect(plan.sites[0]!.months.map((m) => [m.areaAvailableM2, m.shortfallM2])).toEqual([
      [0, 20],
      [30, 0],
    ]);
    expect(plan.shortfalls.map((s) => [s.siteId, s.month, s.shortfallM2])).toEqual([
      ["near", "2027-01", 20],
      [null, "2027-01", 2.1],
      [null, "2027-02", 2.1],
    ]);
  });

  it("splits short-term (≤ 12 months) from long-term stock, and honours another default storage time", () => {
    const lots = [kerb({ wantedBy: { month: "2028-02" } }), kerb({ id: "long", wantedBy: { month: "2028-03" } }), kerb({ id: "open" })];
    const plan = planStorageArea(lots, [far], types, { from: "2027-03", to: "2027-03", defaultStorageMonths: 24 });
    expect(plan.lots.map((lot) => [lot.lotId, lot.storageMonths, lot.term])).toEqual([
      ["kerb", 12, "short"],
      ["long", 13, "long"],
      ["open", 24, "long"],
    ]);
    expect(plan.stock).toEqual({ shortTerm: { lots: 1, tonnes: 60, areaM2: 20 }, longTerm: { lots: 2, tonnes: 120, areaM2: 40 }, openEnded: 1 });
    expect(plan.sites[0]!.months[0]).toMatchObject({ shortTermAreaM2: 20, longTermAreaM2: 40, areaNeededM2: 60 });
    expect(plan.assumptions).toEqual({ defaultStorageMonths: 24, shortTermMaxMonths: 12, hoursPerFte: 140 });
  });

  it("adding a lot never lowers the area needed anywhere (metamorphic)", () => {
    const base = [kerb({ wantedBy: { month: "2027-09" } })];
    const more = [...base, { id: "pipes", projectId: "road", typeId: "concrete_pipe_600", quantity: 40, availableFrom: "2027-04", location: roadProject }];
    const a = planStorageArea(base, [near, far], types, { from: "2027-01", to: "2027-12" });
    const b = planStorageArea(more, [near, far], types, { from: "2027-01", to: "2027-12" });
    a.sites.forEach((site, i) => site.months.forEach((m, k) => expect(b.sites[i]!.months[k]!.areaNeededM2).toBeGreaterThanOrEqual(m.areaNeededM2)));
    // 40 m × 0.75 m² ÷ 2 layers = 15 m² more at the nearest site in April.
    expect(b.sites.find((s) => s.siteId === "near")!.months[3]!.areaNeededM2 - a.sites.find((s) => s.siteId === "near")!.months[3]!.areaNeededM2).toBeCloseTo(15, 9);
  });
});
