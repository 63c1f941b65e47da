/**
 * A recommendation as the meeting and the report read it (issue 11): its status in words, the
 * allocated sites with their costs and the ranked site values with units. Pure; Presentation
 * mode's slide and the PDF section share it, so both say the same.
 */
import type { RecommendationView } from "../../../core/allocation/recommendation-api";
import { formatNumber, formatWithUnit, translate, type Lang, type MessageKey } from "../../i18n/i18n";

type Result = NonNullable<RecommendationView["result"]>;

/** Whether the optimum is proven: status `optimal` and the search closed its gap (unplaced lots do not change that). */
export const isProven = (result: Result): boolean => result.status === "optimal" && result.allocation.proven;

/** Tonnes of the lots the plan cannot place. */
export const unplacedTonnes = (result: Result): number => result.unplaced.reduce((sum, u) => sum + u.tonnes, 0);

/** "Proven optimal (gap 0 %)." or "Best allocation found, not proven optimal … (gap 1.2 %)", and the tonnes that cannot be placed. */
export function statusText(result: Result, lang: Lang): string {
  const gap = formatNumber(lang, result.allocation.gap * 100, 4);
  const status = translate(lang, isProven(result) ? "allocation.proven" : "allocation.notProven", { gap });
  const tonnes = unplacedTonnes(result);
  return tonnes > 0 ? `${status} ${translate(lang, "allocation.unplacedTonnes", { tonnes: formatWithUnit(lang, tonnes, "t", 0), count: result.unplaced.length })}` : status;
}

/** A number with its sign and unit: "+1 200 000 kr", "−35 t" (U+2212, as typeset). */
export function signedWithUnit(lang: Lang, value: number, unit: string, digits = 0): string {
  const rounded = Number(value.toFixed(digits));
  const text = formatWithUnit(lang, Math.abs(rounded), unit, digits);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `\u2212${text}` : text;
}

export interface SiteValueRow {
  siteId: string;
  name: string;
  statusKey: MessageKey;
  allocated: boolean;
  /** NOK, kg CO2e, tonnes: the other plan − the recommended one. */
  deltaCost: number;
  deltaKgCO2e: number;
  deltaTonnesReused: number;
  fixedCostNok: number;
  rentNok: number;
}

/** Where a candidate stands in the recommendation: allocated, excluded by the scenario's choice, left out, or left out because the limits leave no room. */
export function siteStatusKey(value: { allocated: boolean; withinLimits: boolean }, choice?: "required" | "excluded"): MessageKey {
  if (value.allocated) return "allocation.status.allocated";
  if (choice === "excluded") return "allocation.status.excluded";
  return value.withinLimits ? "allocation.status.left" : "allocation.status.overLimit";
}

/**
 * Every candidate, in the engine's ranking (allocated first, each by what it is worth, largest
 * first); `sites` (the run's snapshot) tells the candidates the scenario excluded.
 */
export function siteValueRows(result: Result, name: (id: string) => string, sites: RecommendationView["sites"] = []): SiteValueRow[] {
  const choice = new Map(sites.map((site) => [site.id, site.allocation]));
  return result.allocation.siteValues.map((value) => ({
    siteId: value.siteId,
    name: name(value.siteId),
    statusKey: siteStatusKey(value, choice.get(value.siteId)),
    allocated: value.allocated,
    deltaCost: value.deltaCost,
    deltaKgCO2e: value.deltaKgCO2e,
    deltaTonnesReused: value.deltaTonnesReused,
    fixedCostNok: value.fixedCostNok,
    rentNok: value.rentNok,
  }));
}

/** The names of a recommendation's sites: its snapshot's, else the registry's, else the id. */
export function siteNamer(view: Pick<RecommendationView, "sites">, registry: readonly { id: string; name: string }[] = []): (id: string) => string {
  const names = new Map([...registry.map((s) => [s.id, s.name] as const), ...view.sites.map((s) => [s.id, s.name] as const)]);
  return (id) => names.get(id) ?? id;
}

/**
 * The name of a refused field as the editor labels it: the limits and the candidate fields by
 * their labels, "scenario" (problems of the scenario as a whole, self-explained) by none (null),
 * anything else by its path ("").
 */
export function refusedFieldLabel(path: string): MessageKey | "" | null {
  if (path === "scenario") return null;
  if (/^(parameters\.)?maxAllocatedSites$/.test(path)) return "allocation.maxSites";
  if (/^(parameters\.)?maxAllocatedAreaM2$/.test(path)) return "allocation.maxArea";
  if (/^sites\[\d+\]\.fixedCostNok$/.test(path)) return "sites.form.fixedCostNok";
  if (/^sites\[\d+\]\.areaM2$/.test(path)) return "allocation.field.area";
  if (/^(sites\[\d+\]\.allocation|siteAllocation)/.test(path)) return "allocation.choices";
  return "";
}
