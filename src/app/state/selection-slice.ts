import type { StateCreator } from "zustand";
import type { AppState } from "./store";

/** The record shown in the details panel, by kind and id; the record itself lives in the data slice. */
export interface Selection {
  kind: "project" | "site" | "zoning" | "zone";
  id: string;
}

export interface SelectionSlice {
  selection: Selection | null;
  select: (selection: Selection | null) => void;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selection: null,
  select: (selection) => set({ selection }),
});
