/**
 * Site allocation in the browser (issue 11): per scenario, the last recommendation view, a run in
 * progress and a message; and which sites the map highlights. Its own small store beside the app
 * store (the map and the scenario editor read it), with pure updates.
 */
import { create } from "zustand";
import type { RecommendationView } from "../../core/allocation/recommendation-api";
import type { Message } from "../api/failure-message";

export interface AllocationEntry {
  view: RecommendationView | null;
  /** A recommendation in progress: its run (null while starting) and when it started, ms since the epoch. */
  running: { runId: string | null; startedAtMs: number } | null;
  message: (Message & { tone: "info" | "error" }) | null;
  /** The field problems of a refused recommendation (400), each translated beside its field's name. */
  refusal: readonly RefusedField[] | null;
}

/** One field problem of a refusal: the field's JSON path as the server names it, and its message. */
export interface RefusedField {
  path: string;
  message: Message;
}

export interface AllocationState {
  byScenario: Readonly<Record<string, AllocationEntry>>;
  /** The recommended sites the map outlines (the open scenario's last recommendation). */
  highlighted: readonly string[];
  update: (scenarioId: string, change: Partial<AllocationEntry>) => void;
  highlight: (siteIds: readonly string[]) => void;
}

export const emptyAllocationEntry: AllocationEntry = { view: null, running: null, message: null, refusal: null };

/** The entry of `scenarioId` with `change` applied. */
export const withAllocationChange = (
  byScenario: Readonly<Record<string, AllocationEntry>>,
  scenarioId: string,
  change: Partial<AllocationEntry>,
): Readonly<Record<string, AllocationEntry>> => ({ ...byScenario, [scenarioId]: { ...(byScenario[scenarioId] ?? emptyAllocationEntry), ...change } });

export const useAllocationStore = create<AllocationState>()((set) => ({
  byScenario: {},
  highlighted: [],
  update: (scenarioId, change) => set((s) => ({ byScenario: withAllocationChange(s.byScenario, scenarioId, change) })),
  highlight: (siteIds) => set({ highlighted: [...siteIds] }),
}));
