/** The header's "Loads" button and the view it opens (loaded when first opened). */
import { lazy, Suspense } from "react";
import { useT } from "../../i18n/use-t";
import { useLoadsView } from "./loads-state";

const LoadsView = lazy(() => import("./LoadsView").then((module) => ({ default: module.LoadsView })));

export function LoadsButton() {
  const { t } = useT();
  const open = useLoadsView((s) => s.open);
  const show = useLoadsView((s) => s.show);
  const close = useLoadsView((s) => s.close);
  return (
    <button type="button" className="button button-toggle" aria-expanded={open} aria-haspopup="dialog" onClick={() => (open ? close() : show("register"))}>
      <span className="truck-icon" aria-hidden="true" />
      {t("loads.view")}
    </button>
  );
}

export function LoadsMount() {
  const open = useLoadsView((s) => s.open);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <LoadsView />
    </Suspense>
  );
}
