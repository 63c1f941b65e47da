import { describe, expect, it } from "vitest";
import { formatKpi, formatKpiValueParts, kpiKeys, kpiRows } from "../../../../src/app/features/results/kpi-rows";
import { result } from "../../../support/match-result-fixtures";

describe("kpiRows", () => {
  it("gives every key figure with the plan, the baseline and the saving", () => {
    const rows = kpiRows(result(), "en");
    expect(rows.map((r) => r.key)).toEqual([...kpiKeys]);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey.reuseRate).toMatchObject({ label: "Reuse rate", value: 50, baseline: 0, saving: 50, unit: "%", savingUnit: "pp", better: "higher" });
    expect(byKey.tonnesReused).toMatchObject({ value: 500, baseline: 0, saving: 500, unit: "t" });
    // Less is better: the saving is baseline − plan.
    expect(byKey.tonneKm).toMatchObject({ value: 4000, baseline: 9000, saving: 5000, unit: "tkm", better: "lower" });
    expect(byKey.tonnesToLandfill!.saving).toBe(500);
    // CO2e in tonnes.
    expect(byKey.kgCO2e).toMatchObject({ value: 2.5, baseline: 4, saving: 1.5, unit: "t CO₂e" });
    expect(byKey.cost).toMatchObject({ saving: 40_000, unit: "NOK" });
  });

  it("shows a plan worse than the baseline as a negative saving", () => {
    const worse = result();
    if (worse.status === "error") throw new Error("fixture");
    worse.kpis = { ...worse.kpis, tonneKm: 10_000 };
    expect(kpiRows(worse, "en").find((r) => r.key === "tonneKm")!.saving).toBe(-1000);
  });

  it("has labels and units in bokmål", () => {
    const rows = kpiRows(result(), "nb");
    expect(rows.find((r) => r.key === "tonneKm")).toMatchObject({ label: "Tonnkilometer", unit: "tkm" });
    expect(rows.find((r) => r.key === "cost")!.unit).toBe("kr");
  });

  it("gives no rows for a failed solve", () => {
    expect(kpiRows({ status: "error", message: "x", warnings: [], stats: result().stats }, "en")).toEqual([]);
  });

  it("formats value, baseline and saving with their units", () => {
    const reuse = kpiRows(result(), "en")[0]!;
    expect(formatKpi(reuse, "en")).toEqual({ value: "50\u00a0%", baseline: "0\u00a0%", saving: "50\u00a0pp" });
    const tonneKm = kpiRows(result(), "nb").find((r) => r.key === "tonneKm")!;
    expect(formatKpi(tonneKm, "nb")).toEqual({ value: "4\u00a0000\u00a0tkm", baseline: "9\u00a0000\u00a0tkm", saving: "5\u00a0000\u00a0tkm" });
  });
});

describe("formatKpiValueParts", () => {
  it("splits the value into the number and the unit that formatKpi joins", () => {
    for (const row of kpiRows(result(), "nb")) {
      const parts = formatKpiValueParts(row, "nb");
      expect(`${parts.number}\u00a0${parts.unit}`).toBe(formatKpi(row, "nb").value);
    }
  });
});
