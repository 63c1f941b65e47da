import { describe, expect, it } from "vitest";
import { formatCompareValue, formatDifference, isImprovement, kpiCompareRows } from "../../../../src/app/features/compare/kpi-table";
import { massBars, sharedMaxTonnes } from "../../../../src/app/features/compare/mass-bars";
import { defaultSelection, solvedEntries, withToggled } from "../../../../src/app/features/compare/scenario-data";
import { createViewSync, type MapViewState } from "../../../../src/app/map/view-sync";
import { entry } from "../../../support/scenario-fixtures";

const a = entry("A", "Med Lahell");
const b = entry("B", "Uten Lahell", { tonneKm: 61_000.4, reuseRate: 0.55, truckTrips: 650, cost: 1_234_567 });

describe("the comparison's KPI rows", () => {
  const rows = kpiCompareRows([a.result, b.result], "nb");
  const row = (key: string) => rows.find((r) => r.key === key)!;

  it("has one row per key figure with a value per scenario in display units", () => {
    expect(rows.map((r) => r.key)).toEqual(["reuseRate", "tonnesReused", "tonnesToLandfill", "tonnesVirgin", "tonneKm", "truckTrips", "vehicleKm", "kgCO2e", "cost", "tonnesNeedingPermit"]);
    expect(row("reuseRate").values[0]).toBeCloseTo(60);
    expect(row("reuseRate").values[1]).toBeCloseTo(55);
    expect(row("kgCO2e").values).toEqual([12.345, 12.345]);
  });

  it("marks the best value per row: least tonne-km, most reuse, none when all equal", () => {
    expect(row("tonneKm").best).toEqual([true, false]);
    expect(row("reuseRate").best).toEqual([true, false]);
    expect(row("truckTrips").best).toEqual([false, true]);
    expect(row("cost").best).toEqual([false, false]);
  });

  it("gives each column's difference to the first, with sign and unit as the UI shows it", () => {
    const tonneKm = row("tonneKm");
    expect(tonneKm.differences[0]).toBeNull();
    expect(tonneKm.differences[1]).toBeCloseTo(6679.4);
    expect(formatDifference(tonneKm, tonneKm.differences[1]!, "nb")).toBe("+6\u00a0679\u00a0tkm");
    expect(formatDifference(tonneKm, tonneKm.differences[1]!, "en")).toBe("+6,679\u00a0tkm");
    expect(formatDifference(row("reuseRate"), -5, "nb")).toBe("\u22125\u00a0%-poeng");
    expect(formatDifference(row("cost"), 0, "en")).toMatch(/^±0\u00a0/);
    expect(formatCompareValue(tonneKm, 0, "nb")).toBe("54\u00a0321\u00a0tkm");
    expect(isImprovement(tonneKm, 10)).toBe(false);
    expect(isImprovement(row("reuseRate"), 1)).toBe(true);
  });

  it("has no rows for a failed result", () => {
    expect(kpiCompareRows([a.result, { status: "error", message: "x", warnings: [], stats: a.result.stats }], "en")).toEqual([]);
    expect(kpiCompareRows([], "en")).toEqual([]);
  });
});

describe("the shared chart scale", () => {
  it("rounds the largest bar of any scenario up to a readable step", () => {
    const bars = [massBars(a.result.kpis), massBars({ ...b.result.kpis, tonnesToLandfill: 12_300 })];
    expect(bars[0]).toEqual({ reused: 6000, landfill: 4000, virgin: 2000, storage: 2000 });
    expect(sharedMaxTonnes(bars)).toBe(20_000);
    expect(sharedMaxTonnes([{ reused: 0, landfill: 0, virgin: 0, storage: 0 }])).toBe(1);
    expect(sharedMaxTonnes([{ reused: 5000, landfill: 0, virgin: 0, storage: 0 }])).toBe(5000);
  });
});

describe("choosing scenarios", () => {
  it("keeps only solved results, and ticks the first four", () => {
    const list = [a.scenario, b.scenario, { ...a.scenario, id: "C" }];
    const entries = solvedEntries(list, [a, null, { run: null, result: { status: "error" } }]);
    expect(entries.map((e) => e.scenario.id)).toEqual(["A"]);
    expect(defaultSelection([a, b, a, b, a])).toHaveLength(4);
  });

  it("toggles in the list's order and never beyond four", () => {
    const order = ["A", "B", "C", "D", "E"];
    expect(withToggled(["C"], "A", order)).toEqual(["A", "C"]);
    expect(withToggled(["A", "C"], "A", order)).toEqual(["C"]);
    expect(withToggled(["A", "B", "C", "D"], "E", order)).toEqual(["A", "B", "C", "D"]);
  });
});

describe("synced map views", () => {
  it("passes a view to every other map, not back to the sender, and forgets a map that leaves", () => {
    const sync = createViewSync();
    const seen: Record<string, MapViewState[]> = { a: [], b: [], c: [] };
    const leaveA = sync.join((v) => seen.a!.push(v));
    sync.join((v) => seen.b!.push(v));
    const leaveC = sync.join((v) => seen.c!.push(v));
    const view: MapViewState = { center: [10.4, 59.8], zoom: 10, bearing: 0, pitch: 0 };
    sync.publish(view, leaveA);
    expect([seen.a!.length, seen.b!.length, seen.c!.length]).toEqual([0, 1, 1]);
    leaveC();
    sync.publish(view, leaveA);
    expect([seen.a!.length, seen.b!.length, seen.c!.length]).toEqual([0, 2, 1]);
  });
});
