import type { StateCreator } from "zustand";
import type { LotOverride } from "../../core/matching/from-registry";
import type { Scenario, ScenarioInput, ScenarioResultView } from "../../core/scenario/scenario";
import type { ScenarioListItem } from "../api/client";
import type { Message } from "../api/failure-message";
import type { AppState } from "./store";

/** The scenario being edited: its stored record and the changes not saved yet. */
export interface ScenarioDraft {
  id: string;
  version: number;
  input: ScenarioInput;
  dirty: boolean;
}

export interface ScenariosState {
  panelOpen: boolean;
  status: "idle" | "loading" | "ready" | "error";
  items: readonly ScenarioListItem[];
  /** The scenario open in the panel (edited by planners, read by others). */
  draft: ScenarioDraft | null;
  /** Each scenario's last result view, as the server gave it. */
  views: Readonly<Record<string, ScenarioResultView>>;
  /** Scenarios with a run in flight (polled). */
  running: Readonly<Record<string, string>>;
  /** The scenario last deleted, for Undo. */
  deleted: { id: string; name: string } | null;
  message: { text: Message; tone: "info" | "error" } | null;
}

export const initialScenarios: ScenariosState = {
  panelOpen: false,
  status: "idle",
  items: [],
  draft: null,
  views: {},
  running: {},
  deleted: null,
  message: null,
};

/** The input part of a stored scenario (what a PUT sends back). */
export function inputOf(scenario: Scenario): ScenarioInput {
  return { name: scenario.name, note: scenario.note, siteIds: scenario.siteIds, parameters: scenario.parameters, overrides: scenario.overrides };
}

export function draftOf(scenario: Scenario): ScenarioDraft {
  return { id: scenario.id, version: scenario.version, input: inputOf(scenario), dirty: false };
}

/** The list with one scenario put in (replacing its old record, keeping its last run) or added at the end. */
export function withScenarioStored(items: readonly ScenarioListItem[], scenario: Scenario): ScenarioListItem[] {
  const at = items.findIndex((s) => s.id === scenario.id);
  if (at < 0) return [...items, { ...scenario, lastRun: null }];
  return items.map((s, i) => (i === at ? { ...scenario, lastRun: s.lastRun } : s));
}

export function withScenarioRemoved(items: readonly ScenarioListItem[], id: string): ScenarioListItem[] {
  return items.filter((s) => s.id !== id);
}

/** The draft with one change to its input; marks it dirty. */
export function withDraftInput(draft: ScenarioDraft, change: Partial<ScenarioInput>): ScenarioDraft {
  return { ...draft, input: { ...draft.input, ...change }, dirty: true };
}

/**
 * The sites in play with one site taken in or out. `siteIds` null means "every site", so the
 * first toggle turns it into the explicit list of all sites but that one; a list holding every
 * site again goes back to null.
 */
export function withSiteToggled(siteIds: readonly string[] | null, siteId: string, allSiteIds: readonly string[]): string[] | null {
  const current = siteIds ?? allSiteIds;
  const next = current.includes(siteId) ? current.filter((id) => id !== siteId) : [...current, siteId];
  const everything = allSiteIds.length > 0 && allSiteIds.every((id) => next.includes(id)) && next.every((id) => allSiteIds.includes(id));
  return everything ? null : next;
}

/** Whether a site is in play under `siteIds` (null = all). */
export function siteInPlay(siteIds: readonly string[] | null, siteId: string): boolean {
  return siteIds === null || siteIds.includes(siteId);
}

/** The overrides with one changed (fields undefined are dropped) or removed (`null`). */
export function withOverride(overrides: readonly LotOverride[], index: number, next: LotOverride | null): LotOverride[] {
  if (next === null) return overrides.filter((_, i) => i !== index);
  const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as LotOverride;
  return index >= overrides.length ? [...overrides, clean] : overrides.map((o, i) => (i === index ? clean : o));
}

/** A name not used yet: "Scenario 3" after "Scenario 1" and "Scenario 2". */
export function nextScenarioName(items: readonly { name: string }[], make: (n: number) => string): string {
  const names = new Set(items.map((s) => s.name));
  let n = items.length + 1;
  while (names.has(make(n))) n += 1;
  return make(n);
}

export interface ScenarioSlice {
  scenarios: ScenariosState;
  updateScenarios: (update: (state: ScenariosState) => ScenariosState) => void;
  setScenariosPanelOpen: (open: boolean) => void;
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set) => ({
  scenarios: initialScenarios,
  updateScenarios: (update) => set((s) => ({ scenarios: update(s.scenarios) })),
  setScenariosPanelOpen: (open) => set((s) => ({ scenarios: { ...s.scenarios, panelOpen: open } })),
});
