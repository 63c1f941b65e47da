/**
 * Mount point of Compare and Presentation mode: renders whichever is open, each loaded on first
 * use (the maps, the charts and jsPDF stay out of the main bundle).
 */
import { lazy, Suspense } from "react";
import { useScenarioViews } from "../compare/scenario-data";

const PresentationMode = lazy(() => import("./PresentationMode").then((m) => ({ default: m.PresentationMode })));
const CompareView = lazy(() => import("../compare/CompareView").then((m) => ({ default: m.CompareView })));

export function ScenarioOverlays() {
  const presentationOpen = useScenarioViews((s) => s.presentationOpen);
  const compareOpen = useScenarioViews((s) => s.compareOpen);
  return (
    <Suspense fallback={null}>
      {presentationOpen ? <PresentationMode /> : null}
      {compareOpen ? <CompareView /> : null}
    </Suspense>
  );
}
