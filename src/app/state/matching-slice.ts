import type { StateCreator } from "zustand";
import type { SolveStage } from "../../core/matching/solve";
import type { MatchResult } from "../../core/matching/result";
import type { Place } from "../features/results/result-data";
import type { AppState } from "./store";

/** Where the shown result came from: the browser's own run on all data, or a scenario's stored run. */
export type ResultSource = { kind: "browser"; seconds: number } | { kind: "scenario"; scenarioId: string };

/** The result on the map and in the results panel. */
export interface ShownResult {
  source: ResultSource;
  result: MatchResult;
  /** Names and points of the ids the result mentions. */
  places: Readonly<Record<string, Place>>;
}

/** The browser run of "Run matching" (issue 4): loading the instance, then the worker's stages. */
export type BrowserRun =
  | { status: "idle" }
  | { status: "running"; stage: "loading" | SolveStage }
  | { status: "failed"; message: string };

export interface MatchingState {
  run: BrowserRun;
  shown: ShownResult | null;
  panelOpen: boolean;
  /** The month the map shows; null = all months summed. */
  month: string | null;
  /** Index of the flow picked in the table, highlighted on the map. */
  selectedFlow: number | null;
  /** Road paths of flows by `routeKey`, filled in as they arrive (road mode). */
  paths: Readonly<Record<string, readonly [number, number][]>>;
  /**
   * The result whose key figures the results panel has put on screen. The map draws a new
   * result's flows after that (FlowsOnMap), so the figures are not kept waiting behind map work.
   */
  figuresShownFor: MatchResult | null;
}

export const initialMatching: MatchingState = { run: { status: "idle" }, shown: null, panelOpen: false, month: null, selectedFlow: null, paths: {}, figuresShownFor: null };

export function withRunStage(state: MatchingState, stage: "loading" | SolveStage): MatchingState {
  return { ...state, run: { status: "running", stage } };
}

export function withRunFailed(state: MatchingState, message: string): MatchingState {
  return { ...state, run: { status: "failed", message } };
}

/** A new result shown: the panel opens on all months, nothing picked, old paths dropped. */
export function withResultShown(state: MatchingState, shown: ShownResult): MatchingState {
  const sameResult = state.shown?.result === shown.result;
  return {
    ...state,
    run: shown.source.kind === "browser" ? { status: "idle" } : state.run,
    shown,
    panelOpen: true,
    month: sameResult ? state.month : null,
    selectedFlow: sameResult ? state.selectedFlow : null,
    paths: sameResult ? state.paths : {},
  };
}

export function withResultClosed(state: MatchingState): MatchingState {
  return { ...state, shown: null, panelOpen: false, month: null, selectedFlow: null, paths: {}, figuresShownFor: null };
}

/** Picks a flow; its month becomes the map's month when a month is shown, so the flow is on the map. */
export function withFlowSelected(state: MatchingState, index: number | null): MatchingState {
  if (index === null || !state.shown || state.shown.result.status === "error") return { ...state, selectedFlow: null };
  const flow = state.shown.result.flows[index];
  if (!flow) return state;
  return { ...state, selectedFlow: index, month: state.month === null ? null : flow.month };
}

export interface MatchingSlice {
  matching: MatchingState;
  updateMatching: (update: (state: MatchingState) => MatchingState) => void;
  setResultMonth: (month: string | null) => void;
  selectFlow: (index: number | null) => void;
  closeResult: () => void;
  /** Called by the results panel once it has rendered `result`'s key figures. */
  markFiguresShown: (result: MatchResult) => void;
}

export const createMatchingSlice: StateCreator<AppState, [], [], MatchingSlice> = (set) => ({
  matching: initialMatching,
  updateMatching: (update) => set((s) => ({ matching: update(s.matching) })),
  setResultMonth: (month) => set((s) => ({ matching: { ...s.matching, month } })),
  selectFlow: (index) => set((s) => ({ matching: withFlowSelected(s.matching, index) })),
  closeResult: () => set((s) => ({ matching: withResultClosed(s.matching) })),
  markFiguresShown: (result) => set((s) => (s.matching.figuresShownFor === result ? s : { matching: { ...s.matching, figuresShownFor: result } })),
});
