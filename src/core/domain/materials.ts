import { z } from "zod";

/**
 * Material kinds of a mass lot (DESIGN §1), plus three kinds a coordinator meets beside soil and rock:
 * `concrete` (knust betong, crushed concrete from demolition), `asphalt` (returasfalt / fresasfalt,
 * reclaimed asphalt) and `peat` (torv / myr). New kinds go at the end: the matching engine numbers
 * mass types by this order (`massTypeOf`).
 */
export const materials = ["rock", "gravel_sand", "moraine", "clay_silt", "topsoil", "mixed", "concrete", "asphalt", "peat"] as const;
export type Material = (typeof materials)[number];
export const materialSchema = z.enum(materials);

/** Units a quantity may be entered in (DESIGN §1): tonnes, pfm³, ulm³, pam³. */
export const quantityUnits = ["tonnes", "m3_in_place", "m3_loose", "m3_compacted"] as const;
export type QuantityUnit = (typeof quantityUnits)[number];

/** TA-2553 contamination classes 1 (very good) … 5 (very poor). */
export const contaminationClassSchema = z.number().int().min(1).max(5);
export type ContaminationClass = 1 | 2 | 3 | 4 | 5;

export interface MaterialProperties {
  /** Bulk density in place, tonnes per m³ (pfm³). */
  densityTonnesPerM3InPlace: number;
  /** Swell from in place to loose, as a fraction (0.65 = +65 %). */
  swellInPlaceToLoose: number;
  /** Compacted volume ÷ in-place volume. */
  compactedPerInPlace: number;
}

/**
 * Reference densities and swell factors (DESIGN §5). Every value is editable by an admin (the
 * materials table of the registry), because masses vary; these are the starting points.
 *
 * - Soil and rock: density and swell from NVE sikringshåndbok modul G2-001 ("Omregning av volum av
 *   masser") and its swell tables. Compacted ÷ in place: estimates (not in G2-001): blasted rock
 *   stays bulkier than solid rock when placed (≈ 1.3); soils compact to about their in-place volume.
 * - `concrete`: 2.4 t/m³ as it stands in the structure ("in place"), NS-EN 1991-1-1 Annex A,
 *   table A.1 (normal-weight concrete 24 kN/m³). Swell +65 % to crushed and loaded, as blasted rock
 *   in G2-001 (a demolished slab breaks into angular pieces like blasted rock), i.e. about
 *   1.45 t/m³ loose; compacted crushed concrete (knust betong 0/32 in a fill) about 1.9 t/m³, so
 *   compacted ÷ in place 1.25. Swell and compaction are Massekart's estimates from those analogies.
 * - `asphalt`: 2.4 t/m³ as laid, NS-EN 1991-1-1 Annex A, table A.6 (asphalt surfacing 24–25 kN/m³,
 *   the low end). Milled or broken asphalt swells about +50 % (about 1.6 t/m³ loose) and compacts
 *   back to about 2.0 t/m³ (compacted ÷ in place 1.2): Massekart's estimates, edit them with the
 *   receiver's weighbridge figures.
 * - `peat`: 1.0 t/m³ in place, the middle of the 0.9–1.1 t/m³ in-situ bulk density of fibrous to
 *   amorphous peat (ROADEX, "Roads on peat", 2004; quoted in Huat et al., Geotechnics of Organic
 *   Soils and Peat, 2014, table 3.13). Swell +20 % when dug and loaded and compaction to 0.85 of
 *   its in-place volume (wet peat consolidates under load) are Massekart's estimates.
 */
export const referenceMaterialProperties: Readonly<Record<Material, MaterialProperties>> = {
  rock: { densityTonnesPerM3InPlace: 2.7, swellInPlaceToLoose: 0.65, compactedPerInPlace: 1.3 },
  gravel_sand: { densityTonnesPerM3InPlace: 1.9, swellInPlaceToLoose: 0.12, compactedPerInPlace: 0.95 },
  moraine: { densityTonnesPerM3InPlace: 2.1, swellInPlaceToLoose: 0.25, compactedPerInPlace: 0.95 },
  clay_silt: { densityTonnesPerM3InPlace: 1.9, swellInPlaceToLoose: 0.3, compactedPerInPlace: 0.95 },
  topsoil: { densityTonnesPerM3InPlace: 1.45, swellInPlaceToLoose: 0.25, compactedPerInPlace: 0.9 },
  mixed: { densityTonnesPerM3InPlace: 1.9, swellInPlaceToLoose: 0.25, compactedPerInPlace: 1.0 },
  concrete: { densityTonnesPerM3InPlace: 2.4, swellInPlaceToLoose: 0.65, compactedPerInPlace: 1.25 },
  asphalt: { densityTonnesPerM3InPlace: 2.4, swellInPlaceToLoose: 0.5, compactedPerInPlace: 1.2 },
  peat: { densityTonnesPerM3InPlace: 1.0, swellInPlaceToLoose: 0.2, compactedPerInPlace: 0.85 },
};

/** Converts a quantity in any unit to tonnes with the given material properties. */
export function toTonnes(
  value: number,
  unit: QuantityUnit,
  material: Material,
  properties: Readonly<Record<Material, MaterialProperties>> = referenceMaterialProperties,
): number {
  const p = properties[material];
  switch (unit) {
    case "tonnes":
      return value;
    case "m3_in_place":
      return value * p.densityTonnesPerM3InPlace;
    case "m3_loose":
      return (value / (1 + p.swellInPlaceToLoose)) * p.densityTonnesPerM3InPlace;
    case "m3_compacted":
      return (value / p.compactedPerInPlace) * p.densityTonnesPerM3InPlace;
  }
}
