import { describe, expect, it } from "vitest";
import { parseInstance, type InstanceInput } from "../../../src/core/matching/instance";
import { lot } from "../matching/helpers";

/** Two candidate storage sites and one already allocated, with distances (no locations needed). */
const valid = (): InstanceInput => ({
  months: ["2027-01", "2027-02"],
  lots: [lot("L1", "surplus", "rock", 1, 1000, "2027-01"), lot("L2", "demand", "rock", 1, 1000, "2027-02")],
  sites: [
    { id: "A", kind: "storage", capacityTonnes: 5000, accepts: { materials: ["rock"], worstClass: 1 }, candidate: true, fixedCostNok: 100_000, rentNokPerMonth: 5000, areaM2: 2000 },
    { id: "B", kind: "storage", capacityTonnes: 5000, accepts: { materials: ["rock"], worstClass: 1 }, candidate: true, fixedCostNok: 80_000, areaM2: 3000 },
    { id: "C", kind: "storage", capacityTonnes: 5000, accepts: { materials: ["rock"], worstClass: 1 } },
  ],
  distances: [
    { from: "L1", to: "A", km: 1 },
    { from: "A", to: "L2", km: 1 },
  ],
});

const errorsOf = (raw: InstanceInput): string[] => {
  const parsed = parseInstance(raw);
  return parsed.ok ? [] : parsed.fields.map((f) => `${f.path}: ${f.message}`);
};
const storage = (raw: InstanceInput, index: number) => (raw.sites ?? [])[index] as Extract<NonNullable<InstanceInput["sites"]>[number], { kind: "storage" }>;

describe("site allocation fields of the instance", () => {
  it("accepts candidates with fixed cost, rent, area, required/excluded and the limits", () => {
    const raw = valid();
    storage(raw, 0).allocation = "required";
    raw.parameters = { maxAllocatedSites: 2, maxAllocatedAreaM2: 6000 };
    const parsed = parseInstance(raw);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.instance.sites[2]).toMatchObject({ candidate: false });
    expect(parsed.instance.parameters).toMatchObject({ maxAllocatedSites: 2, maxAllocatedAreaM2: 6000 });
  });

  it("names a candidate without its fixed cost", () => {
    const raw = valid();
    delete storage(raw, 1).fixedCostNok;
    expect(errorsOf(raw)).toEqual([expect.stringMatching(/^sites\[1\]\.fixedCostNok: is required for a candidate site/)]);
  });

  it("names negative costs and areas", () => {
    const raw = valid();
    storage(raw, 0).fixedCostNok = -1;
    storage(raw, 1).rentNokPerMonth = -5;
    storage(raw, 1).areaM2 = 0;
    expect(errorsOf(raw)).toEqual([
      "sites[0].fixedCostNok: must not be negative, got -1",
      "sites[1].rentNokPerMonth: must not be negative, got -5",
      "sites[1].areaM2: must be > 0, got 0",
    ]);
  });

  it("names required or excluded on a site that is not a candidate", () => {
    const raw = valid();
    storage(raw, 2).allocation = "excluded";
    expect(errorsOf(raw)).toEqual([expect.stringMatching(/^sites\[2\]\.allocation: "excluded" needs a candidate site/)]);
  });

  it("names a site limit below the required sites, and one that excludes every candidate", () => {
    const raw = valid();
    storage(raw, 0).allocation = "required";
    storage(raw, 1).allocation = "required";
    raw.parameters = { maxAllocatedSites: 1 };
    expect(errorsOf(raw)).toEqual(["parameters.maxAllocatedSites: is 1, but 2 candidate sites are required (sites[0], sites[1])"]);
    const none = valid();
    none.parameters = { maxAllocatedSites: 0 };
    expect(errorsOf(none)).toEqual([expect.stringMatching(/^parameters\.maxAllocatedSites: is 0, which excludes every candidate site/)]);
    const fractional = valid();
    fractional.parameters = { maxAllocatedSites: 1.5 };
    expect(errorsOf(fractional)).toEqual(["parameters.maxAllocatedSites: must be a whole number, got 1.5"]);
  });

  it("names an area limit: a candidate without area, required sites over it, and one below every candidate", () => {
    const noArea = valid();
    delete storage(noArea, 1).areaM2;
    noArea.parameters = { maxAllocatedAreaM2: 10_000 };
    expect(errorsOf(noArea)).toEqual([expect.stringMatching(/^sites\[1\]\.areaM2: is required for a candidate site when parameters\.maxAllocatedAreaM2/)]);

    const over = valid();
    storage(over, 0).allocation = "required";
    storage(over, 1).allocation = "required";
    over.parameters = { maxAllocatedAreaM2: 4000 };
    expect(errorsOf(over)).toEqual(["parameters.maxAllocatedAreaM2: is 4000 m², but the required candidate sites (sites[0], sites[1]) cover 5000 m²"]);

    const tiny = valid();
    tiny.parameters = { maxAllocatedAreaM2: 1000 };
    expect(errorsOf(tiny)).toEqual(["parameters.maxAllocatedAreaM2: is 1000 m², which excludes every candidate site: the smallest, sites[0], covers 2000 m²"]);
  });

  it("allows no limit check when every candidate is excluded", () => {
    const raw = valid();
    storage(raw, 0).allocation = "excluded";
    storage(raw, 1).allocation = "excluded";
    raw.parameters = { maxAllocatedSites: 0 };
    expect(errorsOf(raw)).toEqual([]);
  });
});
