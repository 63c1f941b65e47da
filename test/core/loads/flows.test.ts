/** Delivered flows, pure (issue 16 item 2): live loads summed per (from, to) pair. */
import { describe, expect, it } from "vitest";
import type { Material } from "../../../src/core/domain/materials";
import { loadFlowListSchema } from "../../../src/core/loads/api";
import { loadFlows } from "../../../src/core/loads/flows";
import { load } from "../../support/record-fixtures";

const materials: Record<string, Material> = { L1: "clay_silt", L2: "rock", D1: "gravel_sand" };
const materialOf = (id: string) => materials[id];

describe("delivered flows", () => {
  it("sums tonnes and counts loads per (from, to) pair, heaviest first", () => {
    const flows = loadFlows(
      [
        load({ tonnes: 18.5 }),
        load({ tonnes: 17.25, time: "2027-02-11T09:00:00+01:00" }),
        load({ from: { lotId: "L2" }, to: { siteId: "S1" }, tonnes: 30 }),
        load({ from: { lotId: "L1" }, to: { lotId: "D1" }, tonnes: 12 }),
      ],
      materialOf,
    );
    expect(flows.map((f) => [f.from, f.to, f.material, f.tonnes, f.loads])).toEqual([
      [{ lotId: "L1" }, { siteId: "S1" }, "clay_silt", 35.75, 2],
      [{ lotId: "L2" }, { siteId: "S1" }, "rock", 30, 1],
      [{ lotId: "L1" }, { lotId: "D1" }, "clay_silt", 12, 1],
    ]);
    expect(loadFlowListSchema.safeParse({ items: flows }).success).toBe(true);
  });

  it("leaves deleted loads out", () => {
    const flows = loadFlows([load({ tonnes: 10 }), load({ tonnes: 99, deletedAt: "2027-02-12T10:00:00.000Z" })], materialOf);
    expect(flows).toHaveLength(1);
    expect(flows[0]).toMatchObject({ tonnes: 10, loads: 1 });
    expect(loadFlows([load({ deletedAt: "2027-02-12T10:00:00.000Z" })], materialOf)).toEqual([]);
  });

  it("keeps the direction: A → B and B → A are two flows", () => {
    const flows = loadFlows([load({ from: { siteId: "S1" }, to: { lotId: "D1" }, tonnes: 5 }), load({ from: { lotId: "D1" }, to: { siteId: "S1" }, tonnes: 5 })], materialOf);
    expect(flows).toHaveLength(2);
  });

  it("names the material of the lot it comes from, else the lot it goes to, none between two sites", () => {
    const [fromSite] = loadFlows([load({ from: { siteId: "S1" }, to: { lotId: "D1" } })], materialOf);
    expect(fromSite?.material).toBe("gravel_sand");
    const [between] = loadFlows([load({ from: { siteId: "S1" }, to: { siteId: "S2" } })], materialOf);
    expect(between?.material).toBeNull();
    const [unknown] = loadFlows([load({ from: { lotId: "gone" } })], materialOf);
    expect(unknown?.material).toBeNull();
  });

  it("gives the earliest and latest load by instant, as the times were written", () => {
    const [flow] = loadFlows(
      [
        load({ time: "2027-03-01T00:30:00+01:00" }),
        // 2027-02-28T23:45Z is after 2027-03-01T00:30+01:00 (= 2027-02-28T23:30Z), though its text sorts first.
        load({ time: "2027-02-28T23:45:00Z" }),
        load({ time: "2027-02-28T22:00:00Z" }),
      ],
      materialOf,
    );
    expect(flow).toMatchObject({ firstTime: "2027-02-28T22:00:00Z", lastTime: "2027-02-28T23:45:00Z", loads: 3 });
  });
});
