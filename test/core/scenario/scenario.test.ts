import { describe, expect, it } from "vitest";
import { instanceFromRegistry } from "../../../src/core/matching/from-registry";
import { canonicalJson, dataChangesBetween, migrateScenario } from "../../../src/core/scenario/scenario";
import { lot, project, site } from "../../support/record-fixtures";

describe("canonicalJson", () => {
  it("ignores key order, keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});

describe("dataChangesBetween", () => {
  it("lists added, removed and changed records by id, or null when nothing changed", () => {
    const before = { lots: [{ id: "a", t: 1 }, { id: "b", t: 2 }], sites: [{ id: "s" }] };
    const same = { lots: [{ t: 1, id: "a" }, { id: "b", t: 2 }], sites: [{ id: "s" }] };
    const moved = { lots: [{ id: "a", t: 5 }, { id: "c", t: 1 }], sites: [] };
    expect(dataChangesBetween(before, same)).toBeNull();
    expect(dataChangesBetween(before, moved)).toEqual({
      lotsAdded: ["c"],
      lotsRemoved: ["b"],
      lotsChanged: ["a"],
      sitesAdded: [],
      sitesRemoved: ["s"],
      sitesChanged: [],
    });
  });
});

describe("migrateScenario", () => {
  it("fills defaults of version 1 and refuses a newer version", () => {
    expect(migrateScenario({ name: "A" })).toEqual({ name: "A", note: "", siteIds: null, parameters: {}, overrides: [], siteAllocation: [] });
    expect(() => migrateScenario({ schemaVersion: 99, name: "A" })).toThrow(/newer/);
  });
});

describe("instanceFromRegistry", () => {
  const projects = [
    project({ id: "P1", lots: [lot({ id: "L1", tonnes: 1000, window: { from: "2027-01", to: "2027-03" } })] }),
    project({ id: "P2", lots: [lot({ id: "L2", direction: "demand", tonnes: 400, window: { from: "2027-05", to: "2027-06" } })] }),
  ];
  const sites = [site({ id: "S1", kind: "landfill", name: "Deponi" }), site({ id: "S2", kind: "storage", name: "Lager", status: "closed" })];

  it("takes live lots in tonnes, the months they span, and the sites that are not closed", () => {
    const { instance, problems } = instanceFromRegistry(projects, sites);
    expect(problems).toEqual([]);
    expect(instance.months).toEqual(["2027-01", "2027-02", "2027-03", "2027-04", "2027-05", "2027-06"]);
    expect(instance.lots.map((l) => [l.id, l.quantity])).toEqual([
      ["L1", { value: 1000, unit: "tonnes" }],
      ["L2", { value: 400, unit: "tonnes" }],
    ]);
    expect(instance.sites?.map((s) => s.id)).toEqual(["S1"]);
  });

  it("applies what-if overrides and reports ones for unknown lots", () => {
    const { instance, problems } = instanceFromRegistry(projects, sites, {
      overrides: [{ lotId: "L1", shiftMonths: 6, quantityFactor: 1.5 }, { lotId: "nope", shiftMonths: 1 }],
    });
    expect(instance.lots[0]).toMatchObject({ window: { from: "2027-07", to: "2027-09" }, quantity: { value: 1500 } });
    expect(problems).toEqual(["an override names lot nope, which is not in the registry"]);
  });

  it("estimates a storage site's capacity from its area when it has none, and says so", () => {
    const storage = site({ id: "S3", kind: "storage", name: "Uten kapasitet", accepts: { materials: ["rock"], worstClass: 2 } });
    const { instance, notes } = instanceFromRegistry(projects, [storage]);
    const estimated = instance.sites?.find((s) => s.id === "S3");
    expect(estimated && "capacityTonnes" in estimated ? estimated.capacityTonnes : 0).toBeGreaterThan(0);
    expect(notes.some((n) => n.startsWith("storage Uten kapasitet: capacity estimated"))).toBe(true);
  });
});
