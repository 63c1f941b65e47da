/**
 * "Leveranser" / "Deliveries" (issue 16): planned (the latest run of the scenario run last, or the
 * chosen one) against delivered per lot, site and month for one project, the deviations with a
 * link to their load, and the loads themselves.
 */
import { useEffect, useMemo, useState } from "react";
import type { Deliveries } from "../../../core/loads/api";
import type { Deviation } from "../../../core/loads/deviations";
import type { Load, LoadEndpoint } from "../../../core/loads/load";
import { fetchDeliveries, fetchDeviations, fetchLoads } from "../../api/client";
import { translateMessage, type MessageKey } from "../../i18n/i18n";
import type { Translator } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { useProjectsWithLots } from "../map-data/projects-with-lots";
import { CustodyReportButtons } from "./CustodyReport";
import { useLoadsView } from "./loads-state";

export function DeliveriesView({ tr }: { tr: Translator }) {
  const { t, lang, withUnit } = tr;
  const projects = useAppStore((s) => s.data.projects);
  const sites = useAppStore((s) => s.data.sites);
  const focusLoadId = useLoadsView((s) => s.focusLoadId);
  const scenarios = useAppStore((s) => s.scenarios.items);
  // The lots' names come with the lots, which the map's summaries leave out.
  const { projects: withLots } = useProjectsWithLots();
  const [projectId, setProjectId] = useState(() => projects.find((p) => p.lotCount > 0)?.id ?? "");
  const [answer, setAnswer] = useState<{ projectId: string; value: { deliveries: Deliveries; deviations: Deviation[]; loads: Load[] } | "failed" } | null>(null);
  // What is shown belongs to the chosen project; until its answer arrives, "loading".
  const data = answer?.projectId === projectId ? answer.value : "loading";
  useEffect(() => {
    if (!projectId) return;
    let live = true;
    void Promise.all([fetchDeliveries({ projectId }), fetchDeviations({ projectId }), fetchLoads({ projectId })]).then(([deliveries, deviations, loads]) => {
      if (!live) return;
      setAnswer({ projectId, value: deliveries.ok && deviations.ok && loads.ok ? { deliveries: deliveries.value, deviations: deviations.value, loads: loads.value } : "failed" });
    });
    return () => {
      live = false;
    };
  }, [projectId]);
  useEffect(() => {
    if (focusLoadId) document.getElementById(`load-${focusLoadId}`)?.scrollIntoView({ block: "center" });
  }, [focusLoadId, data]);

  const lotNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const p of withLots) for (const lot of p.lots) names.set(lot.id, `${p.name}: ${t(`material.${lot.material}` as MessageKey)} (${t(`direction.${lot.direction}` as MessageKey).toLowerCase()})`);
    return names;
  }, [withLots, t]);
  const placeName = (id: string) => lotNames.get(id) ?? sites.find((s) => s.id === id)?.name ?? id;
  const endName = (e: LoadEndpoint) => placeName("lotId" in e ? e.lotId : e.siteId);
  const project = withLots.find((p) => p.id === projectId);

  return (
    <section className="deliveries" aria-labelledby="deliveries-title">
      <h3 id="deliveries-title">{t("loads.deliveries.title")}</h3>
      <div className="deliveries-controls">
        <label htmlFor="deliveries-project">{t("loads.deliveries.project")}</label>
        <select id="deliveries-project" value={projectId} onChange={(e) => setProjectId(e.target.value)}>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {project && <CustodyReportButtons tr={tr} project={project} />}
      </div>
      {data === "loading" && <p role="status">{t("loads.loading")}</p>}
      {data === "failed" && <p role="alert">{t("loads.failed")}</p>}
      {typeof data === "object" && (
        <>
          <p className="deliveries-plan">{data.deliveries.scenarioId ? t("loads.deliveries.planFrom", { scenario: scenarios.find((sc) => sc.id === data.deliveries.scenarioId)?.name ?? data.deliveries.scenarioId }) : t("loads.deliveries.noPlan")}</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("loads.deliveries.tableLabel")}>
            <table className="data-table">
              <caption>{t("loads.deliveries.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("loads.deliveries.place")}</th>
                  <th scope="col">{t("loads.deliveries.month")}</th>
                  <th scope="col" className="num">{t("loads.deliveries.planned")}</th>
                  <th scope="col" className="num">{t("loads.deliveries.delivered")}</th>
                  <th scope="col" className="num">{t("loads.deliveries.difference")}</th>
                </tr>
              </thead>
              <tbody>
                {data.deliveries.rows.map((r) => (
                  <tr key={`${r.place}|${r.month}`}>
                    <th scope="row">{placeName(r.place)}</th>
                    <td>{r.month}</td>
                    <td className="num">{withUnit(r.plannedTonnes, "t")}</td>
                    <td className="num">{withUnit(r.deliveredTonnes, "t")}</td>
                    <td className="num">{withUnit(r.deliveredTonnes - r.plannedTonnes, "t")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h4>{t("loads.deviations.title", { count: data.deviations.length })}</h4>
          {data.deviations.length === 0 ? (
            <p>{t("loads.deviations.none")}</p>
          ) : (
            <ul className="deviation-list">
              {data.deviations.map((d, i) => (
                <li key={`${d.loadId}-${d.kind}-${i}`}>
                  <strong>{t(`loads.deviation.${d.kind}` as MessageKey)}</strong>: {translateMessage(lang, { key: d.key, params: d.params as never }, d.message)}{" "}
                  <a href={`#load-${d.loadId}`} onClick={() => useLoadsView.setState({ focusLoadId: d.loadId })}>
                    {t("loads.deviations.showLoad")}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("loads.list.label")}>
            <table className="data-table">
              <caption>{t("loads.list.caption", { count: data.loads.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("loads.form.time")}</th>
                  <th scope="col">{t("loads.list.from")}</th>
                  <th scope="col">{t("loads.list.to")}</th>
                  <th scope="col" className="num">{t("loads.list.tonnes")}</th>
                  <th scope="col">{t("loads.form.vehicle")}</th>
                  <th scope="col">{t("loads.form.ticket")}</th>
                </tr>
              </thead>
              <tbody>
                {data.loads.map((l) => (
                  <tr key={l.id} id={`load-${l.id}`} className={l.id === focusLoadId ? "load-focused" : undefined}>
                    <td>{l.time.slice(0, 16).replace("T", " ")}</td>
                    <td>{endName(l.from)}</td>
                    <td>{endName(l.to)}</td>
                    <td className="num">{withUnit(l.tonnes, "t")}</td>
                    <td>{l.vehicle}</td>
                    <td>{l.ticket}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
