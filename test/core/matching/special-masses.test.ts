/**
 * Special masses, safe receiver defaults, gate fees per class and permits in the matching
 * (issue 17 items 1–3, DESIGN §8): each rule on a small instance that a person can check by hand.
 */
import { describe, expect, it } from "vitest";
import { parseInstance, type InstanceInput } from "../../../src/core/matching/instance";
import { lot, plainParameters, solve } from "./helpers";

const m1 = "2027-01";
const m2 = "2027-02";
const m3 = "2027-03";
const m4 = "2027-04";
const m5 = "2027-05";
type Site = NonNullable<InstanceInput["sites"]>[number];
const tonnesTo = (flows: { to: string; tonnes: number }[], to: string) => flows.filter((f) => f.to === to).reduce((a, f) => a + f.tonnes, 0);
const landfill = (id: string, extra: Partial<Extract<Site, { kind: "landfill" }>> = {}): Site => ({ id, kind: "landfill", gateFeePerTonne: 100, ...extra });

describe("quick clay (kvikkleire)", () => {
  it("passes the cheap plain landfill next door and goes to the receiver approved for it", async () => {
    const result = await solve({
      months: [m1],
      parameters: plainParameters,
      lots: [lot("Q", "surplus", "clay_silt", 1, 1000, m1, m1, { flags: ["quick_clay"] }), lot("C", "surplus", "clay_silt", 1, 500, m1)],
      sites: [
        landfill("PLAIN", { gateFeePerTonne: 50, accepts: { materials: ["clay_silt"], worstClass: 5 } }),
        landfill("APPROVED", { gateFeePerTonne: 400, accepts: { materials: ["clay_silt"], worstClass: 2, flags: ["quick_clay"] } }),
        { id: "STORE", kind: "storage", capacityTonnes: 10_000, accepts: { materials: ["clay_silt"], worstClass: 5, flags: ["quick_clay"] }, keepsInventory: true },
      ],
      distances: [
        { from: "Q", to: "PLAIN", km: 1 },
        { from: "Q", to: "APPROVED", km: 30 },
        { from: "Q", to: "STORE", km: 1 },
        { from: "C", to: "PLAIN", km: 1 },
        { from: "C", to: "APPROVED", km: 30 },
      ],
    });
    const fromQ = result.flows.filter((f) => f.from === "Q");
    expect(fromQ.every((f) => f.to === "APPROVED")).toBe(true);
    expect(tonnesTo(fromQ, "APPROVED")).toBeCloseTo(1000, 6);
    // The plain lot still takes the cheap landfill: the rule is the flag's, not a price.
    expect(tonnesTo(result.flows.filter((f) => f.from === "C"), "PLAIN")).toBeCloseTo(500, 6);
    expect(result.kpis.cost).toBeCloseTo(1000 * (30 + 400) + 500 * (1 + 50), 3);
  });

  it("stays unplaced with the flag's reason when only a plain landfill and storage are near", async () => {
    const result = await solve({
      months: [m1],
      parameters: plainParameters,
      lots: [lot("Q", "surplus", "clay_silt", 1, 1000, m1, m1, { flags: ["quick_clay"] })],
      sites: [
        landfill("PLAIN", { accepts: { materials: ["clay_silt"], worstClass: 5 } }),
        { id: "STORE", kind: "storage", capacityTonnes: 10_000, accepts: { materials: ["clay_silt"], worstClass: 5, flags: ["quick_clay"] } },
      ],
      distances: [
        { from: "Q", to: "PLAIN", km: 1 },
        { from: "Q", to: "STORE", km: 1 },
      ],
    });
    expect(result.flows).toEqual([]);
    expect(result.unplaced).toHaveLength(1);
    expect(result.unplaced[0]).toMatchObject({ lotId: "Q", flagRefusal: { reason: "not_accepted", flag: "quick_clay" } });
    expect(result.unplaced[0]?.reason).toBe("quick clay (kvikkleire): only receivers approved for it");
  });

  it("never goes to storage, even one that lists it", async () => {
    const result = await solve({
      months: [m1],
      parameters: plainParameters,
      lots: [lot("Q", "surplus", "clay_silt", 1, 1000, m1, m1, { flags: ["quick_clay"] })],
      sites: [{ id: "STORE", kind: "storage", capacityTonnes: 10_000, accepts: { materials: ["clay_silt"], worstClass: 5, flags: ["quick_clay"] }, keepsInventory: true }],
      distances: [{ from: "Q", to: "STORE", km: 1 }],
    });
    expect(result.flows).toEqual([]);
    expect(result.unplaced[0]?.flagRefusal).toEqual({ reason: "quick_clay_storage", flag: "quick_clay" });
    expect(result.unplaced[0]?.reason).toBe("quick clay (kvikkleire): never to interim storage");
  });
});

describe("acid-forming rock (alunskifer)", () => {
  const base = (acidStorageWeeks: number, flags: ("acid_forming")[] = ["acid_forming"]): InstanceInput => ({
    months: [m1, m2, m3, m4, m5],
    parameters: { ...plainParameters, acidStorageWeeks },
    lots: [lot("A", "surplus", "rock", 1, 900, m1, m1, { flags }), lot("D", "demand", "rock", 1, 900, m1, m5)],
    sites: [
      { id: "STORE", kind: "storage", capacityTonnes: 10_000, accepts: { materials: ["rock"], worstClass: 5, flags: ["acid_forming"] } },
      landfill("DEP", { accepts: { materials: ["rock"], worstClass: 1, flags: ["acid_forming"] }, window: { from: m4, to: m5 } }),
    ],
    distances: [
      { from: "A", to: "D", km: 1 },
      { from: "A", to: "STORE", km: 1 },
      { from: "STORE", to: "D", km: 1 },
      { from: "A", to: "DEP", km: 5 },
      { from: "STORE", to: "DEP", km: 5 },
    ],
  });

  it("is never reused as fill: the demand next door gets none of it", async () => {
    const result = await solve(base(20));
    expect(tonnesTo(result.flows, "D")).toBe(0);
    expect(result.kpis.tonnesReused).toBe(0);
  });

  it("is stored at most the configured weeks: 8 weeks cannot bridge to a receiver three months later, 20 can", async () => {
    const short = await solve(base(8));
    expect(tonnesTo(short.flows, "DEP")).toBe(0);
    expect(short.unplaced.filter((u) => u.direction === "surplus").map((u) => u.lotId)).toEqual(["A"]);
    const long = await solve(base(20));
    expect(tonnesTo(long.flows, "DEP")).toBeCloseTo(900, 6);
    expect(long.inventory.filter((p) => p.siteId === "STORE" && p.tonnes > 0).map((p) => p.month)).toEqual([m1, m2, m3]);
  });

  it("stays apart in storage: plain rock stored beside it still reaches the demand", async () => {
    const instance = base(8);
    instance.lots.push(lot("R", "surplus", "rock", 1, 300, m1));
    instance.distances!.push({ from: "R", to: "STORE", km: 1 }, { from: "R", to: "D", km: 50 });
    instance.lots[1] = lot("D", "demand", "rock", 1, 300, m3, m3);
    const result = await solve(instance);
    const fromStore = result.flows.filter((f) => f.from === "STORE" && f.to === "D");
    expect(tonnesTo(fromStore, "D")).toBeCloseTo(300, 6);
    expect(result.unplaced.find((u) => u.lotId === "A")?.tonnes).toBeCloseTo(900, 6);
  });

  it("a demand lot may not list it as accepted", () => {
    const parsed = parseInstance({ months: [m1], lots: [lot("D", "demand", "rock", 1, 10, m1, m1, { acceptsFlags: ["acid_forming"] })], distances: [] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.fields.map((f) => f.path)).toContain("lots[0].acceptsFlags");
  });
});

describe("topsoil with invasive species (fremmede arter)", () => {
  const instance = (demandExtra: Partial<InstanceInput["lots"][number]>): InstanceInput => ({
    months: [m1],
    parameters: plainParameters,
    lots: [lot("T", "surplus", "topsoil", 1, 200, m1, m1, { flags: ["invasive_species"] }), lot("D", "demand", "topsoil", 1, 200, m1, m1, demandExtra)],
    distances: [{ from: "T", to: "D", km: 1 }],
  });

  it("goes to a demand lot that accepts it", async () => {
    const result = await solve(instance({ acceptsFlags: ["invasive_species"] }));
    expect(tonnesTo(result.flows, "D")).toBeCloseTo(200, 6);
  });

  it("never to a demand lot that does not list it", async () => {
    const result = await solve(instance({}));
    expect(result.flows).toEqual([]);
    expect(result.unplaced.find((u) => u.lotId === "T")?.flagRefusal).toEqual({ reason: "not_accepted", flag: "invasive_species" });
  });

  it("never to agricultural land, even when the lot lists it", async () => {
    const result = await solve(instance({ acceptsFlags: ["invasive_species"], agriculturalLand: true }));
    expect(result.flows).toEqual([]);
    const unplaced = result.unplaced.find((u) => u.lotId === "T");
    expect(unplaced?.flagRefusal).toEqual({ reason: "invasive_agricultural", flag: "invasive_species" });
    expect(unplaced?.reason).toContain("never to agricultural land");
  });

  it("leaves a storage that lists it only for places that accept it", async () => {
    const result = await solve({
      months: [m1, m2],
      parameters: plainParameters,
      lots: [
        lot("T", "surplus", "topsoil", 1, 200, m1, m1, { flags: ["invasive_species"] }),
        lot("D", "demand", "topsoil", 1, 200, m2, m2),
        lot("OK", "demand", "topsoil", 1, 200, m2, m2, { acceptsFlags: ["invasive_species"] }),
      ],
      sites: [{ id: "STORE", kind: "storage", capacityTonnes: 1000, accepts: { materials: ["topsoil"], worstClass: 1, flags: ["invasive_species"] } }],
      distances: [
        { from: "T", to: "STORE", km: 1 },
        { from: "STORE", to: "D", km: 1 },
        { from: "STORE", to: "OK", km: 50 },
      ],
    });
    expect(tonnesTo(result.flows, "D")).toBe(0);
    expect(tonnesTo(result.flows, "OK")).toBeCloseTo(200, 6);
  });
});

describe("safe receiver defaults and gate fees per class", () => {
  it("a landfill that states no acceptance takes class 1 only, and no special masses", async () => {
    const result = await solve({
      months: [m1],
      parameters: plainParameters,
      lots: [lot("C1", "surplus", "moraine", 1, 100, m1), lot("C2", "surplus", "moraine", 2, 100, m1), lot("Q", "surplus", "clay_silt", 1, 100, m1, m1, { flags: ["quick_clay"] })],
      sites: [landfill("DEFAULT")],
      distances: [
        { from: "C1", to: "DEFAULT", km: 1 },
        { from: "C2", to: "DEFAULT", km: 1 },
        { from: "Q", to: "DEFAULT", km: 1 },
      ],
    });
    expect(tonnesTo(result.flows, "DEFAULT")).toBeCloseTo(100, 6);
    expect(result.flows.every((f) => f.from === "C1")).toBe(true);
    expect(result.unplaced.map((u) => u.lotId).sort()).toEqual(["C2", "Q"]);
  });

  it("prices each class from the receiver's table and hazardous waste apart", async () => {
    const result = await solve({
      months: [m1],
      parameters: plainParameters,
      lots: [lot("C1", "surplus", "mixed", 1, 100, m1), lot("C3", "surplus", "mixed", 3, 100, m1), lot("H", "surplus", "mixed", 3, 10, m1, m1, { hazardous: true })],
      sites: [
        landfill("NEAR", { gateFeePerTonne: 300, gateFees: { byClass: { "3": 900 }, hazardous: 2500 }, accepts: { materials: ["mixed"], worstClass: 5 }, acceptsHazardous: true }),
        landfill("FAR", { gateFeePerTonne: 600, accepts: { materials: ["mixed"], worstClass: 5 } }),
      ],
      distances: [
        { from: "C1", to: "NEAR", km: 1 },
        { from: "C3", to: "NEAR", km: 1 },
        { from: "H", to: "NEAR", km: 1 },
        { from: "C1", to: "FAR", km: 10 },
        { from: "C3", to: "FAR", km: 10 },
      ],
    });
    // C1 pays 300 near; C3 pays 900 near, so 600 + 10 km far wins; hazardous only near at 2500.
    expect(tonnesTo(result.flows.filter((f) => f.from === "C1"), "NEAR")).toBeCloseTo(100, 6);
    expect(tonnesTo(result.flows.filter((f) => f.from === "C3"), "FAR")).toBeCloseTo(100, 6);
    expect(result.kpis.cost).toBeCloseTo(100 * 301 + 100 * 610 + 10 * 2501, 3);
  });
});

describe("permits (forurensningsloven § 11)", () => {
  const instance = (permit?: { kind: "tillatelse" | "tiltaksplan"; reference: string; validTo?: string }, cls = 2, toProject = "P2"): InstanceInput => ({
    months: [m1, m2],
    parameters: plainParameters,
    lots: [
      lot("S", "surplus", "moraine", cls, 100, m1, m2, { projectId: "P1", ...(permit ? { permit } : {}) }),
      lot("D", "demand", "moraine", 3, 100, m1, m2, { projectId: toProject }),
    ],
    distances: [{ from: "S", to: "D", km: 1 }],
  });

  it("marks class ≥ 2 mass to another project until the lot records a permit, and counts its tonnes", async () => {
    const without = await solve(instance());
    expect(without.flows.length).toBeGreaterThan(0);
    expect(without.flows.every((f) => f.needsPermit === true)).toBe(true);
    expect(without.kpis.tonnesNeedingPermit).toBeCloseTo(100, 6);

    const withPermit = await solve(instance({ kind: "tiltaksplan", reference: "2026/123" }));
    expect(withPermit.flows.every((f) => f.needsPermit === false)).toBe(true);
    expect(withPermit.kpis.tonnesNeedingPermit).toBe(0);

    // A permit that ends in January covers January only.
    const ending = await solve(instance({ kind: "tillatelse", reference: "2026/9", validTo: "2027-01-31" }));
    expect(ending.flows.filter((f) => f.needsPermit).map((f) => f.month)).toEqual([m2]);
    expect(ending.kpis.tonnesNeedingPermit).toBeCloseTo(50, 6);
  });

  it("does not mark clean mass, or mass reused in its own project", async () => {
    expect((await solve(instance(undefined, 1))).kpis.tonnesNeedingPermit).toBe(0);
    const own = await solve(instance(undefined, 2, "P1"));
    expect(own.flows.every((f) => f.needsPermit === false)).toBe(true);
  });

  it("marks class ≥ 2 mass into and out of storage, not to a landfill", async () => {
    const result = await solve({
      months: [m1, m2],
      parameters: plainParameters,
      lots: [lot("S", "surplus", "moraine", 2, 100, m1, m1, { projectId: "P1" }), lot("D", "demand", "moraine", 2, 60, m2, m2, { projectId: "P2" })],
      sites: [
        { id: "STORE", kind: "storage", capacityTonnes: 1000, accepts: { materials: ["moraine"], worstClass: 2 } },
        landfill("DEP", { accepts: { materials: ["moraine"], worstClass: 2 } }),
      ],
      distances: [
        { from: "S", to: "STORE", km: 1 },
        { from: "STORE", to: "D", km: 1 },
        { from: "S", to: "DEP", km: 1 },
      ],
    });
    for (const flow of result.flows) expect(flow.needsPermit, `${flow.kind} ${flow.from}→${flow.to}`).toBe(flow.kind !== "to_landfill");
    expect(result.kpis.tonnesNeedingPermit).toBeCloseTo(60 + 60, 6);
  });

  it("refuses a permit without a reference, naming the field", () => {
    const raw = instance({ kind: "tillatelse", reference: "" });
    const parsed = parseInstance(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.fields.map((f) => f.path)).toContain("lots[0].permit.reference");
  });
});

describe("flags in the instance schema", () => {
  it("names an unknown flag by its path", () => {
    const parsed = parseInstance({ months: [m1], lots: [lot("S", "surplus", "rock", 1, 10, m1, m1, { flags: ["radioactive" as "quick_clay"] })], distances: [] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.fields[0]?.path).toBe("lots[0].flags[0]");
  });
});
