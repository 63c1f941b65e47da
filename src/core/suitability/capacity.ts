import { z } from "zod";

/** What a capacity estimate assumed, so a report shows it beside the numbers. */
export const capacityAssumptionsSchema = z.object({
  /** Mean height of the stockpile, m. */
  stackHeightM: z.number(),
  /** Share of the area usable for stockpiles (the rest is access roads, slopes, drainage, buffers), 0–1. */
  usableShare: z.number(),
  /** Bulk density of the stockpiled mass, t/m³. */
  densityTonnesPerM3: z.number(),
});
export type CapacityAssumptions = z.infer<typeof capacityAssumptionsSchema>;

/**
 * Storage capacity of a site: area × usable share × stack height gives the stockpile volume, and
 * × bulk density its tonnes (DESIGN §1, "capacity … from area × stack height × density").
 * The default density in the rules is loose mixed masses, 1.52 t/m³ (DESIGN §5: 1.9 t/m³ in place,
 * +25 % swell), because a stockpile holds loose mass; a site may set its own.
 */
export function capacityEstimate(areaM2: number, { stackHeightM, usableShare, densityTonnesPerM3 }: CapacityAssumptions): { capacityM3: number; capacityTonnes: number } {
  const capacityM3 = areaM2 * usableShare * stackHeightM;
  return { capacityM3, capacityTonnes: capacityM3 * densityTonnesPerM3 };
}

/** What a site may say about its own stockpiles; what it leaves out comes from the defaults. */
export interface SiteCapacityOverrides {
  stackHeightM?: number | undefined;
  usableShare?: number | undefined;
  densityTonnesPerM3?: number | undefined;
}

/**
 * A storage site's capacity estimated from its area: its own stack height, usable share and
 * density where it gives them, else `defaults` — the suitability rules' capacity in force (shipped
 * in data/suitability-rules.json: 3 m, 0.6, 1.52 t/m³ loose mixed masses, sources there). The site
 * card, the ranking and scenario runs all estimate with this, so a site has one capacity.
 * @param areaM2 - the site's area, m² (planar in EPSG:25832, as plan documents give it)
 */
export function siteCapacityEstimate(
  areaM2: number,
  site: SiteCapacityOverrides,
  defaults: CapacityAssumptions,
): { capacityM3: number; capacityTonnes: number; assumptions: CapacityAssumptions } {
  const assumptions: CapacityAssumptions = {
    stackHeightM: site.stackHeightM ?? defaults.stackHeightM,
    usableShare: site.usableShare ?? defaults.usableShare,
    densityTonnesPerM3: site.densityTonnesPerM3 ?? defaults.densityTonnesPerM3,
  };
  return { ...capacityEstimate(areaM2, assumptions), assumptions };
}

/**
 * The inverse of `capacityEstimate`: the site area that holds `tonnes` under the same rule
 * (tonnes ÷ density ÷ stack height ÷ usable share), m². Site allocation uses it for the area
 * the stock of a plan needs.
 */
export function areaForTonnesM2(tonnes: number, { stackHeightM, usableShare, densityTonnesPerM3 }: CapacityAssumptions): number {
  return tonnes / (densityTonnesPerM3 * stackHeightM * usableShare);
}
