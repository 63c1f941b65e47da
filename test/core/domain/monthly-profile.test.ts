import { describe, expect, it } from "vitest";
import { profileFits, spreadTonnes } from "../../../src/core/domain/monthly-profile";
import { lotMonthlyTonnes } from "../../../src/app/features/balance/mass-balance";
import { prepareProblem } from "../../../src/core/matching/problem";
import { parseInstance } from "../../../src/core/matching/instance";

describe("spreadTonnes", () => {
  it("spreads evenly without a profile and in proportion with one", () => {
    expect(spreadTonnes(300, 3)).toEqual([100, 100, 100]);
    expect(spreadTonnes(300, 3, [1, 2, 0])).toEqual([100, 200, 0]);
    expect(spreadTonnes(300, 0)).toEqual([]);
  });

  it("ignores a profile that does not fit the window, spreading evenly", () => {
    for (const bad of [[1, 2], [0, 0, 0], [1, -1, 2], [1, Number.NaN, 1]]) {
      expect(profileFits(bad, 3)).toBe(false);
      expect(spreadTonnes(300, 3, bad)).toEqual([100, 100, 100]);
    }
    expect(profileFits([0, 1, 0], 3)).toBe(true);
  });

  it("the parts add up to the lot's tonnes", () => {
    const parts = spreadTonnes(1000, 7, [3, 1, 4, 1, 5, 9, 2]);
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 9);
  });
});

describe("the balance chart and the matching engine spread a lot alike", () => {
  const window = { from: "2026-01", to: "2026-03" };
  const problemMonths = (monthlyProfile: number[]) => {
    const parsed = parseInstance({
      months: ["2026-01", "2026-02", "2026-03"],
      lots: [{ id: "L1", direction: "surplus", material: "clay_silt", contaminationClass: 1, quantity: { value: 900, unit: "tonnes" }, window, monthlyProfile: [1, 1, 1], location: [10.4, 59.8] }],
      sites: [{ id: "S1", kind: "landfill", location: [10.41, 59.81] }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fields));
    // The instance schema refuses a bad profile; set it after parsing to reach the engine's own guard.
    parsed.instance.lots[0]!.monthlyProfile = monthlyProfile;
    return Array.from(prepareProblem(parsed.instance).surplus[0]!.tonnesByMonth);
  };
  const chartMonths = (monthlyProfile: number[]) => lotMonthlyTonnes({ tonnes: 900, window, monthlyProfile }).map((m) => m.tonnes);

  it("a fitting profile: both in proportion", () => {
    expect(chartMonths([1, 2, 0])).toEqual([300, 600, 0]);
    expect(problemMonths([1, 2, 0])).toEqual(chartMonths([1, 2, 0]));
  });

  it("a bad profile (all zeros, wrong length): both spread evenly", () => {
    for (const bad of [[0, 0, 0], [1, 2]]) {
      expect(chartMonths(bad)).toEqual([300, 300, 300]);
      expect(problemMonths(bad)).toEqual(chartMonths(bad));
    }
  });
});
