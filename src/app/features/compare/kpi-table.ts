/**
 * The comparison's KPI table: one row per key figure (the results view's `kpiRows`), one column
 * per scenario, the best value of each row marked and every column's difference to the first
 * scenario. Pure; the same rows serve the screen, the meeting slides and the PDF.
 */
import type { MatchResult } from "../../../core/matching/result";
import { formatWithUnit, type Lang } from "../../i18n/i18n";
import { kpiRows, type KpiKey } from "../results/kpi-rows";

export interface KpiCompareRow {
  key: KpiKey;
  label: string;
  /** Unit label of the values ("t", "%", "tkm" …). */
  unit: string;
  /** Unit label of a difference (percentage points for the reuse rate). */
  differenceUnit: string;
  maximumFractionDigits: number | undefined;
  better: "higher" | "lower";
  /** Values in display units, one per scenario. */
  values: number[];
  /** True where the column holds the row's best value (ties all marked; none when all are equal). */
  best: boolean[];
  /** Column value minus the first column's, display units; null for the first column. */
  differences: (number | null)[];
}

/** Values this close count as equal, so rounding noise is not a "difference". */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The rows for solved results (a failed result has no KPIs and gives no rows). */
export function kpiCompareRows(results: readonly MatchResult[], lang: Lang): KpiCompareRow[] {
  const perScenario = results.map((r) => kpiRows(r, lang));
  const first = perScenario[0];
  if (!first || perScenario.some((rows) => rows.length !== first.length)) return [];
  return first.map((template, i) => {
    const values = perScenario.map((rows) => rows[i]!.value);
    const bestValue = template.better === "higher" ? Math.max(...values) : Math.min(...values);
    const allSame = values.every((v) => same(v, values[0]!));
    return {
      key: template.key,
      label: template.label,
      unit: template.unit,
      differenceUnit: template.savingUnit,
      maximumFractionDigits: template.maximumFractionDigits,
      better: template.better,
      values,
      best: values.map((v) => !allSame && same(v, bestValue)),
      differences: values.map((v, j) => (j === 0 ? null : v - values[0]!)),
    };
  });
}

/** A value as shown, with its unit ("1 204 tkm", "62,5 %"), formatted as the results view does. */
export function formatCompareValue(row: KpiCompareRow, index: number, lang: Lang): string {
  return formatWithUnit(lang, row.values[index]!, row.unit, row.maximumFractionDigits);
}

/** "+1 234 tkm", "−12,5 %-poeng", "±0 t": a difference with its sign and unit. */
export function formatDifference(row: KpiCompareRow, difference: number, lang: Lang): string {
  const digits = row.maximumFractionDigits ?? (Math.abs(difference) >= 100 ? 0 : 1);
  const rounded = Number(difference.toFixed(digits));
  const sign = rounded > 0 ? "+" : rounded < 0 ? "\u2212" : "\u00b1";
  return `${sign}${formatWithUnit(lang, Math.abs(rounded), row.differenceUnit, digits)}`;
}

/** Whether a difference is better than the first scenario (for colour, always with a text cue). */
export function isImprovement(row: KpiCompareRow, difference: number): boolean {
  return row.better === "higher" ? difference > 0 : difference < 0;
}
