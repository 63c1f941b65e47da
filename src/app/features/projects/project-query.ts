/**
 * The project list's filters and their query string for `GET /api/projects` and the CSV export,
 * so the list, the map and the export always show the same projects and lots.
 */
import type { Material } from "../../../core/domain/materials";
import type { ProjectStatus } from "./draft";

/** TA-2553 classes as the selects offer them. */
export const contaminationClasses = ["1", "2", "3", "4", "5"] as const;

export interface ProjectFilters {
  /** Text search in name, contact and notes. */
  q: string;
  status: ProjectStatus | "";
  material: Material | "";
  /** "1"…"5", or "" for any class. */
  contaminationClass: string;
  direction: "surplus" | "demand" | "";
  /** Months "YYYY-MM": lots whose window overlaps from…to. */
  from: string;
  to: string;
  /** Admins: list deleted projects too (to restore them). */
  includeDeleted: boolean;
}

export const noFilters: ProjectFilters = {
  q: "",
  status: "",
  material: "",
  contaminationClass: "",
  direction: "",
  from: "",
  to: "",
  includeDeleted: false,
};

/** The query parameters of the filters that are set, in a stable order. */
export function projectQueryParams(filters: ProjectFilters): URLSearchParams {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set("q", q);
  if (filters.status) params.set("status", filters.status);
  if (filters.material) params.set("material", filters.material);
  if (filters.contaminationClass) params.set("contaminationClass", filters.contaminationClass);
  if (filters.direction) params.set("direction", filters.direction);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.includeDeleted) params.set("includeDeleted", "true");
  return params;
}

/** "?q=…&material=rock", or "" when no filter is set. */
export function projectQueryString(filters: ProjectFilters): string {
  const text = projectQueryParams(filters).toString();
  return text ? `?${text}` : "";
}

export function filtersActive(filters: ProjectFilters): boolean {
  return projectQueryString(filters) !== "";
}

/** The month range is reversed: the list would always be empty, so say so instead of asking the server. */
export function monthRangeReversed(filters: ProjectFilters): boolean {
  return filters.from !== "" && filters.to !== "" && filters.from > filters.to;
}

/** How many filters besides the text search are set (shown on the collapsed filter section). */
export function countActiveFilters(filters: ProjectFilters): number {
  return [filters.status, filters.material, filters.contaminationClass, filters.direction, filters.from, filters.to].filter((v) => v !== "").length + (filters.includeDeleted ? 1 : 0);
}
