/**
 * What Compare, Presentation mode and the export show: the scenarios that have a solved result,
 * the registry (for names and locations) and the site ranking. A thin zustand store over pure
 * functions; it loads once per opening, so a meeting sees the numbers as they were when it began.
 */
import { create } from "zustand";
import type { Project, Site } from "../../../core/domain/records";
import type { ScenarioRun } from "../../../core/scenario/scenario";
import { fetchProjects, fetchSites, type ApiFailure } from "../../api/client";
import { fetchRanking, fetchRecommendation, fetchScenarioResult, fetchScenarios, type RankingItem, type ScenarioListItem, type SolvedResult } from "../../api/client";
import type { RecommendationView } from "../../../core/allocation/recommendation-api";

/** A scenario with its last good result. */
export interface ScenarioEntry {
  scenario: ScenarioListItem;
  run: ScenarioRun | null;
  result: SolvedResult;
  /** Its last site-allocation recommendation, when it has one (issue 11). */
  recommendation?: RecommendationEntry | undefined;
}

/** The recommendation of a scenario as the views show it (issue 11): the view and its result, present. */
export interface RecommendationEntry {
  scenario: ScenarioListItem;
  view: RecommendationView;
  result: RecommendedResult;
}

export type RecommendedResult = NonNullable<RecommendationView["result"]>;

/** The scenarios with a recommendation, in the list's order. */
export function recommendationEntries(scenarios: readonly ScenarioListItem[], views: readonly (RecommendationView | null)[]): RecommendationEntry[] {
  return scenarios.flatMap((scenario, i) => {
    const view = views[i];
    return view?.result ? [{ scenario, view, result: view.result }] : [];
  });
}

export interface ScenarioData {
  entries: ScenarioEntry[];
  projects: Project[];
  sites: Site[];
  /** Empty when the ranking could not be computed (the rest still shows). */
  ranking: RankingItem[];
  /** The scenarios' site-allocation recommendations (issue 11); absent when none was loaded. */
  recommendations?: RecommendationEntry[];
}

export type ScenarioDataState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "loaded"; data: ScenarioData }
  | { status: "failed"; failure: ApiFailure };

/** Keeps the scenarios whose result is solved, in the list's order. */
export function solvedEntries(
  scenarios: readonly ScenarioListItem[],
  views: readonly ({ run: ScenarioRun | null; result: { status: string } | null } | null)[],
): ScenarioEntry[] {
  const entries: ScenarioEntry[] = [];
  scenarios.forEach((scenario, i) => {
    const view = views[i];
    if (view?.result && view.result.status !== "error") entries.push({ scenario, run: view.run, result: view.result as SolvedResult });
  });
  return entries;
}

/** The first two to four scenarios (Compare starts with them ticked). */
export function defaultSelection(entries: readonly ScenarioEntry[]): string[] {
  return entries.slice(0, 4).map((e) => e.scenario.id);
}

/** Ticks or unticks a scenario, keeping at most four and the list's order. */
export function withToggled(selected: readonly string[], id: string, order: readonly string[]): string[] {
  const set = new Set(selected);
  if (set.has(id)) set.delete(id);
  else if (set.size < 4) set.add(id);
  return order.filter((x) => set.has(x));
}

interface ScenarioViewsState {
  presentationOpen: boolean;
  compareOpen: boolean;
  data: ScenarioDataState;
  selected: string[];
  openPresentation(): void;
  closePresentation(): void;
  openCompare(): void;
  closeCompare(): void;
  toggleSelected(id: string): void;
}

export const useScenarioViews = create<ScenarioViewsState>()((set, get) => ({
  presentationOpen: false,
  compareOpen: false,
  data: { status: "idle" },
  selected: [],
  openPresentation: () => {
    set({ presentationOpen: true, compareOpen: false });
    void loadScenarioData();
  },
  closePresentation: () => set({ presentationOpen: false }),
  openCompare: () => {
    set({ compareOpen: true, presentationOpen: false });
    void loadScenarioData();
  },
  closeCompare: () => set({ compareOpen: false }),
  toggleSelected: (id) => {
    const data = get().data;
    const order = data.status === "loaded" ? data.data.entries.map((e) => e.scenario.id) : [];
    set({ selected: withToggled(get().selected, id, order) });
  },
}));

/** Loads everything the views need; a failed scenario list fails the whole, a failed ranking only empties it. */
export async function loadScenarioData(): Promise<void> {
  useScenarioViews.setState({ data: { status: "loading" } });
  const [scenarios, projects, sites, ranking] = await Promise.all([fetchScenarios(), fetchProjects(), fetchSites(), fetchRanking()]);
  const firstFailure = [scenarios, projects, sites].find((r) => !r.ok);
  if (firstFailure && !firstFailure.ok) {
    useScenarioViews.setState({ data: { status: "failed", failure: firstFailure.failure } });
    return;
  }
  if (!scenarios.ok || !projects.ok || !sites.ok) return;
  const [views, recommendationViews] = await Promise.all([
    Promise.all(scenarios.value.map(async (s) => {
      const view = await fetchScenarioResult(s.id);
      return view.ok ? view.value : null;
    })),
    // A recommendation that cannot be read leaves its slide and report section out; the rest still shows.
    Promise.all(scenarios.value.map(async (s) => {
      const view = await fetchRecommendation(s.id);
      return view.ok ? view.value : null;
    })),
  ]);
  const recommendations = recommendationEntries(scenarios.value, recommendationViews);
  const byScenario = new Map(recommendations.map((r) => [r.scenario.id, r]));
  const entries = solvedEntries(scenarios.value, views).map((e) => ({ ...e, recommendation: byScenario.get(e.scenario.id) }));
  useScenarioViews.setState({
    data: { status: "loaded", data: { entries, projects: projects.value, sites: sites.value, ranking: ranking.ok ? ranking.value : [], recommendations } },
    selected: defaultSelection(entries),
  });
}
