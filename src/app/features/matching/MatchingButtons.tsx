/**
 * The header's matching controls: "Run matching" (the browser worker on all data; any signed-in
 * user, nothing is saved) with its progress, and the Scenarios panel toggle.
 */
import "../results/results.css";
import { useEffect } from "react";
import { useT } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { scenariosPanelId } from "../scenarios/ids";
import { openScenariosPanel } from "../scenarios/scenario-actions";
import { preloadMatchingWhenIdle, runBrowserMatching } from "./run-matching";

export function MatchingButtons() {
  const { t } = useT();
  const run = useAppStore((s) => s.matching.run);
  const scenariosOpen = useAppStore((s) => s.scenarios.panelOpen && !s.layout.layerPanelOpen && !s.layout.projectsPanelOpen);
  const running = run.status === "running";
  // The Run button is on screen: have the solver ready by the time it is pressed.
  useEffect(preloadMatchingWhenIdle, []);
  return (
    <>
      <button
        type="button"
        className="button button-toggle"
        aria-expanded={scenariosOpen}
        aria-controls={scenariosOpen ? scenariosPanelId : undefined}
        onClick={() => openScenariosPanel(!scenariosOpen)}
      >
        {t("scenarios.open")}
      </button>
      <button type="button" className="button button-run" aria-busy={running} disabled={running} onClick={() => void runBrowserMatching()}>
        {running && <span className="spinner" aria-hidden="true" />}
        {t("matching.run")}
      </button>
      <span className="matching-status" role="status">
        {running ? t(`matching.stage.${run.stage}`) : ""}
      </span>
      {run.status === "failed" && (
        <span className="matching-error" role="alert">
          {run.message}
        </span>
      )}
    </>
  );
}
