import { describe, expect, it } from "vitest";
import { referenceMaterialProperties } from "../../../src/core/domain/materials";
import { historyOf, emptyDraft, withLotAdded } from "../../../src/app/features/projects/draft";
import { openEditor, withDraft } from "../../../src/app/state/editor-slice";
import { initialLayout, withLeftPanel, withMapFocus } from "../../../src/app/state/layout-slice";
import { materialTable, shownProjects } from "../../../src/app/state/registry-slice";
import { projectSummary as project } from "../../support/record-fixtures";

describe("materialTable", () => {
  it("uses the server's rows and the reference values for anything missing", () => {
    const table = materialTable([{ material: "mixed", densityTonnesPerM3InPlace: 2.1, swellInPlaceToLoose: 0.25, compactedPerInPlace: 1 }]);
    expect(table.mixed.densityTonnesPerM3InPlace).toBe(2.1);
    expect(table.rock).toEqual(referenceMaterialProperties.rock);
    expect(materialTable(null)).toEqual(referenceMaterialProperties);
  });
});

describe("shownProjects", () => {
  const all = [project({ id: "A" }), project({ id: "B" })];
  it("is every project without a filter, the filter's answer with one", () => {
    expect(shownProjects(all, { status: "idle", query: "", projects: [], failure: null })).toBe(all);
    const answer = [project({ id: "B" })];
    expect(shownProjects(all, { status: "ready", query: "?q=b", projects: answer, failure: null })).toBe(answer);
    // Still loading or failed: keep showing what there is rather than an empty map.
    expect(shownProjects(all, { status: "loading", query: "?q=b", projects: [], failure: null })).toBe(all);
  });
});

describe("layout", () => {
  it("holds one panel at a time on the left", () => {
    const layers = withLeftPanel(initialLayout, "layers", true);
    expect([layers.layerPanelOpen, layers.projectsPanelOpen]).toEqual([true, false]);
    const projects = withLeftPanel(layers, "projects", true);
    expect([projects.layerPanelOpen, projects.projectsPanelOpen]).toEqual([false, true]);
    expect(withLeftPanel(projects, "projects", false).projectsPanelOpen).toBe(false);
  });

  it("numbers each request to show an extent, so asking twice moves the map twice", () => {
    const once = withMapFocus(initialLayout, [10, 59, 10, 59]);
    const twice = withMapFocus(once, [10, 59, 10, 59]);
    expect(twice.mapFocus).toEqual({ bbox: [10, 59, 10, 59], seq: 2 });
  });
});

describe("editor", () => {
  it("forgets the server's field errors and a finished save's message on the next edit", () => {
    const editor = { ...openEditor(null, historyOf(emptyDraft())), serverErrors: { name: { key: "validation.required" as const } }, save: { status: "saved" as const, changes: 2 } };
    const next = withDraft(editor, withLotAdded(editor.history));
    expect(next.serverErrors).toEqual({});
    expect(next.save).toEqual({ status: "idle" });
    expect(withDraft(editor, editor.history)).toBe(editor);
  });
});
