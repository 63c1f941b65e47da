import { describe, expect, it } from "vitest";
import type { Scenario } from "../../../src/core/scenario/scenario";
import {
  draftOf,
  inputOf,
  nextScenarioName,
  siteInPlay,
  withDraftInput,
  withOverride,
  withScenarioRemoved,
  withScenarioStored,
  withSiteToggled,
} from "../../../src/app/state/scenario-slice";

const scenario = (over: Partial<Scenario> = {}): Scenario => ({
  id: "s1",
  name: "All sites",
  note: "",
  siteIds: null,
  parameters: {},
  overrides: [], siteAllocation: [],
  schemaVersion: 1,
  version: 1,
  createdBy: "planner",
  updatedBy: "planner",
  updatedAt: "2026-11-27T10:00:00Z",
  deletedAt: null,
  ...over,
});

describe("scenario slice", () => {
  it("takes a site out of 'all sites' as the explicit list of the others, and back to all", () => {
    const all = ["a", "b", "c"];
    const without = withSiteToggled(null, "b", all);
    expect(without).toEqual(["a", "c"]);
    expect(siteInPlay(without, "b")).toBe(false);
    expect(siteInPlay(null, "b")).toBe(true);
    expect(withSiteToggled(without, "b", all)).toBeNull();
    expect(withSiteToggled(["a"], "c", all)).toEqual(["a", "c"]);
  });

  it("keeps a stored scenario's last run when it is saved again, and adds new ones at the end", () => {
    const run = { id: "r", scenarioId: "s1", status: "succeeded" as const, kind: "matching" as const, startedBy: "planner", startedAt: "", finishedAt: "", error: null };
    const items = [{ ...scenario(), lastRun: run }];
    const renamed = withScenarioStored(items, scenario({ name: "Renamed", version: 2 }));
    expect(renamed).toEqual([{ ...scenario({ name: "Renamed", version: 2 }), lastRun: run }]);
    expect(withScenarioStored(items, scenario({ id: "s2" })).map((s) => s.id)).toEqual(["s1", "s2"]);
    expect(withScenarioRemoved(renamed, "s1")).toEqual([]);
  });

  it("makes drafts from stored scenarios and marks changes dirty", () => {
    const draft = draftOf(scenario({ note: "n" }));
    expect(draft).toEqual({ id: "s1", version: 1, input: inputOf(scenario({ note: "n" })), dirty: false });
    const changed = withDraftInput(draft, { name: "Without Lahell" });
    expect(changed.dirty).toBe(true);
    expect(changed.input).toMatchObject({ name: "Without Lahell", note: "n", siteIds: null });
  });

  it("adds, changes and removes overrides, dropping empty fields", () => {
    const one = withOverride([], 0, { lotId: "L1", shiftMonths: 6 });
    expect(one).toEqual([{ lotId: "L1", shiftMonths: 6 }]);
    const changed = withOverride(one, 0, { lotId: "L1", shiftMonths: undefined, quantityFactor: 1.2 });
    expect(changed).toEqual([{ lotId: "L1", quantityFactor: 1.2 }]);
    expect(withOverride(changed, 0, null)).toEqual([]);
  });

  it("names a new scenario after the ones there are", () => {
    const make = (n: number) => `Scenario ${n}`;
    expect(nextScenarioName([], make)).toBe("Scenario 1");
    expect(nextScenarioName([{ name: "Scenario 2" }, { name: "x" }], make)).toBe("Scenario 3");
  });
});
