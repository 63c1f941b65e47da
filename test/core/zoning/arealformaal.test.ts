import { describe, expect, it } from "vitest";
import {
  arealformaalCodes,
  categoryColour,
  categoryOfCode,
  describeArealformaal,
  landUseRowOfCategory,
  landUseRowOfCode,
  zoningCategories,
} from "../../../src/core/zoning/arealformaal";

const hex = /^#[0-9a-f]{6}$/;

describe("describeArealformaal", () => {
  it("knows 1202 Massemottak as mass handling in both lists", () => {
    expect(describeArealformaal("rp", 1202)).toMatchObject({
      name: "Massemottak",
      category: "extraction_mass_handling",
      colour: "#cc9999",
    });
    expect(categoryOfCode(1202)).toBe("extraction_mass_handling");
  });

  it("puts 6140 Massedeponi i sjø og vassdrag in mass handling, not water", () => {
    expect(describeArealformaal("rp", 6140)?.category).toBe("extraction_mass_handling");
    expect(categoryOfCode(6100)).toBe("water");
  });

  it("maps the main KP codes", () => {
    expect(describeArealformaal("kp", 1110)).toMatchObject({ name: "Boligbebyggelse", category: "residential" });
    expect(describeArealformaal("kp", 2010)?.category).toBe("transport");
    expect(describeArealformaal("kp", 5100)?.category).toBe("lnfr");
    expect(describeArealformaal("kp", 1130)?.category).toBe("centre");
    expect(describeArealformaal("kp", 1160)?.category).toBe("public_services");
    expect(describeArealformaal("kp", 1300)?.category).toBe("business_industry");
    expect(describeArealformaal("kp", 3001)?.category).toBe("green_structure");
    expect(describeArealformaal("kp", 1200)?.category).toBe("extraction_mass_handling");
  });

  it("maps RP sub-codes with their main code", () => {
    expect(categoryOfCode(1113)).toBe("residential");
    expect(categoryOfCode(1122)).toBe("residential");
    expect(categoryOfCode(1162)).toBe("public_services");
    expect(categoryOfCode(1340)).toBe("business_industry");
    expect(categoryOfCode(1201)).toBe("extraction_mass_handling");
    expect(categoryOfCode(2074)).toBe("transport");
    expect(categoryOfCode(5111)).toBe("lnfr");
    expect(categoryOfCode(1410)).toBe("other");
  });

  it("gives combined purposes the category of their most sensitive use", () => {
    expect(categoryOfCode(1801)).toBe("residential"); // bolig/forretning
    expect(categoryOfCode(1810)).toBe("centre"); // forretning/kontor
    expect(categoryOfCode(1813)).toBe("public_services"); // forretning/kontor/tjenesteyting
    expect(categoryOfCode(1826)).toBe("business_industry"); // industri/lager
    expect(categoryOfCode(1800)).toBe("other");
  });

  it("gives every code in both lists a category and a #rrggbb colour", () => {
    const all = arealformaalCodes();
    expect(arealformaalCodes("kp")).toHaveLength(66);
    expect(arealformaalCodes("rp")).toHaveLength(224);
    for (const info of all) {
      expect(zoningCategories).toContain(info.category);
      expect(info.colour, `${info.codeList} ${info.code}`).toMatch(hex);
      expect(info.name.length).toBeGreaterThan(0);
    }
  });

  it("answers undefined for an unknown code or a code missing from that list", () => {
    expect(describeArealformaal("kp", 9999)).toBeUndefined();
    expect(describeArealformaal("rp", 1110.5)).toBeUndefined();
    // 1202 Massemottak is in RP but not in the KP list the SLD styles.
    expect(describeArealformaal("kp", 1202)).toBeUndefined();
  });
});

describe("categories", () => {
  it("has a colour for every category", () => {
    for (const category of zoningCategories) expect(categoryColour(category)).toMatch(hex);
  });

  it("maps categories to the TA-2553 land-use rows of DESIGN §5", () => {
    expect(landUseRowOfCategory("residential")).toBe("residential");
    expect(landUseRowOfCategory("public_services")).toBe("residential");
    expect(landUseRowOfCategory("centre")).toBe("commercial");
    expect(landUseRowOfCategory("business_industry")).toBe("industry_transport");
    expect(landUseRowOfCategory("transport")).toBe("industry_transport");
    expect(landUseRowOfCategory("extraction_mass_handling")).toBe("industry_transport");
    expect(landUseRowOfCategory("lnfr")).toBe("none");
  });

  it("splits næring by code as DESIGN §5 does: 1300 commercial, 1340 industry", () => {
    expect(landUseRowOfCode(1300)).toBe("commercial");
    expect(landUseRowOfCode(1310)).toBe("commercial");
    expect(landUseRowOfCode(1340)).toBe("industry_transport");
    expect(landUseRowOfCode(1110)).toBe("residential");
  });
});
