import { beforeEach, describe, expect, it } from "vitest";
import { siteClickedOnMap } from "../../../../src/app/features/scenarios/scenario-actions";
import { draftOf } from "../../../../src/app/state/scenario-slice";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";
import type { Scenario } from "../../../../src/core/scenario/scenario";
import { site } from "../../../support/record-fixtures";

const scenario: Scenario = {
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
};

function setUp(role: "planner" | "viewer", { editing = true } = {}) {
  resetAppStore();
  useAppStore.setState({
    session: { status: "signedIn", user: { username: role, role } },
    data: { ...useAppStore.getState().data, sites: [site({ id: "a" }), site({ id: "b" })] },
  });
  useAppStore.getState().updateScenarios((s) => ({ ...s, panelOpen: true, draft: editing ? draftOf(scenario) : null }));
}

describe("a click on a site on the map", () => {
  beforeEach(() => setUp("planner"));

  it("takes the site out of the scenario a planner edits, and back in", () => {
    expect(siteClickedOnMap("b")).toBe(true);
    expect(useAppStore.getState().scenarios.draft).toMatchObject({ dirty: true, input: { siteIds: ["a"] } });
    expect(siteClickedOnMap("b")).toBe(true);
    expect(useAppStore.getState().scenarios.draft!.input.siteIds).toBeNull();
  });

  it("selects as usual when no scenario is open, the panel is hidden, or the user may not write", () => {
    setUp("planner", { editing: false });
    expect(siteClickedOnMap("b")).toBe(false);
    setUp("planner");
    useAppStore.getState().setLayerPanelOpen(true);
    expect(siteClickedOnMap("b")).toBe(false);
    setUp("viewer");
    expect(siteClickedOnMap("b")).toBe(false);
    expect(useAppStore.getState().scenarios.draft!.dirty).toBe(false);
  });
});
