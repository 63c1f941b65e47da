import { describe, expect, it } from "vitest";
import { conflictReason, roadReason, unzonedReason, zoningReason, type SuitabilityReason } from "../../../../src/core/suitability/reasons";
import { makeTranslator } from "../../../../src/app/i18n/use-t";
import { conflictKindLabel, distanceLabel, percentLabel, reasonText, zoneLabel } from "../../../../src/app/features/sites/suitability-text";
import { zoneReason, type ZoneEntry } from "../../../../src/core/suitability/zone-findings";

const nb = makeTranslator("nb");
const en = makeTranslator("en");
const nbsp = "\u00a0";

const residential = { code: 1110, codeList: "rp", name: "Boligbebyggelse", category: "residential", share: 0.42, areaM2: 4200 };

describe("reason translation by reasonDetails key", () => {
  it("says a zoning share in Norwegian with a decimal comma and in English with a point", () => {
    const reason = zoningReason("excluded", { ...residential, share: 0.425 }, { toleratedShare: 0.05, negligibleShare: 0.01 });
    expect(reasonText(reason, nb)).toBe(`42,5${nbsp}% av lokaliteten er regulert til 1110 Boligbebyggelse: ikke tillatt der (mer enn 5${nbsp}% tolereres ikke)`);
    expect(reasonText(reason, en)).toBe(`42.5${nbsp}% of the site is zoned 1110 Boligbebyggelse: not allowed there (more than the 5${nbsp}% tolerated)`);
  });

  it("names the conflict kind in the language and gives distances in m or km", () => {
    const reason = conflictReason(
      { kind: "school_kindergarten", label: "school or kindergarten", code: 1161, codeList: "rp", name: "Barnehage", distanceM: 130.4, bufferM: 200 },
      "conditional",
    );
    expect(reasonText(reason, nb)).toBe(`Nærmeste skole eller barnehage: 130${nbsp}m (1161 Barnehage; buffer 200${nbsp}m)`);
    expect(reasonText(reason, en)).toBe(`Nearest school or kindergarten zoning: 130${nbsp}m (1161 Barnehage; buffer 200${nbsp}m)`);
    const far = roadReason(1520, { maxDistanceM: 500, effect: "conditional" });
    expect(reasonText(far, nb)).toBe(`Nærmeste vei 1,5${nbsp}km, lenger enn 500${nbsp}m: det kan trengs en adkomstvei`);
  });

  it("falls back to the server's English text for a key the catalogue does not know", () => {
    const unknown = { key: "zoning.somethingNew", params: {}, text: "a new finding", effect: "info" } as unknown as SuitabilityReason;
    expect(reasonText(unknown, nb)).toBe("a new finding");
  });

  it("falls back to the rule's label for a conflict kind it does not know", () => {
    const reason = conflictReason({ kind: "airport", label: "airport noise", code: 1400, codeList: "kp", name: "Lufthavn", distanceM: 90, bufferM: 100 }, "conditional");
    expect(reasonText(reason, en)).toContain("Nearest airport noise: 90");
    expect(conflictKindLabel("airport_noise", en)).toBe("airport noise");
  });

  it("translates every reason the core can produce (no raw {placeholders} left)", () => {
    const reasons = [
      zoningReason("allowed", residential, { toleratedShare: 0.05, negligibleShare: 0.01 }),
      zoningReason("conditional", residential, { toleratedShare: 0.05, negligibleShare: 0.01 }),
      zoningReason("excludedTolerated", residential, { toleratedShare: 0.05, negligibleShare: 0.01 }),
      zoningReason("negligible", residential, { toleratedShare: 0.05, negligibleShare: 0.01 }),
      unzonedReason(0.3, 3000, "conditional"),
      roadReason(40, { maxDistanceM: 500, effect: "conditional" }),
      roadReason(null, { maxDistanceM: 500, effect: "conditional" }),
    ];
    for (const tr of [nb, en]) for (const reason of reasons) expect(reasonText(reason, tr)).not.toMatch(/\{\w+\}/);
  });

  it("formats distances and shares with units", () => {
    expect(distanceLabel(999, en)).toBe(`999${nbsp}m`);
    expect(distanceLabel(1000, nb)).toBe(`1${nbsp}km`);
    expect(percentLabel(0.987, nb)).toBe(`98,7${nbsp}%`);
  });

  it("says a hazard zone, its share and why it matters in Norwegian and English", () => {
    const entry: ZoneEntry = {
      source: "plan",
      family: "fare",
      objectType: "RpFareSone",
      code: 310,
      codeName: "Ras- og skredfare",
      name: "H310_1",
      hazard: "landslide",
      planId: "3203_1",
      details: {},
      areaM2: 5000,
      share: 0.5,
      effect: "unsuitable",
    };
    const reason = zoneReason(entry, { negligibleShare: 0.005 });
    expect(reasonText(reason, nb)).toBe(
      `50${nbsp}% av lokaliteten ligger i hensynssone H310_1 (Ras- og skredfare, RpFareSone 310): vekten av et massedeponi kan utløse skred; ikke for lagring eller deponering`,
    );
    expect(reasonText(reason, en)).toBe(
      `50${nbsp}% of the site lies in hensynssone H310_1 (Landslide hazard, RpFareSone 310): the weight of a stockpile can set the slope off; not for storing or depositing masses`,
    );
    const nve = { ...entry, source: "nve" as const, family: "nve_quick_clay" as const, objectType: "KvikkleireFaresone", code: null, name: "", hazard: "quick_clay" as const };
    expect(zoneLabel(nve, nb)).toBe("NVEs Kvikkleire-sone");
    expect(zoneLabel({ ...nve, name: "Hafella" }, en)).toBe("NVE's Quick clay zone Hafella");
  });
});
