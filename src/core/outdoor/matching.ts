/**
 * Matching of outdoor materials (issue #8, part 4), pure: which wanted lots (receiving projects)
 * each available lot could go to — same type, an acceptable condition, needed no earlier than it is
 * taken out — ranked by haul distance, with the new material and CO2e the reuse saves.
 *
 * Unlike masses (an LP over months and storage, DESIGN §2), items are few and storage is planned
 * separately, so suggestions are a ranked list per lot, and the totals come from a nearest-first
 * allocation that never counts a unit twice. That allocation is a heuristic: it gives a fair
 * estimate of what reuse saves, not a proven optimum.
 */
import { monthsBetween } from "../domain/months";
import type { LonLat } from "../geo/geometry";
import { defaultCircuityFactor, straightLineMatrix } from "../haul/straight-line";
import { z } from "zod";
import { outdoorUnits, weightTonnes, type OutdoorMaterialType } from "./catalogue";
import type { OutdoorCondition } from "./model";

/**
 * Truck emissions per tonne-km including the empty return, kg CO2e: 2 × 1.0 kg per vehicle-km ÷
 * 17 t ≈ 0.117. Source: DESIGN §5 (Miljødirektoratet's conversion tables), as in matching of masses.
 */
export const defaultKgCO2ePerTonneKm = 0.117;

/** A lot as matching needs it: an available lot's month is availableFrom, a wanted lot's neededBy. */
export interface MatchLot {
  id: string;
  projectId: string;
  projectName?: string | undefined;
  typeId: string;
  quantity: number;
  condition: OutdoorCondition;
  month: string;
  /** The project's representative point (WGS84). */
  location: LonLat;
}

/** One receiving wanted lot suggested for an available lot. */
export const outdoorSuggestionSchema = z.object({
  availableLotId: z.string(),
  wantedLotId: z.string(),
  projectId: z.string(),
  projectName: z.string().nullable(),
  neededBy: z.string(),
  /** Straight line × circuity factor, km. */
  haulKm: z.number(),
  /** Units that could go: min(available, wanted), in `unit`. */
  quantity: z.number(),
  unit: z.enum(outdoorUnits),
  tonnes: z.number(),
  /** Months from availableFrom to neededBy (0 = the same month: no storage needed between). */
  waitMonths: z.number(),
  /** quantity ÷ the wanted quantity, 0–1. */
  coversShareOfWanted: z.number(),
  /** New material not bought: quantity × the type's kg CO2e per unit. */
  kgCO2eNewAvoided: z.number(),
  /** Hauling it: tonnes × haulKm × kgCO2ePerTonneKm. */
  kgCO2eHaul: z.number(),
  /** kgCO2eNewAvoided − kgCO2eHaul (transport of new material is not counted, so this is on the low side). */
  kgCO2eNetSaving: z.number(),
});
export type OutdoorSuggestion = z.infer<typeof outdoorSuggestionSchema>;

export interface MatchOptions {
  /** Road km per straight-line km, default 1.3 (DESIGN §5). */
  circuityFactor?: number;
  /** kg CO2e per tonne-km, default 0.117 (DESIGN §5). */
  kgCO2ePerTonneKm?: number;
  /** Receivers farther than this are not suggested, km; default no limit. */
  maxHaulKm?: number;
}

/** Whether a wanted lot can take an available lot at all (distance aside). */
export function compatible(available: MatchLot, wanted: MatchLot): boolean {
  return (
    available.id !== wanted.id &&
    available.typeId === wanted.typeId &&
    (available.condition === "reusable" || wanted.condition === "needs_repair") &&
    wanted.month >= available.month
  );
}

function allPairs(
  available: readonly MatchLot[],
  wanted: readonly MatchLot[],
  types: ReadonlyMap<string, OutdoorMaterialType>,
  { circuityFactor = defaultCircuityFactor, kgCO2ePerTonneKm = defaultKgCO2ePerTonneKm, maxHaulKm = Infinity }: MatchOptions,
): OutdoorSuggestion[] {
  const matrix = straightLineMatrix(
    available.map((lot) => ({ id: lot.id, location: lot.location })),
    wanted.map((lot) => ({ id: lot.id, location: lot.location })),
    { circuityFactor },
  );
  const pairs: OutdoorSuggestion[] = [];
  available.forEach((a, i) => {
    const type = types.get(a.typeId);
    if (!type) return;
    wanted.forEach((w, j) => {
      const haulKm = matrix.km[i]![j];
      if (haulKm === null || haulKm === undefined || haulKm > maxHaulKm || !compatible(a, w)) return;
      pairs.push(suggestion(a, w, type, Math.min(a.quantity, w.quantity), haulKm, kgCO2ePerTonneKm));
    });
  });
  return pairs;
}

function suggestion(a: MatchLot, w: MatchLot, type: OutdoorMaterialType, quantity: number, haulKm: number, kgCO2ePerTonneKm: number): OutdoorSuggestion {
  const tonnes = weightTonnes(type, quantity);
  const kgCO2eNewAvoided = quantity * type.newMaterial.kgCO2ePerUnit;
  const kgCO2eHaul = tonnes * haulKm * kgCO2ePerTonneKm;
  return {
    availableLotId: a.id,
    wantedLotId: w.id,
    projectId: w.projectId,
    projectName: w.projectName ?? null,
    neededBy: w.month,
    haulKm,
    quantity,
    unit: type.unit,
    tonnes,
    waitMonths: monthsBetween(a.month, w.month).length - 1,
    coversShareOfWanted: quantity / w.quantity,
    kgCO2eNewAvoided,
    kgCO2eHaul,
    kgCO2eNetSaving: kgCO2eNewAvoided - kgCO2eHaul,
  };
}

/** Nearest first; then the larger quantity, the shorter wait, and ids, so the order is stable. */
const byRank = (x: OutdoorSuggestion, y: OutdoorSuggestion) =>
  x.haulKm - y.haulKm ||
  y.quantity - x.quantity ||
  x.waitMonths - y.waitMonths ||
  x.availableLotId.localeCompare(y.availableLotId) ||
  x.wantedLotId.localeCompare(y.wantedLotId);

/**
 * The wanted lots one available lot could go to, nearest first, each with the quantity it could
 * take and the saving. Each suggestion stands alone: two of them may count the same units.
 * @param limit at most this many suggestions, default 10.
 */
export function suggestReceivers(
  available: MatchLot,
  wanted: readonly MatchLot[],
  types: ReadonlyMap<string, OutdoorMaterialType>,
  { limit = 10, ...options }: MatchOptions & { limit?: number } = {},
): OutdoorSuggestion[] {
  return allPairs([available], wanted, types, options).sort(byRank).slice(0, limit);
}

const matchTotalsShape = {
  tonnes: z.number(),
  kgCO2eNewAvoided: z.number(),
  kgCO2eHaul: z.number(),
  kgCO2eNetSaving: z.number(),
};
const matchTotalsSchema = z.object(matchTotalsShape);
export type MatchTotals = z.infer<typeof matchTotalsSchema>;

const unmatchedSchema = z.array(z.object({ lotId: z.string(), quantity: z.number() }));

/** The answer of GET /api/outdoor-materials/matches. */
export const outdoorMatchResultSchema = z.object({
  /** The allocation: units moved from available to wanted lots, nearest pairs first. */
  pairs: z.array(outdoorSuggestionSchema),
  /** Per type: units reused (in the type's unit) and the totals. */
  byType: z.array(z.object({ typeId: z.string(), unit: z.enum(outdoorUnits), quantity: z.number(), ...matchTotalsShape })),
  totals: matchTotalsSchema,
  /** What is left: available units nobody wants, wanted units nobody offers. */
  unmatched: z.object({ available: unmatchedSchema, wanted: unmatchedSchema }),
});
export type OutdoorMatchResult = z.infer<typeof outdoorMatchResultSchema>;

/**
 * Allocates available lots to wanted lots, nearest compatible pair first, each pair taking as many
 * units as both still have; the totals never count a unit twice. A heuristic (see the file comment).
 */
export function matchOutdoorLots(
  available: readonly MatchLot[],
  wanted: readonly MatchLot[],
  types: ReadonlyMap<string, OutdoorMaterialType>,
  options: MatchOptions = {},
): OutdoorMatchResult {
  const { kgCO2ePerTonneKm = defaultKgCO2ePerTonneKm } = options;
  const left = new Map<string, number>([...available, ...wanted].map((lot) => [lot.id, lot.quantity]));
  const lotById = new Map([...available, ...wanted].map((lot) => [lot.id, lot]));
  const pairs: OutdoorSuggestion[] = [];
  for (const candidate of allPairs(available, wanted, types, options).sort(byRank)) {
    const quantity = Math.min(left.get(candidate.availableLotId)!, left.get(candidate.wantedLotId)!);
    if (!(quantity > 0)) continue;
    left.set(candidate.availableLotId, left.get(candidate.availableLotId)! - quantity);
    left.set(candidate.wantedLotId, left.get(candidate.wantedLotId)! - quantity);
    const a = lotById.get(candidate.availableLotId)!;
    const w = lotById.get(candidate.wantedLotId)!;
    pairs.push(suggestion(a, w, types.get(a.typeId)!, quantity, candidate.haulKm, kgCO2ePerTonneKm));
  }
  const zero = (): MatchTotals => ({ tonnes: 0, kgCO2eNewAvoided: 0, kgCO2eHaul: 0, kgCO2eNetSaving: 0 });
  const add = (into: MatchTotals, pair: OutdoorSuggestion) => {
    into.tonnes += pair.tonnes;
    into.kgCO2eNewAvoided += pair.kgCO2eNewAvoided;
    into.kgCO2eHaul += pair.kgCO2eHaul;
    into.kgCO2eNetSaving += pair.kgCO2eNetSaving;
  };
  const totals = zero();
  const byType = new Map<string, OutdoorMatchResult["byType"][number]>();
  for (const pair of pairs) {
    add(totals, pair);
    const typeId = lotById.get(pair.availableLotId)!.typeId;
    const entry = byType.get(typeId) ?? { typeId, unit: pair.unit, quantity: 0, ...zero() };
    entry.quantity += pair.quantity;
    add(entry, pair);
    byType.set(typeId, entry);
  }
  const remaining = (lots: readonly MatchLot[]) =>
    lots.filter((lot) => left.get(lot.id)! > 0).map((lot) => ({ lotId: lot.id, quantity: left.get(lot.id)! }));
  return {
    pairs,
    byType: [...byType.values()].sort((a, b) => a.typeId.localeCompare(b.typeId)),
    totals,
    unmatched: { available: remaining(available), wanted: remaining(wanted) },
  };
}
