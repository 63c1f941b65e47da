/**
 * The loads view (issue 16): "Register load" for the phone, and "Deliveries" — planned against
 * delivered, deviations and the custody report. A modal dialog over the map, loaded lazily; on a
 * narrow screen it fills the screen.
 */
import "./loads.css";
import { useT } from "../../i18n/use-t";
import { Dialog } from "../../ui/Dialog";
import { DeliveriesView } from "./DeliveriesView";
import { loadTabs, useLoadsView } from "./loads-state";
import { RegisterLoadForm } from "./RegisterLoadForm";

export function LoadsView() {
  const tr = useT();
  const { t } = tr;
  const { tab, setTab, close } = useLoadsView();
  return (
    <Dialog title={t("loads.view")} closeLabel={t("details.close")} onClose={close} className="loads-dialog">
      <div className="loads-tabs" role="group" aria-label={t("loads.parts")}>
        {loadTabs.map((id) => (
          <button key={id} type="button" className="button button-toggle" aria-pressed={tab === id} onClick={() => setTab(id)}>
            {t(`loads.tab.${id}`)}
          </button>
        ))}
      </div>
      {tab === "register" ? <RegisterLoadForm tr={tr} /> : <DeliveriesView tr={tr} />}
    </Dialog>
  );
}
