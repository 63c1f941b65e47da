import type { Lang } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";
import { formatCompareValue, formatDifference, isImprovement, kpiCompareRows } from "./kpi-table";
import type { ScenarioEntry } from "./scenario-data";

/**
 * The KPI table of a comparison: scenarios as columns, the best value per row marked with ★ and
 * "best" for screen readers, and each column's signed difference to the first scenario.
 */
export function KpiCompareTable({ entries, className }: { entries: readonly ScenarioEntry[]; className?: string }) {
  const { t, lang } = useT();
  const rows = kpiCompareRows(
    entries.map((e) => e.result),
    lang as Lang,
  );
  const first = entries[0]?.scenario.name ?? "";
  return (
    <table className={className ?? "compare-kpi-table"}>
      <caption>{t("compare.kpiCaption", { first })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("results.kpi")}</th>
          {entries.map((e) => (
            <th scope="col" key={e.scenario.id}>
              {e.scenario.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-kpi={row.key}>
            <th scope="row">{row.label}</th>
            {row.values.map((_, i) => {
              const difference = row.differences[i];
              const tone = difference === null || difference === undefined || Math.abs(difference) < 1e-9 ? "same" : isImprovement(row, difference) ? "better" : "worse";
              return (
                <td key={entries[i]!.scenario.id} className={row.best[i] ? "compare-kpi-best" : undefined}>
                  <span className="compare-kpi-value">
                    {row.best[i] ? (
                      <>
                        <span aria-hidden="true">★ </span>
                        <span className="visually-hidden">{t("compare.best")}: </span>
                      </>
                    ) : null}
                    {formatCompareValue(row, i, lang)}
                  </span>
                  {difference === null || difference === undefined ? null : (
                    <span className={`compare-kpi-difference compare-kpi-difference-${tone}`}>{t("compare.differenceTo", { difference: formatDifference(row, difference, lang), first })}</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
