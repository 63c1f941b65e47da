import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { referenceMaterialProperties } from "../../../src/core/domain/materials";
import { capacityEstimate } from "../../../src/core/suitability/capacity";
import { distanceText, percentText, reasonKeys } from "../../../src/core/suitability/reasons";
import { defaultSuitabilityRules, parseSuitabilityRules, zoneHazardRules } from "../../../src/core/suitability/rules";
import { describeArealformaal, zoningCategories } from "../../../src/core/zoning/arealformaal";
import { zoneHazards } from "../../../src/core/zoning/hazard-zones";

const rulesJson = JSON.parse(readFileSync(new URL("../../../data/suitability-rules.json", import.meta.url), "utf8")) as Record<string, unknown>;

describe("suitability rules", () => {
  it("ships defaults that parse and follow issue 6", () => {
    expect(parseSuitabilityRules(rulesJson).ok).toBe(true);
    const { zoning, conflicts } = defaultSuitabilityRules;
    expect(Object.keys(zoning.categories).sort()).toEqual([...zoningCategories].sort());
    expect(zoning.categories).toMatchObject({
      extraction_mass_handling: "allowed",
      business_industry: "allowed",
      lnfr: "conditional",
      residential: "excluded",
      public_services: "excluded",
      centre: "excluded",
      green_structure: "excluded",
      water: "excluded",
    });
    expect(zoning.codes).toMatchObject({ "1200": "allowed", "1201": "allowed", "1202": "allowed" });
    expect(Object.fromEntries(conflicts.map((c) => [c.kind, c.bufferM]))).toEqual({
      residential_public: 100,
      school_kindergarten: 200,
      water_shore: 100,
      green_nature: 50,
      sensitive_outdoor: 100,
    });
    expect(conflicts.find((c) => c.kind === "school_kindergarten")?.codes).toEqual([1161, 1162]);
  });

  it("ships the issue 17 rules: zone kinds per DESIGN §8, and playgrounds, outdoor areas, cemeteries and 5210 unsuitable within a buffer", () => {
    const { zones, zoning, conflicts } = defaultSuitabilityRules;
    expect(Object.keys(zones!.hazards).sort()).toEqual([...zoneHazards].sort());
    expect(zones!.hazards).toMatchObject({ landslide: "unsuitable", quick_clay: "unsuitable", flood: "conditional", drinking_water: "conditional" });
    const sensitive = conflicts.find((c) => c.kind === "sensitive_outdoor")!;
    expect(sensitive).toMatchObject({ effect: "unsuitable", codes: [1600, 1610, 1690, 1700, 5210] });
    for (const code of sensitive.codes) expect(zoning.codes[String(code)]).toBe("excluded");
    // The codes are in the national lists: 1610 Lekeplass, 1700 Grav- og urnelund, 5210 Spredt boligbebyggelse.
    expect(describeArealformaal("rp", 1610)?.name).toBe("Lekeplass");
    expect(describeArealformaal("rp", 1700)?.name).toBe("Grav- og urnelund");
    expect(describeArealformaal("kp", 5210)?.name).toBe("Spredt boligbebyggelse");
  });

  it("gives rules saved before issue 17 (no zones section) the shipped zone effects", () => {
    const { zones: _zones, ...older } = defaultSuitabilityRules;
    const parsed = parseSuitabilityRules(older);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(zoneHazardRules(parsed.rules)).toEqual(defaultSuitabilityRules.zones!.hazards);
  });

  it("refuses a zone rule with an unknown effect, naming the path", () => {
    const bad = structuredClone(rulesJson) as { zones: { hazards: Record<string, string> } };
    bad.zones.hazards.flood = "forbidden";
    expect(parseSuitabilityRules(bad)).toMatchObject({ ok: false, problem: expect.stringContaining("zones.hazards.flood") });
  });

  it("keeps the default density equal to loose mixed masses of materials.ts", () => {
    const mixed = referenceMaterialProperties.mixed;
    expect(defaultSuitabilityRules.capacity.densityTonnesPerM3).toBeCloseTo(mixed.densityTonnesPerM3InPlace / (1 + mixed.swellInPlaceToLoose), 2);
  });

  it("names the path of a bad rule", () => {
    const bad = { ...rulesJson, zoning: { ...(rulesJson.zoning as object), toleratedExcludedShare: 5 } };
    expect(parseSuitabilityRules(bad)).toEqual({ ok: false, problem: expect.stringContaining("zoning.toleratedExcludedShare: must be ≤ 1") });
    const twice = { ...rulesJson, conflicts: [...(rulesJson.conflicts as object[]), (rulesJson.conflicts as object[])[0]] };
    expect(parseSuitabilityRules(twice)).toEqual({ ok: false, problem: expect.stringContaining('repeats kind "residential_public"') });
  });
});

describe("capacity and reason texts", () => {
  it("multiplies area, usable share, stack height and density", () => {
    expect(capacityEstimate(10_000, { stackHeightM: 3, usableShare: 0.6, densityTonnesPerM3: 1.52 })).toEqual({ capacityM3: 18_000, capacityTonnes: 27_360 });
  });

  it("writes shares and distances as the issue does", () => {
    expect(percentText(0.42)).toBe("42 %");
    expect(percentText(0.985)).toBe("98.5 %");
    expect(percentText(0.002)).toBe("0.2 %");
    expect(distanceText(130.4)).toBe("130 m");
    expect(distanceText(1234)).toBe("1.2 km");
  });

  it("has unique reason keys", () => {
    expect(new Set(reasonKeys).size).toBe(reasonKeys.length);
  });
});
