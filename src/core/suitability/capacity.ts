/** What a capacity estimate assumed, so a report shows it beside the numbers. */
export interface CapacityAssumptions {
  /** Mean height of the stockpile, m. */
  stackHeightM: number;
  /** Share of the area usable for stockpiles (the rest is access roads, slopes, drainage, buffers), 0–1. */
  usableShare: number;
  /** Bulk density of the stockpiled mass, t/m³. */
  densityTonnesPerM3: number;
}

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

/**
 * The inverse of `capacityEstimate`: the site area that holds `tonnes` under the same rule
 * (tonnes ÷ density ÷ stack height ÷ usable share), m². Site allocation uses it for the area
 * the stock of a plan needs.
 */
export function areaForTonnesM2(tonnes: number, { stackHeightM, usableShare, densityTonnesPerM3 }: CapacityAssumptions): number {
  return tonnes / (densityTonnesPerM3 * stackHeightM * usableShare);
}
