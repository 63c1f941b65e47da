/**
 * Scenarios on the left of the map: the list (open, run, duplicate, delete with undo) and the
 * open scenario — sites in play (a checklist; a click on a site on the map toggles it too),
 * parameters with their defaults and units, what-if overrides per lot, a note — with its run
 * on the server and "data changed since this run". Viewers and engineers read; planners and
 * admins write and run (the server enforces it).
 */
import { useId } from "react";
import "../results/results.css";
import { planningWriters, restorers, mayWrite, type Me } from "../../../core/domain/accounts";
import { siteKinds } from "../../../core/domain/records";
import { defaultKgCO2PerVehicleKm } from "../../../core/matching/emissions";
import { parametersSchema, type MatchingParameters } from "../../../core/matching/instance";
import type { DataChanges, ScenarioResultView } from "../../../core/scenario/scenario";
import { useT, type Translator } from "../../i18n/use-t";
import type { MessageKey } from "../../i18n/i18n";
import { siteInPlay, withOverride, type ScenarioDraft } from "../../state/scenario-slice";
import { useAppStore } from "../../state/store";
import { useProjectsWithLots } from "../map-data/projects-with-lots";
import { RecommendSection } from "../allocation/RecommendSection";
import { scenariosPanelId } from "./ids";
import { SheetClose } from "../../ui/SheetClose";
import {
  closeScenario,
  createNewScenario,
  deleteScenario,
  duplicateScenario,
  editDraft,
  openScenario,
  openScenariosPanel,
  runScenario,
  saveDraft,
  showScenarioResult,
  toggleDraftSite,
  undoDelete,
} from "./scenario-actions";

// kgCO2PerVehicleKm is optional in the schema (an older kgCO2ePerTonneKm may set it); its default is shown.
const defaults = { ...parametersSchema.parse({}), kgCO2PerVehicleKm: defaultKgCO2PerVehicleKm };

/** The numeric parameters of DESIGN §5 a planner may change, with their unit labels. */
type NumericParameter = "truckPayloadTonnes" | "costPerTonneKm" | "loadingCostPerTonne" | "kgCO2PerVehicleKm" | "carbonPricePerKg" | "maxHaulKm" | "circuityFactor";
const numericParameters: readonly { key: NumericParameter; unit: MessageKey; step: string }[] = [
  { key: "truckPayloadTonnes", unit: "unit.tonnes", step: "0.5" },
  { key: "costPerTonneKm", unit: "scenarios.unit.nokPerTonneKm", step: "0.1" },
  { key: "loadingCostPerTonne", unit: "scenarios.unit.nokPerTonne", step: "1" },
  { key: "kgCO2PerVehicleKm", unit: "scenarios.unit.kgPerVehicleKm", step: "0.01" },
  { key: "carbonPricePerKg", unit: "scenarios.unit.nokPerKg", step: "0.1" },
  { key: "maxHaulKm", unit: "unit.km", step: "1" },
  { key: "circuityFactor", unit: "scenarios.unit.factor", step: "0.05" },
];

const changeKeys: readonly (keyof DataChanges)[] = ["lotsAdded", "lotsRemoved", "lotsChanged", "sitesAdded", "sitesRemoved", "sitesChanged"];

export function ScenariosPanel({ user }: { user: Me }) {
  const { t } = useT();
  const scenarios = useAppStore((s) => s.scenarios);
  const writer = mayWrite(user.role, planningWriters);
  const restorer = mayWrite(user.role, restorers);
  const titleId = `${scenariosPanelId}-title`;
  const message = scenarios.message;
  return (
    <section id={scenariosPanelId} className="panel scenarios-panel" aria-labelledby={titleId}>
      <div className="scenarios-titlebar">
        <h2 id={titleId} className="panel-title">
          {t("scenarios.title")}
        </h2>
        <span className="header-spacer" />
        {writer && (
          <button type="button" className="button button-small button-accent" onClick={() => void createNewScenario()}>
            {t("scenarios.new")}
          </button>
        )}
        <SheetClose onClose={() => openScenariosPanel(false)} />
      </div>
      {!writer && <p className="muted small scenarios-note">{t("scenarios.readOnly")}</p>}
      {scenarios.deleted && (
        <p className="scenarios-undo" role="status">
          {t("scenarios.deleted", { name: scenarios.deleted.name })}{" "}
          {restorer ? (
            <button type="button" className="button button-small" onClick={() => void undoDelete()}>
              {t("scenarios.undo")}
            </button>
          ) : (
            t("scenarios.restoreByAdmin")
          )}
        </p>
      )}
      {message && (
        <p className={message.tone === "error" ? "scenarios-message field-error" : "scenarios-message"} role={message.tone === "error" ? "alert" : "status"}>
          {t(message.text.key, message.text.params)}
        </p>
      )}
      {scenarios.draft ? <ScenarioEditor draft={scenarios.draft} writer={writer} /> : <ScenarioList writer={writer} />}
    </section>
  );
}

function ScenarioList({ writer }: { writer: boolean }) {
  const { t } = useT();
  const { items, status, running } = useAppStore((s) => s.scenarios);
  if (status === "loading" && items.length === 0) return <p className="muted scenarios-note">{t("scenarios.loading")}</p>;
  if (items.length === 0) return <p className="muted scenarios-note">{t("scenarios.empty")}</p>;
  return (
    <ul className="scenario-list" aria-label={t("scenarios.list")}>
      {items.map((scenario) => (
        <li key={scenario.id} className="scenario-item" aria-label={scenario.name}>
          <button type="button" className="link-button scenario-name" aria-label={t("scenarios.open.one", { name: scenario.name })} onClick={() => openScenario(scenario.id)}>
            {scenario.name}
          </button>
          <span className="muted small">
            {running[scenario.id] ? t("scenarios.running") : scenario.lastRun ? t(`scenarios.runStatus.${scenario.lastRun.status}`) : t("scenarios.neverRun")}
          </span>
          <div className="button-row scenario-actions">
            {scenario.lastRun?.status === "succeeded" && (
              <button type="button" className="button button-small" onClick={() => void showScenarioResult(scenario.id)}>
                {t("scenarios.showResult")}
              </button>
            )}
            {writer && (
              <>
                <button type="button" className="button button-small" disabled={Boolean(running[scenario.id])} aria-busy={Boolean(running[scenario.id])} onClick={() => void runScenario(scenario.id)}>
                  {t("scenarios.run")}
                </button>
                <button type="button" className="button button-small" onClick={() => void duplicateScenario(scenario.id)}>
                  {t("scenarios.duplicate")}
                </button>
                <button type="button" className="button button-small button-danger" onClick={() => void deleteScenario(scenario.id)}>
                  {t("scenarios.delete")}
                </button>
              </>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

function RunStatus({ view, running, tr, onRun, writer }: { view: ScenarioResultView | undefined; running: boolean; tr: Translator; onRun: () => void; writer: boolean }) {
  const { t } = tr;
  if (running) {
    return (
      <p className="scenario-run" role="status">
        <span className="spinner" aria-hidden="true" /> {t("scenarios.running")}
      </p>
    );
  }
  return (
    <div className="scenario-run" role="status">
      {!view?.run && <p className="muted">{t("scenarios.neverRun")}</p>}
      {view?.run && (
        <p className="muted small">{t("scenarios.lastRun", { when: new Date(view.run.finishedAt ?? view.run.startedAt).toLocaleString(tr.lang === "nb" ? "nb-NO" : "en-GB"), who: view.run.startedBy })}</p>
      )}
      {view?.lastFailure && <p className="field-error">{t("scenarios.runFailed", { detail: view.lastFailure.error ?? "?" })}</p>}
      {view?.dataChanged && (
        <div className="data-changed">
          <p>
            <strong>{t("scenarios.dataChanged")}</strong>
          </p>
          <ul>
            {changeKeys
              .filter((key) => view.dataChanged![key].length > 0)
              .map((key) => (
                <li key={key}>{t(`scenarios.change.${key}`, { count: view.dataChanged![key].length })}</li>
              ))}
          </ul>
          {writer && (
            <button type="button" className="button button-small" onClick={onRun}>
              {t("scenarios.runAgain")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function ScenarioEditor({ draft, writer }: { draft: ScenarioDraft; writer: boolean }) {
  const tr = useT();
  const { t } = tr;
  const base = useId();
  const sites = useAppStore((s) => s.data.sites).filter((site) => site.deletedAt === null);
  // The lot picker for shifted windows lists lots: fetched when an editor opens.
  const { projects } = useProjectsWithLots();
  const view = useAppStore((s) => s.scenarios.views[draft.id]);
  const running = useAppStore((s) => Boolean(s.scenarios.running[draft.id]));
  const { input } = draft;
  const lots = projects
    .filter((p) => p.deletedAt === null)
    .flatMap((p) => p.lots.filter((l) => l.deletedAt === null).map((l) => ({ id: l.id, label: `${p.name} · ${t(`direction.${l.direction}`)} · ${t(`material.${l.material}`)} (${l.window.from}–${l.window.to})` })));
  const setParameter = (key: keyof MatchingParameters, value: unknown) => {
    const next: Record<string, unknown> = { ...input.parameters };
    if (value === "" || value === undefined || (typeof value === "number" && Number.isNaN(value))) delete next[key];
    else next[key] = value;
    editDraft({ parameters: next });
  };
  return (
    <div className="scenario-editor">
      <div className="button-row">
        <button type="button" className="button button-small" onClick={closeScenario}>
          {t("scenarios.back")}
        </button>
        <span className="header-spacer" />
        {writer && (
          <>
            <button type="button" className="button button-small button-save" disabled={!draft.dirty} onClick={() => void saveDraft()}>
              {t("scenarios.save")}
            </button>
            <button type="button" className="button button-small button-accent" disabled={running} aria-busy={running} onClick={() => void runScenario(draft.id)}>
              {t("scenarios.run")}
            </button>
          </>
        )}
      </div>
      <RunStatus view={view} running={running} tr={tr} onRun={() => void runScenario(draft.id)} writer={writer} />
      <div className="field">
        <label htmlFor={`${base}-name`}>{t("scenarios.name")}</label>
        <input id={`${base}-name`} value={input.name} readOnly={!writer} onChange={(e) => editDraft({ name: e.target.value })} />
      </div>
      <fieldset className="scenario-fieldset">
        <legend>{t("scenarios.sites")}</legend>
        {writer && <p className="muted small">{t("scenarios.sitesHint")}</p>}
        {siteKinds.map((kind) => {
          const ofKind = sites.filter((s) => s.kind === kind);
          if (ofKind.length === 0) return null;
          return (
            <div key={kind} className="site-checklist" role="group" aria-label={t(`siteKind.${kind}`)}>
              <p className="site-kind">{t(`siteKind.${kind}`)}</p>
              {ofKind.map((site) => (
                <label key={site.id} className="check">
                  <input type="checkbox" checked={siteInPlay(input.siteIds, site.id)} disabled={!writer} onChange={() => toggleDraftSite(site.id)} />
                  {site.name}
                </label>
              ))}
            </div>
          );
        })}
      </fieldset>
      <fieldset className="scenario-fieldset">
        <legend>{t("scenarios.parameters")}</legend>
        {numericParameters.map(({ key, unit, step }) => {
          const value = input.parameters[key];
          const id = `${base}-${key}`;
          return (
            <div key={key} className="param-row">
              <label htmlFor={id}>{t(`scenarios.param.${key}`)}</label>
              <input
                id={id}
                type="number"
                inputMode="decimal"
                step={step}
                min={0}
                value={typeof value === "number" ? value : ""}
                placeholder={String(defaults[key])}
                readOnly={!writer}
                aria-describedby={`${id}-unit`}
                onChange={(e) => setParameter(key, e.target.value === "" ? "" : Number(e.target.value))}
              />
              <span id={`${id}-unit`} className="param-unit">
                {t(unit)} <span className="muted">({t("scenarios.default", { value: tr.num(Number(defaults[key]), 3) })})</span>
              </span>
            </div>
          );
        })}
        <div className="param-row">
          <label htmlFor={`${base}-mode`}>{t("scenarios.param.distanceMode")}</label>
          <select id={`${base}-mode`} disabled={!writer} value={input.parameters.distanceMode ?? defaults.distanceMode} onChange={(e) => setParameter("distanceMode", e.target.value)}>
            {(["straight", "road", "osrm"] as const).map((mode) => (
              <option key={mode} value={mode}>
                {t(`scenarios.mode.${mode}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="param-row">
          <label htmlFor={`${base}-objective`}>{t("scenarios.param.objective")}</label>
          <select id={`${base}-objective`} disabled={!writer} value={input.parameters.objective ?? defaults.objective} onChange={(e) => setParameter("objective", e.target.value)}>
            {(["cost", "co2"] as const).map((o) => (
              <option key={o} value={o}>
                {t(`scenarios.objective.${o}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset className="scenario-fieldset">
        <legend>{t("scenarios.overrides")}</legend>
        {input.overrides.map((override, i) => (
          <fieldset key={i} className="override">
            <legend>{t("scenarios.override.legend", { n: i + 1 })}</legend>
            <div className="param-row">
              <label htmlFor={`${base}-o${i}-lot`}>{t("scenarios.override.lot")}</label>
              <select id={`${base}-o${i}-lot`} disabled={!writer} value={override.lotId} onChange={(e) => editDraft({ overrides: withOverride(input.overrides, i, { ...override, lotId: e.target.value }) })}>
                {!lots.some((l) => l.id === override.lotId) && <option value={override.lotId}>{override.lotId}</option>}
                {lots.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="param-row">
              <label htmlFor={`${base}-o${i}-shift`}>{t("scenarios.override.shift")}</label>
              <input
                id={`${base}-o${i}-shift`}
                type="number"
                step="1"
                readOnly={!writer}
                value={override.shiftMonths ?? ""}
                onChange={(e) => editDraft({ overrides: withOverride(input.overrides, i, { ...override, shiftMonths: e.target.value === "" ? undefined : Math.round(Number(e.target.value)) }) })}
              />
            </div>
            <div className="param-row">
              <label htmlFor={`${base}-o${i}-factor`}>{t("scenarios.override.factor")}</label>
              <input
                id={`${base}-o${i}-factor`}
                type="number"
                step="0.1"
                min={0}
                readOnly={!writer}
                value={override.quantityFactor ?? ""}
                placeholder="1"
                onChange={(e) => editDraft({ overrides: withOverride(input.overrides, i, { ...override, quantityFactor: e.target.value === "" ? undefined : Number(e.target.value) }) })}
              />
              <span className="param-unit">{t("scenarios.unit.factor")}</span>
            </div>
            {writer && (
              <button type="button" className="button button-small button-danger" onClick={() => editDraft({ overrides: withOverride(input.overrides, i, null) })}>
                {t("scenarios.override.remove", { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {writer && lots.length > 0 && (
          <button type="button" className="button button-small" onClick={() => editDraft({ overrides: withOverride(input.overrides, input.overrides.length, { lotId: lots[0]!.id, shiftMonths: 6 }) })}>
            {t("scenarios.override.add")}
          </button>
        )}
      </fieldset>
      <RecommendSection draft={draft} writer={writer} />
      <div className="field">
        <label htmlFor={`${base}-note`}>{t("scenarios.note")}</label>
        <textarea id={`${base}-note`} rows={3} readOnly={!writer} value={input.note} onChange={(e) => editDraft({ note: e.target.value })} />
      </div>
    </div>
  );
}
