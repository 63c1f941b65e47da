/**
 * The app's one zustand store, made of slices. Each slice keeps its logic in pure functions
 * (`withLayerToggled`, `withDataLoaded` …) that the actions only call. The MapLibre map instance is
 * never kept here: it lives in a ref in the map component.
 */
import { create } from "zustand";
import { createDataSlice, type DataSlice } from "./data-slice";
import { createEditorSlice, type EditorSlice } from "./editor-slice";
import { createLanguageSlice, type LanguageSlice } from "./language-slice";
import { createLayoutSlice, type LayoutSlice } from "./layout-slice";
import { createMatchingSlice, type MatchingSlice } from "./matching-slice";
import { createOutdoorSlice, type OutdoorSlice } from "./outdoor-slice";
import { createRegistrySlice, type RegistrySlice } from "./registry-slice";
import { createScenarioSlice, type ScenarioSlice } from "./scenario-slice";
import { createSelectionSlice, type SelectionSlice } from "./selection-slice";
import { createSessionSlice, type SessionSlice } from "./session-slice";
import { createSitesSlice, type SitesSlice } from "./sites-slice";

export type AppState = SessionSlice & LayoutSlice & SelectionSlice & DataSlice & LanguageSlice & RegistrySlice & EditorSlice & SitesSlice & MatchingSlice & ScenarioSlice & OutdoorSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createLayoutSlice(...args),
  ...createSelectionSlice(...args),
  ...createDataSlice(...args),
  ...createLanguageSlice(...args),
  ...createRegistrySlice(...args),
  ...createEditorSlice(...args),
  ...createSitesSlice(...args),
  ...createMatchingSlice(...args),
  ...createOutdoorSlice(...args),
  ...createScenarioSlice(...args),
}));

/** Puts the store back to its initial state (between tests, and on sign-out). */
export function resetAppStore(): void {
  useAppStore.setState(useAppStore.getInitialState(), true);
}
