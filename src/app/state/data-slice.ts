import type { StateCreator } from "zustand";
import type { Project, Site, ZoningArea } from "../../core/domain/records";
import type { ProjectSummary } from "../../core/domain/registry-api";
import type { HazardZone } from "../../core/zoning/hazard-zones";
import type { ApiFailure } from "../api/client";
import type { AppState } from "./store";

/** The API collections the map shows. */
export type DataPart = "projects" | "sites" | "zoning" | "zones";

export interface DataFailure {
  part: DataPart;
  failure: ApiFailure;
}

/**
 * Every project with its lots (`GET /api/projects`), for the views that need lots: the balance chart,
 * the scenario and load forms' lot pickers, delivered loads, exports. Fetched only when such a view
 * first needs it (`useProjectsWithLots`), since with thousands of projects it is megabytes; "idle"
 * means nobody has asked since the last sign-in.
 */
export interface ProjectsWithLots {
  status: "idle" | "loading" | "ready" | "error";
  items: readonly Project[];
}

export const noProjectsWithLots: ProjectsWithLots = { status: "idle", items: [] };

export interface DataState {
  status: "idle" | "loading" | "ready" | "error";
  /** What the map and the project list draw (`GET /api/map/projects`): each project with its lots summed. */
  projects: readonly ProjectSummary[];
  sites: readonly Site[];
  zoning: readonly ZoningArea[];
  /** Hazard and protection zones (issue 17). */
  zones: readonly HazardZone[];
  /** What failed to load on the last attempt; the parts that did load are kept and shown. */
  failures: readonly DataFailure[];
  withLots: ProjectsWithLots;
}

export const initialData: DataState = { status: "idle", projects: [], sites: [], zoning: [], zones: [], failures: [], withLots: noProjectsWithLots };

export function withDataLoading(data: DataState): DataState {
  return { ...data, status: "loading", failures: [] };
}

/**
 * The data after a load: the parts that arrived replace the old ones, the failed parts keep
 * their previous value, and the status says whether anything failed.
 */
export function withDataLoaded(
  data: DataState,
  loaded: Partial<Pick<DataState, DataPart>>,
  failures: readonly DataFailure[] = [],
): DataState {
  return { ...data, ...loaded, failures, status: failures.length > 0 ? "error" : "ready" };
}

/** True when any loaded record belongs to the illustrative demo set (the UI must say so). */
export function anyIllustrative(data: Pick<DataState, "projects" | "sites" | "zoning">): boolean {
  return (
    data.projects.some((p) => p.illustrative) ||
    data.sites.some((s) => s.illustrative) ||
    data.zoning.some((z) => z.illustrative)
  );
}

export interface DataSlice {
  data: DataState;
  setData: (data: DataState) => void;
  setProjectsWithLots: (withLots: ProjectsWithLots) => void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  data: initialData,
  setData: (data) => set({ data }),
  setProjectsWithLots: (withLots) => set((s) => ({ data: { ...s.data, withLots } })),
});
