/**
 * Ranking: every site with its suitability in a table, sortable by verdict, capacity, mean haul
 * and tonne-km (column buttons with `aria-sort`). A row's button flies the map to the site and
 * selects it.
 */
import { useEffect, useState } from "react";
import { failureMessage, type Message } from "../../api/failure-message";
import { translateMessage, type MessageKey } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { Dialog } from "../../ui/Dialog";
import { nextSort, sortRanking, type RankingSort, type RankingSortKey } from "./ranking";
import { showSite } from "./site-actions";
import { fetchRanking, type RankingItem } from "../../api/client";
import { SuitabilityRulesEditor } from "./SuitabilityRulesEditor";
import { verdictLabel } from "./suitability-text";

const columns: { key: RankingSortKey; label: MessageKey; numeric?: boolean }[] = [
  { key: "name", label: "ranking.site" },
  { key: "verdict", label: "ranking.verdict" },
  { key: "capacity", label: "ranking.capacity", numeric: true },
  { key: "meanHaul", label: "ranking.meanHaul", numeric: true },
  { key: "tonneKm", label: "ranking.tonneKm", numeric: true },
];

export function RankingDialog({ onClose }: { onClose: () => void }) {
  const tr = useT();
  const { t, withUnit } = tr;
  const [items, setItems] = useState<RankingItem[] | null>(null);
  const [failure, setFailure] = useState<Message | null>(null);
  const [sort, setSort] = useState<RankingSort>({ key: "verdict", direction: "ascending" });
  const sites = useAppStore((s) => s.data.sites);
  const isAdmin = useAppStore((s) => s.session.status === "signedIn" && s.session.user.role === "admin");
  // Bumped after the rules change, so the ranking is computed again with them.
  const [rulesVersion, setRulesVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void fetchRanking().then((result) => {
      if (cancelled) return;
      if (result.ok) setItems(result.value);
      else setFailure(failureMessage(result.failure));
    });
    return () => {
      cancelled = true;
    };
  }, [rulesVersion]);

  const show = (item: RankingItem) => {
    const site = sites.find((s) => s.id === item.siteId);
    if (!site) return;
    showSite(site);
    onClose();
  };

  return (
    <Dialog title={t("ranking.title")} closeLabel={t("sites.close")} onClose={onClose} className="dialog-wide">
      {failure && <p className="field-error">{t("ranking.failed", { message: t(failure.key, failure.params) })}</p>}
      {!items && !failure && (
        <p className="muted" role="status">
          {t("ranking.loading")}
        </p>
      )}
      {isAdmin && <SuitabilityRulesEditor onSaved={() => setRulesVersion((v) => v + 1)} />}
      {items?.length === 0 && <p className="muted">{t("ranking.empty")}</p>}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table className="lots-table ranking-table">
            <caption>{t("ranking.caption")}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className={column.numeric ? "numeric" : undefined}
                    aria-sort={sort.key === column.key ? sort.direction : undefined}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      aria-label={t("ranking.sortBy", { column: t(column.label) })}
                      onClick={() => setSort((current) => nextSort(current, column.key))}
                    >
                      {t(column.label)}
                      <span aria-hidden="true" className="sort-arrow">
                        {sort.key === column.key ? (sort.direction === "ascending" ? " ▲" : " ▼") : ""}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sortRanking(items, sort).map((item) => (
                <tr key={item.siteId} className="ranking-row" onClick={() => show(item)}>
                  <th scope="row">
                    <button type="button" className="link-button" aria-label={t("ranking.show", { name: item.name })} onClick={(e) => { e.stopPropagation(); show(item); }}>
                      {item.name}
                    </button>
                    <span className="site-list-meta"> {t(`siteKind.${item.kind}`)}</span>
                  </th>
                  {item.report ? (
                    <>
                      <td>
                        <span className={`verdict-badge verdict-${item.report.verdict}`}>{verdictLabel(item.report.verdict, tr)}</span>
                      </td>
                      <td className="numeric">{withUnit(item.report.capacityTonnes, t("unit.tonnes"), 0)}</td>
                      <td className="numeric">{item.report.meanHaulKm === null ? "–" : withUnit(item.report.meanHaulKm, t("unit.km"), 1)}</td>
                      <td className="numeric">{withUnit(item.report.haul.tonneKm, "tkm", 0)}</td>
                    </>
                  ) : (
                    <td colSpan={4} className="muted">
                      {t("ranking.notRated", { problem: item.problemDetail ? translateMessage(tr.lang, item.problemDetail, item.problem) : (item.problem ?? "") })}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
