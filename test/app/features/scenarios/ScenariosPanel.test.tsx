// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ScenariosPanel } from "../../../../src/app/features/scenarios/ScenariosPanel";
import { draftOf } from "../../../../src/app/state/scenario-slice";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";
import type { Scenario } from "../../../../src/core/scenario/scenario";

const scenario: Scenario = {
  id: "s1",
  name: "With Lahell",
  note: "",
  siteIds: null,
  parameters: { maxHaulKm: 40 },
  overrides: [], siteAllocation: [],
  schemaVersion: 1,
  version: 1,
  createdBy: "planner",
  updatedBy: "planner",
  updatedAt: "2026-11-27T10:00:00Z",
  deletedAt: null,
};

beforeEach(() => {
  resetAppStore();
  useAppStore.setState({ lang: "en" });
  useAppStore.getState().updateScenarios((s) => ({ ...s, panelOpen: true, status: "ready", items: [{ ...scenario, lastRun: null }] }));
});
afterEach(cleanup);

describe("ScenariosPanel", () => {
  it("offers a planner new, run, duplicate and delete", () => {
    render(<ScenariosPanel user={{ username: "planner", role: "planner" }} />);
    const panel = screen.getByRole("region", { name: "Scenarios" });
    expect(within(panel).getByRole("button", { name: "New scenario" })).toBeTruthy();
    const item = within(panel).getByRole("listitem", { name: "With Lahell" });
    for (const name of ["Run", "Duplicate", "Delete"]) expect(within(item).getByRole("button", { name })).toBeTruthy();
  });

  it("lets a viewer read but hides write and run controls", () => {
    render(<ScenariosPanel user={{ username: "viewer", role: "viewer" }} />);
    expect(screen.queryByRole("button", { name: "New scenario" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Run" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete" })).toBeNull();
    expect(screen.getByText("You can read scenarios and results; planners change and run them.")).toBeTruthy();
  });

  it("shows the parameters with their defaults and units, and what changed since the last run", () => {
    useAppStore.getState().updateScenarios((s) => ({
      ...s,
      draft: draftOf(scenario),
      views: {
        s1: {
          run: { id: "r", scenarioId: "s1", status: "succeeded", kind: "matching", startedBy: "planner", startedAt: "2026-11-27T10:00:00Z", finishedAt: "2026-11-27T10:00:02Z", error: null },
          running: null,
          lastFailure: { id: "r2", scenarioId: "s1", status: "failed", kind: "matching", startedBy: "planner", startedAt: "", finishedAt: "", error: "stopped at the time limit of 60 s" },
          result: null,
          notes: [],
          dataChanged: { lotsAdded: ["a", "b"], lotsRemoved: [], lotsChanged: ["c"], sitesAdded: [], sitesRemoved: [], sitesChanged: [] },
        },
      },
    }));
    render(<ScenariosPanel user={{ username: "planner", role: "planner" }} />);
    const haul = screen.getByLabelText("Longest haul") as HTMLInputElement;
    expect(haul.value).toBe("40");
    expect(screen.getByText(/default 60/)).toBeTruthy();
    expect((screen.getByLabelText("Truck payload") as HTMLInputElement).placeholder).toBe("17");
    expect(screen.getByText("Data changed since this run")).toBeTruthy();
    expect(screen.getByText("2 lots added")).toBeTruthy();
    expect(screen.getByText("1 lots changed")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Run again" })).toBeTruthy();
    expect(screen.getByText(/The last run failed: stopped at the time limit of 60 s\. The previous result is kept\./)).toBeTruthy();
  });
});
