import { z } from "zod";
import { findingEffects, type FindingEffect } from "./rules";

/** Every reason key, with its parameters (all numbers in the units their names say). */
export const reasonKeys = [
  /** {code, codeList, name, category, sharePercent, areaM2}: the site lies on allowed zoning. */
  "zoning.allowed",
  /** {code, codeList, name, category, sharePercent, areaM2}: needs a dispensation or a plan change. */
  "zoning.conditional",
  /** {code, codeList, name, category, sharePercent, areaM2, toleratedPercent}: excluded zoning above the tolerated share. */
  "zoning.excluded",
  /** {code, codeList, name, category, sharePercent, areaM2, toleratedPercent}: excluded zoning within the tolerated share. */
  "zoning.excludedTolerated",
  /** {code, codeList, name, category, sharePercent, areaM2, negligiblePercent}: a digitising sliver, ignored. */
  "zoning.negligible",
  /** {sharePercent, areaM2}: part of the site has no imported zoning. */
  "zoning.unzoned",
  /** {sharePercent, areaM2}: zoning areas overlap each other on the site (shares add up to more than 100 %). */
  "zoning.overlapping",
  /** {kind, label, code, codeList, name, distanceM, bufferM}: sensitive zoning within its buffer. */
  "conflict.nearby",
  /** {distanceM}: the nearest road. */
  "road.nearest",
  /** {distanceM, maxDistanceM}: the nearest road is farther than the rules' limit. */
  "road.far",
  /** {}: no road within 50 km, or no road data given. */
  "road.unknown",
  /** {hazard, source, objectType, code, codeName, zoneName, sharePercent, areaM2}: the site lies in a hazard or protection zone (issue 17; zone-findings.ts). */
  "zone.hazard",
  /** {…as zone.hazard, negligiblePercent}: a sliver of a zone on the site, ignored. */
  "zone.negligible",
] as const;
export type ReasonKey = (typeof reasonKeys)[number];

/**
 * Why a site got its verdict, one finding per reason. `key` and `params` let the UI say it in
 * Norwegian or English (i18n key `suitability.<key>`); `text` is the English sentence the API and
 * the CLI return in `reasons`. `effect` is what the finding does to the verdict: "suitable"
 * (allowed zoning), "info" (nothing), "conditional" or "unsuitable".
 */
export const suitabilityReasonSchema = z.object({
  key: z.enum(reasonKeys),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  text: z.string(),
  effect: z.enum(["suitable", ...findingEffects]),
});
export type SuitabilityReason = z.infer<typeof suitabilityReasonSchema>;

export type ReasonEffect = SuitabilityReason["effect"];

/** "42 %", "98.5 %", "0.2 %": one decimal, dropped when it is 0. */
export function percentText(share: number): string {
  return `${Number((share * 100).toFixed(1))} %`;
}

/** "130 m" below a kilometre, "1.2 km" from there. */
export function distanceText(metres: number): string {
  if (metres < 999.5) return `${Math.round(metres)} m`;
  return `${Number((metres / 1000).toFixed(1))} km`;
}

/** Rounded for params: shares as percent with one decimal, metres to the metre. */
const percentParam = (share: number) => Math.round(share * 1000) / 10;

interface ZoningFinding {
  code: number;
  codeList: string;
  name: string;
  category: string;
  share: number;
  areaM2: number;
}

const zoningParams = (finding: ZoningFinding) => ({
  code: finding.code,
  codeList: finding.codeList,
  name: finding.name,
  category: finding.category,
  sharePercent: percentParam(finding.share),
  areaM2: Math.round(finding.areaM2),
});

const zoned = (finding: ZoningFinding) => `${percentText(finding.share)} of the site is zoned ${finding.code} ${finding.name}`;

export function zoningReason(
  kind: "allowed" | "conditional" | "excluded" | "excludedTolerated" | "negligible",
  finding: ZoningFinding,
  { toleratedShare, negligibleShare }: { toleratedShare: number; negligibleShare: number },
): SuitabilityReason {
  const params = zoningParams(finding);
  switch (kind) {
    case "allowed":
      return { key: "zoning.allowed", params, text: `${zoned(finding)} (allowed)`, effect: "suitable" };
    case "conditional":
      return { key: "zoning.conditional", params, text: `${zoned(finding)}: needs a dispensation or a plan change`, effect: "conditional" };
    case "excluded":
      return {
        key: "zoning.excluded",
        params: { ...params, toleratedPercent: percentParam(toleratedShare) },
        text: `${zoned(finding)}: not allowed there (more than the ${percentText(toleratedShare)} tolerated)`,
        effect: "unsuitable",
      };
    case "excludedTolerated":
      return {
        key: "zoning.excludedTolerated",
        params: { ...params, toleratedPercent: percentParam(toleratedShare) },
        text: `${zoned(finding)}: not allowed there, but within the ${percentText(toleratedShare)} tolerated; adjust the boundary`,
        effect: "conditional",
      };
    case "negligible":
      return {
        key: "zoning.negligible",
        params: { ...params, negligiblePercent: percentParam(negligibleShare) },
        text: `${zoned(finding)}: a sliver below ${percentText(negligibleShare)}, ignored`,
        effect: "info",
      };
  }
}

export function unzonedReason(share: number, areaM2: number, effect: FindingEffect): SuitabilityReason {
  return {
    key: "zoning.unzoned",
    params: { sharePercent: percentParam(share), areaM2: Math.round(areaM2) },
    text: `${percentText(share)} of the site has no zoning in the imported plans: check the plans there`,
    effect,
  };
}

export function overlappingReason(share: number, areaM2: number): SuitabilityReason {
  return {
    key: "zoning.overlapping",
    params: { sharePercent: percentParam(share), areaM2: Math.round(areaM2) },
    text: `zoning areas overlap each other on ${percentText(share)} of the site (e.g. a reguleringsplan over the kommuneplan), so the shares add up to more than 100 %`,
    effect: "info",
  };
}

/** Plain words for the codes a planner names by use, not by number. */
const codeWords: Readonly<Record<number, string>> = { 1161: "kindergarten", 1162: "school" };

export function conflictReason(
  conflict: { kind: string; label: string; code: number; codeList: string; name: string; distanceM: number; bufferM: number },
  effect: FindingEffect,
): SuitabilityReason {
  const words = codeWords[conflict.code] ?? conflict.label;
  return {
    key: "conflict.nearby",
    params: {
      kind: conflict.kind,
      label: conflict.label,
      code: conflict.code,
      codeList: conflict.codeList,
      name: conflict.name,
      distanceM: Math.round(conflict.distanceM),
      bufferM: conflict.bufferM,
    },
    text: `nearest ${words} zoning ${distanceText(conflict.distanceM)} (${conflict.code} ${conflict.name}; buffer ${distanceText(conflict.bufferM)})`,
    effect,
  };
}

export function roadReason(distanceM: number | null, rules: { maxDistanceM: number; effect: FindingEffect }, { roadData = true } = {}): SuitabilityReason {
  if (!roadData) return { key: "road.unknown", params: {}, text: "no road data given: road access not checked", effect: "info" };
  if (distanceM === null) return { key: "road.unknown", params: {}, text: "no road found within 50 km in the road data: road access not checked", effect: "info" };
  if (distanceM > rules.maxDistanceM) {
    return {
      key: "road.far",
      params: { distanceM: Math.round(distanceM), maxDistanceM: rules.maxDistanceM },
      text: `nearest road ${distanceText(distanceM)}, farther than ${distanceText(rules.maxDistanceM)}: an access road may be needed`,
      effect: rules.effect,
    };
  }
  return { key: "road.nearest", params: { distanceM: Math.round(distanceM) }, text: `nearest road ${distanceText(distanceM)}`, effect: "info" };
}
