/**
 * "Which sites to allocate" in the scenario editor (issue 11): the limits (most sites, most area,
 * each candidate required, excluded or left to Massekart), "Recommend sites", progress while the
 * server works, then the gap/proven status, the recommended sites (outlined on the map), a ranked
 * table of what each candidate is worth, the k-curve, the area needed per month and "Use this
 * allocation". Planners and admins recommend; everyone reads (the server enforces it).
 */
import { useEffect, useId, useState } from "react";
import type { RecommendationView } from "../../../core/allocation/recommendation-api";
import type { SiteAllocationChoice } from "../../../core/scenario/scenario";
import { useT, type Translator } from "../../i18n/use-t";
import { useAllocationStore } from "../../state/allocation-store";
import { editDraft } from "../scenarios/scenario-actions";
import type { ScenarioDraft } from "../../state/scenario-slice";
import { useAppStore } from "../../state/store";
import { useProjectsWithLots } from "../map-data/projects-with-lots";
import { applyAllocation, loadRecommendation, recommendSites } from "./allocation-actions";
import { AreaNeedChart, CurveChart } from "./AllocationCharts";
import { isProven, refusedFieldLabel, siteStatusKey, unplacedTonnes } from "./allocation-rows";
import "./allocation.css";
import { UnplacedList } from "../results/UnplacedList";
import type { Places } from "../results/result-data";
import type { Project } from "../../../core/domain/records";

/** Each lot named after its project, for the list of unplaced lots. */
function lotPlaces(projects: readonly Project[]): Places {
  const places: Record<string, Places[string]> = {};
  for (const project of projects) for (const lot of project.lots) places[lot.id] = { name: project.name, location: null, kind: lot.direction };
  return places;
}

export function RecommendSection({ draft, writer }: { draft: ScenarioDraft; writer: boolean }) {
  const tr = useT();
  const { t, withUnit } = tr;
  const base = useId();
  const entry = useAllocationStore((s) => s.byScenario[draft.id]);
  const candidates = useAppStore((s) => s.data.sites).filter((site) => site.deletedAt === null && site.candidate && site.status !== "closed");
  const { parameters, siteAllocation } = draft.input;
  const [nowMs, setNowMs] = useState(() => Date.now());
  const running = entry?.running ?? null;

  useEffect(() => {
    void loadRecommendation(draft.id);
    return () => useAllocationStore.getState().highlight([]);
  }, [draft.id]);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  const setLimit = (key: "maxAllocatedSites" | "maxAllocatedAreaM2", text: string) => {
    const next: Record<string, unknown> = { ...parameters };
    if (text === "" || Number.isNaN(Number(text))) delete next[key];
    else next[key] = Number(text);
    editDraft({ parameters: next });
  };
  const choiceOf = (siteId: string) => siteAllocation.find((c) => c.siteId === siteId)?.allocation ?? "free";
  const setChoice = (siteId: string, value: string) => {
    const rest = siteAllocation.filter((c) => c.siteId !== siteId);
    editDraft({ siteAllocation: value === "free" ? rest : [...rest, { siteId, allocation: value as SiteAllocationChoice["allocation"] }] });
  };
  const recommend = () =>
    void recommendSites(draft.id, {
      maxAllocatedSites: parameters.maxAllocatedSites ?? null,
      maxAllocatedAreaM2: parameters.maxAllocatedAreaM2 ?? null,
      siteAllocation,
      curve: true,
    });

  return (
    <section className="scenario-fieldset allocation-section" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} className="panel-subtitle">
        {t("allocation.title")}
      </h3>
      {candidates.length === 0 ? (
        <p className="muted small">{t("allocation.noCandidates")}</p>
      ) : (
        <>
          <p className="muted small">{t("allocation.intro")}</p>
          <div className="param-row">
            <label htmlFor={`${base}-max-sites`}>{t("allocation.maxSites")}</label>
            <input
              id={`${base}-max-sites`}
              type="number"
              min={0}
              step={1}
              readOnly={!writer}
              placeholder={t("allocation.noLimit")}
              value={parameters.maxAllocatedSites ?? ""}
              onChange={(e) => setLimit("maxAllocatedSites", e.target.value)}
            />
            <span className="param-unit">{t("unit.sites")}</span>
          </div>
          <div className="param-row">
            <label htmlFor={`${base}-max-area`}>{t("allocation.maxArea")}</label>
            <input
              id={`${base}-max-area`}
              type="number"
              min={0}
              step={1000}
              readOnly={!writer}
              placeholder={t("allocation.noLimit")}
              value={parameters.maxAllocatedAreaM2 ?? ""}
              onChange={(e) => setLimit("maxAllocatedAreaM2", e.target.value)}
            />
            <span className="param-unit">m²</span>
          </div>
          <fieldset className="override">
            <legend>{t("allocation.choices")}</legend>
            {candidates.map((site) => (
              <div key={site.id} className="param-row">
                <label htmlFor={`${base}-choice-${site.id}`}>{site.name}</label>
                <select
                  id={`${base}-choice-${site.id}`}
                  aria-label={t("allocation.choice.label", { name: site.name })}
                  disabled={!writer}
                  value={choiceOf(site.id)}
                  onChange={(e) => setChoice(site.id, e.target.value)}
                >
                  {(["free", "required", "excluded"] as const).map((value) => (
                    <option key={value} value={value}>
                      {t(`allocation.choice.${value}`)}
                    </option>
                  ))}
                </select>
                <span className="param-unit muted small">
                  {t("allocation.siteCosts", { fixed: withUnit(site.fixedCostNok ?? 0, t("unit.nok"), 0), rent: withUnit(site.rentNokPerMonth ?? 0, t("unit.nokPerMonth"), 0) })}
                </span>
              </div>
            ))}
          </fieldset>
          {writer && (
            <button type="button" className="button button-small button-accent" disabled={Boolean(running)} aria-busy={Boolean(running)} onClick={recommend}>
              {t("allocation.recommend")}
            </button>
          )}
        </>
      )}
      {running && (
        <p className="scenario-run" role="status">
          <span className="spinner" aria-hidden="true" /> {t("allocation.running", { seconds: Math.max(0, Math.round((nowMs - running.startedAtMs) / 1000)) })}
        </p>
      )}
      {entry?.message && (
        <div className={entry.message.tone === "error" ? "field-error allocation-message" : "scenarios-message allocation-message"} role={entry.message.tone === "error" ? "alert" : "status"}>
          <p>{t(entry.message.key, entry.message.params)}</p>
          {entry.refusal && entry.refusal.length > 0 && (
            <ul className="allocation-refusal">
              {entry.refusal.map((field, i) => {
                const label = refusedFieldLabel(field.path);
                const text = t(field.message.key, field.message.params);
                return <li key={`${field.path}-${i}`}>{label === null ? text : `${label === "" ? field.path : t(label)}: ${text}`}</li>;
              })}
            </ul>
          )}
        </div>
      )}
      {entry?.view?.result && <RecommendationResult view={entry.view} tr={tr} writer={writer} scenarioId={draft.id} />}
    </section>
  );
}

function RecommendationResult({ view, tr, writer, scenarioId }: { view: RecommendationView; tr: Translator; writer: boolean; scenarioId: string }) {
  const { t, num, withUnit } = tr;
  // Unplaced lots are named after their projects, so this needs the lots.
  const { projects } = useProjectsWithLots();
  const result = view.result;
  if (!result) return null;
  const { allocation } = result;
  const names = (id: string) => view.sites.find((s) => s.id === id)?.name ?? id;
  const places = lotPlaces(projects);
  const signed = (value: number, digits = 0) => `${value > 0 ? "+" : ""}${num(value, digits)}`;
  const gapPercent = num(allocation.gap * 100, 4);
  // `time_limit`: the best allocation found, not proven; unplaced lots do not make a plan less optimal (issue 11).
  const proven = isProven(result);
  const unplaced = unplacedTonnes(result);
  return (
    <div className="allocation-result">
      {view.run && (
        <p className="muted small">
          {t("allocation.lastRun", { when: new Date(view.run.finishedAt ?? view.run.startedAt).toLocaleString(tr.lang === "nb" ? "nb-NO" : "en-GB"), who: view.run.startedBy })}
        </p>
      )}
      <p role="status" className={proven ? "allocation-proven" : "allocation-not-proven"} data-status={result.status}>
        {proven ? t("allocation.proven", { gap: gapPercent }) : t("allocation.notProven", { gap: gapPercent })}
        {unplaced > 0 && ` ${t("allocation.unplacedTonnes", { tonnes: withUnit(unplaced, "t", 0), count: result.unplaced.length })}`}
      </p>
      {view.dataChanged && <p className="field-error">{t("allocation.dataChanged")}</p>}
      <p className="small">
        {t("allocation.kpis", {
          cost: withUnit(result.kpis.cost, t("unit.nok"), 0),
          co2: withUnit(result.kpis.kgCO2e, "kg CO2e", 0),
          reuse: num(result.kpis.reuseRate * 100, 1),
        })}
      </p>
      {result.unplaced.length > 0 && (
        <details className="allocation-unplaced">
          <summary>{t("allocation.unplacedList", { count: result.unplaced.length })}</summary>
          <UnplacedList unplaced={result.unplaced} places={places} lang={tr.lang} />
        </details>
      )}
      <h4>{allocation.allocated.length > 0 ? t("allocation.recommended", { count: allocation.allocated.length }) : t("allocation.recommendedNone")}</h4>
      <ul className="allocation-sites">
        {allocation.allocated.map((id) => (
          <li key={id}>{names(id)}</li>
        ))}
      </ul>
      {writer && view.sitesInPlay && (
        <button type="button" className="button button-small button-save" onClick={() => void applyAllocation(scenarioId)}>
          {t("allocation.use")}
        </button>
      )}
      <h4>{t("allocation.values")}</h4>
      <p className="muted small">{t("allocation.valuesHint")}</p>
      {/* Focusable, so keyboard users can scroll the wide table (WCAG 2.1.1). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("allocation.values")}>
        <table className="lots-table allocation-values">
          <caption className="visually-hidden">{t("allocation.values")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("allocation.col.site")}</th>
              <th scope="col">{t("allocation.col.status")}</th>
              <th scope="col" className="numeric">{t("allocation.col.deltaCost")}</th>
              <th scope="col" className="numeric">{t("allocation.col.deltaCO2")}</th>
              <th scope="col" className="numeric">{t("allocation.col.deltaReused")}</th>
            </tr>
          </thead>
          <tbody>
            {allocation.siteValues.map((value) => (
              <tr key={value.siteId}>
                <th scope="row">{names(value.siteId)}</th>
                <td>{t(siteStatusKey(value, view.sites.find((s) => s.id === value.siteId)?.allocation))}</td>
                <td className="numeric">{signed(value.deltaCost)}</td>
                <td className="numeric">{signed(value.deltaKgCO2e)}</td>
                <td className="numeric">{signed(value.deltaTonnesReused)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {allocation.curve.length > 0 && (
        <>
          <h4>{t("allocation.curve")}</h4>
          <CurveChart curve={allocation.curve} names={names} tr={tr} chosenSites={allocation.allocated.length} />
        </>
      )}
      {allocation.areaNeedM2.length > 0 && (
        <>
          <h4>{t("allocation.area")}</h4>
          <AreaNeedChart areaNeed={allocation.areaNeedM2} tr={tr} />
        </>
      )}
    </div>
  );
}
