/**
 * Pure parts of the outdoor-materials UI (issue #8): the lot form's draft and the body it sends,
 * the live area a typed quantity needs, the default storage site, and the rows of the area and
 * staff charts and of the suggestion list. No React, no fetch: tested on their own.
 */
import type { Project, Site } from "../../../core/domain/records";
import { shiftMonth } from "../../../core/domain/months";
import { representativePoint } from "../../../core/geo/geometry";
import type { OutdoorCondition, OutdoorDirection, OutdoorLot, OutdoorLotBody, OutdoorSuggestion, StoragePlan } from "../../../core/outdoor/api";
import { storageAreaM2, weightTonnes, type OutdoorMaterialType, type OutdoorUnit } from "../../../core/outdoor/catalogue";
import { assignStorage, materialStorageSitesOf, siteUnsuitability } from "../../../core/outdoor/lots";
import type { MessageKey } from "../../i18n/i18n";
import type { Translator } from "../../i18n/use-t";
import { parseTypedNumber } from "../projects/typed-number";

/** The lot form as typed: text where the user types, "" for "not given". */
export interface OutdoorLotDraft {
  direction: OutdoorDirection;
  typeId: string;
  quantity: string;
  condition: OutdoorCondition;
  /** Available: the month taken out (availableFrom); wanted: the month needed by (neededBy). */
  month: string;
  /** Available lots: the receiving project and the month it leaves storage, where known. */
  receiverProjectId: string;
  receiverMonth: string;
  /** "" = the nearest suitable site (the server's default). */
  storageSiteId: string;
  notes: string;
}

export function emptyOutdoorDraft(typeId: string): OutdoorLotDraft {
  return { direction: "available", typeId, quantity: "", condition: "reusable", month: "", receiverProjectId: "", receiverMonth: "", storageSiteId: "", notes: "" };
}

/** The draft that edits a stored lot. */
export function draftOfOutdoorLot(lot: OutdoorLot): OutdoorLotDraft {
  const receiver = lot.direction === "available" ? lot.wantedBy : undefined;
  return {
    direction: lot.direction,
    typeId: lot.typeId,
    quantity: String(lot.quantity),
    condition: lot.condition,
    month: lot.direction === "available" ? lot.availableFrom : lot.neededBy,
    receiverProjectId: receiver?.projectId ?? "",
    receiverMonth: receiver?.month ?? "",
    storageSiteId: lot.direction === "available" && lot.storage.chosen === "explicit" ? (lot.storageSiteId ?? "") : "",
    notes: lot.notes,
  };
}

/**
 * The request body of a draft. Fields that do not apply to the direction are left out, so the
 * server's checks name only what the user can fix. A quantity that is not a number is sent as -1,
 * which the server refuses with a message naming `quantity` (one place that words the rules).
 */
export function outdoorLotBody(draft: OutdoorLotDraft): OutdoorLotBody {
  const quantity = parseTypedNumber(draft.quantity) ?? -1;
  const base = { typeId: draft.typeId, quantity, condition: draft.condition, notes: draft.notes.trim() };
  if (draft.direction === "wanted") return { ...base, direction: "wanted", ...(draft.month ? { neededBy: draft.month } : {}) };
  return {
    ...base,
    direction: "available",
    ...(draft.month ? { availableFrom: draft.month } : {}),
    ...(draft.receiverMonth
      ? { wantedBy: { month: draft.receiverMonth, ...(draft.receiverProjectId ? { projectId: draft.receiverProjectId } : {}) } }
      : {}),
    ...(draft.storageSiteId ? { storageSiteId: draft.storageSiteId } : {}),
  };
}

/** What a typed quantity means for a type: the area it needs stored (m²) and its weight (t); null until it is a number > 0. */
export function typedQuantityNeeds(
  type: Pick<OutdoorMaterialType, "storage" | "weightTonnesPerUnit"> | undefined,
  quantityText: string,
): { quantity: number; areaM2: number; tonnes: number } | null {
  const quantity = parseTypedNumber(quantityText);
  if (!type || quantity === undefined || !(quantity > 0)) return null;
  return { quantity, areaM2: storageAreaM2(type, quantity), tonnes: weightTonnes(type, quantity) };
}

/** Storage sites with area for outdoor materials that can take the type (cover where it needs it). */
export function suitableStorageSites(sites: readonly Site[], type: Pick<OutdoorMaterialType, "needsCover" | "names"> | undefined): Site[] {
  if (!type) return [];
  const material = new Map(materialStorageSitesOf(sites).map((site) => [site.id, site]));
  return sites.filter((site) => {
    const m = material.get(site.id);
    return m !== undefined && !siteUnsuitability(m, type);
  });
}

/** The site an available lot of this project would be stored at by default: the nearest suitable one, or null. */
export function nearestStorageSite(
  project: Pick<Project, "id" | "location">,
  sites: readonly Site[],
  type: (Pick<OutdoorMaterialType, "needsCover" | "names"> & { id: string }) | undefined,
): Site | null {
  if (!type) return null;
  const choice = assignStorage(
    [{ id: "draft", direction: "available", typeId: type.id, location: representativePoint(project.location) }],
    materialStorageSitesOf(sites),
    new Map([[type.id, type]]),
  ).get("draft");
  return sites.find((site) => site.id === choice?.siteId) ?? null;
}

/** Short unit label in the UI's language: "m", "stk"/"pcs", "m²", "t", "m³". */
export function outdoorUnitLabel(unit: OutdoorUnit, tr: Pick<Translator, "t">): string {
  return tr.t(`outdoor.unit.${unit}` as MessageKey);
}

/** One month of the area chart for one site: needed vs available and what does not fit, m². */
export interface AreaChartRow {
  month: string;
  areaNeededM2: number;
  areaAvailableM2: number;
  shortfallM2: number;
}

/** The area chart's rows for one site of the plan (empty when the plan has no such site). */
export function areaChartRows(plan: Pick<StoragePlan, "sites">, siteId: string): AreaChartRow[] {
  const site = plan.sites.find((s) => s.siteId === siteId);
  return (site?.months ?? []).map((m) => ({ month: m.month, areaNeededM2: m.areaNeededM2, areaAvailableM2: m.areaAvailableM2, shortfallM2: m.shortfallM2 }));
}

/** A shortfall over consecutive months at one site: where, from when to when, and the most it lacks. */
export interface ShortfallRun {
  siteId: string | null;
  siteName: string | null;
  from: string;
  to: string;
  maxShortfallM2: number;
}

/**
 * The plan's shortfalls joined into runs of consecutive months per site, by site then month, so
 * a year short at one site reads as one line, not twelve.
 */
export function shortfallRuns(shortfalls: StoragePlan["shortfalls"]): ShortfallRun[] {
  const sorted = [...shortfalls].sort(
    (a, b) =>
      Number(a.siteId === null) - Number(b.siteId === null) ||
      (a.siteName ?? "").localeCompare(b.siteName ?? "", "nb") ||
      String(a.siteId).localeCompare(String(b.siteId)) ||
      a.month.localeCompare(b.month),
  );
  const runs: ShortfallRun[] = [];
  for (const s of sorted) {
    const last = runs.at(-1);
    if (last && last.siteId === s.siteId && shiftMonth(last.to, 1) === s.month) {
      last.to = s.month;
      last.maxShortfallM2 = Math.max(last.maxShortfallM2, s.shortfallM2);
    } else {
      runs.push({ siteId: s.siteId, siteName: s.siteName, from: s.month, to: s.month, maxShortfallM2: s.shortfallM2 });
    }
  }
  return runs;
}

/** The staff chart's rows: person-hours and full-time equivalents per month. */
export function staffChartRows(plan: Pick<StoragePlan, "staff">): { month: string; personHours: number; fte: number }[] {
  return plan.staff.map((m) => ({ month: m.month, personHours: m.personHours, fte: m.fte }));
}

/** The site to show first: the one with the largest shortfall, else the largest peak need, else the first. */
export function defaultPlanSite(plan: Pick<StoragePlan, "sites">): string | null {
  const sorted = [...plan.sites].sort((a, b) => b.peakShortfallM2 - a.peakShortfallM2 || b.peakAreaNeededM2 - a.peakAreaNeededM2);
  return sorted[0]?.siteId ?? null;
}

/** A suggestion as the list shows it: receiver, distance, what could go, what reuse saves. */
export interface SuggestionText {
  project: string;
  neededBy: string;
  haul: string;
  quantity: string;
  tonnes: string;
  co2e: string;
}

export function suggestionText(s: OutdoorSuggestion, tr: Translator): SuggestionText {
  const { t, withUnit } = tr;
  return {
    project: s.projectName ?? s.projectId,
    neededBy: s.neededBy,
    haul: withUnit(s.haulKm, t("unit.km"), 1),
    quantity: withUnit(s.quantity, outdoorUnitLabel(s.unit, tr)),
    tonnes: withUnit(s.tonnes, t("unit.tonnes")),
    co2e: withUnit(s.kgCO2eNetSaving, t("outdoor.unit.kgCO2e")),
  };
}
