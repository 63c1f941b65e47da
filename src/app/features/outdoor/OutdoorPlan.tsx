/**
 * The storage plan for outdoor materials: per storage site, area needed vs available over the
 * months (chart and table), the shortfalls listed (where, when, how many m²), short- and long-term
 * stock, and the staff effort per month (person-hours and FTE). Charts load lazily; the tables are
 * always there for screen readers and on request for everyone.
 */
import { lazy, Suspense, useEffect, useId, useState } from "react";
import type { StoragePlan } from "../../../core/outdoor/api";
import { failureMessage, type Message } from "../../api/failure-message";
import type { Translator } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { fetchStoragePlan } from "../../api/client";
import { areaChartRows, defaultPlanSite, shortfallRuns, staffChartRows } from "./outdoor-model";

// recharts is large: only those who open the view load it.
const AreaChart = lazy(() => import("./OutdoorCharts").then((module) => ({ default: module.AreaChart })));
const StaffChart = lazy(() => import("./OutdoorCharts").then((module) => ({ default: module.StaffChart })));

type Loaded = { status: "loading" } | { status: "ready"; plan: StoragePlan } | { status: "failed"; message: Message };

function ChartFallback({ tr }: { tr: Translator }) {
  return (
    <p className="muted">
      <span className="spinner" aria-hidden="true" /> {tr.t("balance.loadingChart")}
    </p>
  );
}

export function OutdoorPlan({ tr, part }: { tr: Translator; part: "area" | "staff" }) {
  const { t, withUnit } = tr;
  const lotsVersion = useAppStore((s) => s.outdoor.lotsVersion);
  const [range, setRange] = useState({ from: "", to: "" });
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [siteId, setSiteId] = useState<string | null>(null);
  const [showTable, setShowTable] = useState(false);
  const ids = { site: useId(), from: useId(), to: useId() };

  useEffect(() => {
    let live = true;
    void fetchStoragePlan({ ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) }).then((result) => {
      if (live) setLoaded(result.ok ? { status: "ready", plan: result.value } : { status: "failed", message: failureMessage(result.failure) });
    });
    return () => {
      live = false;
    };
  }, [range, lotsVersion]);

  const plan = loaded.status === "ready" ? loaded.plan : null;
  const shownSite = plan ? (plan.sites.some((s) => s.siteId === siteId) ? siteId : defaultPlanSite(plan)) : null;
  const site = plan?.sites.find((s) => s.siteId === shownSite);
  const rows = plan && shownSite ? areaChartRows(plan, shownSite) : [];
  const staff = plan ? staffChartRows(plan) : [];
  const m2 = (value: number) => withUnit(value, "m²", 1);
  const hours = t("outdoor.unit.h");

  return (
    <div className="outdoor-plan">
      <div className="outdoor-toolbar">
        <div className="inline-field">
          <label htmlFor={ids.from}>{t("outdoor.fromMonth")}</label>
          <input id={ids.from} type="month" value={range.from} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} />
        </div>
        <div className="inline-field">
          <label htmlFor={ids.to}>{t("outdoor.toMonth")}</label>
          <input id={ids.to} type="month" value={range.to} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} />
        </div>
        {part === "area" && plan && plan.sites.length > 0 && (
          <div className="inline-field">
            <label htmlFor={ids.site}>{t("outdoor.storageSite")}</label>
            <select id={ids.site} value={shownSite ?? ""} onChange={(e) => setSiteId(e.target.value)}>
              {plan.sites.map((s) => (
                <option key={s.siteId} value={s.siteId}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <span className="header-spacer" />
        <button type="button" className="button button-small" aria-pressed={showTable} onClick={() => setShowTable((s) => !s)}>
          {t("balance.showTable")}
        </button>
      </div>
      {loaded.status === "loading" && <p className="muted">{t("outdoor.loading")}</p>}
      {loaded.status === "failed" && <p className="field-error">{t(loaded.message.key, loaded.message.params)}</p>}
      {plan && part === "area" && (
        <>
          {site ? (
            <p className="outdoor-site-summary">
              {t(site.materialAreaCovered ? "outdoor.siteAreaCovered" : "outdoor.siteArea", { area: withUnit(site.materialAreaM2, "m²", 0) })}{" "}
              {t("outdoor.peak", { need: m2(site.peakAreaNeededM2), short: m2(site.peakShortfallM2) })}
            </p>
          ) : (
            <p className="muted">{t("outdoor.noPlanSites")}</p>
          )}
          {rows.length > 0 && !showTable && (
            <Suspense fallback={<ChartFallback tr={tr} />}>
              <AreaChart rows={rows} tr={tr} />
            </Suspense>
          )}
          {site && (
            <div className={showTable ? "table-scroll outdoor-table" : "visually-hidden"}>
              <table className="lots-table outdoor-area-table">
                <caption>{t("outdoor.areaCaption", { site: site.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("balance.month")}</th>
                    <th scope="col" className="numeric">{t("outdoor.areaNeeded")}</th>
                    <th scope="col" className="numeric">{t("outdoor.areaAvailable")}</th>
                    <th scope="col" className="numeric">{t("outdoor.shortfall")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.month} className={row.shortfallM2 > 0 ? "outdoor-short" : undefined}>
                      <th scope="row">{row.month}</th>
                      <td className="numeric">{m2(row.areaNeededM2)}</td>
                      <td className="numeric">{m2(row.areaAvailableM2)}</td>
                      <td className="numeric">{m2(row.shortfallM2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3 className="section-title">{t("outdoor.shortfalls")}</h3>
          {plan.shortfalls.length === 0 ? (
            <p className="muted">{t("outdoor.noShortfalls")}</p>
          ) : (
            <ul className="outdoor-shortfalls" aria-label={t("outdoor.shortfalls")}>
              {shortfallRuns(plan.shortfalls).map((run) => (
                <li key={`${run.siteId ?? "none"}-${run.from}`}>
                  {t(run.from === run.to ? "outdoor.shortfallItem" : "outdoor.shortfallRun", {
                    site: run.siteName ?? t("outdoor.unassigned"),
                    month: run.from,
                    from: run.from,
                    to: run.to,
                    area: m2(run.maxShortfallM2),
                  })}
                </li>
              ))}
            </ul>
          )}
          <h3 className="section-title">{t("outdoor.stock")}</h3>
          <p>
            {t("outdoor.stockLine", {
              shortLots: plan.stock.shortTerm.lots,
              shortArea: m2(plan.stock.shortTerm.areaM2),
              longLots: plan.stock.longTerm.lots,
              longArea: m2(plan.stock.longTerm.areaM2),
              months: plan.assumptions.shortTermMaxMonths,
              open: plan.stock.openEnded,
            })}
          </p>
        </>
      )}
      {plan && part === "staff" && (
        <>
          <p className="field-hint">{t("outdoor.staffHint", { hours: withUnit(plan.assumptions.hoursPerFte, hours, 0) })}</p>
          {staff.length > 0 && !showTable && (
            <Suspense fallback={<ChartFallback tr={tr} />}>
              <StaffChart rows={staff} tr={tr} />
            </Suspense>
          )}
          <div className={showTable ? "table-scroll outdoor-table" : "visually-hidden"}>
            <table className="lots-table outdoor-staff-table">
              <caption>{t("outdoor.staffCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("balance.month")}</th>
                  <th scope="col" className="numeric">{t("outdoor.personHours")}</th>
                  <th scope="col" className="numeric">{t("outdoor.fte")}</th>
                </tr>
              </thead>
              <tbody>
                {staff.map((row) => (
                  <tr key={row.month}>
                    <th scope="row">{row.month}</th>
                    <td className="numeric">{withUnit(row.personHours, hours, 1)}</td>
                    <td className="numeric">{withUnit(row.fte, t("outdoor.unit.fte"), 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
