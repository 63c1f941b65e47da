import { describe, expect, it } from "vitest";
import { shippedOutdoorCatalogue } from "../../../src/core/outdoor/catalogue";
import { matchOutdoorLots, suggestReceivers, type MatchLot } from "../../../src/core/outdoor/matching";

const types = new Map(shippedOutdoorCatalogue.types.map((type) => [type.id, type]));

// Along one parallel, 0.01° of longitude at 59.83° N is about 0.559 km.
const at = (dLon: number): [number, number] => [10.43 + dLon, 59.83];
const available: MatchLot = { id: "A", projectId: "road", typeId: "granite_kerb", quantity: 600, condition: "reusable", month: "2027-03", location: at(0) };
const wanted = (id: string, overrides: Partial<MatchLot>): MatchLot => ({
  id,
  projectId: `p-${id}`,
  projectName: `Prosjekt ${id}`,
  typeId: "granite_kerb",
  quantity: 400,
  condition: "reusable",
  month: "2027-06",
  location: at(0.1),
  ...overrides,
});

describe("outdoor material suggestions", () => {
  it("ranks receiving projects by haul distance and leaves out other types, earlier needs and worse conditions", () => {
    const suggestions = suggestReceivers(
      available,
      [
        wanted("far", { location: at(0.3) }),
        wanted("near", { location: at(0.05) }),
        wanted("pipes", { typeId: "concrete_pipe_600", location: at(0.01) }),
        wanted("too-early", { month: "2027-02", location: at(0.01) }),
        wanted("mid", { location: at(0.1), condition: "needs_repair" }),
      ],
      types,
    );
    expect(suggestions.map((s) => s.wantedLotId)).toEqual(["near", "mid", "far"]);
    expect(suggestions[0]!.haulKm).toBeCloseTo(0.05 * 55.9 * 1.3, 1);

    const repair = suggestReceivers({ ...available, condition: "needs_repair" }, [wanted("strict", {}), wanted("lenient", { condition: "needs_repair", location: at(0.2) })], types);
    expect(repair.map((s) => s.wantedLotId)).toEqual(["lenient"]);
  });

  it("works out the saving: units, tonnes, CO2e of new material avoided, haul CO2e and the net", () => {
    const [s] = suggestReceivers(available, [wanted("B", { location: at(0.1) })], types, { circuityFactor: 1 });
    // 400 m (the smaller side) × 0.1 t/m = 40 t; new granite kerb 33 kg CO2e per metre → 13 200 kg.
    expect(s).toMatchObject({ quantity: 400, unit: "m", tonnes: 40, kgCO2eNewAvoided: 13_200, waitMonths: 3, coversShareOfWanted: 1, projectName: "Prosjekt B" });
    // 0.1° of longitude ≈ 5.59 km; 40 t × 5.59 km × 0.117 kg/tkm ≈ 26 kg.
    expect(s!.haulKm).toBeCloseTo(5.59, 1);
    expect(s!.kgCO2eHaul).toBeCloseTo(40 * s!.haulKm * 0.117, 9);
    expect(s!.kgCO2eNetSaving).toBeCloseTo(13_200 - s!.kgCO2eHaul, 9);
  });

  it("respects maxHaulKm and limit", () => {
    const many = [1, 2, 3, 4].map((k) => wanted(`w${k}`, { location: at(0.1 * k) }));
    expect(suggestReceivers(available, many, types, { limit: 2 }).map((s) => s.wantedLotId)).toEqual(["w1", "w2"]);
    // 0.1° apart ≈ 5.59 km × 1.3 ≈ 7.3 km by road; 0.2° ≈ 14.5 km; 0.3° ≈ 21.8 km.
    expect(suggestReceivers(available, many, types, { maxHaulKm: 15 }).map((s) => s.wantedLotId)).toEqual(["w1", "w2"]);
  });
});

describe("outdoor material matching", () => {
  it("allocates nearest pairs first and never counts a unit twice", () => {
    const result = matchOutdoorLots(
      [available, { ...available, id: "A2", quantity: 100, location: at(0.2) }],
      [wanted("W1", { quantity: 400, location: at(0.04) }), wanted("W2", { quantity: 500, location: at(0.15) })],
      types,
    );
    // A → W1 400 (0.04° apart, nearest), A2 → W2 100 (0.05° apart), A → W2 200 (the rest of A, 0.15° apart).
    expect(result.pairs.map((p) => [p.availableLotId, p.wantedLotId, p.quantity])).toEqual([
      ["A", "W1", 400],
      ["A2", "W2", 100],
      ["A", "W2", 200],
    ]);
    expect(result.unmatched).toEqual({ available: [], wanted: [{ lotId: "W2", quantity: 200 }] });
    expect(result.byType).toEqual([expect.objectContaining({ typeId: "granite_kerb", unit: "m", quantity: 700, tonnes: 70, kgCO2eNewAvoided: 700 * 33 })]);
    expect(result.totals.kgCO2eNetSaving).toBeCloseTo(result.totals.kgCO2eNewAvoided - result.totals.kgCO2eHaul, 9);
    // Each lot gives or takes no more than it has.
    const given = new Map<string, number>();
    for (const p of result.pairs) {
      given.set(p.availableLotId, (given.get(p.availableLotId) ?? 0) + p.quantity);
      given.set(p.wantedLotId, (given.get(p.wantedLotId) ?? 0) + p.quantity);
    }
    expect(Object.fromEntries(given)).toEqual({ A: 600, A2: 100, W1: 400, W2: 300 });
  });
});
