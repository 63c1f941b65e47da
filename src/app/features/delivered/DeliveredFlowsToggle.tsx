/**
 * The switches of the delivered flows (issue 16 item 2): "Delivered loads" in the layer panel, with
 * its legend and what was fetched, and "Show delivered loads" beside the planned flows' legend in the
 * results panel. Both switch the same layer.
 */
import { useMemo, type CSSProperties } from "react";
import { useT } from "../../i18n/use-t";
import { deliveredFlowsToFeatures, deliveredPlaces, unknownMaterialColour } from "../../map/delivered-flow-layers";
import { useDeliveredFlows, useDeliveredMonth } from "../../state/delivered-flows-store";
import { useAppStore } from "../../state/store";
import { useProjectsWithLots } from "../map-data/projects-with-lots";

/** A short dashed line, the delivered flows' symbol (decorative: the label beside it names it). */
export function DeliveredSwatch({ colour = unknownMaterialColour }: { colour?: string }) {
  return <span className="swatch swatch-dashed" style={{ "--swatch-colour": colour } as CSSProperties} aria-hidden="true" />;
}

/** A short solid line, the planned flows' symbol. */
export function PlannedSwatch({ colour = unknownMaterialColour }: { colour?: string }) {
  return <span className="swatch swatch-solid-line" style={{ "--swatch-colour": colour } as CSSProperties} aria-hidden="true" />;
}

/** What the layer shows now: loading, a failure, nothing, or how many routes, loads and tonnes. */
function DeliveredStatus() {
  const { t, num, withUnit } = useT();
  const data = useDeliveredFlows((s) => s.data);
  const { status: lotsStatus, projects } = useProjectsWithLots();
  const sites = useAppStore((s) => s.data.sites);
  const month = useDeliveredMonth();
  const unplaced = useMemo(
    () => (data.status === "ready" ? deliveredFlowsToFeatures(data.items, deliveredPlaces(projects, sites)).unplaced : 0),
    [data, projects, sites],
  );
  let text: string;
  if (data.status === "loading" || data.status === "idle" || lotsStatus === "loading" || lotsStatus === "idle") text = t("deliveredFlows.loading");
  else if (data.status === "failed") text = `${t("deliveredFlows.failed")} ${t(data.message.key, data.message.params)}`;
  else if (data.items.length === 0) text = data.month ? t("deliveredFlows.noneInMonth", { month: data.month }) : t("deliveredFlows.none");
  else {
    const loads = data.items.reduce((sum, f) => sum + f.loads, 0);
    const tonnes = data.items.reduce((sum, f) => sum + f.tonnes, 0);
    text = t("deliveredFlows.summary", { flows: num(data.items.length), loads: num(loads), tonnes: withUnit(tonnes, t("unit.tonnes"), 1) });
  }
  return (
    <>
      <p className="legend-note" role="status">
        {text}
      </p>
      {month !== null && <p className="legend-note">{t("deliveredFlows.month", { month })}</p>}
      {unplaced > 0 && <p className="legend-note">{t("deliveredFlows.unplaced", { count: num(unplaced) })}</p>}
    </>
  );
}

/** The layer panel's "Delivered loads" checkbox, off by default; its legend and status when on. */
export function DeliveredFlowsLayerToggle() {
  const { t } = useT();
  const visible = useDeliveredFlows((s) => s.visible);
  return (
    <li className="layer-item">
      <label className="layer-toggle">
        <input type="checkbox" checked={visible} onChange={(e) => useDeliveredFlows.getState().setVisible(e.target.checked)} />
        <DeliveredSwatch />
        <span>{t("deliveredFlows.layer")}</span>
      </label>
      {visible && (
        <>
          <p className="legend-note">{t("deliveredFlows.legend")}</p>
          <DeliveredStatus />
        </>
      )}
    </li>
  );
}

/** The results panel's "Show delivered loads" checkbox, beside the planned flows' legend. */
export function DeliveredFlowsResultToggle() {
  const { t } = useT();
  const visible = useDeliveredFlows((s) => s.visible);
  return (
    <div className="delivered-result-toggle">
      <label className="check-field">
        <input type="checkbox" checked={visible} onChange={(e) => useDeliveredFlows.getState().setVisible(e.target.checked)} />
        {t("deliveredFlows.show")}
      </label>
      {visible && <DeliveredStatus />}
    </div>
  );
}
