/**
 * The mass balance along the bottom of the map: surplus vs demand per month for the whole
 * municipality (or the projects the list's filters pick), for one material or all. The chart is
 * loaded lazily; the same numbers are in a table, visible on request and always there for
 * screen readers.
 */
import { lazy, Suspense, useId, useMemo, useState } from "react";
import type { Material } from "../../../core/domain/materials";
import { useT } from "../../i18n/use-t";
import { filtersActive } from "../projects/project-query";
import { useShownProjectsWithLots } from "../map-data/projects-with-lots";
import { useAppStore } from "../../state/store";
import { balanceRows, massBalance, materialsInBalance, rowTotals } from "./mass-balance";

// recharts is about as large as the rest of the app: only those who open the chart load it.
const BalanceChart = lazy(() => import("./BalanceChart").then((module) => ({ default: module.BalanceChart })));

/** Id of the panel, for the header button's aria-controls. */
export const balancePanelId = "balance-panel";

export function BalancePanel() {
  const tr = useT();
  const { t, withUnit } = tr;
  const open = useAppStore((s) => s.layout.balancePanelOpen);
  const toggle = useAppStore((s) => s.toggleBalancePanel);
  const filters = useAppStore((s) => s.registry.filters);
  const [material, setMaterial] = useState<Material | "all">("all");
  const [showTable, setShowTable] = useState(false);
  const selectId = useId();
  const titleId = `${balancePanelId}-title`;

  // The months need the lots, which the map's summaries leave out: fetched when the panel opens.
  const { status, projects } = useShownProjectsWithLots(open);
  const balance = useMemo(() => massBalance(projects), [projects]);
  const rows = useMemo(() => balanceRows(balance, material), [balance, material]);
  const totals = rowTotals(rows);
  const present = materialsInBalance(balance);
  const materialName = material === "all" ? t("balance.allMaterials") : t(`material.${material}`);
  const unit = t("unit.tonnes");

  if (!open) return null;
  return (
    <section id={balancePanelId} className="balance-panel" aria-labelledby={titleId}>
      <div className="balance-head">
        <h2 id={titleId} className="panel-title">
          {t("balance.title")}
        </h2>
        <p className="balance-scope">{t(filtersActive(filters) ? "balance.scopeFiltered" : "balance.scopeAll")}</p>
        <span className="header-spacer" />
        <div className="inline-field">
          <label htmlFor={selectId}>{t("lots.material")}</label>
          <select id={selectId} value={material} onChange={(e) => setMaterial(e.target.value as Material | "all")}>
            <option value="all">{t("balance.allMaterials")}</option>
            {present.map((m) => (
              <option key={m} value={m}>
                {t(`material.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button-small" aria-pressed={showTable} onClick={() => setShowTable((s) => !s)}>
          {t("balance.showTable")}
        </button>
        <button type="button" className="button button-small" onClick={toggle}>
          {t("details.close")}
        </button>
      </div>
      <p className="balance-totals">
        {t("balance.totals", {
          surplus: withUnit(totals.surplusTonnes, unit),
          demand: withUnit(totals.demandTonnes, unit),
          net: withUnit(totals.netTonnes, unit),
        })}
      </p>
      <div className="balance-body">
        {status === "loading" || status === "idle" ? (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> {t("balance.loadingLots")}
          </p>
        ) : status === "error" ? (
          <p className="field-error" role="alert">{t("balance.lotsFailed")}</p>
        ) : rows.length === 0 ? (
          <p className="muted">{t("balance.empty")}</p>
        ) : (
          !showTable && (
            <Suspense
              fallback={
                <p className="muted">
                  <span className="spinner" aria-hidden="true" /> {t("balance.loadingChart")}
                </p>
              }
            >
              <BalanceChart rows={rows} tr={tr} />
            </Suspense>
          )
        )}
        <div className={showTable ? "table-scroll balance-table" : "visually-hidden"}>
          <table className="lots-table">
            <caption>{t("balance.caption", { material: materialName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("balance.month")}</th>
                <th scope="col" className="numeric">{t("direction.surplus")}</th>
                <th scope="col" className="numeric">{t("direction.demand")}</th>
                <th scope="col" className="numeric">{t("balance.net")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.month}>
                  <th scope="row">{row.month}</th>
                  <td className="numeric">{withUnit(row.surplusTonnes, unit)}</td>
                  <td className="numeric">{withUnit(row.demandTonnes, unit)}</td>
                  <td className="numeric">{withUnit(row.netTonnes, unit)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("balance.total")}</th>
                <td className="numeric">{withUnit(totals.surplusTonnes, unit)}</td>
                <td className="numeric">{withUnit(totals.demandTonnes, unit)}</td>
                <td className="numeric">{withUnit(totals.netTonnes, unit)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </div>
    </section>
  );
}
