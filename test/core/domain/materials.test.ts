import { describe, expect, it } from "vitest";
import { materials, referenceMaterialProperties, toTonnes } from "../../../src/core/domain/materials";

describe("toTonnes", () => {
  it("keeps tonnes as they are", () => {
    expect(toTonnes(1200, "tonnes", "rock")).toBe(1200);
  });

  it("converts in-place volume with the bulk density (rock 2.7 t/m³)", () => {
    expect(toTonnes(1000, "m3_in_place", "rock")).toBeCloseTo(2700, 6);
  });

  it("removes the swell from loose volume (clay 1.9 t/m³, +30 %)", () => {
    // 1,300 m³ loose = 1,000 m³ in place = 1,900 t.
    expect(toTonnes(1300, "m3_loose", "clay_silt")).toBeCloseTo(1900, 6);
  });

  it("reproduces the Hamar VA project's 23,057 m³ of mixed masses at 2.10 t/m³ = 48,420 t", () => {
    const hamar = { ...referenceMaterialProperties, mixed: { ...referenceMaterialProperties.mixed, densityTonnesPerM3InPlace: 2.1 } };
    expect(Math.round(toTonnes(23_057, "m3_in_place", "mixed", hamar))).toBe(48_420);
  });

  it("converts compacted volume through the compaction ratio", () => {
    expect(toTonnes(1300, "m3_compacted", "rock")).toBeCloseTo(2700, 6);
  });
});

describe("crushed concrete, reclaimed asphalt and peat", () => {
  it("come after the six soil and rock kinds, so the mass-type numbering of saved results stays the same", () => {
    expect(materials.slice(0, 6)).toEqual(["rock", "gravel_sand", "moraine", "clay_silt", "topsoil", "mixed"]);
    expect(materials.slice(6)).toEqual(["concrete", "asphalt", "peat"]);
  });

  it("convert a demolished slab: 100 m³ of concrete in the structure is 240 t (NS-EN 1991-1-1, 24 kN/m³)", () => {
    expect(toTonnes(100, "m3_in_place", "concrete")).toBeCloseTo(240, 9);
    // Loaded crushed it swells like blasted rock: 165 m³ on trucks is the same 240 t.
    expect(toTonnes(165, "m3_loose", "concrete")).toBeCloseTo(240, 9);
  });

  it("convert milled asphalt on the truck back to tonnes (2.4 t/m³ laid, +50 % loose)", () => {
    expect(toTonnes(150, "m3_loose", "asphalt")).toBeCloseTo(240, 9);
  });

  it("weigh peat at about the density of water (1.0 t/m³ in place, ROADEX)", () => {
    expect(toTonnes(1000, "m3_in_place", "peat")).toBeCloseTo(1000, 9);
    expect(toTonnes(1200, "m3_loose", "peat")).toBeCloseTo(1000, 9);
  });

  it("have a plausible density and swell each (loose lighter than in place, never heavier than solid rock)", () => {
    for (const material of materials) {
      const p = referenceMaterialProperties[material];
      expect(p.densityTonnesPerM3InPlace).toBeGreaterThan(0.5);
      expect(p.densityTonnesPerM3InPlace).toBeLessThanOrEqual(2.7);
      expect(p.swellInPlaceToLoose).toBeGreaterThan(0);
      expect(p.compactedPerInPlace).toBeGreaterThan(0.5);
    }
  });
});
