import { describe, expect, it } from "vitest";
import { refusalOf } from "../../../../src/app/features/allocation/allocation-actions";
import { refusedFieldLabel, signedWithUnit, siteNamer, siteValueRows, statusText } from "../../../../src/app/features/allocation/allocation-rows";
import { translate } from "../../../../src/app/i18n/i18n";
import { entry, recommendation } from "../../../support/scenario-fixtures";

const base = entry("A", "Med Lahell");

describe("a recommendation in words", () => {
  it("says proven or best-found with the gap, and the tonnes that cannot be placed", () => {
    expect(statusText(recommendation(base).result, "nb")).toBe("Bevist optimal (gap 0 %).");
    const stopped = recommendation(base, { status: "time_limit", proven: false, gap: 0.0125, unplacedTonnes: 1_234.4 }).result;
    expect(statusText(stopped, "en")).toBe(
      "Best allocation found, not proven optimal: the time limit stopped the search (gap 1.25 %). Still, 1,234\u00a0t cannot be placed (lots: 1) — see the list.",
    );
    // Optimal, but some mass has no place: still "proven", and says so.
    expect(statusText(recommendation(base, { unplacedTonnes: 500 }).result, "nb")).toBe("Bevist optimal (gap 0 %). 500\u00a0t får likevel ikke plass (masseposter: 1) – se listen.");
  });

  it("ranks the site values as the engine does, with signs and units", () => {
    const rec = recommendation(base);
    const rows = siteValueRows(rec.result, siteNamer(rec.view));
    expect(rows.map((r) => [r.name, r.statusKey])).toEqual([
      ["Sætre industriområde", "allocation.status.allocated"],
      ["Vettre grustak", "allocation.status.left"],
      ["Spikkestad næringspark", "allocation.status.overLimit"],
    ]);
    // A candidate the scenario holds out says so, whatever its what-if value.
    const sites = rec.view.sites.map((site) => (site.id === "C2" ? { ...site, allocation: "excluded" as const } : site));
    expect(siteValueRows(rec.result, siteNamer(rec.view), sites)[1]!.statusKey).toBe("allocation.status.excluded");
    expect(signedWithUnit("nb", 2_345_678, "kr")).toBe("+2\u00a0345\u00a0678\u00a0kr");
    expect(signedWithUnit("en", -2.4, "t CO2e", 1)).toBe("\u22122.4\u00a0t CO2e");
    expect(signedWithUnit("en", -0.04, "t", 1)).toBe("0\u00a0t");
  });
});

describe("a refused recommendation", () => {
  const failure = {
    status: 400,
    code: "cannot_run",
    message: "The scenario's data is not a valid instance: parameters.maxAllocatedSites: is 1, but 2 candidate sites are required (sites[3], sites[5])",
    key: "error.cannotRunInvalid",
    fields: [
      {
        path: "parameters.maxAllocatedSites",
        message: "is 1, but 2 candidate sites are required (sites[3], sites[5])",
        key: "validation.allocationRequiredOverMax",
        params: { max: 1, count: 2, sites: ["sites[3]", "sites[5]"], names: ["Vettre grustak", "Sætre industriområde"] },
      },
    ],
  };

  it("lists each field problem by its key, under the field's label, never the server's English", () => {
    const shown = refusalOf(failure);
    expect(shown.message).toEqual({ key: "allocation.refused", tone: "error" });
    const [field] = shown.refusal!;
    expect(refusedFieldLabel(field!.path)).toBe("allocation.maxSites");
    expect(translate("nb", field!.message.key, field!.message.params)).toBe("er 1, men 2 kandidater må være med (Vettre grustak, Sætre industriområde)");
  });

  it("labels the candidate fields and leaves scenario-wide problems unlabelled", () => {
    expect(refusedFieldLabel("maxAllocatedAreaM2")).toBe("allocation.maxArea");
    expect(refusedFieldLabel("sites[2].fixedCostNok")).toBe("sites.form.fixedCostNok");
    expect(refusedFieldLabel("scenario")).toBeNull();
    expect(refusedFieldLabel("curve")).toBe("");
  });

  it("translates a refusal without field problems by its key", () => {
    const busy = refusalOf({ status: 409, code: "run_in_progress", message: "A matching run …", key: "error.runInProgress", params: { kind: "matching", by: "planner", at: "x" }, fields: [] });
    expect(busy).toEqual({ message: { key: "error.runInProgress", params: { kind: "matching", by: "planner", at: "x" }, tone: "error" }, refusal: null });
  });
});
