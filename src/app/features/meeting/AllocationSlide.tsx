/**
 * Presentation mode's "Which sites to allocate" (issue 11): a scenario's recommendation on the big
 * screen. The map shows the recommended plan's flows with the allocated candidates filled green
 * and named, the others dashed grey; beside it the proof status, the allocated sites with their
 * fixed cost and rent, the best plan with 0, 1, 2 … sites, and what each candidate is worth.
 */
import { lazy, Suspense, useMemo } from "react";
import type { Bbox } from "../../../core/geo/geometry";
import { localeOf } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";
import { allocationSiteFeatures, extentOfAll } from "../../map/allocation-layers";
import { flowsToFeatures, maxLineTonnes } from "../../map/flow-layers";
import { CurveChart } from "../allocation/AllocationCharts";
import { isProven, signedWithUnit, siteNamer, siteValueRows, statusText } from "../allocation/allocation-rows";
import type { RecommendationEntry, ScenarioData } from "../compare/scenario-data";
import { endpointIndex } from "../export/endpoints";

/** A box at least `spanDeg` wide and high around its middle, so one site alone is not shown at the highest zoom. */
function atLeast(box: Bbox | null, spanDeg: number): Bbox | null {
  if (!box) return null;
  const grow = (min: number, max: number): [number, number] => {
    const half = Math.max(max - min, spanDeg) / 2;
    const middle = (min + max) / 2;
    return [middle - half, middle + half];
  };
  const [west, east] = grow(box[0], box[2]);
  const [south, north] = grow(box[1], box[3]);
  return [west, south, east, north];
}

const FlowMiniMap = lazy(() => import("../../map/FlowMiniMap").then((m) => ({ default: m.FlowMiniMap })));

export function AllocationSlide({ entry, data }: { entry: RecommendationEntry; data: ScenarioData }) {
  const tr = useT();
  const { t, lang, withUnit } = tr;
  const { view, result } = entry;
  const { allocation } = result;
  const names = useMemo(() => siteNamer(view, data.sites), [view, data.sites]);
  const map = useMemo(() => {
    const registry = new Map(data.sites.map((s) => [s.id, s]));
    const sites = allocationSiteFeatures(
      view.sites.filter((s) => s.candidate).map((s) => ({ id: s.id, name: s.name, geometry: registry.get(s.id)?.geometry ?? null, location: s.location ?? null })),
      allocation.allocated,
    );
    const locations: Record<string, [number, number]> = {};
    const placeNames: Record<string, string> = {};
    for (const [id, endpoint] of endpointIndex(data.projects, data.sites)) {
      locations[id] = [endpoint.location[0], endpoint.location[1]];
      placeNames[id] = endpoint.name;
    }
    const flows = flowsToFeatures(result.flows, locations, { names: placeNames });
    return { sites, flows, maxTonnes: Math.max(1, maxLineTonnes(flows)), bounds: atLeast(extentOfAll([sites, flows]), 0.05) };
  }, [view, result, allocation.allocated, data]);
  const rows = siteValueRows(result, names, view.sites);
  const when = view.run ? new Intl.DateTimeFormat(localeOf[lang], { dateStyle: "long", timeStyle: "short" }).format(new Date(view.run.finishedAt ?? view.run.startedAt)) : null;
  const byId = new Map(rows.map((row) => [row.siteId, row]));

  return (
    <>
      <p className="meeting-lead meeting-ran-by">
        {t("meeting.allocation.lead", { name: entry.scenario.name })}
        {when && view.run ? ` · ${t("allocation.lastRun", { when, who: view.run.startedBy })}` : ""}
      </p>
      <div className="meeting-allocation">
        <div className="meeting-map">
          <Suspense fallback={<p role="status">{t("compare.mapsLoading")}</p>}>
            <FlowMiniMap
              key={entry.scenario.id}
              label={t("meeting.allocation.mapLabel", { name: entry.scenario.name, sites: allocation.allocated.map(names).join(", ") || "–" })}
              flows={map.flows}
              maxTonnes={map.maxTonnes}
              bounds={map.bounds}
              sites={map.sites}
              interactive={false}
              className="flow-mini-map meeting-mini-map"
            />
          </Suspense>
        </div>
        <div className="meeting-allocation-facts">
          <p className={isProven(result) ? "meeting-allocation-status meeting-allocation-proven" : "meeting-allocation-status meeting-allocation-not-proven"} data-status={result.status}>
            {statusText(result, lang)}
          </p>
          <div>
            <h3 className="meeting-subheading">
              {allocation.allocated.length > 0 ? t("allocation.recommended", { count: allocation.allocated.length }) : t("allocation.recommendedNone")}
            </h3>
            <ul className="meeting-allocated">
              {allocation.allocated.map((id) => {
                const row = byId.get(id);
                return (
                  <li key={id}>
                    <span className="meeting-allocated-name">{names(id)}</span>
                    {row && (
                      <span className="meeting-allocated-costs">
                        {t("meeting.allocation.siteCosts", { fixed: withUnit(row.fixedCostNok, t("unit.nok"), 0), rent: withUnit(row.rentNok, t("unit.nok"), 0) })}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
            <p className="meeting-allocation-totals">
              {t("meeting.allocation.totals", {
                fixed: withUnit(allocation.fixedCostNok, t("unit.nok"), 0),
                rent: withUnit(allocation.rentNok, t("unit.nok"), 0),
                cost: withUnit(result.kpis.cost, t("unit.nok"), 0),
              })}
            </p>
          </div>
          {allocation.curve.length > 0 && (
            <div className="meeting-allocation-curve">
              <h3 className="meeting-subheading">{t("allocation.curve")}</h3>
              <CurveChart curve={allocation.curve} names={names} tr={tr} heightPx={200} theme="dark" chosenSites={allocation.allocated.length} />
            </div>
          )}
          <table className={`meeting-table meeting-allocation-values${rows.length > 4 ? " meeting-table-dense" : ""}`}>
            <caption>{t("meeting.allocation.valuesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("allocation.col.site")}</th>
                <th scope="col">{t("allocation.col.status")}</th>
                <th scope="col">{t("meeting.allocation.deltaCost")}</th>
                <th scope="col">{t("meeting.allocation.deltaCO2")}</th>
                <th scope="col">{t("meeting.allocation.deltaReused")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.siteId} className={row.allocated ? "meeting-allocation-chosen" : undefined}>
                  <th scope="row">{row.name}</th>
                  <td>{t(row.statusKey)}</td>
                  <td className="meeting-number">{signedWithUnit(lang, row.deltaCost, t("unit.nok"))}</td>
                  <td className="meeting-number">{signedWithUnit(lang, row.deltaKgCO2e / 1000, "t CO2e", 1)}</td>
                  <td className="meeting-number">{signedWithUnit(lang, row.deltaTonnesReused, "t")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
