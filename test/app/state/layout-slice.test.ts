import { beforeEach, describe, expect, it } from "vitest";
import { defaultVisibility, layerGroupIds, layerSections } from "../../../src/app/state/layer-groups";
import { withLayerToggled, withLayerVisible } from "../../../src/app/state/layout-slice";
import { resetAppStore, useAppStore } from "../../../src/app/state/store";

describe("layer visibility transitions", () => {
  it("toggle flips one group and leaves the others", () => {
    const next = withLayerToggled(defaultVisibility, "roads");
    expect(next.roads).toBe(false);
    expect({ ...next, roads: true }).toEqual(defaultVisibility);
    expect(defaultVisibility.roads).toBe(true);
  });

  it("toggling twice gives the same visibility back", () => {
    for (const id of layerGroupIds) {
      expect(withLayerToggled(withLayerToggled(defaultVisibility, id), id)).toEqual(defaultVisibility);
    }
  });

  it("setting a value it already has returns the same object", () => {
    expect(withLayerVisible(defaultVisibility, "zoning", true)).toBe(defaultVisibility);
    expect(withLayerVisible(defaultVisibility, "zoning", false).zoning).toBe(false);
  });

  it("starts with everything on except the online topographic map", () => {
    for (const id of layerGroupIds) expect(defaultVisibility[id], id).toBe(id !== "topo");
  });

  it("lists every group in exactly one panel section", () => {
    const listed = [...layerSections.planning, ...layerSections.basemap];
    expect([...listed].sort()).toEqual([...layerGroupIds].sort());
  });
});

describe("layout slice", () => {
  beforeEach(resetAppStore);

  it("toggles a layer and the panel through its actions", () => {
    const store = useAppStore.getState();
    store.toggleLayer("boundary");
    expect(useAppStore.getState().layout.visibility.boundary).toBe(false);
    store.setLayerVisible("boundary", true);
    expect(useAppStore.getState().layout.visibility.boundary).toBe(true);
    expect(useAppStore.getState().layout.layerPanelOpen).toBe(false);
    store.toggleLayerPanel();
    expect(useAppStore.getState().layout.layerPanelOpen).toBe(true);
    store.setLayerPanelOpen(false);
    expect(useAppStore.getState().layout.layerPanelOpen).toBe(false);
  });

  it("is back to its initial state after a reset", () => {
    useAppStore.getState().toggleLayer("roads");
    useAppStore.getState().setLang("en");
    resetAppStore();
    expect(useAppStore.getState().layout.visibility).toEqual(defaultVisibility);
    expect(useAppStore.getState().lang).toBe("nb");
    // The actions survive the reset.
    useAppStore.getState().toggleLayer("roads");
    expect(useAppStore.getState().layout.visibility.roads).toBe(false);
  });
});
