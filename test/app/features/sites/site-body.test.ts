import { describe, expect, it } from "vitest";
import type { AreaGeometry } from "../../../../src/core/geo/geometry";
import { parseNumberText, siteBodyOf, siteErrorsOfServer } from "../../../../src/app/features/sites/site-body";
import { translate, type MessageParams } from "../../../../src/app/i18n/i18n";
import { draftFromSite, emptySiteDraft, rebaseSiteDraft, type SiteDraft } from "../../../../src/app/features/sites/site-draft";
import { site } from "../../../support/record-fixtures";

const square: AreaGeometry = {
  type: "Polygon",
  coordinates: [
    [
      [10.45, 59.8],
      [10.46, 59.8],
      [10.46, 59.81],
      [10.45, 59.81],
      [10.45, 59.8],
    ],
  ],
};

const draft = (overrides: Partial<SiteDraft> = {}): SiteDraft => ({ ...emptySiteDraft(square), name: "Lager", ...overrides });

describe("site form draft → API body", () => {
  it("turns typed numbers (spaces, decimal comma, percent) into the body", () => {
    const result = siteBodyOf(
      draft({ capacityTonnes: "12 500", stackHeightM: "3,5", usablePercent: "70", handlingCostPerTonne: "20", acceptsMaterials: ["rock"], worstClass: "2", windowFrom: "2027-01", windowTo: "2027-12" }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body).toMatchObject({
      name: "Lager",
      kind: "storage",
      status: "candidate",
      capacityTonnes: 12500,
      stackHeightM: 3.5,
      usableShare: 0.7,
      handlingCostPerTonne: 20,
      accepts: { materials: ["rock"], worstClass: 2 },
      window: { from: "2027-01", to: "2027-12" },
    });
  });

  it("sends only the fields of the kind (a quarry's price, not a storage's handling cost)", () => {
    const result = siteBodyOf(draft({ kind: "quarry", handlingCostPerTonne: "20", pricePerTonne: "95", kgCO2ePerTonne: "4,2", materials: ["gravel_sand"] }));
    expect(result.ok && result.body).toMatchObject({ kind: "quarry", pricePerTonne: 95, kgCO2ePerTonne: 4.2, materials: ["gravel_sand"] });
    expect(result.ok && "handlingCostPerTonne" in result.body).toBe(false);
  });

  it("names the fields in error by their API paths, with translatable messages", () => {
    const result = siteBodyOf(draft({ name: " ", capacityTonnes: "mye", usablePercent: "150", geometry: null, windowFrom: "2027-05", windowTo: "2027-01" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toEqual({ key: "validation.required", params: {} });
    expect(result.errors.capacityTonnes).toEqual({ key: "validation.number" });
    expect(result.errors.usableShare).toEqual({ key: "validation.atMost", params: { max: 1 } });
    expect(result.errors.geometry).toEqual({ key: "sites.form.noOutline" });
    expect(result.errors["window.to"]).toEqual({ key: "validation.monthOrder", params: {} });
  });

  it("says a self-intersecting outline in the user's words", () => {
    const bowtie: AreaGeometry = { type: "Polygon", coordinates: [[[10.45, 59.8], [10.46, 59.81], [10.46, 59.8], [10.45, 59.81], [10.45, 59.8]]] };
    const result = siteBodyOf(draft({ geometry: bowtie }));
    const crossing = !result.ok && result.errors["geometry.coordinates"];
    expect(crossing).toEqual({ key: "geo.selfIntersection", params: { lon: expect.stringMatching(/^10\.45\d+$/), lat: expect.stringMatching(/^59\.80\d+$/) } });
    expect(translate("nb", (crossing as { key: "geo.selfIntersection" }).key, (crossing as { params: MessageParams }).params)).toMatch(/^Kantene krysser hverandre nær 10\.45/);
    // The server's problem carries the same key; an older server's English shows as it came.
    const server = { path: "geometry.coordinates", message: "edges cross themselves near 10.45, 59.80: redraw", key: "geo.selfIntersection", params: { lon: "10.45000", lat: "59.80000" } };
    expect(siteErrorsOfServer([server])).toEqual({ "geometry.coordinates": { key: "geo.selfIntersection", params: { lon: "10.45000", lat: "59.80000" } } });
    expect(siteErrorsOfServer([{ path: "x", message: "something new" }])).toEqual({ x: { key: "error.raw", params: { message: "something new" } } });
  });

  it("needs materials when a worst class is given, and the reverse", () => {
    const result = siteBodyOf(draft({ worstClass: "3" }));
    expect(!result.ok && result.errors["accepts.materials"]).toEqual({ key: "validation.atLeastItems", params: { min: 1 } });
  });

  it("keeps stored fields the form does not edit", () => {
    const stored = site({ geometry: square, materialAreaM2: 400, materialAreaCovered: true, stackHeightM: 4, usableShare: 0.7 });
    const result = siteBodyOf(draftFromSite(stored));
    expect(result.ok && result.body).toMatchObject({ materialAreaM2: 400, materialAreaCovered: true, stackHeightM: 4, usableShare: 0.7 });
  });

  it("parses numbers as people type them", () => {
    expect(parseNumberText("")).toBeUndefined();
    expect(parseNumberText("1\u00a0200,5")).toBe(1200.5);
    expect(parseNumberText("12t")).toBeNaN();
  });
});

describe("rebasing after a version conflict", () => {
  it("keeps the user's changes and takes the rest, and the version, from the current site", () => {
    const old = site({ geometry: square, name: "Lager", notes: "", stackHeightM: 3 });
    const current = site({ geometry: square, name: "Lager", notes: "their note", stackHeightM: 3, status: "proposed", version: 2 });
    const mine = { ...draftFromSite(old), stackHeightM: "5" };
    const rebased = rebaseSiteDraft(mine, old, current);
    expect(rebased).toMatchObject({ version: 2, stackHeightM: "5", notes: "their note", status: "proposed" });
  });
});
