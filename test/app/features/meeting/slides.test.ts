import { describe, expect, it } from "vitest";
import { buildSlides, materialTotals, slideAfterKey } from "../../../../src/app/features/meeting/slides";
import { lot, project } from "../../../support/record-fixtures";

describe("the slides of Presentation mode", () => {
  it("has the overview, a slide per scenario, the comparison from two scenarios on, and the sites", () => {
    expect(buildSlides(2).map((s) => s.kind)).toEqual(["overview", "scenario", "scenario", "comparison", "sites"]);
    expect(buildSlides(1).map((s) => s.kind)).toEqual(["overview", "scenario", "sites"]);
    expect(buildSlides(0).map((s) => s.kind)).toEqual(["overview", "noScenarios", "sites"]);
  });

  it("adds “Which sites to allocate” per recommendation after the comparison, also for a scenario with no matching result", () => {
    expect(buildSlides(2, 1)).toEqual([
      { kind: "overview" },
      { kind: "scenario", entryIndex: 0 },
      { kind: "scenario", entryIndex: 1 },
      { kind: "comparison" },
      { kind: "allocation", recommendationIndex: 0 },
      { kind: "sites" },
    ]);
    expect(buildSlides(0, 2).map((s) => s.kind)).toEqual(["overview", "allocation", "allocation", "sites"]);
  });

  it("steps with arrows, PageUp/PageDown (clickers), Space and Home/End, and stops at both ends", () => {
    expect(slideAfterKey(0, 5, "ArrowRight")).toBe(1);
    expect(slideAfterKey(1, 5, "PageDown")).toBe(2);
    expect(slideAfterKey(2, 5, "PageUp")).toBe(1);
    expect(slideAfterKey(2, 5, "ArrowLeft")).toBe(1);
    expect(slideAfterKey(2, 5, " ")).toBe(3);
    expect(slideAfterKey(2, 5, " ", true)).toBe(1);
    expect(slideAfterKey(4, 5, "ArrowRight")).toBe(4);
    expect(slideAfterKey(0, 5, "ArrowLeft")).toBe(0);
    expect(slideAfterKey(2, 5, "Home")).toBe(0);
    expect(slideAfterKey(2, 5, "End")).toBe(4);
    expect(slideAfterKey(2, 5, "a")).toBeNull();
  });

  it("sums surplus and demand per material with totals, leaving deleted lots and projects out", () => {
    const projects = [
      project({
        lots: [
          lot({ id: "a", material: "rock", tonnes: 1000 }),
          lot({ id: "b", material: "rock", direction: "demand", tonnes: 400 }),
          lot({ id: "c", material: "clay_silt", tonnes: 50 }),
          lot({ id: "d", material: "topsoil", tonnes: 999, deletedAt: "2027-01-01T00:00:00Z" }),
        ],
      }),
      project({ id: "P2", deletedAt: "2027-01-01T00:00:00Z", lots: [lot({ id: "e", tonnes: 5000 })] }),
    ];
    expect(materialTotals(projects)).toEqual({
      rows: [
        { material: "rock", surplusTonnes: 1000, demandTonnes: 400 },
        { material: "clay_silt", surplusTonnes: 50, demandTonnes: 0 },
      ],
      total: { surplusTonnes: 1050, demandTonnes: 400 },
    });
  });
});
