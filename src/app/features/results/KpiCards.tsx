/**
 * The key figures of a result as cards: the plan's value, the "no exchange" baseline beside it,
 * and the saving. Presentational: give it a result and a language (compare, meeting and export
 * views use it too).
 */
import type { MatchResult } from "../../../core/matching/result";
import { formatWithUnit, translate, type Lang } from "../../i18n/i18n";
import { formatKpi, formatKpiValueParts, kpiRows, type KpiKey } from "./kpi-rows";

export interface KpiCardsProps {
  result: MatchResult;
  lang: Lang;
  /** Only these figures, in this order; all of them by default. */
  keys?: readonly KpiKey[];
  /** Extra class, e.g. for large type in presentation mode. */
  className?: string;
}

export function KpiCards({ result, lang, keys, className }: KpiCardsProps) {
  const rows = kpiRows(result, lang).filter((row) => !keys || keys.includes(row.key));
  // Results saved before issue 17 have no split of the emissions.
  const transportCo2 = result.status === "error" ? undefined : result.kpis.kgCO2Transport;
  if (keys) rows.sort((a, b) => keys.indexOf(a.key) - keys.indexOf(b.key));
  return (
    <ul className={["kpi-cards", className].filter(Boolean).join(" ")} aria-label={translate(lang, "results.kpis")}>
      {rows.map((row) => {
        const text = formatKpi(row, lang);
        const parts = formatKpiValueParts(row, lang);
        const tone = Math.abs(row.saving) < 1e-9 ? "neutral" : row.saving > 0 ? "good" : "bad";
        return (
          <li key={row.key} className="kpi-card" data-kpi={row.key}>
            <span className="kpi-label">{row.label}</span>
            <span className="kpi-value">
              {parts.number}
              {"\u00a0"}
              <span className="kpi-unit">{parts.unit}</span>
            </span>
            <span className="kpi-baseline">{translate(lang, "results.baselineValue", { value: text.baseline })}</span>
            <span className={`kpi-saving kpi-${tone}`}>{translate(lang, "results.savingValue", { value: text.saving })}</span>
            {row.key === "kgCO2e" && transportCo2 !== undefined && (
              // The total mixes tailpipe CO2 and the quarries' CO2e; say which part is which (issue 17).
              <span className="kpi-baseline">{translate(lang, "results.kpi.transportCo2", { value: formatWithUnit(lang, transportCo2 / 1000, "t", 1) })}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
