import { describe, expect, it } from "vitest";
import type { OutdoorSuggestion } from "../../../../src/core/outdoor/api";
import { shippedOutdoorCatalogue } from "../../../../src/core/outdoor/catalogue";
import { planStorageArea } from "../../../../src/core/outdoor/storage-plan";
import { outdoorLotQuery } from "../../../../src/app/api/client";
import {
  areaChartRows,
  defaultPlanSite,
  emptyOutdoorDraft,
  nearestStorageSite,
  shortfallRuns,
  outdoorLotBody,
  staffChartRows,
  suggestionText,
  suitableStorageSites,
  typedQuantityNeeds,
} from "../../../../src/app/features/outdoor/outdoor-model";
import { makeTranslator } from "../../../../src/app/i18n/use-t";
import { project, site } from "../../../support/record-fixtures";

const types = new Map(shippedOutdoorCatalogue.types.map((type) => [type.id, type]));
const kerb = types.get("granite_kerb")!;
const bench = types.get("park_bench")!;
const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("typedQuantityNeeds: the area a typed quantity needs, shown live in the form", () => {
  it("gives the issue's worked example: 600 m of granite kerb at 0.1 m² per metre stacked three high need 20 m²", () => {
    expect(kerb.storage).toMatchObject({ m2PerUnitOneLayer: 0.1, layers: 3 });
    const needs = typedQuantityNeeds(kerb, "600");
    expect(needs?.areaM2).toBe(20);
    expect(needs?.tonnes).toBeCloseTo(600 * kerb.weightTonnesPerUnit, 9);
  });
  it("reads numbers as typed in Norway or England", () => {
    expect(typedQuantityNeeds(kerb, "1 200")?.areaM2).toBe(40);
    expect(typedQuantityNeeds(kerb, "1,5")?.quantity).toBe(1.5);
  });
  it("shows nothing for an empty, negative, zero or non-numeric quantity, or without a type", () => {
    for (const text of ["", "-3", "0", "abc"]) expect(typedQuantityNeeds(kerb, text)).toBeNull();
    expect(typedQuantityNeeds(undefined, "600")).toBeNull();
  });
});

describe("outdoorLotBody: the request body of the lot form", () => {
  it("sends an available lot with its month, receiver and chosen site, and leaves the default site out", () => {
    const draft = { ...emptyOutdoorDraft("granite_kerb"), quantity: "600", month: "2031-03", receiverProjectId: "P9", receiverMonth: "2031-09", notes: "  from Fv165 " };
    expect(outdoorLotBody(draft)).toEqual({
      direction: "available",
      typeId: "granite_kerb",
      quantity: 600,
      condition: "reusable",
      availableFrom: "2031-03",
      wantedBy: { month: "2031-09", projectId: "P9" },
      notes: "from Fv165",
    });
    expect(outdoorLotBody({ ...draft, storageSiteId: "S05" }).storageSiteId).toBe("S05");
  });
  it("sends a wanted lot with neededBy only, whatever was typed in the available-only fields", () => {
    const draft = { ...emptyOutdoorDraft("granite_kerb"), direction: "wanted" as const, quantity: "80", month: "2031-06", receiverMonth: "2031-09", storageSiteId: "S01" };
    expect(outdoorLotBody(draft)).toEqual({ direction: "wanted", typeId: "granite_kerb", quantity: 80, condition: "reusable", neededBy: "2031-06", notes: "" });
  });
  it("sends a quantity that is not a number as -1, so the server's message names the field", () => {
    expect(outdoorLotBody({ ...emptyOutdoorDraft("granite_kerb"), quantity: "many" }).quantity).toBe(-1);
  });
});

describe("storage sites for the form", () => {
  const open = site({ id: "S01", name: "Open yard", materialAreaM2: 2500, geometry: { type: "Polygon", coordinates: [[[10.40, 59.80], [10.41, 59.80], [10.41, 59.81], [10.40, 59.81], [10.40, 59.80]]] } });
  const far = site({ id: "S02", name: "Far yard", materialAreaM2: 4000, geometry: { type: "Polygon", coordinates: [[[10.20, 59.70], [10.21, 59.70], [10.21, 59.71], [10.20, 59.71], [10.20, 59.70]]] } });
  const covered = site({ id: "S05", name: "Covered hall", materialAreaM2: 1200, materialAreaCovered: true, geometry: { type: "Polygon", coordinates: [[[10.30, 59.75], [10.31, 59.75], [10.31, 59.76], [10.30, 59.76], [10.30, 59.75]]] } });
  const none = site({ id: "S03", name: "No material area" });
  const sites = [open, far, covered, none];
  const p = project({ location: { type: "Point", coordinates: [10.405, 59.805] } });

  it("offers only sites with material area, and for a type that needs cover only covered ones", () => {
    expect(suitableStorageSites(sites, kerb).map((s) => s.id)).toEqual(["S01", "S02", "S05"]);
    expect(suitableStorageSites(sites, bench).map((s) => s.id)).toEqual(["S05"]);
  });
  it("names the nearest suitable site as the default", () => {
    expect(nearestStorageSite(p, sites, kerb)?.id).toBe("S01");
    expect(nearestStorageSite(p, sites, bench)?.id).toBe("S05");
    expect(nearestStorageSite(p, [none], kerb)).toBeNull();
  });
});

describe("chart rows from the storage plan", () => {
  const sites = [
    { id: "S01", name: "Lahell", location: [10.4, 59.8] as [number, number], materialAreaM2: 30, materialAreaCovered: false, closed: false },
    { id: "S02", name: "Slemmestad", location: [10.5, 59.7] as [number, number], materialAreaM2: 4000, materialAreaCovered: false, closed: false },
  ];
  const plan = planStorageArea(
    [
      { id: "a", projectId: "P1", typeId: "granite_kerb", quantity: 600, availableFrom: "2031-03", wantedBy: { month: "2031-04" }, storageSiteId: "S01", location: [10.4, 59.8] },
      { id: "b", projectId: "P1", typeId: "granite_kerb", quantity: 600, availableFrom: "2031-04", wantedBy: { month: "2031-04" }, storageSiteId: "S01", location: [10.4, 59.8] },
    ],
    sites,
    types,
    { from: "2031-03", to: "2031-05" },
  );

  it("gives area needed, available and the shortfall per month for one site", () => {
    expect(areaChartRows(plan, "S01")).toEqual([
      { month: "2031-03", areaNeededM2: 20, areaAvailableM2: 30, shortfallM2: 0 },
      { month: "2031-04", areaNeededM2: 40, areaAvailableM2: 30, shortfallM2: 10 },
      { month: "2031-05", areaNeededM2: 0, areaAvailableM2: 30, shortfallM2: 0 },
    ]);
    expect(areaChartRows(plan, "nowhere")).toEqual([]);
  });
  it("shows the site with the largest shortfall first", () => {
    expect(defaultPlanSite(plan)).toBe("S01");
    expect(defaultPlanSite({ sites: [] })).toBeNull();
  });
  it("gives person-hours and FTE per month", () => {
    const rows = staffChartRows(plan);
    expect(rows.map((r) => r.month)).toEqual(["2031-03", "2031-04", "2031-05"]);
    // Receiving 600 m in March; in April lot a leaves and lot b comes and goes.
    const perMetre = (kerb.handling.receivePersonMinutesPerUnit * 600) / 60;
    expect(rows[0]!.personHours).toBeCloseTo(perMetre, 9);
    expect(rows[0]!.fte).toBeCloseTo(perMetre / plan.assumptions.hoursPerFte, 9);
    expect(rows[2]).toEqual({ month: "2031-05", personHours: 0, fte: 0 });
  });
});

describe("shortfallRuns", () => {
  it("joins consecutive months per site and keeps the largest shortfall; lots without a site come last", () => {
    expect(
      shortfallRuns([
        { siteId: "S2", siteName: "Slemmestad", month: "2030-01", shortfallM2: 20 },
        { siteId: "S1", siteName: "Lahell", month: "2029-11", shortfallM2: 5 },
        { siteId: "S2", siteName: "Slemmestad", month: "2029-12", shortfallM2: 10 },
        { siteId: null, siteName: null, month: "2029-12", shortfallM2: 3 },
        { siteId: "S2", siteName: "Slemmestad", month: "2030-03", shortfallM2: 7 },
      ]),
    ).toEqual([
      { siteId: "S1", siteName: "Lahell", from: "2029-11", to: "2029-11", maxShortfallM2: 5 },
      { siteId: "S2", siteName: "Slemmestad", from: "2029-12", to: "2030-01", maxShortfallM2: 20 },
      { siteId: "S2", siteName: "Slemmestad", from: "2030-03", to: "2030-03", maxShortfallM2: 7 },
      { siteId: null, siteName: null, from: "2029-12", to: "2029-12", maxShortfallM2: 3 },
    ]);
  });
});

describe("suggestionText", () => {
  const suggestion: OutdoorSuggestion = {
    availableLotId: "a",
    wantedLotId: "w",
    projectId: "P2",
    projectName: "Slemmestad – ny adkomstvei",
    neededBy: "2031-06",
    haulKm: 7.46,
    quantity: 450,
    unit: "m",
    tonnes: 36,
    waitMonths: 3,
    coversShareOfWanted: 1,
    kgCO2eNewAvoided: 9000,
    kgCO2eHaul: 31.4,
    kgCO2eNetSaving: 8968.6,
  };
  it("words receiver, haul, units, tonnes and the net CO2e saving with units, in either language", () => {
    expect(Object.fromEntries(Object.entries(suggestionText(suggestion, makeTranslator("en"))).map(([k, v]) => [k, plain(v)]))).toEqual({
      project: "Slemmestad – ny adkomstvei",
      neededBy: "2031-06",
      haul: "7.5 km",
      quantity: "450 m",
      tonnes: "36 t",
      co2e: "8,969 kg CO₂e",
    });
    const nb = suggestionText({ ...suggestion, unit: "pieces", quantity: 12, projectName: null }, makeTranslator("nb"));
    expect(plain(nb.quantity)).toBe("12 stk");
    expect(nb.project).toBe("P2");
    expect(plain(nb.haul)).toBe("7,5 km");
  });
});

describe("outdoorLotQuery", () => {
  it("keeps only the filters that are set", () => {
    expect(outdoorLotQuery({ type: "granite_kerb", siteId: "", from: "2031-03", to: "2031-03" })).toBe("?type=granite_kerb&from=2031-03&to=2031-03");
    expect(outdoorLotQuery({})).toBe("");
  });
});
