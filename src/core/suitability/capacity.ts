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
