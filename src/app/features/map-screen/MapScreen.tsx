import { lazy, Suspense, useEffect } from "react";
import type { MeDetails } from "../../../core/domain/users-api";
import { useT } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { DataStatus } from "../../ui/DataStatus";
import { DemoBanner } from "../../ui/DemoBanner";
import { Header } from "../../ui/Header";
import { BalancePanel } from "../balance/BalancePanel";
import { DetailsPanel } from "../details/DetailsPanel";
import { LayerPanel } from "../layers/LayerPanel";
import { loadMapData } from "../map-data/load-map-data";
import { loadRegistryReferenceData } from "../projects/project-actions";
import { ProjectsPanel } from "../projects/ProjectsPanel";
import { SiteTools, useSiteEditorOpen } from "../sites/SiteTools";
import { ScenarioOverlays } from "../meeting/ScenarioOverlays";
import { OutdoorMount } from "../outdoor/OutdoorMount";
import { LoadsMount } from "../loads/LoadsMount";

// MapLibre is most of the bundle; the sign-in page should not wait for it.
const MapView = lazy(() => import("../../map/MapView").then((module) => ({ default: module.MapView })));
// The form (with proj4 and the validation) loads when a form first opens.
const ProjectForm = lazy(() => import("../projects/ProjectForm").then((module) => ({ default: module.ProjectForm })));
// Results (with recharts) and scenarios load when first shown.
const ResultsPanel = lazy(() => import("../results/ResultsPanel").then((module) => ({ default: module.ResultsPanel })));
const ScenariosPanel = lazy(() => import("../scenarios/ScenariosPanel").then((module) => ({ default: module.ScenariosPanel })));

/**
 * The signed-in screen: header, the map with the project list or layer panel on the left and
 * details or the project form on the right, and the mass balance along the bottom.
 */
export function MapScreen({ user }: { user: MeDetails }) {
  const { t } = useT();
  const editor = useAppStore((s) => s.editor);
  const siteEditorOpen = useSiteEditorOpen();
  const scenariosOpen = useAppStore((s) => s.scenarios.panelOpen && !s.layout.layerPanelOpen && !s.layout.projectsPanelOpen);
  const resultsOpen = useAppStore((s) => s.matching.panelOpen && s.matching.shown !== null && s.selection === null);
  const resultTitle = useAppStore((s) => {
    const source = s.matching.shown?.source;
    return source?.kind === "scenario" ? s.scenarios.items.find((item) => item.id === source.scenarioId)?.name : undefined;
  });
  useEffect(() => {
    void loadMapData();
    void loadRegistryReferenceData();
  }, []);
  return (
    <div className="app-shell">
      <Header user={user} />
      <DemoBanner />
      <main className="workspace">
        <div className="map-area">
          <Suspense fallback={<div className="map-container map-placeholder" aria-busy="true" aria-label={t("map.label")} />}>
            <MapView />
          </Suspense>
          <LayerPanel />
          <ProjectsPanel />
          {scenariosOpen && (
            <Suspense fallback={null}>
              <ScenariosPanel user={user} />
            </Suspense>
          )}
          <DataStatus />
          {editor.open ? (
            <Suspense fallback={<div className="editor-panel panel editor-loading" aria-busy="true" />}>
              <ProjectForm editor={editor} />
            </Suspense>
          ) : resultsOpen ? (
            <Suspense fallback={<div className="panel results-panel" aria-busy="true" />}>
              <ResultsPanel {...(resultTitle ? { title: resultTitle } : {})} />
            </Suspense>
          ) : siteEditorOpen ? null : (
            <DetailsPanel />
          )}
          <SiteTools />
        </div>
        <BalancePanel />
      </main>
      <ScenarioOverlays />
      <OutdoorMount />
      <LoadsMount />
    </div>
  );
}
