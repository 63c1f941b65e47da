/**
 * Planned against delivered in a project's details and on a site's card (issue 16): per month the
 * tonnes the plan (the latest run of the scenario run last) moves against the tonnes loads moved;
 * on a site also the actual stock at each month's end. Hidden while nothing is planned or delivered.
 */
import { useEffect, useState } from "react";
import "./loads.css";
import type { Deliveries } from "../../../core/loads/api";
import type { SiteStock } from "../../../core/loads/custody";
import { fetchDeliveries, fetchSiteStock } from "../../api/client";
import type { Translator } from "../../i18n/use-t";
import { useLoadsView } from "./loads-state";

interface MonthRow {
  month: string;
  plannedTonnes: number;
  deliveredTonnes: number;
  stockTonnes?: number;
}

/** Rows per month: for a site its own rows with the stock; for a project its lots' rows added up. */
export function monthRows(deliveries: Deliveries, stock: SiteStock | null, places: ReadonlySet<string> | null): MonthRow[] {
  const byMonth = new Map<string, MonthRow>();
  for (const row of deliveries.rows) {
    if (places && !places.has(row.place)) continue;
    const entry = byMonth.get(row.month) ?? { month: row.month, plannedTonnes: 0, deliveredTonnes: 0 };
    entry.plannedTonnes += row.plannedTonnes;
    entry.deliveredTonnes += row.deliveredTonnes;
    byMonth.set(row.month, entry);
  }
  for (const m of stock?.months ?? []) {
    const entry = byMonth.get(m.month) ?? { month: m.month, plannedTonnes: 0, deliveredTonnes: 0 };
    entry.stockTonnes = m.stockTonnes;
    byMonth.set(m.month, entry);
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

export function PlanActualSection({ tr, target }: { tr: Translator; target: { kind: "site"; id: string } | { kind: "project"; id: string; lotIds: readonly string[] } }) {
  const { t, withUnit } = tr;
  const key = `${target.kind}:${target.id}`;
  const [answer, setAnswer] = useState<{ key: string; rows: MonthRow[] } | null>(null);
  const lotIds = target.kind === "project" ? target.lotIds.join(",") : "";
  useEffect(() => {
    let live = true;
    const query = target.kind === "site" ? { siteId: target.id } : { projectId: target.id };
    void Promise.all([fetchDeliveries(query), target.kind === "site" ? fetchSiteStock(target.id) : Promise.resolve(null)]).then(([deliveries, stock]) => {
      if (!live || !deliveries.ok) return;
      const places = target.kind === "project" ? new Set(lotIds.split(",")) : null;
      setAnswer({ key: `${target.kind}:${target.id}`, rows: monthRows(deliveries.value, stock?.ok ? stock.value : null, places) });
    });
    return () => {
      live = false;
    };
  }, [target.kind, target.id, lotIds]);
  const rows = answer?.key === key ? answer.rows : [];
  if (rows.length === 0) return null;
  const withStock = target.kind === "site";
  return (
    <section className="plan-actual" aria-labelledby={`plan-actual-${target.id}`}>
      <h3 className="section-title" id={`plan-actual-${target.id}`}>
        {t("loads.planActual.title")}
      </h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`plan-actual-${target.id}`}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("loads.deliveries.month")}</th>
              <th scope="col" className="num">{t("loads.deliveries.planned")}</th>
              <th scope="col" className="num">{t("loads.deliveries.delivered")}</th>
              {withStock && <th scope="col" className="num">{t("loads.planActual.stock")}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.month}>
                <th scope="row">{r.month}</th>
                <td className="num">{withUnit(r.plannedTonnes, "t")}</td>
                <td className="num">{withUnit(r.deliveredTonnes, "t")}</td>
                {withStock && <td className="num">{r.stockTonnes === undefined ? "–" : withUnit(r.stockTonnes, "t")}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="button" onClick={() => useLoadsView.getState().show("deliveries")}>
        {t("loads.planActual.open")}
      </button>
    </section>
  );
}
