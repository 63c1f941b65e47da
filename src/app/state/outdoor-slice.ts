import type { StateCreator } from "zustand";
import type { OutdoorMaterialTypeRecord } from "../../core/outdoor/api";
import type { AppState } from "./store";

/** The outdoor-materials view (issue #8): whether it is open, the catalogue, and a counter that tells lists to reload. */
export interface OutdoorState {
  panelOpen: boolean;
  /** The catalogue in force (`GET /api/outdoor-materials/types`); null until loaded. */
  types: readonly OutdoorMaterialTypeRecord[] | null;
  /** Goes up after every write of an outdoor lot, so the lists, plan and project tables load again. */
  lotsVersion: number;
}

export const initialOutdoor: OutdoorState = { panelOpen: false, types: null, lotsVersion: 0 };

/** The catalogue with one type replaced by its saved version (or added). */
export function withOutdoorType(types: readonly OutdoorMaterialTypeRecord[] | null, type: OutdoorMaterialTypeRecord): OutdoorMaterialTypeRecord[] {
  const list = types ?? [];
  return list.some((t) => t.id === type.id) ? list.map((t) => (t.id === type.id ? type : t)) : [...list, type];
}

export interface OutdoorSlice {
  outdoor: OutdoorState;
  setOutdoorPanelOpen: (open: boolean) => void;
  setOutdoorTypes: (types: readonly OutdoorMaterialTypeRecord[]) => void;
  putOutdoorType: (type: OutdoorMaterialTypeRecord) => void;
  outdoorLotsChanged: () => void;
}

export const createOutdoorSlice: StateCreator<AppState, [], [], OutdoorSlice> = (set) => ({
  outdoor: initialOutdoor,
  setOutdoorPanelOpen: (open) => set((s) => ({ outdoor: { ...s.outdoor, panelOpen: open } })),
  setOutdoorTypes: (types) => set((s) => ({ outdoor: { ...s.outdoor, types } })),
  putOutdoorType: (type) => set((s) => ({ outdoor: { ...s.outdoor, types: withOutdoorType(s.outdoor.types, type) } })),
  outdoorLotsChanged: () => set((s) => ({ outdoor: { ...s.outdoor, lotsVersion: s.outdoor.lotsVersion + 1 } })),
});
