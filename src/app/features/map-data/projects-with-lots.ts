/**
 * Every project with its lots, fetched only when a view needs lots (the map and the list draw from
 * the summaries of `GET /api/map/projects`). One copy in the store serves every open view.
 */
import { useEffect, useState } from "react";
import type { Project } from "../../../core/domain/records";
import { fetchProjects } from "../../api/client";
import { noProjectsWithLots } from "../../state/data-slice";
import { useAppStore } from "../../state/store";
import { endSession } from "../session/session-actions";

let latestRequest = 0;

/** Fetches every project with its lots into the store; an answer overtaken by a later request is dropped. */
export async function loadProjectsWithLots(): Promise<void> {
  const request = ++latestRequest;
  const { data, setProjectsWithLots } = useAppStore.getState();
  setProjectsWithLots({ ...data.withLots, status: "loading" });
  const result = await fetchProjects();
  if (request !== latestRequest || useAppStore.getState().session.status !== "signedIn") return;
  if (!result.ok && result.failure.status === 401) {
    endSession("session.expired");
    return;
  }
  const current = useAppStore.getState().data.withLots;
  useAppStore.getState().setProjectsWithLots(result.ok ? { status: "ready", items: result.value } : { ...current, status: "error" });
}

/**
 * After a write: fetches the projects with lots again if some view has asked for them; otherwise
 * they stay unfetched until one does.
 */
export async function refreshProjectsWithLots(): Promise<void> {
  if (useAppStore.getState().data.withLots.status !== "idle") await loadProjectsWithLots();
}

/** Forgets the projects with lots (a new sign-in, a full reload): a view that needs them fetches them afresh. */
export function forgetProjectsWithLots(): void {
  latestRequest++;
  useAppStore.getState().setProjectsWithLots(noProjectsWithLots);
}

export interface ProjectsWithLotsView {
  status: "idle" | "loading" | "ready" | "error";
  projects: readonly Project[];
}

/**
 * Every project with its lots for a view, fetched the first time a view asks (empty until then);
 * `enabled` false (a closed panel, a hidden layer) asks for nothing. `status` lets the view say it
 * is loading or failed.
 */
export function useProjectsWithLots(enabled = true): ProjectsWithLotsView {
  const withLots = useAppStore((s) => s.data.withLots);
  const signedIn = useAppStore((s) => s.session.status === "signedIn");
  useEffect(() => {
    // The store's status, not this render's: views mounted together must start one fetch between them.
    if (enabled && signedIn && useAppStore.getState().data.withLots.status === "idle") void loadProjectsWithLots();
  }, [enabled, signedIn, withLots.status]);
  return { status: withLots.status, projects: withLots.items };
}

/**
 * The projects the list's filters pick, with their matching lots (`GET /api/projects?…`), or every
 * project with its lots when no filter is answered: what `shownProjects` picks, with lots. Fetched
 * again when the filter's answer is replaced (a new filter, or a reload after a write).
 */
export function useShownProjectsWithLots(enabled = true): ProjectsWithLotsView {
  const filtered = useAppStore((s) => s.registry.filtered);
  const byFilter = filtered.query !== "" && filtered.status === "ready";
  const all = useProjectsWithLots(enabled && !byFilter);
  const [picked, setPicked] = useState<{ of: typeof filtered; view: ProjectsWithLotsView } | null>(null);
  useEffect(() => {
    if (!enabled || !byFilter) return;
    let current = true;
    void fetchProjects(filtered.query).then((result) => {
      if (current) setPicked({ of: filtered, view: result.ok ? { status: "ready", projects: result.value } : { status: "error", projects: [] } });
    });
    return () => {
      current = false;
    };
  }, [enabled, byFilter, filtered]);
  if (!byFilter) return all;
  return picked?.of === filtered ? picked.view : { status: "loading", projects: [] };
}
