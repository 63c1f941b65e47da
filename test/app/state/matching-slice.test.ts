import { describe, expect, it } from "vitest";
import {
  initialMatching,
  withFlowSelected,
  withResultClosed,
  withResultShown,
  withRunFailed,
  withRunStage,
} from "../../../src/app/state/matching-slice";
import { places, result } from "../../support/match-result-fixtures";

describe("matching slice", () => {
  it("goes through the run's stages and shows the result on all months", () => {
    const loading = withRunStage(initialMatching, "loading");
    expect(loading.run).toEqual({ status: "running", stage: "loading" });
    const shown = withResultShown(withRunStage(loading, "solving"), { source: { kind: "browser", seconds: 1.2 }, result: result(), places });
    expect(shown).toMatchObject({ run: { status: "idle" }, panelOpen: true, month: null, selectedFlow: null });
    expect(withRunFailed(loading, "no").run).toEqual({ status: "failed", message: "no" });
  });

  it("keeps the month and the picked flow when the same result is shown again, and resets them for a new one", () => {
    const r = result();
    const shown = withResultShown(initialMatching, { source: { kind: "scenario", scenarioId: "s" }, result: r, places });
    const picked = { ...withFlowSelected(shown, 2), month: "2027-03" };
    expect(withResultShown(picked, { source: { kind: "scenario", scenarioId: "s" }, result: r, places })).toMatchObject({ month: "2027-03", selectedFlow: 2 });
    expect(withResultShown(picked, { source: { kind: "scenario", scenarioId: "s" }, result: result(), places })).toMatchObject({ month: null, selectedFlow: null });
  });

  it("moves the map to a picked flow's month when one month is shown", () => {
    const shown = { ...withResultShown(initialMatching, { source: { kind: "browser", seconds: 1 }, result: result(), places }), month: "2027-01" };
    expect(withFlowSelected(shown, 3)).toMatchObject({ selectedFlow: 3, month: "2027-02" });
    expect(withFlowSelected({ ...shown, month: null }, 3)).toMatchObject({ selectedFlow: 3, month: null });
    expect(withFlowSelected(shown, 99)).toBe(shown);
    expect(withFlowSelected(shown, null).selectedFlow).toBeNull();
    expect(withResultClosed(shown)).toMatchObject({ shown: null, panelOpen: false });
  });
});
