/** The header's "Outdoor materials" button, and the view it opens (loaded when first opened). */
import { lazy, Suspense } from "react";
import { useT } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";

const OutdoorView = lazy(() => import("./OutdoorView").then((module) => ({ default: module.OutdoorView })));

export function OutdoorButton() {
  const { t } = useT();
  const open = useAppStore((s) => s.outdoor.panelOpen);
  const setOpen = useAppStore((s) => s.setOutdoorPanelOpen);
  return (
    <button type="button" className="button button-toggle" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)}>
      <span className="chart-icon" aria-hidden="true" />
      {t("outdoor.view")}
    </button>
  );
}

export function OutdoorMount() {
  const open = useAppStore((s) => s.outdoor.panelOpen);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <OutdoorView />
    </Suspense>
  );
}
