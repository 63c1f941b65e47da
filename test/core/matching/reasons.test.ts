import { describe, expect, it } from "vitest";
import { lot, plainParameters, solve } from "./helpers";

const apr = "2027-04";
const may = "2027-05";

describe("unplaced lots and their reasons", () => {
  it("gives each unplaced lot the reason that is actually true", async () => {
    const result = await solve({
      months: ["2027-03", apr, may],
      parameters: { ...plainParameters, maxHaulKm: 60 },
      lots: [
        lot("hazard", "surplus", "clay_silt", 5, 100, apr, apr, { hazardous: true }),
        lot("class4", "surplus", "clay_silt", 4, 100, apr),
        lot("far", "surplus", "rock", 1, 100, apr),
        lot("late", "surplus", "gravel_sand", 1, 100, may),
        lot("stored", "surplus", "moraine", 1, 300, apr),
        lot("fill", "demand", "moraine", 1, 300, may),
        lot("dump", "surplus", "topsoil", 1, 800, apr),
        lot("garden", "demand", "topsoil", 1, 50, "2027-03"),
        lot("ok", "surplus", "clay_silt", 2, 100, apr),
      ],
      sites: [
        // Takes everything up to class 3 except hazardous mass, until April, 80 km from "far".
        { id: "L1", kind: "landfill", accepts: { materials: ["clay_silt", "rock", "gravel_sand"], worstClass: 3 }, window: { from: "2027-03", to: apr } },
        { id: "L2", kind: "landfill", name: "Topsoil tip", capacityTonnes: 500, accepts: { materials: ["topsoil"], worstClass: 1 } },
        { id: "S3", kind: "storage", capacityTonnes: 100, accepts: { materials: ["moraine"], worstClass: 1 }, window: { from: apr, to: may } },
      ],
      distances: [
        { from: "hazard", to: "L1", km: 5 },
        { from: "class4", to: "L1", km: 5 },
        { from: "far", to: "L1", km: 80 },
        { from: "late", to: "L1", km: 5 },
        { from: "stored", to: "S3", km: 5 },
        { from: "S3", to: "fill", km: 5 },
        { from: "dump", to: "L2", km: 5 },
        { from: "dump", to: "garden", km: 5 },
        { from: "ok", to: "L1", km: 5 },
      ],
    });
    // Unplaced lots do not make the plan infeasible (issue 11): it is optimal, and they are listed.
    expect(result.status).toBe("optimal");
    const reasons = Object.fromEntries(result.unplaced.map((u) => [u.lotId, [Math.round(u.tonnes), u.reason]]));
    expect(reasons).toEqual({
      hazard: [100, "no landfill is approved for hazardous clay_silt"],
      class4: [100, "no receiver accepts class 4 clay_silt"],
      far: [100, "no receiver accepts class 1 rock within 60 km (nearest: landfill L1 at 80.0 km)"],
      late: [100, "no receiver accepts class 1 gravel_sand within 60 km in 2027-05"],
      stored: [200, "every receiver within 60 km is taken in 2027-04: storage S3 full in 2027-04"],
      fill: [200, "every source within 60 km is used up in 2027-05: storage S3 (full in 2027-04) holds no fitting mass"],
      dump: [300, "every receiver within 60 km is taken in 2027-04: landfill Topsoil tip full (its 500 t are used up)"],
      // "dump" could serve it, but only digs in April.
      garden: [50, "no surplus lot, storage site or quarry offers topsoil of class 1 within 60 km in 2027-03"],
    });
    expect(result.unplaced.find((u) => u.lotId === "late")?.months).toEqual([may]);
    // The same reasons as keys and parameters, for the app to say in Norwegian: codes, not words.
    const details = Object.fromEntries(result.unplaced.map((u) => [u.lotId, u.reasonDetails]));
    expect(details.hazard).toEqual([
      { key: "unplaced.noHazardousLandfill", params: { mass: { key: "mass.hazardous", params: { material: "clay_silt" } } } },
    ]);
    expect(details.late).toEqual([
      {
        key: "unplaced.noReceiverInMonths",
        params: { mass: { key: "mass.ofClass", params: { material: "gravel_sand", class: 1 } }, maxKm: 60, months: [may] },
      },
    ]);
    expect(details.far![0]!.params.nearest).toEqual({
      key: "unplaced.nearest",
      params: { place: { key: "place.landfill", params: { name: "L1" } }, km: 80 },
    });
    expect(details.fill![0]!.params.causes).toEqual([
      { key: "cause.storageHoldsNone", params: { sites: { items: [{ key: "cause.storageFullEarlier", params: { site: "S3", month: apr } }], more: 0 } } },
    ]);
  });

  it("names the demand already met when a surplus lot finds every demand full", async () => {
    const result = await solve({
      months: [apr],
      parameters: plainParameters,
      lots: [lot("S1", "surplus", "rock", 1, 100, apr), lot("S2", "surplus", "rock", 1, 100, apr), lot("D", "demand", "rock", 1, 100, apr)],
      distances: [
        { from: "S1", to: "D", km: 1 },
        { from: "S2", to: "D", km: 2 },
      ],
    });
    expect(result.unplaced).toEqual([
      expect.objectContaining({ lotId: "S2", direction: "surplus", reason: "every receiver within 1000 km is taken in 2027-04: demand D already met" }),
    ]);
  });

  it("says when the penalty is cheaper than every route", async () => {
    const result = await solve({
      months: [apr],
      parameters: { ...plainParameters, unplacedPenaltyPerTonne: 1 },
      lots: [lot("S", "surplus", "rock", 1, 100, apr)],
      sites: [{ id: "L", kind: "landfill", gateFeePerTonne: 320 }],
      distances: [{ from: "S", to: "L", km: 1 }],
    });
    expect(result.unplaced[0]?.reason).toBe("in 2027-04 every route costs more than the unplaced penalty of 1 NOK per tonne");
  });
});
