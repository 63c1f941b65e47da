import type { StateCreator } from "zustand";
import type { Bbox } from "../../core/geo/geometry";
import { defaultVisibility, type LayerGroupId, type LayerVisibility } from "./layer-groups";
import type { AppState } from "./store";

/** A request to the map to show an extent; `seq` makes the same extent asked twice a new request. */
export interface MapFocus {
  bbox: Bbox;
  seq: number;
}

export interface LayoutState {
  /** Which layer groups are shown on the map. */
  visibility: LayerVisibility;
  /** Whether the layer panel (with the legend) is open. */
  layerPanelOpen: boolean;
  /** Whether the project list is open (it shares the left side with the layer panel). */
  projectsPanelOpen: boolean;
  /** Whether the mass-balance chart is open (along the bottom). */
  balancePanelOpen: boolean;
  /** The last extent the map was asked to show. */
  mapFocus: MapFocus | null;
}

export const initialLayout: LayoutState = {
  visibility: defaultVisibility,
  layerPanelOpen: false,
  projectsPanelOpen: false,
  balancePanelOpen: false,
  mapFocus: null,
};

/** The left side holds one panel at a time: opening one closes the other. */
export function withLeftPanel(layout: LayoutState, panel: "layers" | "projects", open: boolean): LayoutState {
  if (!open) return panel === "layers" ? { ...layout, layerPanelOpen: false } : { ...layout, projectsPanelOpen: false };
  return { ...layout, layerPanelOpen: panel === "layers", projectsPanelOpen: panel === "projects" };
}

/** Asks the map to show `bbox`. */
export function withMapFocus(layout: LayoutState, bbox: Bbox): LayoutState {
  return { ...layout, mapFocus: { bbox, seq: (layout.mapFocus?.seq ?? 0) + 1 } };
}

/** The visibility with one group flipped. */
export function withLayerToggled(visibility: LayerVisibility, id: LayerGroupId): LayerVisibility {
  return { ...visibility, [id]: !visibility[id] };
}

/** The visibility with one group set; the same object when nothing changes, so selectors stay stable. */
export function withLayerVisible(visibility: LayerVisibility, id: LayerGroupId, visible: boolean): LayerVisibility {
  return visibility[id] === visible ? visibility : { ...visibility, [id]: visible };
}

export interface LayoutSlice {
  layout: LayoutState;
  toggleLayer: (id: LayerGroupId) => void;
  setLayerVisible: (id: LayerGroupId, visible: boolean) => void;
  toggleLayerPanel: () => void;
  setLayerPanelOpen: (open: boolean) => void;
  toggleProjectsPanel: () => void;
  setProjectsPanelOpen: (open: boolean) => void;
  toggleBalancePanel: () => void;
  focusMap: (bbox: Bbox) => void;
}

export const createLayoutSlice: StateCreator<AppState, [], [], LayoutSlice> = (set) => ({
  layout: initialLayout,
  toggleLayer: (id) =>
    set((s) => ({ layout: { ...s.layout, visibility: withLayerToggled(s.layout.visibility, id) } })),
  setLayerVisible: (id, visible) =>
    set((s) => ({ layout: { ...s.layout, visibility: withLayerVisible(s.layout.visibility, id, visible) } })),
  toggleLayerPanel: () => set((s) => ({ layout: withLeftPanel(s.layout, "layers", !s.layout.layerPanelOpen) })),
  setLayerPanelOpen: (open) => set((s) => ({ layout: withLeftPanel(s.layout, "layers", open) })),
  toggleProjectsPanel: () => set((s) => ({ layout: withLeftPanel(s.layout, "projects", !s.layout.projectsPanelOpen) })),
  setProjectsPanelOpen: (open) => set((s) => ({ layout: withLeftPanel(s.layout, "projects", open) })),
  toggleBalancePanel: () => set((s) => ({ layout: { ...s.layout, balancePanelOpen: !s.layout.balancePanelOpen } })),
  focusMap: (bbox) => set((s) => ({ layout: withMapFocus(s.layout, bbox) })),
});
