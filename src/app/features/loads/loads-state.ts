/**
 * Whether the loads view is open and on which tab. A small store of its own (not a slice of the
 * app store) so the feature stays in one folder; nothing else reads it.
 */
import { create } from "zustand";

export const loadTabs = ["register", "deliveries"] as const;
export type LoadTab = (typeof loadTabs)[number];

interface LoadsViewState {
  open: boolean;
  tab: LoadTab;
  /** A load to show (a deviation's link), highlighted in the deliveries tab. */
  focusLoadId: string | null;
  show: (tab: LoadTab, focusLoadId?: string | null) => void;
  close: () => void;
  setTab: (tab: LoadTab) => void;
}

export const useLoadsView = create<LoadsViewState>((set) => ({
  open: false,
  tab: "register",
  focusLoadId: null,
  show: (tab, focusLoadId = null) => set({ open: true, tab, focusLoadId }),
  close: () => set({ open: false, focusLoadId: null }),
  setTab: (tab) => set({ tab }),
}));
