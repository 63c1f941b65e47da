/** Delivered loads, pure (issue 16): the schema's bounds, tonnes from m³, deviations, custody and stock. */
import { describe, expect, it } from "vitest";
import { referenceMaterialProperties, toTonnes } from "../../../src/core/domain/materials";
import { custodyOf, planAgainstActual, siteStock } from "../../../src/core/loads/custody";
import { findDeviations, type DeviationKind } from "../../../src/core/loads/deviations";
import { loadInputSchema, loadTimeProblem, loadTonnes, type Load } from "../../../src/core/loads/load";
import { readLoadRow } from "../../../src/core/loads/load-csv";
import { load, lot, site } from "../../support/record-fixtures";


describe("load input", () => {
  const body = { time: "2027-02-10T08:00:00+01:00", from: { lotId: "L1" }, to: { siteId: "S1" }, quantity: { value: 18.5, unit: "tonnes" } };
  it("accepts a load with an offset time and fills vehicle and ticket", () => {
    expect(loadInputSchema.parse(body)).toMatchObject({ vehicle: "", ticket: "" });
  });
  it("refuses a load to its own lot, a time without offset, and negative or absurd tonnes, naming the field", () => {
    const paths = (value: unknown) => (loadInputSchema.safeParse(value).error?.issues ?? []).map((i) => i.path.join("."));
    expect(paths({ ...body, to: { lotId: "L1" } })).toEqual(["to"]);
    expect(paths({ ...body, time: "2027-02-10T08:00:00" })).toEqual(["time"]);
    expect(paths({ ...body, time: "2027-02-30T08:00:00+01:00" })).toEqual(["time"]);
    expect(paths({ ...body, quantity: { value: -3, unit: "tonnes" } })).toEqual(["quantity.value"]);
    expect(paths({ ...body, quantity: { value: 5000, unit: "tonnes" } })).toEqual(["quantity.value"]);
    expect(paths({ ...body, from: { lotId: "L1", siteId: "S1" } })).toEqual(["from"]);
  });
  it("converts m³ on the truck as loose m³ with the material's density, the registry's rule", () => {
    const converted = loadTonnes({ value: 17.5, unit: "m3" }, "mixed", referenceMaterialProperties);
    expect(converted).toEqual({ ok: true, tonnes: toTonnes(17.5, "m3_loose", "mixed") });
    // 17.5 ulm³ of mixed masses: 17.5 / 1.25 × 1.9 = 26.6 t.
    expect(converted.ok && converted.tonnes).toBeCloseTo(26.6, 6);
    expect(loadTonnes({ value: 10, unit: "m3" }, undefined, referenceMaterialProperties).ok).toBe(false);
  });
  it("refuses a time more than a year outside the lot's window", () => {
    const window = { from: "2027-01", to: "2027-03" };
    expect(loadTimeProblem("2028-03-31T23:00:00+01:00", window)).toBeUndefined();
    expect(loadTimeProblem("2028-04-01T07:00:00+02:00", window)?.key).toBe("validation.loadOutsideWindow");
    expect(loadTimeProblem("2025-12-31T07:00:00+01:00", window)?.key).toBe("validation.loadOutsideWindow");
  });
});

describe("deviations", () => {
  const surplus = lot({ id: "L1", material: "clay_silt", contaminationClass: 3, window: { from: "2027-01", to: "2027-03" } });
  const kindsFor = (loads: Load[], sites = [site({ id: "S1", kind: "landfill", accepts: { materials: ["clay_silt"], worstClass: 3 } })], extraLots = [surplus], plan?: { from: string; to: string; month: string; tonnes: number }[]) =>
    findDeviations({ loads, lots: new Map(extraLots.map((l) => [l.id, l])), sites: new Map(sites.map((s) => [s.id, s])), plan }).map((d) => [d.loadId, d.kind] as [string, DeviationKind]);

  it("finds nothing for a load the receiver accepts, within the window and the plan", () => {
    expect(kindsFor([load({ id: "A" })], undefined, undefined, [{ from: "L1", to: "S1", month: "2027-02", tonnes: 100 }])).toEqual([]);
  });
  it("finds a class, material and flag the receiver does not accept", () => {
    const strict = site({ id: "S1", kind: "landfill", accepts: { materials: ["rock"], worstClass: 2 } });
    expect(kindsFor([load({ id: "A" })], [strict])).toEqual([["A", "material_not_accepted"], ["A", "class_not_accepted"]]);
    const flagged = lot({ ...surplus, flags: ["acid_forming"] });
    expect(kindsFor([load({ id: "B" })], undefined, [flagged])).toEqual([["B", "flag_not_accepted"]]);
    // A receiver that states nothing takes class 1 only (DESIGN §8).
    expect(kindsFor([load({ id: "C" })], [site({ id: "S1", kind: "landfill" })])).toEqual([["C", "class_not_accepted"]]);
  });
  it("finds a storage site over its capacity, counting loads out", () => {
    const storage = site({ id: "S1", kind: "storage", capacityTonnes: 50, accepts: { materials: ["clay_silt"], worstClass: 3 } });
    const loads = [
      load({ id: "A", time: "2027-02-01T08:00:00+01:00", tonnes: 30 }),
      load({ id: "B", time: "2027-02-02T08:00:00+01:00", tonnes: 30 }),
      load({ id: "C", time: "2027-02-03T08:00:00+01:00", from: { siteId: "S1" }, to: { siteId: "S9" }, tonnes: 30 }),
      load({ id: "D", time: "2027-02-04T08:00:00+01:00", tonnes: 30 }),
    ];
    // 30 + 30 = 60 > 50; out 30 → 30; in 30 → 60 > 50 again.
    expect(kindsFor(loads, [storage])).toEqual([["B", "over_capacity"], ["D", "over_capacity"]]);
  });
  it("finds loads not in the plan and after the window", () => {
    expect(kindsFor([load({ id: "A" })], undefined, undefined, [{ from: "L1", to: "S2", month: "2027-02", tonnes: 100 }])).toEqual([["A", "not_in_plan"]]);
    expect(kindsFor([load({ id: "B", time: "2027-04-01T07:00:00+02:00" })])).toEqual([["B", "after_window"]]);
  });
  it("leaves deleted loads out", () => {
    expect(kindsFor([load({ id: "A", time: "2027-05-01T07:00:00+02:00", deletedAt: "2027-05-02T00:00:00Z" })])).toEqual([]);
  });
});

describe("custody and stock", () => {
  const loads = [
    load({ id: "A", tonnes: 20 }),
    load({ id: "B", tonnes: 25, time: "2027-03-01T08:00:00+01:00" }),
    load({ id: "C", tonnes: 10, to: { lotId: "D1" } }),
    load({ id: "D", tonnes: 15, from: { siteId: "S1" }, to: { lotId: "D1" }, time: "2027-05-01T08:00:00+02:00" }),
    load({ id: "E", tonnes: 99, deletedAt: "2027-02-11T00:00:00Z" }),
  ];
  it("groups where a surplus lot's tonnes went, and where a demand lot's came from", () => {
    const custody = custodyOf({ id: "L1", direction: "surplus", tonnes: 1000 }, loads);
    expect(custody).toEqual({
      lotId: "L1",
      plannedTonnes: 1000,
      deliveredTonnes: 55,
      destinations: [
        { to: { siteId: "S1" }, tonnes: 45, loads: 2 },
        { to: { lotId: "D1" }, tonnes: 10, loads: 1 },
      ],
      sources: [],
    });
    const demand = custodyOf({ id: "D1", direction: "demand", tonnes: 40 }, loads);
    expect(demand.deliveredTonnes).toBe(25);
    expect(demand.sources.map((s) => s.tonnes)).toEqual([15, 10]);
  });
  it("carries a site's stock month by month, months without loads included", () => {
    expect(siteStock({ id: "S1", capacityTonnes: 100 }, loads).months).toEqual([
      { month: "2027-02", inTonnes: 20, outTonnes: 0, stockTonnes: 20 },
      { month: "2027-03", inTonnes: 25, outTonnes: 0, stockTonnes: 45 },
      { month: "2027-04", inTonnes: 0, outTonnes: 0, stockTonnes: 45 },
      { month: "2027-05", inTonnes: 0, outTonnes: 15, stockTonnes: 30 },
    ]);
  });
  it("sets planned against delivered per place and month", () => {
    const rows = planAgainstActual([{ from: "L1", to: "S1", month: "2027-02", tonnes: 40 }], loads, new Set(["L1", "D1"]));
    expect(rows.find((r) => r.place === "L1" && r.month === "2027-02")).toEqual({ place: "L1", month: "2027-02", plannedTonnes: 40, deliveredTonnes: 30 });
    expect(rows.find((r) => r.place === "S1" && r.month === "2027-02")).toEqual({ place: "S1", month: "2027-02", plannedTonnes: 40, deliveredTonnes: 20 });
  });
});

describe("load CSV rows", () => {
  it("reads a weighbridge row with a decimal comma and a site by name", () => {
    const read = readLoadRow(2, { time: "2027-02-10T08:00+01:00", from_lot: "L1", to_site: "Mottak Nord", tonnes: "18,4", vehicle: "EK 12345", ticket: "V-1" });
    expect(read).toEqual({ ok: true, value: { row: 2, from: { lotId: "L1" }, to: { site: "Mottak Nord" }, time: "2027-02-10T08:00+01:00", quantity: { value: 18.4, unit: "tonnes" }, vehicle: "EK 12345", ticket: "V-1" } });
  });
  it("names the row and column of each problem", () => {
    const read = readLoadRow(3, { time: "10.02.2027", from_lot: "L1", from_site: "S1", to_site: "S2", tonnes: "mye" });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors.map((e) => [e.row, e.column, e.key])).toEqual([[3, "from_lot", "csv.loadBothEnds"], [3, "tonnes", "csv.notNumber"]]);
    const badTime = readLoadRow(4, { time: "10.02.2027", from_lot: "L1", to_site: "S2", m3: "-2" });
    if (!badTime.ok) expect(badTime.errors.map((e) => e.column).sort()).toEqual(["m3", "time"]);
    else expect.fail("expected errors");
  });
});
