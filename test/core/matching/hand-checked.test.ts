import { describe, expect, it } from "vitest";
import { buildModel } from "../../../src/core/matching/build-model";
import { greedyValues } from "../../../src/core/matching/heuristics";
import { readPlan } from "../../../src/core/matching/plan";
import { prepareProblem } from "../../../src/core/matching/problem";
import { solveInstance } from "../../../src/core/matching/solve";
import type { LpSession } from "../../../src/core/matching/lp-model";
import { toTonnes } from "../../../src/core/domain/materials";
import { highs, instanceOf, lot, plainParameters, solve } from "./helpers";

const m1 = "2027-01";
const m2 = "2027-02";
const m3 = "2027-03";
const tonnesBetween = (flows: { from: string; to: string; tonnes: number }[], from: string, to: string) =>
  flows.filter((f) => f.from === from && f.to === to).reduce((a, f) => a + f.tonnes, 0);

describe("hand-checked transportation problems", () => {
  it("2×2: the optimum ships A→C 80, A→D 20, B→D 50 at cost 190", async () => {
    // cost(x = A→C) = x + 3(100 − x) + 2(80 − x) + (x − 30) = 430 − 3x, least at x = 80.
    const result = await solve({
      months: [m1],
      parameters: plainParameters,
      lots: [lot("A", "surplus", "rock", 1, 100, m1), lot("B", "surplus", "rock", 1, 50, m1), lot("C", "demand", "rock", 1, 80, m1), lot("D", "demand", "rock", 1, 70, m1)],
      distances: [
        { from: "A", to: "C", km: 1 },
        { from: "A", to: "D", km: 3 },
        { from: "B", to: "C", km: 2 },
        { from: "B", to: "D", km: 1 },
      ],
    });
    expect(result.status).toBe("optimal");
    expect(result.objective).toBeCloseTo(190, 6);
    expect(result.kpis.cost).toBeCloseTo(190, 6);
    expect(tonnesBetween(result.flows, "A", "C")).toBeCloseTo(80, 6);
    expect(tonnesBetween(result.flows, "B", "C")).toBeCloseTo(0, 6);
    expect(result.kpis.reuseRate).toBeCloseTo(1, 9);
  });

  it("3×3: the optimum 70 beats the cheapest-arc-first greedy (140)", async () => {
    // S1→D1 costs 1 and lures a greedy; then D2 can only come from S2 or S3 at 10.
    const cost = [
      [1, 2, 10],
      [2, 10, 10],
      [10, 10, 3],
    ];
    const raw = {
      months: [m1],
      parameters: plainParameters,
      lots: [
        ...[1, 2, 3].map((i) => lot(`S${i}`, "surplus", "moraine", 1, 10, m1)),
        ...[1, 2, 3].map((i) => lot(`D${i}`, "demand", "moraine", 1, 10, m1)),
      ],
      distances: cost.flatMap((row, i) => row.map((km, j) => ({ from: `S${i + 1}`, to: `D${j + 1}`, km }))),
    };
    const result = await solve(raw);
    expect(result.objective).toBeCloseTo(70, 6);
    expect(tonnesBetween(result.flows, "S1", "D2")).toBeCloseTo(10, 6);
    const problem = prepareProblem(instanceOf(raw));
    const built = buildModel(problem);
    expect(readPlan(problem, built, greedyValues(problem, built)).objective).toBeCloseTo(140, 6);
  });
});

describe("storage", () => {
  const carryOver = (capacityTonnes: number) => ({
    months: [m1, m2, m3],
    parameters: plainParameters,
    lots: [lot("S", "surplus", "clay_silt", 1, 1000, m1), lot("D", "demand", "clay_silt", 1, 1000, m3)],
    sites: [
      { id: "J", kind: "storage" as const, capacityTonnes, accepts: { materials: ["clay_silt" as const], worstClass: 2 }, handlingCostPerTonne: 10 },
      { id: "L", kind: "landfill" as const, gateFeePerTonne: 320 },
      { id: "Q", kind: "quarry" as const, materials: ["clay_silt" as const], pricePerTonne: 150, kgCO2ePerTonne: 5 },
    ],
    distances: [
      { from: "S", to: "J", km: 2 },
      { from: "J", to: "D", km: 3 },
      { from: "S", to: "L", km: 5 },
      { from: "J", to: "L", km: 5 },
      { from: "Q", to: "D", km: 8 },
    ],
  });

  it("carries January's surplus to March's demand, since only storage bridges the months", async () => {
    const result = await solve(carryOver(5000));
    expect(result.status).toBe("optimal");
    expect(result.flows.filter((f) => f.kind === "direct")).toEqual([]);
    expect(tonnesBetween(result.flows, "S", "J")).toBeCloseTo(1000, 6);
    expect(result.flows.find((f) => f.from === "J" && f.to === "D")?.month).toBe(m3);
    expect(result.inventory.map((p) => [p.month, Math.round(p.tonnes)])).toEqual([
      [m1, 1000],
      [m2, 1000],
    ]);
    expect(result.kpis.peakInventoryTonnes).toEqual({ J: expect.closeTo(1000, 6) });
    expect(result.kpis.tonnesThroughStorage).toBeCloseTo(1000, 6);
    // 1000 t × (2 + 3) km + handling 10 NOK/t.
    expect(result.objective).toBeCloseTo(1000 * 5 + 1000 * 10, 6);
    // Baseline: surplus to the landfill, demand from the quarry.
    expect(result.baseline.kpis.tonnesToLandfill).toBeCloseTo(1000, 6);
    expect(result.baseline.kpis.tonnesVirgin).toBeCloseTo(1000, 6);
    expect(result.baseline.objective).toBeGreaterThan(result.objective);
  });

  it("binds the capacity in January: 600 t stored, the rest dumped, the gap bought", async () => {
    const result = await solve(carryOver(600));
    expect(result.status).toBe("optimal");
    expect(result.inventory.find((p) => p.month === m1)?.tonnes).toBeCloseTo(600, 6);
    expect(tonnesBetween(result.flows, "S", "L")).toBeCloseTo(400, 6);
    expect(tonnesBetween(result.flows, "Q", "D")).toBeCloseTo(400, 6);
    expect(result.kpis.peakInventoryTonnes.J).toBeCloseTo(600, 6);
  });

  it("never lets a class-3 lot reach a class-1 demand, also not through storage", async () => {
    const result = await solve({
      months: [m1, m2, m3],
      parameters: plainParameters,
      lots: [
        lot("dirty", "surplus", "clay_silt", 3, 1000, m1),
        lot("clean", "surplus", "clay_silt", 1, 500, m1),
        lot("D", "demand", "clay_silt", 1, 1000, m3),
      ],
      sites: [
        { id: "J", kind: "storage", capacityTonnes: 10_000, accepts: { materials: ["clay_silt"], worstClass: 3 } },
        { id: "L", kind: "landfill", gateFeePerTonne: 320 },
        { id: "Q", kind: "quarry", materials: ["clay_silt"], pricePerTonne: 5000, kgCO2ePerTonne: 5 },
      ],
      distances: [
        ...["dirty", "clean"].flatMap((s) => [
          { from: s, to: "J", km: 1 },
          { from: s, to: "D", km: 1 },
          { from: s, to: "L", km: 1 },
        ]),
        { from: "J", to: "D", km: 1 },
        { from: "J", to: "L", km: 1 },
        { from: "Q", to: "D", km: 1 },
      ],
    });
    const intoDemand = result.flows.filter((f) => f.to === "D");
    expect(intoDemand.every((f) => f.contaminationClass === 1)).toBe(true);
    // Even a quarry at NOK 5000/t does not make the class-3 mass acceptable.
    expect(tonnesBetween(result.flows, "J", "D")).toBeCloseTo(500, 6);
    expect(tonnesBetween(result.flows, "Q", "D")).toBeCloseTo(500, 6);
    expect(result.flows.filter((f) => f.from === "dirty").every((f) => f.to !== "D")).toBe(true);
  });

  it("keeps mass on a site that keeps inventory, and empties one that does not", async () => {
    const raw = (keepsInventory: boolean) => ({
      months: [m1, m2],
      parameters: { ...plainParameters, unplacedPenaltyPerTonne: 1e6 },
      lots: [lot("S", "surplus", "rock", 1, 100, m1)],
      sites: [{ id: "J", kind: "storage" as const, capacityTonnes: 1000, accepts: { materials: ["rock" as const], worstClass: 1 }, keepsInventory }],
      distances: [{ from: "S", to: "J", km: 1 }],
    });
    const kept = await solve(raw(true));
    expect(kept.status).toBe("optimal");
    expect(kept.kpis.tonnesInStorageAtEnd).toBeCloseTo(100, 6);
    const emptied = await solve(raw(false));
    expect(emptied.status).toBe("optimal");
    expect(emptied.unplaced).toEqual([expect.objectContaining({ lotId: "S", tonnes: expect.closeTo(100, 6) })]);
  });

  it("sends stored mass on to a landfill when no demand comes", async () => {
    const result = await solve({
      months: [m1, m2],
      parameters: plainParameters,
      lots: [lot("S", "surplus", "rock", 1, 100, m1)],
      sites: [
        { id: "J", kind: "storage", capacityTonnes: 1000, accepts: { materials: ["rock"], worstClass: 1 } },
        { id: "L", kind: "landfill", gateFeePerTonne: 100, window: { from: m2, to: m2 } },
      ],
      distances: [
        { from: "S", to: "J", km: 1 },
        { from: "J", to: "L", km: 1 },
      ],
    });
    expect(result.status).toBe("optimal");
    expect(result.flows.map((f) => [f.from, f.to, f.month, f.kind])).toEqual([
      ["S", "J", m1, "to_storage"],
      ["J", "L", m2, "to_landfill"],
    ]);
  });
});

describe("arcs", () => {
  it("respects time windows: no direct flow between lots whose months do not overlap", async () => {
    const result = await solve({
      months: [m1, m2, m3],
      parameters: plainParameters,
      lots: [lot("S", "surplus", "rock", 1, 300, m1, m2), lot("D", "demand", "rock", 1, 300, m2, m3)],
      sites: [
        { id: "L", kind: "landfill" },
        { id: "Q", kind: "quarry", materials: ["rock"], pricePerTonne: 100, kgCO2ePerTonne: 4 },
      ],
      distances: [
        { from: "S", to: "D", km: 1 },
        { from: "S", to: "L", km: 1 },
        { from: "Q", to: "D", km: 1 },
      ],
    });
    // Spread evenly: 150 t per month; only February overlaps.
    expect(result.flows.filter((f) => f.kind === "direct")).toEqual([expect.objectContaining({ month: m2, tonnes: expect.closeTo(150, 6) })]);
    expect(result.status).toBe("optimal");
  });

  it("prunes arcs longer than maxHaulKm, and says so", async () => {
    const raw = (maxHaulKm: number) => ({
      months: [m1],
      parameters: { ...plainParameters, maxHaulKm },
      lots: [lot("S", "surplus", "rock", 1, 100, m1), lot("D", "demand", "rock", 1, 100, m1)],
      distances: [{ from: "S", to: "D", km: 70 }],
    });
    expect((await solve(raw(80))).flows).toHaveLength(1);
    const pruned = await solve(raw(60));
    expect(pruned.flows).toEqual([]);
    expect(pruned.unplaced.map((u) => u.reason)).toEqual([
      "no receiver accepts class 1 rock within 60 km (nearest: demand D at 70.0 km)",
      "no surplus lot, storage site or quarry offers rock of class 1 within 60 km (nearest: surplus S at 70.0 km)",
    ]);
  });

  it("converts every unit to tonnes and follows a monthly profile", async () => {
    const result = await solve({
      months: [m1, m2],
      parameters: plainParameters,
      lots: [
        { ...lot("S", "surplus", "rock", 1, 0, m1, m2), quantity: { value: 1000, unit: "m3_loose" }, monthlyProfile: [3, 1] },
        lot("D", "demand", "rock", 1, 10_000, m1, m2),
      ],
      sites: [{ id: "Q", kind: "quarry", materials: ["rock"], pricePerTonne: 100, kgCO2ePerTonne: 4 }],
      distances: [
        { from: "S", to: "D", km: 1 },
        { from: "Q", to: "D", km: 1 },
      ],
    });
    const tonnes = toTonnes(1000, "m3_loose", "rock");
    expect(result.kpis.tonnesSurplus).toBeCloseTo(tonnes, 6);
    expect(result.flows.find((f) => f.kind === "direct" && f.month === m1)?.tonnes).toBeCloseTo(tonnes * 0.75, 6);
  });

  it("sends a hazardous lot only to a landfill approved for it, at any distance cost", async () => {
    const result = await solve({
      months: [m1],
      parameters: plainParameters,
      lots: [lot("H", "surplus", "mixed", 5, 100, m1, m1, { hazardous: true }), lot("D", "demand", "mixed", 5, 100, m1)],
      sites: [
        { id: "near", kind: "landfill", gateFeePerTonne: 0 },
        { id: "approved", kind: "landfill", gateFeePerTonne: 900, acceptsHazardous: true },
      ],
      distances: [
        { from: "H", to: "D", km: 1 },
        { from: "H", to: "near", km: 1 },
        { from: "H", to: "approved", km: 50 },
      ],
    });
    expect(result.flows.filter((f) => f.from === "H").map((f) => f.to)).toEqual(["approved"]);
  });
});

describe("objectives and edge cases", () => {
  const twoRoutes = {
    months: [m1],
    parameters: { ...plainParameters, kgCO2ePerTonneKm: 0.1 },
    lots: [lot("D", "demand", "gravel_sand", 1, 100, m1)],
    sites: [
      // Cheap but far and dirty to make; dear but near and clean.
      { id: "far", kind: "quarry" as const, materials: ["gravel_sand" as const], pricePerTonne: 10, kgCO2ePerTonne: 8 },
      { id: "near", kind: "quarry" as const, materials: ["gravel_sand" as const], pricePerTonne: 200, kgCO2ePerTonne: 2 },
    ],
    distances: [
      { from: "far", to: "D", km: 40 },
      { from: "near", to: "D", km: 5 },
    ],
  };

  it("minimises cost, or kg CO2e alone with objective co2", async () => {
    const cost = await solve(twoRoutes);
    expect(cost.flows.map((f) => f.from)).toEqual(["far"]);
    expect(cost.objectiveKind).toBe("cost");
    const co2 = await solve(twoRoutes, { objective: "co2" });
    expect(co2.flows.map((f) => f.from)).toEqual(["near"]);
    expect(co2.objectiveKind).toBe("co2");
    // The LP prices full loads: 100 t × 5 km × 0.1 kg/tkm + 100 t × 2 kg/t.
    expect(co2.objective).toBeCloseTo(250, 6);
    // The KPI counts whole loads: 0.1 kg/tkm at 17 t is 0.85 kg per vehicle-km; 100 t is 6 loads,
    // 6 × 5 km × 2 × 0.85 = 51 kg, + 200 kg of virgin CO2e.
    expect(co2.kpis.kgCO2Transport).toBeCloseTo(51, 6);
    expect(co2.kpis.kgCO2eVirgin).toBeCloseTo(200, 6);
    expect(co2.kpis.kgCO2e).toBeCloseTo(251, 6);
    expect(co2.kpis.kgCO2e).toBeLessThan(cost.kpis.kgCO2e);
  });

  it("adds the carbon price to the cost objective but not to the cost KPI", async () => {
    const priced = await solve({ ...twoRoutes, parameters: { ...twoRoutes.parameters, carbonPricePerKg: 100 } });
    expect(priced.flows.map((f) => f.from)).toEqual(["near"]);
    // 100 t × (5 km × (1 + 100 × 0.1) + 200 + 100 × 2).
    expect(priced.objective).toBeCloseTo(100 * (5 * 11 + 200 + 200), 6);
    expect(priced.kpis.cost).toBeCloseTo(100 * (5 + 200), 6);
  });

  it("answers an empty instance with an empty optimal result", async () => {
    const result = await solveInstance(instanceOf({ months: [], lots: [] }), highs);
    expect(result).toMatchObject({ status: "optimal", objective: 0, flows: [], unplaced: [], kpis: { tonnesReused: 0, reuseRate: 0, cost: 0 } });
  });

  it("counts trips, vehicle-km and tonne-km per leg", async () => {
    const result = await solve({
      months: [m1],
      parameters: { ...plainParameters, truckPayloadTonnes: 20 },
      lots: [lot("S", "surplus", "rock", 1, 200, m1), lot("D", "demand", "rock", 1, 200, m1)],
      distances: [{ from: "S", to: "D", km: 10 }],
    });
    expect(result.kpis).toMatchObject({ tonneKm: 2000, truckTrips: 10, vehicleKm: 200, kgCO2e: expect.closeTo(2000 * 0.117, 9) });
  });

  it("falls back to straight-line distances with a warning for road and osrm", async () => {
    const raw = (distanceMode: "straight" | "road") => ({
      months: [m1],
      parameters: { distanceMode },
      lots: [
        lot("S", "surplus", "rock", 1, 100, m1, m1, { location: [10.40, 59.80] as [number, number] }),
        lot("D", "demand", "rock", 1, 100, m1, m1, { location: [10.45, 59.82] as [number, number] }),
      ],
    });
    const straight = await solve(raw("straight"));
    expect(straight.warnings).toEqual([]);
    const road = await solve(raw("road"));
    expect(road.warnings).toEqual([expect.stringContaining('distanceMode "road" is not available')]);
    expect(road.flows[0]?.km).toBeCloseTo(straight.flows[0]?.km as number, 9);
    // Great-circle ≈ 3.5 km × circuity 1.3.
    expect(straight.flows[0]?.km).toBeGreaterThan(4);
    expect(straight.flows[0]?.km).toBeLessThan(5);
  });

  it("reports a failing solver as status error, never as an exception", async () => {
    const failingSession: LpSession = {
      numCols: 0,
      numRows: 0,
      addColumns: () => undefined,
      addRows: () => undefined,
      setColumnBounds: () => undefined,
      setRowBounds: () => undefined,
      basis: () => undefined,
      restoreBasis: () => undefined,
      solve: async () => ({ status: "error" as const, message: "out of memory", solveSeconds: 0 }),
      dispose: () => undefined,
    };
    const failing = { solve: async () => ({ status: "error" as const, message: "unused", solveSeconds: 0 }), open: async () => failingSession };
    const result = await solveInstance(instanceOf({ months: [m1], lots: [lot("S", "surplus", "rock", 1, 1, m1)] , distances: [] }), failing);
    expect(result).toMatchObject({ status: "error", message: expect.stringContaining("out of memory") });
    const throwing = { solve: async () => Promise.reject(new Error("unused")), open: () => Promise.reject(new Error("boom")) };
    expect(await solveInstance(instanceOf({ months: [m1], lots: [], distances: [] }), throwing)).toMatchObject({ status: "error", message: "boom" });
  });
});
