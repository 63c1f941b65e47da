/** The pure parts of the "Register load" form and the custody report (issue 16). */
import { describe, expect, it } from "vitest";
import { loadInputSchema, type Load } from "../../../../src/core/loads/load";
import { custodyOf } from "../../../../src/core/loads/custody";
import { custodyCsv, custodyReportModel } from "../../../../src/app/features/loads/custody-report";
import { monthRows } from "../../../../src/app/features/loads/PlanActualSection";
import { loadBody, readRecentVehicles, rememberVehicle, withOffset } from "../../../../src/app/features/loads/load-form-model";
import { lot, project } from "../../../support/record-fixtures";

const memoryStorage = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
};

describe("register-load form model", () => {
  it("writes the device's offset after the local time", () => {
    expect(withOffset("2027-03-04T07:30", -60)).toBe("2027-03-04T07:30:00+01:00");
    expect(withOffset("2027-07-04T07:30", -120)).toBe("2027-07-04T07:30:00+02:00");
    expect(withOffset("2027-07-04T07:30", 0)).toBe("2027-07-04T07:30:00+00:00");
    expect(withOffset("2027-07-04T07:30", 210)).toBe("2027-07-04T07:30:00-03:30");
  });
  it("sends a surplus lot's load from the lot, a demand lot's to it, with the decimal comma read", () => {
    const draft = { lotId: "L1", placeKind: "site" as const, placeId: "S1", quantity: "18,5", unit: "tonnes" as const, vehicle: " ek 1 ", ticket: "T-1 ", time: "2027-03-04T07:30" };
    const out = loadBody(draft, { id: "L1", direction: "surplus" }, -60);
    expect(out).toEqual({
      quantityOk: true,
      body: { time: "2027-03-04T07:30:00+01:00", from: { lotId: "L1" }, to: { siteId: "S1" }, quantity: { value: 18.5, unit: "tonnes" }, vehicle: "EK 1", ticket: "T-1" },
    });
    expect(loadInputSchema.safeParse(out.body).success).toBe(true);
    expect(loadBody(draft, { id: "L1", direction: "demand" }, -60).body).toMatchObject({ from: { siteId: "S1" }, to: { lotId: "L1" } });
    expect(loadBody({ ...draft, quantity: "mye" }, { id: "L1", direction: "surplus" }, -60).quantityOk).toBe(false);
  });
  it("remembers recent vehicles newest first, without repeats, at most eight", () => {
    const storage = memoryStorage();
    for (const v of ["ek 1", "ek 2", "EK 1"]) rememberVehicle(storage, v);
    expect(readRecentVehicles(storage)).toEqual(["EK 1", "EK 2"]);
    for (let i = 3; i < 20; i++) rememberVehicle(storage, `EK ${i}`);
    expect(readRecentVehicles(storage)).toHaveLength(8);
    expect(readRecentVehicles({ getItem: () => "{broken" })).toEqual([]);
  });
});

describe("custody report", () => {
  const p = project({ name: "=Prosjekt Åsvegen", lots: [lot({ id: "L1", tonnes: 100 })] });
  const loads: Load[] = [
    { id: "A", time: "2027-02-10T08:00:00+01:00", from: { lotId: "L1" }, to: { siteId: "S1" }, quantity: { value: 18, unit: "tonnes" }, tonnes: 18, vehicle: "EK 1", ticket: "=1+2", recordedBy: "engineer", version: 1, updatedAt: "", updatedBy: null, deletedAt: null },
  ];
  const input = { lang: "nb" as const, project: p, custody: [custodyOf({ id: "L1", direction: "surplus", tonnes: 100 }, loads)], loads, nameOf: (id: string) => (id === "S1" ? "Mottak Øst" : id), generatedAt: new Date("2027-03-01T00:00:00Z") };
  it("writes one CSV row per load with every formula neutralised", () => {
    const lines = custodyCsv(input).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe("'=Prosjekt Åsvegen,L1,rock,surplus,2027-02-10T08:00:00+01:00,lot,L1,L1,site,S1,Mottak Øst,18,18,tonnes,EK 1,'=1+2,engineer");
  });
  it("lays out a PDF model with the lot's destinations and tickets in Norwegian", () => {
    const model = custodyReportModel(input);
    expect(model.title).toBe("Sporbarhetsrapport: =Prosjekt Åsvegen");
    const tables = model.blocks.filter((b) => b.kind === "table").map((b) => (b.kind === "table" ? b.table : null));
    expect(tables[1]?.rows).toEqual([["Til", "Mottak Øst", "18\u00a0t", "1"]]);
    expect(tables[2]?.rows[0]).toEqual(["2027-02-10 08:00", "Mottak Øst", "18\u00a0t", "EK 1", "=1+2"]);
  });
});

describe("planned and delivered per month", () => {
  it("adds up a project's lots per month and puts a site's stock beside its own rows", () => {
    const deliveries = {
      scenarioId: "SC1",
      rows: [
        { place: "L1", month: "2027-02", plannedTonnes: 40, deliveredTonnes: 30 },
        { place: "L2", month: "2027-02", plannedTonnes: 10, deliveredTonnes: 0 },
        { place: "S1", month: "2027-02", plannedTonnes: 50, deliveredTonnes: 30 },
      ],
    };
    expect(monthRows(deliveries, null, new Set(["L1", "L2"]))).toEqual([{ month: "2027-02", plannedTonnes: 50, deliveredTonnes: 30 }]);
    const stock = { siteId: "S1", capacityTonnes: 100, months: [{ month: "2027-02", inTonnes: 30, outTonnes: 0, stockTonnes: 30 }, { month: "2027-03", inTonnes: 0, outTonnes: 0, stockTonnes: 30 }] };
    expect(monthRows({ ...deliveries, rows: deliveries.rows.filter((r) => r.place === "S1") }, stock, null)).toEqual([
      { month: "2027-02", plannedTonnes: 50, deliveredTonnes: 30, stockTonnes: 30 },
      { month: "2027-03", plannedTonnes: 0, deliveredTonnes: 0, stockTonnes: 30 },
    ]);
  });
});
