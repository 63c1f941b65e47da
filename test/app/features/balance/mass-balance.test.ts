import { describe, expect, it } from "vitest";
import { balanceRows, lotMonthlyTonnes, massBalance, materialsInBalance, rowTotals } from "../../../../src/app/features/balance/mass-balance";
import { lot, project } from "../../../support/record-fixtures";

describe("lotMonthlyTonnes", () => {
  it("spreads a lot evenly over its window", () => {
    expect(lotMonthlyTonnes(lot({ tonnes: 900, window: { from: "2027-11", to: "2028-01" } }))).toEqual([
      { month: "2027-11", tonnes: 300 },
      { month: "2027-12", tonnes: 300 },
      { month: "2028-01", tonnes: 300 },
    ]);
  });

  it("follows a monthly profile that fits the window, and ignores one that does not", () => {
    expect(lotMonthlyTonnes(lot({ tonnes: 1000, window: { from: "2027-01", to: "2027-03" }, monthlyProfile: [1, 3, 0] })).map((m) => m.tonnes)).toEqual([250, 750, 0]);
    expect(lotMonthlyTonnes(lot({ tonnes: 1000, window: { from: "2027-01", to: "2027-02" }, monthlyProfile: [1, 3, 0] })).map((m) => m.tonnes)).toEqual([500, 500]);
  });
});

describe("massBalance", () => {
  const projects = [
    project({
      id: "A",
      lots: [
        lot({ id: "a1", direction: "surplus", material: "rock", tonnes: 600, window: { from: "2027-01", to: "2027-02" } }),
        lot({ id: "a2", direction: "demand", material: "gravel_sand", tonnes: 100, window: { from: "2027-05", to: "2027-05" } }),
        lot({ id: "a3", direction: "surplus", material: "rock", tonnes: 5000, window: { from: "2027-01", to: "2027-01" }, deletedAt: "2027-01-10T00:00:00Z" }),
      ],
    }),
    project({ id: "B", lots: [lot({ id: "b1", direction: "demand", material: "rock", tonnes: 200, window: { from: "2027-02", to: "2027-02" } })] }),
    project({ id: "C", deletedAt: "2027-01-10T00:00:00Z", lots: [lot({ id: "c1", tonnes: 9999 })] }),
  ];
  const balance = massBalance(projects);

  it("aggregates lots into month × material, deleted projects and lots left out", () => {
    expect(balance.cells).toEqual([
      { month: "2027-01", material: "rock", surplusTonnes: 300, demandTonnes: 0 },
      { month: "2027-02", material: "rock", surplusTonnes: 300, demandTonnes: 200 },
      { month: "2027-05", material: "gravel_sand", surplusTonnes: 0, demandTonnes: 100 },
    ]);
  });

  it("lists every month from first to last, none skipped", () => {
    expect(balance.months).toEqual(["2027-01", "2027-02", "2027-03", "2027-04", "2027-05"]);
    expect(massBalance([]).months).toEqual([]);
  });

  it("gives the chart's rows for all materials or one, zero in empty months", () => {
    expect(balanceRows(balance, "all")).toEqual([
      { month: "2027-01", surplusTonnes: 300, demandTonnes: 0, netTonnes: 300 },
      { month: "2027-02", surplusTonnes: 300, demandTonnes: 200, netTonnes: 100 },
      { month: "2027-03", surplusTonnes: 0, demandTonnes: 0, netTonnes: 0 },
      { month: "2027-04", surplusTonnes: 0, demandTonnes: 0, netTonnes: 0 },
      { month: "2027-05", surplusTonnes: 0, demandTonnes: 100, netTonnes: -100 },
    ]);
    expect(balanceRows(balance, "gravel_sand").map((r) => r.demandTonnes)).toEqual([0, 0, 0, 0, 100]);
    expect(rowTotals(balanceRows(balance, "all"))).toEqual({ surplusTonnes: 600, demandTonnes: 300, netTonnes: 300 });
    expect(materialsInBalance(balance)).toEqual(["rock", "gravel_sand"]);
  });

  it("keeps the tonnes: the months add up to the lots", () => {
    const total = rowTotals(balanceRows(massBalance([project({ lots: [lot({ tonnes: 1000, window: { from: "2027-01", to: "2027-07" } })] })]), "all"));
    expect(total.surplusTonnes).toBeCloseTo(1000, 9);
  });
});
