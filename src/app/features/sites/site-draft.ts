/**
 * The site form's draft — pure. It keeps what the user typed (text for numbers, so "1 200,5" and
 * a half-typed value survive); `site-body.ts` turns it into the API's body. Type-only imports, so
 * the store can hold a draft without pulling the validation into the main bundle.
 */
import type { Material } from "../../../core/domain/materials";
import type { Site, SiteInput, SiteKind, siteStatuses } from "../../../core/domain/records";
import type { AreaGeometry } from "../../../core/geo/geometry";
import type { SpecialFlag } from "../../../core/special-masses/flags";

/** The classes a receiver may price on their own (gate fees per class). */
export const feeClasses = ["1", "2", "3", "4", "5"] as const;
export type FeeClass = (typeof feeClasses)[number];

export type SiteStatus = (typeof siteStatuses)[number];

export interface SiteDraft {
  id: string | null;
  version: number | null;
  name: string;
  kind: SiteKind;
  status: SiteStatus;
  /** WGS84 outline drawn on the map; null until drawn. */
  geometry: AreaGeometry | null;
  capacityTonnes: string;
  acceptsMaterials: Material[];
  /** "" or "1"…"5". */
  worstClass: string;
  handlingCostPerTonne: string;
  gateFeePerTonne: string;
  /** Quarry: virgin materials offered. */
  materials: Material[];
  pricePerTonne: string;
  kgCO2ePerTonne: string;
  windowFrom: string;
  windowTo: string;
  stackHeightM: string;
  /** Usable share of the area in percent (the API takes 0–1). */
  usablePercent: string;
  acceptsHazardous: boolean;
  /** Special masses the site is approved for (DESIGN §8). */
  acceptsFlags: SpecialFlag[];
  /** Receiver: gate fee per class as typed, "" = the flat fee; and for hazardous waste. */
  gateFeesByClass: Record<FeeClass, string>;
  gateFeeHazardous: string;
  /** Storage: a candidate for allocation with its fixed cost and rent, NOK (issue 11). */
  candidate: boolean;
  fixedCostNok: string;
  rentNokPerMonth: string;
  notes: string;
  /** Stored fields this form does not edit (the outdoor-material area …), sent back unchanged. */
  kept: Partial<SiteInput>;
}

/** Which optional fields each kind shows and sends. */
export const kindFields = {
  storage: ["capacityTonnes", "accepts", "handlingCostPerTonne", "stackHeightM", "usableShare", "candidate"],
  landfill: ["capacityTonnes", "accepts", "gateFeePerTonne", "gateFees", "acceptsHazardous", "stackHeightM", "usableShare"],
  quarry: ["materials", "pricePerTonne", "kgCO2ePerTonne"],
} as const satisfies Record<SiteKind, readonly string[]>;
export type KindField = (typeof kindFields)[SiteKind][number];

export function showsField(kind: SiteKind, field: KindField): boolean {
  return (kindFields[kind] as readonly string[]).includes(field);
}

export function emptySiteDraft(geometry: AreaGeometry | null, kind: SiteKind = "storage"): SiteDraft {
  return {
    id: null,
    version: null,
    name: "",
    kind,
    status: "candidate",
    geometry,
    capacityTonnes: "",
    acceptsMaterials: [],
    worstClass: "",
    handlingCostPerTonne: "",
    gateFeePerTonne: "",
    materials: [],
    pricePerTonne: "",
    kgCO2ePerTonne: "",
    windowFrom: "",
    windowTo: "",
    stackHeightM: "",
    usablePercent: "",
    acceptsHazardous: false,
    acceptsFlags: [],
    gateFeesByClass: { "1": "", "2": "", "3": "", "4": "", "5": "" },
    gateFeeHazardous: "",
    candidate: false,
    fixedCostNok: "",
    rentNokPerMonth: "",
    notes: "",
    kept: {},
  };
}

const numberText = (value: number | undefined) => (value === undefined ? "" : String(value));

export function draftFromSite(site: Site): SiteDraft {
  const kept: Partial<SiteInput> = {};
  if (site.materialAreaM2 !== undefined) kept.materialAreaM2 = site.materialAreaM2;
  if (site.materialAreaCovered !== undefined) kept.materialAreaCovered = site.materialAreaCovered;
  return {
    id: site.id,
    version: site.version,
    name: site.name,
    kind: site.kind,
    status: site.status,
    geometry: site.geometry,
    capacityTonnes: numberText(site.capacityTonnes),
    acceptsMaterials: [...(site.accepts?.materials ?? [])],
    worstClass: site.accepts ? String(site.accepts.worstClass) : "",
    handlingCostPerTonne: numberText(site.handlingCostPerTonne),
    gateFeePerTonne: numberText(site.gateFeePerTonne),
    materials: [...(site.materials ?? [])],
    pricePerTonne: numberText(site.pricePerTonne),
    kgCO2ePerTonne: numberText(site.kgCO2ePerTonne),
    candidate: site.candidate ?? false,
    fixedCostNok: numberText(site.fixedCostNok),
    rentNokPerMonth: numberText(site.rentNokPerMonth),
    windowFrom: site.window?.from ?? "",
    windowTo: site.window?.to ?? "",
    stackHeightM: numberText(site.stackHeightM),
    // Two decimals at most: 0.7 shows as 70, not 70.00000000000001.
    usablePercent: site.usableShare === undefined ? "" : String(Math.round(site.usableShare * 10000) / 100),
    acceptsHazardous: site.acceptsHazardous ?? false,
    acceptsFlags: [...(site.accepts?.flags ?? [])],
    gateFeesByClass: Object.fromEntries(feeClasses.map((c) => [c, numberText(site.gateFees?.byClass[c])])) as Record<FeeClass, string>,
    gateFeeHazardous: numberText(site.gateFees?.hazardous),
    notes: site.notes,
    kept,
  };
}

const comparable = (draft: SiteDraft) => {
  const { id: _id, version: _version, ...rest } = draft;
  return rest;
};

/** Whether closing the form would lose work: a new site always (its outline was drawn), a stored one when a field changed. */
export function siteDraftChanged(draft: SiteDraft, base: Site | null): boolean {
  if (!base) return true;
  return JSON.stringify(comparable(draft)) !== JSON.stringify(comparable(draftFromSite(base)));
}

/**
 * The draft rebased on the site as it is now, after a version conflict: each field the user
 * changed since `oldBase` keeps the user's value, everything else takes the current value, and
 * the version becomes the current one, so the next save overwrites only what the user changed.
 */
export function rebaseSiteDraft(draft: SiteDraft, oldBase: Site, current: Site): SiteDraft {
  const before = draftFromSite(oldBase);
  const rebased: SiteDraft = draftFromSite(current);
  for (const key of Object.keys(draft) as (keyof SiteDraft)[]) {
    if (key === "id" || key === "version") continue;
    if (JSON.stringify(draft[key]) !== JSON.stringify(before[key])) Object.assign(rebased, { [key]: draft[key] });
  }
  return rebased;
}
