/**
 * The registry's side effects outside the form: the list's filters, loading, showing and
 * opening projects, restoring. The form's own (saving, conflicts) are in `editor-actions.ts`.
 */
import type { Project } from "../../../core/domain/records";
import { bboxOf } from "../../../core/geo/geometry";
import { fetchMaterials, fetchProject, fetchProjectSummaries, fetchUsers, restoreProject, type ApiFailure } from "../../api/client";
import { failureMessage, type Message } from "../../api/failure-message";
import { openEditor } from "../../state/editor-slice";
import { useAppStore } from "../../state/store";
import { refreshProjectsWithLots } from "../map-data/projects-with-lots";
import { monthRangeReversed, projectQueryString, type ProjectFilters } from "./project-query";

/** A 401 means the session ended; the session watch (`watchSession`) has already gone back to sign-in. */
export const sessionEnded = (failure: ApiFailure): boolean => failure.status === 401;

/** The conversion table and the users, for the form. Failures leave the reference values and no member list. */
export async function loadRegistryReferenceData(): Promise<void> {
  const [materials, users] = await Promise.all([fetchMaterials(), fetchUsers()]);
  const store = useAppStore.getState();
  if (materials.ok) store.setMaterials(materials.value);
  if (users.ok) store.setUsers(users.value);
}

let filterRequest = 0;

/** Asks the server for the projects matching the filters (the list and the map then show them). */
export async function loadFiltered(filters: ProjectFilters = useAppStore.getState().registry.filters): Promise<void> {
  const query = projectQueryString(filters);
  const store = useAppStore.getState();
  if (query === "" || monthRangeReversed(filters)) {
    store.setFiltered({ status: query === "" ? "idle" : "ready", query, projects: [], failure: null });
    return;
  }
  const request = ++filterRequest;
  store.setFiltered({ ...store.registry.filtered, status: "loading", query });
  const result = await fetchProjectSummaries(query);
  // A later filter has been asked for meanwhile: this answer is stale.
  if (request !== filterRequest) return;
  if (!result.ok) {
    if (sessionEnded(result.failure)) return;
    useAppStore.getState().setFiltered({ status: "error", query, projects: [], failure: result.failure });
    return;
  }
  useAppStore.getState().setFiltered({ status: "ready", query, projects: result.value, failure: null });
}

/** Reloads every project (the map's summaries, and the lots if a view holds them) and the filtered list after a write. */
export async function reloadProjects(): Promise<void> {
  const result = await fetchProjectSummaries();
  if (result.ok) {
    const store = useAppStore.getState();
    store.setData({ ...store.data, projects: result.value });
  } else if (sessionEnded(result.failure)) {
    return;
  }
  await Promise.all([loadFiltered(), refreshProjectsWithLots()]);
}

/** Selects a project and flies the map to it. */
export function showProject(project: Pick<Project, "id" | "location">): void {
  const store = useAppStore.getState();
  store.select({ kind: "project", id: project.id });
  store.focusMap(bboxOf(project.location));
}

// The form's code (and proj4 with it) loads only when a form opens, not with the sign-in page.
const draftModule = () => import("./draft");

/** Opens the form on a new, empty project. */
export async function openNewProject(): Promise<void> {
  const { emptyDraft, historyOf } = await draftModule();
  useAppStore.getState().setEditor(openEditor(null, historyOf(emptyDraft())));
}

/**
 * Opens the form on a stored project, fetched whole (a filtered list holds only the matching lots).
 * Answers the message to show when it could not be loaded.
 */
export async function openProjectEditor(projectId: string): Promise<Message | null> {
  const result = await fetchProject(projectId);
  if (!result.ok) {
    if (sessionEnded(result.failure)) return null;
    return failureMessage(result.failure);
  }
  const { draftFromProject, historyOf } = await draftModule();
  useAppStore.getState().setEditor(openEditor(result.value, historyOf(draftFromProject(result.value))));
  return null;
}

/** Restores a deleted project (admins). */
export async function restoreDeletedProject(projectId: string): Promise<Message | null> {
  const result = await restoreProject(projectId);
  if (!result.ok) {
    if (sessionEnded(result.failure)) return null;
    return failureMessage(result.failure);
  }
  await reloadProjects();
  return null;
}
