/**
 * The key figures of a matching result as rows a card, a table or a PDF shows: the plan's value,
 * the "no exchange" baseline's, and what the plan saves. Pure; the labels and units are in the
 * language asked for, the numbers stay numbers (format them with `formatKpi`).
 */
import type { Kpis, MatchResult } from "../../../core/matching/result";
import { formatNumber, formatWithUnit, translate, type Lang, type MessageKey } from "../../i18n/i18n";

/** The key figures shown, in order (DESIGN §2 and issue 7's KPI cards). */
export const kpiKeys = [
  "reuseRate",
  "tonnesReused",
  "tonnesToLandfill",
  "tonnesVirgin",
  "tonneKm",
  "truckTrips",
  "vehicleKm",
  "kgCO2e",
  "cost",
  "tonnesNeedingPermit",
] as const;
export type KpiKey = (typeof kpiKeys)[number];

interface KpiDefinition {
  /** The figure in display units from the KPIs (reuse rate as %, CO2e in tonnes). */
  read: (kpis: Kpis) => number;
  unit: MessageKey;
  /** For a rate the saving is in percentage points. */
  savingUnit?: MessageKey;
  /** Whether more is better (reuse) or less (everything else). */
  better: "higher" | "lower";
  maximumFractionDigits?: number;
}

const definitions: Readonly<Record<KpiKey, KpiDefinition>> = {
  reuseRate: { read: (k) => k.reuseRate * 100, unit: "results.unit.percent", savingUnit: "results.unit.points", better: "higher", maximumFractionDigits: 1 },
  tonnesReused: { read: (k) => k.tonnesReused, unit: "unit.tonnes", better: "higher" },
  tonnesToLandfill: { read: (k) => k.tonnesToLandfill, unit: "unit.tonnes", better: "lower" },
  tonnesVirgin: { read: (k) => k.tonnesVirgin, unit: "unit.tonnes", better: "lower" },
  tonneKm: { read: (k) => k.tonneKm, unit: "results.unit.tonneKm", better: "lower" },
  truckTrips: { read: (k) => k.truckTrips, unit: "results.unit.trips", better: "lower", maximumFractionDigits: 0 },
  vehicleKm: { read: (k) => k.vehicleKm, unit: "unit.km", better: "lower" },
  kgCO2e: { read: (k) => k.kgCO2e / 1000, unit: "results.unit.tCO2e", better: "lower" },
  cost: { read: (k) => k.cost, unit: "results.unit.nok", better: "lower", maximumFractionDigits: 0 },
  // Results saved before issue 17 have no count: read as 0.
  tonnesNeedingPermit: { read: (k) => k.tonnesNeedingPermit ?? 0, unit: "unit.tonnes", better: "lower" },
};

export interface KpiRow {
  key: KpiKey;
  /** The figure's name in the language asked for. */
  label: string;
  /** The plan's value, in `unit`. */
  value: number;
  /** The "no exchange" baseline's value, in `unit`. */
  baseline: number;
  /** What the plan saves against the baseline, positive = better (for reuse: how much more is reused). */
  saving: number;
  /** Unit label of value and baseline ("%", "t", "tkm" …). */
  unit: string;
  /** Unit label of the saving (percentage points for the reuse rate). */
  savingUnit: string;
  better: "higher" | "lower";
  maximumFractionDigits: number | undefined;
}

/** The rows of a result; none for a failed solve (it has no KPIs). */
export function kpiRows(result: MatchResult, lang: Lang): KpiRow[] {
  if (result.status === "error") return [];
  return kpiKeys.map((key) => {
    const d = definitions[key];
    const value = d.read(result.kpis);
    const baseline = d.read(result.baseline.kpis);
    return {
      key,
      label: translate(lang, `results.kpi.${key}`),
      value,
      baseline,
      saving: d.better === "lower" ? baseline - value : value - baseline,
      unit: translate(lang, d.unit),
      savingUnit: translate(lang, d.savingUnit ?? d.unit),
      better: d.better,
      maximumFractionDigits: d.maximumFractionDigits,
    };
  });
}

/** A row's value, baseline and saving formatted with their units ("62,5 %", "1 204 tkm"). */
export function formatKpi(row: KpiRow, lang: Lang): { value: string; baseline: string; saving: string } {
  const digits = row.maximumFractionDigits;
  return {
    value: formatWithUnit(lang, row.value, row.unit, digits),
    baseline: formatWithUnit(lang, row.baseline, row.unit, digits),
    saving: formatWithUnit(lang, row.saving, row.savingUnit, digits),
  };
}

/** A row's value as number and unit apart (the unit drawn smaller); joined they read as `formatKpi`'s value. */
export function formatKpiValueParts(row: KpiRow, lang: Lang): { number: string; unit: string } {
  const digits = row.maximumFractionDigits ?? (Math.abs(row.value) >= 100 ? 0 : 1);
  return { number: formatNumber(lang, row.value, digits), unit: row.unit };
}
