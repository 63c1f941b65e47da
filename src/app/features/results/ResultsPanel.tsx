/**
 * The result on the right of the map: KPI cards beside the baseline and the saving, the month
 * shown on the map, unplaced lots with their reasons, inventory per storage site, the plan's mass
 * balance and the sortable flows table linked to the map. Loaded lazily with its charts.
 */
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useState } from "react";
import "./results.css";
import type { Material } from "../../../core/domain/materials";
import { useT } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { BalanceChart } from "../balance/BalanceChart";
import { FlowsTable } from "./FlowsTable";
import { InventoryChart } from "./InventoryChart";
import { KpiCards } from "./KpiCards";
import { MonthSlider } from "./MonthSlider";
import { materialsInFlows, planBalanceRows, resultMonths } from "./result-data";
import { UnplacedList } from "./UnplacedList";
import { FlowLegend } from "./FlowLegend";
import { DeliveredFlowsResultToggle } from "../delivered/DeliveredFlowsToggle";
import { useDeliveredFlows } from "../../state/delivered-flows-store";

export const resultsPanelId = "results-panel";

export function ResultsPanel({ title }: { title?: string }) {
  const tr = useT();
  const { t, lang, num } = tr;
  const shown = useAppStore((s) => s.matching.shown);
  const month = useAppStore((s) => s.matching.month);
  const selectedFlow = useAppStore((s) => s.matching.selectedFlow);
  const setMonth = useAppStore((s) => s.setResultMonth);
  const selectFlow = useAppStore((s) => s.selectFlow);
  const close = useAppStore((s) => s.closeResult);
  const delivered = useDeliveredFlows((s) => s.visible);
  const [material, setMaterial] = useState<Material | "all">("all");
  const [tables, setTables] = useState(false);
  const materialId = useId();
  const titleId = `${resultsPanelId}-title`;
  const result = shown?.result;
  const months = useMemo(() => (result ? resultMonths(result) : []), [result]);
  const flows = useMemo(() => (result && result.status !== "error" ? result.flows : []), [result]);
  const balance = useMemo(() => planBalanceRows(flows, months, material), [flows, months, material]);
  const onMonth = useCallback((m: string | null) => setMonth(m), [setMonth]);
  // The charts and the flows table are most of this panel's first render: they follow in a
  // deferred render, so the key figures of a new result are on screen without waiting for them.
  const detailsShown = useDeferredValue(result, undefined) === result;
  // After this commit the figures are on screen: the map may now draw the flows (FlowsOnMap).
  const markFiguresShown = useAppStore((s) => s.markFiguresShown);
  useEffect(() => {
    if (result) markFiguresShown(result);
  }, [result, markFiguresShown]);
  if (!shown || !result) return null;
  const heading = title ?? t("matching.title");
  return (
    <aside id={resultsPanelId} className="panel results-panel" aria-labelledby={titleId}>
      <div className="details-header">
        <div>
          <p className="details-kicker">{t("results.title")}</p>
          <h2 id={titleId} className="details-title">
            {heading}
          </h2>
        </div>
        <button type="button" className="button button-small" onClick={close}>
          {t("results.close")}
        </button>
      </div>
      <div className="results-body">
        {result.status === "error" ? (
          <p role="alert">{t("results.status.error", { message: result.message })}</p>
        ) : (
          <>
            <p className="results-status" role="status">
              {result.status === "optimal" && result.unplaced.length > 0
                ? t("results.status.optimalWithUnplaced", { count: result.unplaced.length })
                : t(`results.status.${result.status}`)}
              {shown.source.kind === "browser" && ` · ${t("matching.solvedIn", { seconds: num(shown.source.seconds, 1) })}`}
            </p>
            {shown.source.kind === "browser" && <p className="muted small">{t("matching.notSaved")}</p>}
            <KpiCards result={result} lang={lang} />
            <MonthSlider months={months} month={month} onChange={onMonth} lang={lang} />
            <FlowLegend flows={flows} lang={lang} delivered={delivered} />
            <DeliveredFlowsResultToggle />
            <section className="results-section" aria-labelledby={`${titleId}-unplaced`}>
              <h3 id={`${titleId}-unplaced`}>
                {t("results.unplaced")} ({result.unplaced.length})
              </h3>
              <UnplacedList unplaced={result.unplaced} places={shown.places} lang={lang} />
            </section>
            {detailsShown && (
              <>
            <div className="results-tables-toggle">
              <button type="button" className="button button-small" aria-pressed={tables} onClick={() => setTables((v) => !v)}>
                {t("balance.showTable")}
              </button>
            </div>
            <section className="results-section" aria-labelledby={`${titleId}-inventory`}>
              <h3 id={`${titleId}-inventory`}>{t("results.inventory")}</h3>
              <InventoryChart inventory={result.inventory} months={months} places={shown.places} lang={lang} month={month} showTable={tables} />
            </section>
            <section className="results-section" aria-labelledby={`${titleId}-balance`}>
              <div className="results-section-head">
                <h3 id={`${titleId}-balance`}>{t("results.balance")}</h3>
                <div className="inline-field">
                  <label htmlFor={materialId}>{t("lots.material")}</label>
                  <select id={materialId} value={material} onChange={(e) => setMaterial(e.target.value as Material | "all")}>
                    <option value="all">{t("balance.allMaterials")}</option>
                    {materialsInFlows(flows).map((m) => (
                      <option key={m} value={m}>
                        {t(`material.${m}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              {!tables && <BalanceChart rows={balance} tr={tr} />}
              <div className={tables ? "table-scroll" : "visually-hidden"}>
                <table className="lots-table">
                  <caption>{t("results.balanceCaption", { material: material === "all" ? t("balance.allMaterials") : t(`material.${material}`) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("balance.month")}</th>
                      <th scope="col" className="numeric">{t("direction.surplus")}</th>
                      <th scope="col" className="numeric">{t("direction.demand")}</th>
                      <th scope="col" className="numeric">{t("balance.net")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {balance.map((row) => (
                      <tr key={row.month}>
                        <th scope="row">{row.month}</th>
                        <td className="numeric">{tr.withUnit(row.surplusTonnes, t("unit.tonnes"))}</td>
                        <td className="numeric">{tr.withUnit(row.demandTonnes, t("unit.tonnes"))}</td>
                        <td className="numeric">{tr.withUnit(row.netTonnes, t("unit.tonnes"))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section className="results-section" aria-labelledby={`${titleId}-flows`}>
              <h3 id={`${titleId}-flows`}>{t("results.flows")}</h3>
              <FlowsTable flows={flows} places={shown.places} lang={lang} selectedIndex={selectedFlow} onSelect={(i) => selectFlow(i === selectedFlow ? null : i)} month={month} />
            </section>
              </>
            )}
          </>
        )}
      </div>
    </aside>
  );
}
