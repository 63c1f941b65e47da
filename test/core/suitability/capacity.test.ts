import { describe, expect, it } from "vitest";
import { siteCapacityEstimate } from "../../../src/core/suitability/capacity";
import { defaultSuitabilityRules } from "../../../src/core/suitability/rules";

describe("siteCapacityEstimate", () => {
  const defaults = { stackHeightM: 3, usableShare: 0.6, densityTonnesPerM3: 1.5 };

  it("uses the defaults for what the site leaves out", () => {
    const estimate = siteCapacityEstimate(10_000, {}, defaults);
    expect(estimate.capacityM3).toBeCloseTo(10_000 * 0.6 * 3);
    expect(estimate.capacityTonnes).toBeCloseTo(10_000 * 0.6 * 3 * 1.5);
    expect(estimate.assumptions).toEqual(defaults);
  });

  it("uses the site's own stack height, usable share and density where it gives them", () => {
    const estimate = siteCapacityEstimate(2_000, { stackHeightM: 5, usableShare: undefined, densityTonnesPerM3: 1.9 }, defaults);
    expect(estimate.assumptions).toEqual({ stackHeightM: 5, usableShare: 0.6, densityTonnesPerM3: 1.9 });
    expect(estimate.capacityTonnes).toBeCloseTo(2_000 * 0.6 * 5 * 1.9);
  });

  it("the shipped rules are the default of registry runs and the site card alike", () => {
    expect(siteCapacityEstimate(1, {}, defaultSuitabilityRules.capacity).assumptions).toEqual(defaultSuitabilityRules.capacity);
  });
});
