import { describe, expect, it } from "vitest";
import { englishText } from "../../../src/core/messages/message";
import {
  acidStorageMonthEnds,
  defaultAcidStorageWeeks,
  flagRefusal,
  flagRefusalText,
  isAgriculturalLand,
  parseFlagsCell,
  specialFlagsSchema,
} from "../../../src/core/special-masses/flags";

describe("where a flagged lot may go (DESIGN §8)", () => {
  it("lets an unflagged lot go anywhere the material and class allow", () => {
    expect(flagRefusal([], { kind: "storage", acceptsFlags: [] })).toBeUndefined();
    expect(flagRefusal([], { kind: "demand", acceptsFlags: [], agriculturalLand: true })).toBeUndefined();
  });

  it("sends a flagged lot only to sites and demand lots that list its flag", () => {
    expect(flagRefusal(["invasive_species"], { kind: "landfill", acceptsFlags: [] })).toEqual({ reason: "not_accepted", flag: "invasive_species" });
    expect(flagRefusal(["invasive_species"], { kind: "landfill", acceptsFlags: ["invasive_species"] })).toBeUndefined();
    expect(flagRefusal(["invasive_species"], { kind: "demand", acceptsFlags: ["invasive_species"] })).toBeUndefined();
    // Every flag must be listed, not just one.
    expect(flagRefusal(["invasive_species", "acid_forming"], { kind: "landfill", acceptsFlags: ["invasive_species"] })).toEqual({ reason: "not_accepted", flag: "acid_forming" });
  });

  it("never stores quick clay, even where storage lists it", () => {
    expect(flagRefusal(["quick_clay"], { kind: "storage", acceptsFlags: ["quick_clay"] })).toEqual({ reason: "quick_clay_storage", flag: "quick_clay" });
    expect(flagRefusal(["quick_clay"], { kind: "landfill", acceptsFlags: ["quick_clay"] })).toBeUndefined();
  });

  it("never reuses acid-forming rock as fill, even for a demand lot that lists it", () => {
    expect(flagRefusal(["acid_forming"], { kind: "demand", acceptsFlags: ["acid_forming"] })).toEqual({ reason: "acid_forming_reuse", flag: "acid_forming" });
    expect(flagRefusal(["acid_forming"], { kind: "storage", acceptsFlags: ["acid_forming"] })).toBeUndefined();
  });

  it("never sends invasive-species topsoil to agricultural land", () => {
    expect(flagRefusal(["invasive_species"], { kind: "demand", acceptsFlags: ["invasive_species"], agriculturalLand: true })).toEqual({
      reason: "invasive_agricultural",
      flag: "invasive_species",
    });
    expect(flagRefusalText({ reason: "not_accepted", flag: "quick_clay" })).toBe("quick clay (kvikkleire): only receivers approved for it");
  });

  it("reads agricultural land from LNFR codes and hensyn landbruk", () => {
    for (const code of [5000, 5100, 5110, 5111, 5115]) expect(isAgriculturalLand({ arealformaal: code }), String(code)).toBe(true);
    for (const code of [5120, 5130, 5140, 1110]) expect(isAgriculturalLand({ arealformaal: code }), String(code)).toBe(false);
    expect(isAgriculturalLand({ arealformaal: 1110, hensyn: [510] })).toBe(true);
  });
});

describe("acid-forming rock in storage", () => {
  it("turns the 8 weeks of today's practice into one month-end of stock", () => {
    expect(defaultAcidStorageWeeks).toBe(8);
    expect(acidStorageMonthEnds()).toBe(1);
    expect(acidStorageMonthEnds(4)).toBe(0);
    expect(acidStorageMonthEnds(9)).toBe(2);
    expect(acidStorageMonthEnds(0)).toBe(0);
  });
});

describe("flags in the CSV and the API", () => {
  it("reads a ;-separated cell with English or Norwegian names", () => {
    expect(parseFlagsCell("")).toEqual({ ok: true, flags: [] });
    expect(parseFlagsCell("kvikkleire; alunskifer")).toEqual({ ok: true, flags: ["quick_clay", "acid_forming"] });
    expect(parseFlagsCell("invasive_species;Fremmede arter")).toEqual({ ok: true, flags: ["invasive_species"] });
  });

  it("names an unknown flag", () => {
    const cell = parseFlagsCell("quick_clay;radioaktiv");
    expect(cell).toEqual({ ok: false, problem: { key: "csv.badFlag", params: { value: "radioaktiv", values: ["quick_clay", "acid_forming", "invasive_species"] } } });
    expect(cell.ok ? "" : englishText(cell.problem)).toContain('"radioaktiv" is not a flag');
    expect(specialFlagsSchema.safeParse(["quick_clay", "quick_clay"]).success).toBe(false);
    expect(specialFlagsSchema.safeParse(["asbestos"]).success).toBe(false);
  });
});
