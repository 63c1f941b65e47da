import { z } from "zod";

/** Material kinds of a mass lot (DESIGN §1). */
export const materials = ["rock", "gravel_sand", "moraine", "clay_silt", "topsoil", "mixed"] as const;
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
 * Reference densities and swell factors (DESIGN §5).
 * Density and swell: NVE sikringshåndbok modul G2-001 and its swell tables.
 * Compacted ÷ in place: estimates (not in G2-001): blasted rock stays bulkier than solid rock when
 * placed (≈ 1.3); soils compact to about their in-place volume. Editable by an admin (registry issue).
 */
export const referenceMaterialProperties: Readonly<Record<Material, MaterialProperties>> = {
  rock: { densityTonnesPerM3InPlace: 2.7, swellInPlaceToLoose: 0.65, compactedPerInPlace: 1.3 },
  gravel_sand: { densityTonnesPerM3InPlace: 1.9, swellInPlaceToLoose: 0.12, compactedPerInPlace: 0.95 },
  moraine: { densityTonnesPerM3InPlace: 2.1, swellInPlaceToLoose: 0.25, compactedPerInPlace: 0.95 },
  clay_silt: { densityTonnesPerM3InPlace: 1.9, swellInPlaceToLoose: 0.3, compactedPerInPlace: 0.95 },
  topsoil: { densityTonnesPerM3InPlace: 1.45, swellInPlaceToLoose: 0.25, compactedPerInPlace: 0.9 },
  mixed: { densityTonnesPerM3InPlace: 1.9, swellInPlaceToLoose: 0.25, compactedPerInPlace: 1.0 },
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
