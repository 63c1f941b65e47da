/**
 * The site tools' state: the Sites panel, the drawing on the map, the site form, and which of
 * the site dialogs is open. Transitions are pure functions; the actions only call them.
 */
import type { StateCreator } from "zustand";
import type { Site } from "../../core/domain/records";
import type { AreaGeometry } from "../../core/geo/geometry";
import type { Message } from "../api/failure-message";
import { draftFromSite, emptySiteDraft, type SiteDraft } from "../features/sites/site-draft";
import type { FieldErrors } from "../i18n/field-errors";
import type { AppState } from "./store";

/**
 * What the drawing controller on the map is doing: nothing, drawing a new outline (click points,
 * finish with a double-click or Enter), or editing the outline of the open form (drag corners).
 */
export type SiteDrawing = { mode: "off" } | { mode: "draw" } | { mode: "edit"; geometry: AreaGeometry };

export interface SiteEditor {
  /** The site as stored when the form opened (null for a new one). */
  base: Site | null;
  draft: SiteDraft;
  errors: FieldErrors;
  /** Someone else saved first: their version (409). */
  conflict: Site | null;
  saving: boolean;
  message: Message | null;
}

export type SiteDialog = "ranking" | "zoningImport" | "roadNetwork" | "siteImport" | null;

export interface SitesState {
  panelOpen: boolean;
  drawing: SiteDrawing;
  editor: SiteEditor | null;
  dialog: SiteDialog;
  /** The road network in use drawn on the map. */
  roadNetworkVisible: boolean;
  /** Bumped when the network in use changes, so the layer fetches it again. */
  roadNetworkRevision: number;
}

export const initialSites: SitesState = {
  panelOpen: false,
  drawing: { mode: "off" },
  editor: null,
  dialog: null,
  roadNetworkVisible: false,
  roadNetworkRevision: 0,
};

export function newEditor(draft: SiteDraft, base: Site | null = null): SiteEditor {
  return { base, draft, errors: {}, conflict: null, saving: false, message: null };
}

/** An outline was finished on the map: it goes into the open form, or opens a form for a new site. */
export function withOutlineFinished(state: SitesState, geometry: AreaGeometry): SitesState {
  const editor = state.editor
    ? { ...state.editor, draft: { ...state.editor.draft, geometry }, errors: withoutKey(state.editor.errors, "geometry") }
    : newEditor(emptySiteDraft(geometry));
  return { ...state, drawing: { mode: "off" }, editor };
}

/** While an outline is edited on the map, the form follows each change. */
export function withOutlineChanged(state: SitesState, geometry: AreaGeometry): SitesState {
  if (!state.editor) return state;
  return { ...state, editor: { ...state.editor, draft: { ...state.editor.draft, geometry } } };
}

function withoutKey(errors: FieldErrors, key: string): FieldErrors {
  if (!(key in errors)) return errors;
  const { [key]: _gone, ...rest } = errors;
  return rest;
}

export interface SitesSlice {
  sites: SitesState;
  setSitesPanelOpen: (open: boolean) => void;
  startSiteDrawing: () => void;
  startOutlineEdit: () => void;
  finishSiteOutline: (geometry: AreaGeometry) => void;
  changeSiteOutline: (geometry: AreaGeometry) => void;
  stopSiteDrawing: () => void;
  openSiteEditor: (site: Site) => void;
  updateSiteEditor: (update: (editor: SiteEditor) => SiteEditor) => void;
  closeSiteEditor: () => void;
  setSiteDialog: (dialog: SiteDialog) => void;
  setRoadNetworkVisible: (visible: boolean) => void;
  roadNetworkChanged: () => void;
}

export const createSitesSlice: StateCreator<AppState, [], [], SitesSlice> = (set) => ({
  sites: initialSites,
  setSitesPanelOpen: (panelOpen) => set((s) => ({ sites: { ...s.sites, panelOpen } })),
  startSiteDrawing: () => set((s) => ({ sites: { ...s.sites, drawing: { mode: "draw" } } })),
  startOutlineEdit: () =>
    set((s) => {
      const geometry = s.sites.editor?.draft.geometry;
      // terra-draw edits single polygons; a multipolygon can only be redrawn.
      return geometry?.type === "Polygon" ? { sites: { ...s.sites, drawing: { mode: "edit", geometry } } } : {};
    }),
  finishSiteOutline: (geometry) => set((s) => ({ sites: withOutlineFinished(s.sites, geometry) })),
  changeSiteOutline: (geometry) => set((s) => ({ sites: withOutlineChanged(s.sites, geometry) })),
  stopSiteDrawing: () => set((s) => ({ sites: { ...s.sites, drawing: { mode: "off" } } })),
  openSiteEditor: (site) => set((s) => ({ sites: { ...s.sites, drawing: { mode: "off" }, editor: newEditor(draftFromSite(site), site) } })),
  updateSiteEditor: (update) => set((s) => (s.sites.editor ? { sites: { ...s.sites, editor: update(s.sites.editor) } } : {})),
  closeSiteEditor: () => set((s) => ({ sites: { ...s.sites, drawing: { mode: "off" }, editor: null } })),
  setSiteDialog: (dialog) => set((s) => ({ sites: { ...s.sites, dialog } })),
  setRoadNetworkVisible: (roadNetworkVisible) => set((s) => ({ sites: { ...s.sites, roadNetworkVisible } })),
  roadNetworkChanged: () => set((s) => ({ sites: { ...s.sites, roadNetworkRevision: s.sites.roadNetworkRevision + 1 } })),
});
