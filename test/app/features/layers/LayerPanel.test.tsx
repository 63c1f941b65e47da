// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { categoryColour, zoningCategories } from "../../../../src/core/zoning/arealformaal";
import { LayerPanel } from "../../../../src/app/features/layers/LayerPanel";
import { en } from "../../../../src/app/i18n/en";
import { nb } from "../../../../src/app/i18n/nb";
import { layerGroupIds } from "../../../../src/app/state/layer-groups";
import { resetAppStore, useAppStore } from "../../../../src/app/state/store";
import { useDeliveredFlows } from "../../../../src/app/state/delivered-flows-store";

beforeEach(() => {
  resetAppStore();
  useDeliveredFlows.setState(useDeliveredFlows.getInitialState(), true);
  useAppStore.getState().setLayerPanelOpen(true);
});

afterEach(cleanup);

describe("LayerPanel", () => {
  it("has one checkbox per layer group, named by its label, in both languages", () => {
    for (const [lang, catalogue] of [["en", en], ["nb", nb]] as const) {
      useAppStore.getState().setLang(lang);
      const { unmount } = render(<LayerPanel />);
      // One per group, the delivered loads and the road network in use (drawn from the API, not layer groups).
      expect(screen.getAllByRole("checkbox")).toHaveLength(layerGroupIds.length + 2);
      expect(screen.getByRole("checkbox", { name: catalogue["deliveredFlows.layer"] })).toBeTruthy();
      for (const id of layerGroupIds) {
        expect(screen.getByRole("checkbox", { name: catalogue[`layer.${id}`] })).toBeTruthy();
      }
      unmount();
    }
  });

  it("uses the names the browser tests expect", () => {
    useAppStore.getState().setLang("en");
    render(<LayerPanel />);
    for (const name of [
      "Asker boundary",
      "Roads",
      "Place names",
      "Built-up areas",
      "Zoning",
      "Projects",
      "Storage sites",
      "Landfills / receivers",
      "Quarries",
      "Topographic map (online)",
    ]) {
      expect(screen.getByRole("checkbox", { name })).toBeTruthy();
    }
  });

  it("shows the store's visibility and toggles it", () => {
    useAppStore.getState().setLang("en");
    render(<LayerPanel />);
    const topo = screen.getByRole("checkbox", { name: "Topographic map (online)" }) as HTMLInputElement;
    const roads = screen.getByRole("checkbox", { name: "Roads" }) as HTMLInputElement;
    expect([topo.checked, roads.checked]).toEqual([false, true]);
    fireEvent.click(topo);
    fireEvent.click(roads);
    expect(useAppStore.getState().layout.visibility.topo).toBe(true);
    expect(useAppStore.getState().layout.visibility.roads).toBe(false);
    expect([topo.checked, roads.checked]).toEqual([true, false]);
  });

  it("lists the zoning categories with their colours and localized names", () => {
    useAppStore.getState().setLang("nb");
    render(<LayerPanel />);
    const zoningItem = screen.getByRole("checkbox", { name: "Arealformål" }).closest("li")!;
    const entries = within(zoningItem).getAllByRole("listitem");
    expect(entries.map((li) => li.textContent)).toEqual(zoningCategories.map((c) => nb[`zoningCategory.${c}`]));
    const swatches = entries.map((li) => (li.querySelector(".swatch") as HTMLElement).style.getPropertyValue("--swatch-colour"));
    expect(swatches).toEqual(zoningCategories.map(categoryColour));
  });

  it("is hidden while closed", () => {
    useAppStore.getState().setLayerPanelOpen(false);
    render(<LayerPanel />);
    expect(screen.queryByRole("checkbox")).toBeNull();
  });

  it("switches the delivered loads on, off by default, with their legend and what was fetched", () => {
    useAppStore.getState().setLang("en");
    // The lots the loads name have come (the places of a route need them).
    useAppStore.getState().setProjectsWithLots({ status: "ready", items: [] });
    render(<LayerPanel />);
    const delivered = screen.getByRole("checkbox", { name: "Delivered loads" }) as HTMLInputElement;
    expect(delivered.checked).toBe(false);
    expect(screen.queryByText(/^Dashed, beside the plan/)).toBeNull();
    fireEvent.click(delivered);
    expect(useDeliveredFlows.getState().visible).toBe(true);
    expect(screen.getByText(/^Dashed, beside the plan/)).toBeTruthy();
    act(() =>
      useDeliveredFlows.getState().setData({
        status: "ready",
        month: null,
        items: [
          { from: { lotId: "L1" }, to: { siteId: "S1" }, material: "rock", tonnes: 1234.5, loads: 70, firstTime: "2027-02-01T07:00:00+01:00", lastTime: "2027-02-02T07:00:00+01:00" },
          { from: { siteId: "S1" }, to: { siteId: "S2" }, material: null, tonnes: 10, loads: 1, firstTime: "2027-02-01T07:00:00+01:00", lastTime: "2027-02-01T07:00:00+01:00" },
        ],
      }),
    );
    expect(screen.getByRole("status").textContent).toBe("2 routes, 71 loads, 1,244.5\u00a0t");
    // Neither end is known to the map (no projects or sites loaded here): both routes are left off and said so.
    expect(screen.getByText("2 routes are not shown: a place not known, or both ends at one point.")).toBeTruthy();
    fireEvent.click(delivered);
    expect(useDeliveredFlows.getState().visible).toBe(false);
  });
});
