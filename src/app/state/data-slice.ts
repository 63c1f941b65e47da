import type { StateCreator } from "zustand";
import type { Project, Site, ZoningArea } from "../../core/domain/records";
import type { HazardZone } from "../../core/zoning/hazard-zones";
import type { ApiFailure } from "../api/client";
import type { AppState } from "./store";

/** The API collections the map shows. */
export type DataPart = "projects" | "sites" | "zoning" | "zones";

export interface DataFailure {
  part: DataPart;
  failure: ApiFailure;
}

export interface DataState {
  status: "idle" | "loading" | "ready" | "error";
  projects: readonly Project[];
  sites: readonly Site[];
  zoning: readonly ZoningArea[];
  /** Hazard and protection zones (issue 17). */
  zones: readonly HazardZone[];
  /** What failed to load on the last attempt; the parts that did load are kept and shown. */
  failures: readonly DataFailure[];
}

export const initialData: DataState = { status: "idle", projects: [], sites: [], zoning: [], zones: [], failures: [] };

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
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  data: initialData,
  setData: (data) => set({ data }),
});
