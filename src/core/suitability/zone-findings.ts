import type { AreaGeometry, Bbox } from "../geo/geometry";
import { planarAreaM2 } from "../geo/planar-area";
import { z } from "zod";
import { hazardZoneInputSchema, zoneCodeName, zoneHazards, type HazardZoneInput, type ZoneHazard } from "../zoning/hazard-zones";
import { percentText, type SuitabilityReason } from "./reasons";
import { findingEffects, type FindingEffect } from "./rules";
import type { ZoningIndex } from "./zoning-index";
import { clip } from "./zoning-overlap";

/** What the report needs of a hazard or protection zone (a stored zone or an imported one fits). */
export type SuitabilityHazardZone = Pick<HazardZoneInput, "source" | "family" | "objectType" | "code" | "name" | "hazard" | "geometry" | "planId"> & {
  id?: string;
  details?: Record<string, string>;
};

/** One zone on the site, as the report lists it. */
export const zoneEntrySchema = z.object({
  id: z.string().optional(),
  source: hazardZoneInputSchema.shape.source,
  family: hazardZoneInputSchema.shape.family,
  objectType: z.string(),
  code: z.number().nullable(),
  /** The code's name ("Ras- og skredfare") or the NVE map's kind ("Kvikkleiresone"). */
  codeName: z.string(),
  /** `hensynSonenavn` (H310_1) or NVE's name of the zone; "" when the file gives none. */
  name: z.string(),
  hazard: z.enum(zoneHazards),
  planId: z.string(),
  details: z.record(z.string(), z.string()),
  /** Area of the site in the zone, m² (planar, EPSG:25832). */
  areaM2: z.number(),
  /** areaM2 ÷ the site's area, 0–1. */
  share: z.number(),
  /** What the rules say this zone does to the site (info for a sliver below the negligible share). */
  effect: z.enum(findingEffects),
});
export type ZoneEntry = z.infer<typeof zoneEntrySchema>;

/**
 * Why a zone matters to a storage or receiving site, in plain words: what the zone is about and
 * what a stockpile there risks. English; the UI has the same in Norwegian (`hazard.<kind>.why`).
 */
export const zoneHazardWhy: Readonly<Record<ZoneHazard, string>> = {
  landslide: "a landslide hazard zone: the weight of a stockpile can set the slope off; not for storing or depositing masses",
  quick_clay: "a quick-clay hazard zone: extra load can trigger a quick-clay slide; not for storing or depositing masses",
  quick_clay_cleared: "NVE has found no quick-clay hazard here",
  flood: "a flood zone: masses can be washed out and pollute the watercourse; only with flood-safe stockpiles and a permit that allows it",
  drinking_water: "a drinking-water catchment or groundwater zone: runoff from the masses must not reach the water; only clean masses, with conditions",
  safety_zone: "a safety zone (building ban or sight line): stockpiles may not stand there without the road or rail owner's consent",
  noise: "a noise zone: machines and trucks add noise; mind the noise limits of T-1442",
  radon: "a radon zone: no consequence for storing masses",
  fire_explosion: "a fire or explosion hazard zone: the plan's provisions decide what may be placed there",
  shooting_range: "the danger zone of a shooting range: people working there are at risk; only with the range owner's consent",
  high_voltage: "a high-voltage zone: stockpiles and machines must keep the clearance to the lines; ask the grid owner",
  military: "a military zone: ask the Armed Forces (Forsvarsbygg) first",
  other_hazard: "a hazard zone: read the plan's provisions before using it",
  infrastructure: "an infrastructure requirement zone: no consequence for storing masses in itself",
  agriculture: "an agriculture zone (jordvern): storage takes farmland out of use; only temporarily and restored",
  reindeer: "a reindeer husbandry zone: the plan's provisions decide",
  outdoor_recreation: "an outdoor recreation zone: storage blocks public access",
  green_structure: "a green-structure zone: storage breaks the green corridor",
  landscape: "a landscape zone: stockpiles change the landscape; the plan's provisions decide",
  natural_environment: "a nature-conservation zone: storage can harm the natural environment",
  cultural_environment: "a cultural-heritage zone: storage can harm the cultural environment",
  protected_area_edge: "the edge zone of a protected area: storage needs care",
  mineral_resources: "a mineral-resource zone: no consequence for temporary storage",
  reserved_protection: "an area bound for protection under another law (nature, cultural heritage or Marka): not for storing masses",
  reserved_other: "an area bound for a later plan or another law: ask the planning authority first",
  unknown: "a zone of a code Massekart does not know: read the plan's provisions",
};

/** "the hensynssone H310_1 (RpFareSone 310 Ras- og skredfare)", "NVE's quick-clay zone «Hafella»". */
export function zoneLabel(zone: Pick<ZoneEntry, "source" | "objectType" | "code" | "codeName" | "name">): string {
  if (zone.source === "nve") return `NVE's ${zone.objectType}${zone.name ? ` "${zone.name}"` : ""} (${zone.codeName})`;
  return `hensynssone ${zone.name ? `${zone.name} ` : ""}(${zone.objectType} ${zone.code ?? ""} ${zone.codeName})`.replace(/\s+\)/, ")");
}

const percentParam = (share: number) => Math.round(share * 1000) / 10;

/** The reason a zone gives, with its key and parameters for the UI's words. */
export function zoneReason(entry: ZoneEntry, { negligibleShare }: { negligibleShare: number }): SuitabilityReason {
  const params = {
    hazard: entry.hazard,
    source: entry.source,
    objectType: entry.objectType,
    code: entry.code ?? "",
    codeName: entry.codeName,
    zoneName: entry.name,
    sharePercent: percentParam(entry.share),
    areaM2: Math.round(entry.areaM2),
  };
  const where = `${percentText(entry.share)} of the site lies in ${zoneLabel(entry)}`;
  if (entry.share < negligibleShare) {
    return {
      key: "zone.negligible",
      params: { ...params, negligiblePercent: percentParam(negligibleShare) },
      text: `${where}: a sliver below ${percentText(negligibleShare)}, ignored`,
      effect: "info",
    };
  }
  return { key: "zone.hazard", params, text: `${where}: ${zoneHazardWhy[entry.hazard]}`, effect: entry.effect };
}

const severity: Readonly<Record<FindingEffect, number>> = { info: 0, conditional: 1, unsuitable: 2 };

/**
 * The hazard and protection zones a site lies in (issue 17, DESIGN §8): each zone the site
 * overlaps, with the area and share of the site in it and the effect the rules give its kind;
 * most severe first, then by share. A zone that only touches the site's edge has no area there
 * and is not listed. A share below `negligibleShare` is a sliver: listed, but only as info.
 */
export function zoneFindings(
  site: AreaGeometry,
  siteBox: Bbox,
  siteAreaM2: number,
  zones: ZoningIndex<SuitabilityHazardZone>,
  { hazards, negligibleShare }: { hazards: Readonly<Record<ZoneHazard, FindingEffect>>; negligibleShare: number },
): { entries: ZoneEntry[]; reasons: SuitabilityReason[]; warnings: string[] } {
  const warnings: string[] = [];
  const entries: ZoneEntry[] = [];
  // Sorted, so the order of equal findings does not depend on the index.
  for (const index of zones.search(siteBox).slice().sort((a, b) => a - b)) {
    const zone = zones.areas[index]!;
    const piece = clip(site, zone.geometry, warnings, `zone ${zone.id ?? zone.name ?? index} (${zone.objectType})`);
    if (!piece) continue;
    const areaM2 = planarAreaM2(piece);
    if (!(areaM2 > 0)) continue;
    const share = Math.min(1, areaM2 / siteAreaM2);
    entries.push({
      ...(zone.id ? { id: zone.id } : {}),
      source: zone.source,
      family: zone.family,
      objectType: zone.objectType,
      code: zone.code,
      codeName: zoneCodeName(zone),
      name: zone.name,
      hazard: zone.hazard,
      planId: zone.planId,
      details: zone.details ?? {},
      areaM2,
      share,
      effect: share < negligibleShare ? "info" : hazards[zone.hazard],
    });
  }
  entries.sort((a, b) => severity[b.effect] - severity[a.effect] || b.share - a.share || a.name.localeCompare(b.name));
  return { entries, reasons: entries.map((entry) => zoneReason(entry, { negligibleShare })), warnings };
}
