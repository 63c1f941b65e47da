import { describe, expect, it } from "vitest";
import { referenceMaterialProperties, toTonnes } from "../../../src/core/domain/materials";

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
