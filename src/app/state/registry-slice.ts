import type { StateCreator } from "zustand";
import { materials, referenceMaterialProperties, type Material, type MaterialProperties } from "../../core/domain/materials";
import type { MaterialPropertiesRow, ProjectSummary } from "../../core/domain/registry-api";
import type { UserListItem } from "../../core/domain/users-api";
import type { ApiFailure } from "../api/client";
import { noFilters, type ProjectFilters } from "../features/projects/project-query";
import type { AppState } from "./store";

/** The result of the list's filters: the projects (their matching lots summed) the list and map show. */
export interface FilteredProjects {
  status: "idle" | "loading" | "ready" | "error";
  /** The query string the projects answer ("" = no filter: the map shows all loaded projects). */
  query: string;
  projects: readonly ProjectSummary[];
  failure: ApiFailure | null;
}

export interface RegistryState {
  filters: ProjectFilters;
  filtered: FilteredProjects;
  /** The conversion table in force (`GET /api/materials`); null until loaded. */
  materials: readonly MaterialPropertiesRow[] | null;
  /** Who can be named a member (`GET /api/users`); null until loaded. */
  users: readonly UserListItem[] | null;
}

export const initialRegistry: RegistryState = {
  filters: noFilters,
  filtered: { status: "idle", query: "", projects: [], failure: null },
  materials: null,
  users: null,
};

/**
 * The conversion table for `toTonnes`: the server's rows where present, the reference values of
 * DESIGN §5 for anything missing (so the tonnes beside a quantity never go blank while loading).
 */
export function materialTable(rows: readonly MaterialPropertiesRow[] | null): Record<Material, MaterialProperties> {
  const table = { ...referenceMaterialProperties };
  for (const row of rows ?? []) {
    if (!materials.includes(row.material)) continue;
    table[row.material] = {
      densityTonnesPerM3InPlace: row.densityTonnesPerM3InPlace,
      swellInPlaceToLoose: row.swellInPlaceToLoose,
      compactedPerInPlace: row.compactedPerInPlace,
    };
  }
  return table;
}

/**
 * The projects the map and list show: the filter's answer while a filter is set and answered,
 * otherwise every loaded project.
 */
export function shownProjects(all: readonly ProjectSummary[], filtered: FilteredProjects): readonly ProjectSummary[] {
  return filtered.query !== "" && filtered.status === "ready" ? filtered.projects : all;
}

export interface RegistrySlice {
  registry: RegistryState;
  setFilters: (filters: ProjectFilters) => void;
  setFiltered: (filtered: FilteredProjects) => void;
  setMaterials: (rows: readonly MaterialPropertiesRow[]) => void;
  setUsers: (users: readonly UserListItem[]) => void;
}

export const createRegistrySlice: StateCreator<AppState, [], [], RegistrySlice> = (set) => ({
  registry: initialRegistry,
  setFilters: (filters) => set((s) => ({ registry: { ...s.registry, filters } })),
  setFiltered: (filtered) => set((s) => ({ registry: { ...s.registry, filtered } })),
  setMaterials: (rows) => set((s) => ({ registry: { ...s.registry, materials: rows } })),
  setUsers: (users) => set((s) => ({ registry: { ...s.registry, users } })),
});
