import { describe, expect, it } from "vitest";
import {
  inventoryRows,
  materialsInFlows,
  nextSort,
  placesOf,
  planBalanceRows,
  resultMonths,
  sortFlows,
  storageSitesInUse,
} from "../../../../src/app/features/results/result-data";
import { places, result } from "../../../support/match-result-fixtures";

const flows = () => {
  const r = result();
  if (r.status === "error") throw new Error("fixture");
  return r;
};

describe("result data", () => {
  it("names lots after their project (with the material when a project has several) and sites by name", () => {
    const got = placesOf(
      {
        lots: [
          { id: "a", projectId: "P1", direction: "surplus", material: "rock", contaminationClass: 1, quantity: { value: 1, unit: "tonnes" }, window: { from: "2027-01", to: "2027-01" }, location: [10, 59] },
          { id: "b", projectId: "P1", direction: "demand", material: "clay_silt", contaminationClass: 1, quantity: { value: 1, unit: "tonnes" }, window: { from: "2027-01", to: "2027-01" } },
          { id: "c", projectId: "P2", direction: "demand", material: "rock", contaminationClass: 1, quantity: { value: 1, unit: "tonnes" }, window: { from: "2027-01", to: "2027-01" } },
        ],
        sites: [{ id: "S", kind: "landfill", name: "Deponi", location: [10.1, 59.1], gateFeePerTonne: 300 }],
      },
      { P1: "Tunnel", P2: "Skole" },
      (m) => m.toUpperCase(),
    );
    expect(got).toEqual({
      a: { name: "Tunnel · ROCK", location: [10, 59], kind: "surplus" },
      b: { name: "Tunnel · CLAY_SILT", location: null, kind: "demand" },
      c: { name: "Skole", location: null, kind: "demand" },
      S: { name: "Deponi", location: [10.1, 59.1], kind: "landfill" },
    });
  });

  it("lists every month from the first to the last", () => {
    expect(resultMonths(result())).toEqual(["2027-01", "2027-02", "2027-03"]);
  });

  it("makes one inventory row per month with a column per storage site in use", () => {
    const r = flows();
    expect(storageSitesInUse(r.inventory)).toEqual(["S1"]);
    expect(inventoryRows(r.inventory, resultMonths(r))).toEqual([
      { month: "2027-01", S1: 200 },
      { month: "2027-02", S1: 200 },
      { month: "2027-03", S1: 0 },
    ]);
  });

  it("counts the plan's balance: out of surplus (to demand, storage, landfill) and into demand (from surplus, storage, quarry)", () => {
    const r = flows();
    const months = resultMonths(r);
    expect(planBalanceRows(r.flows, months, "all")).toEqual([
      { month: "2027-01", surplusTonnes: 300, demandTonnes: 100, netTonnes: 200 },
      { month: "2027-02", surplusTonnes: 500, demandTonnes: 100, netTonnes: 400 },
      { month: "2027-03", surplusTonnes: 0, demandTonnes: 200, netTonnes: -200 },
    ]);
    expect(planBalanceRows(r.flows, months, "clay_silt").map((row) => row.surplusTonnes)).toEqual([0, 500, 0]);
    expect(materialsInFlows(r.flows)).toEqual(["rock", "gravel_sand", "clay_silt"]);
  });

  it("sorts flows by any column and keeps each flow's index", () => {
    const r = flows();
    const byTonnes = sortFlows(r.flows, { column: "tonnes", direction: "descending" }, places, "en-GB");
    expect(byTonnes.map((f) => f.tonnes)).toEqual([500, 200, 200, 100, 100]);
    expect(byTonnes[0]!.index).toBe(3);
    const byTo = sortFlows(r.flows, { column: "to", direction: "ascending" }, places, "en-GB");
    expect(byTo.map((f) => places[f.to as keyof typeof places].name)).toEqual(["Lahell", "Landfill", "Road", "School", "School"]);
    const byKm = sortFlows(r.flows, { column: "km", direction: "ascending" });
    expect(byKm.map((f) => f.km)).toEqual([3, 4, 5, 8, 10]);
  });

  it("flips a column's direction, and starts numbers descending", () => {
    expect(nextSort({ column: "tonnes", direction: "descending" }, "tonnes")).toEqual({ column: "tonnes", direction: "ascending" });
    expect(nextSort({ column: "tonnes", direction: "descending" }, "from")).toEqual({ column: "from", direction: "ascending" });
    expect(nextSort({ column: "from", direction: "ascending" }, "km")).toEqual({ column: "km", direction: "descending" });
  });
});
