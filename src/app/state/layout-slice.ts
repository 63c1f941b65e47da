import type { StateCreator } from "zustand";
import { defaultVisibility, type LayerGroupId, type LayerVisibility } from "./layer-groups";
import type { AppState } from "./store";

export interface LayoutState {
  /** Which layer groups are shown on the map. */
  visibility: LayerVisibility;
  /** Whether the layer panel (with the legend) is open. */
  layerPanelOpen: boolean;
}

export const initialLayout: LayoutState = { visibility: defaultVisibility, layerPanelOpen: false };

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
}

export const createLayoutSlice: StateCreator<AppState, [], [], LayoutSlice> = (set) => ({
  layout: initialLayout,
  toggleLayer: (id) =>
    set((s) => ({ layout: { ...s.layout, visibility: withLayerToggled(s.layout.visibility, id) } })),
  setLayerVisible: (id, visible) =>
    set((s) => ({ layout: { ...s.layout, visibility: withLayerVisible(s.layout.visibility, id, visible) } })),
  toggleLayerPanel: () => set((s) => ({ layout: { ...s.layout, layerPanelOpen: !s.layout.layerPanelOpen } })),
  setLayerPanelOpen: (open) => set((s) => ({ layout: { ...s.layout, layerPanelOpen: open } })),
});
