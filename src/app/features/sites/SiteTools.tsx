/**
 * Everything the site tools put on the map screen: the Sites panel, the site form (right side,
 * loaded when first opened) and the Ranking / zoning import / road network dialogs.
 */
import { lazy, Suspense } from "react";
import { useAppStore } from "../../state/store";
import { SitesPanel } from "./SitesPanel";
import "./sites.css";

// The form carries the validation schemas and Turf's area; the dialogs are rarely opened.
const SiteForm = lazy(() => import("./SiteForm").then((module) => ({ default: module.SiteForm })));
const RankingDialog = lazy(() => import("./RankingDialog").then((module) => ({ default: module.RankingDialog })));
const ZoningImportDialog = lazy(() => import("../zoning-import/ZoningImportDialog").then((module) => ({ default: module.ZoningImportDialog })));
const SiteImportDialog = lazy(() => import("../site-import/SiteImportDialog").then((module) => ({ default: module.SiteImportDialog })));
const RoadNetworkDialog = lazy(() => import("../road-network/RoadNetworkDialog").then((module) => ({ default: module.RoadNetworkDialog })));

/** True while the site form is open: the details panel then makes way for it. */
export function useSiteEditorOpen(): boolean {
  return useAppStore((s) => s.sites.editor !== null);
}

export function SiteTools() {
  const editor = useAppStore((s) => s.sites.editor);
  const projectEditorOpen = useAppStore((s) => s.editor.open);
  const dialog = useAppStore((s) => s.sites.dialog);
  const close = () => useAppStore.getState().setSiteDialog(null);
  return (
    <>
      <SitesPanel />
      {editor && !projectEditorOpen && (
        <Suspense fallback={<div className="editor-panel panel editor-loading" aria-busy="true" />}>
          <SiteForm editor={editor} />
        </Suspense>
      )}
      <Suspense fallback={null}>
        {dialog === "ranking" && <RankingDialog onClose={close} />}
        {dialog === "zoningImport" && <ZoningImportDialog onClose={close} />}
        {dialog === "roadNetwork" && <RoadNetworkDialog onClose={close} />}
        {dialog === "siteImport" && <SiteImportDialog onClose={close} />}
      </Suspense>
    </>
  );
}
