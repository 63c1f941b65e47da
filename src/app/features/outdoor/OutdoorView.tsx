/**
 * The outdoor-materials view ("Outdoor materials" / "Utematerialer", issue #8): the area plan per
 * storage site, the staff effort, all lots with filters, suggestions and CSV, and the catalogue.
 * A modal dialog over the map; loaded lazily with its charts.
 */
import { useEffect, useState } from "react";
import "./outdoor.css";
import { useT } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { Dialog } from "../../ui/Dialog";
import { isAdmin, mayCreateProject } from "../projects/permissions";
import { ensureOutdoorTypes } from "./outdoor-actions";
import { OutdoorCatalogue } from "./OutdoorCatalogue";
import { OutdoorLotsList } from "./OutdoorLotsList";
import { OutdoorPlan } from "./OutdoorPlan";

const tabs = ["area", "staff", "lots", "catalogue"] as const;
type Tab = (typeof tabs)[number];

export function OutdoorView() {
  const tr = useT();
  const { t } = tr;
  const me = useAppStore((s) => (s.session.status === "signedIn" ? s.session.user : null));
  const close = useAppStore((s) => s.setOutdoorPanelOpen);
  const [tab, setTab] = useState<Tab>("area");
  useEffect(() => {
    void ensureOutdoorTypes();
  }, []);
  return (
    <Dialog title={t("outdoor.view")} closeLabel={t("details.close")} onClose={() => close(false)} className="outdoor-dialog">
      <div className="outdoor-tabs" role="group" aria-label={t("outdoor.parts")}>
        {tabs.map((id) => (
          <button key={id} type="button" className="button button-toggle" aria-pressed={tab === id} onClick={() => setTab(id)}>
            {t(`outdoor.tab.${id}`)}
          </button>
        ))}
      </div>
      {(tab === "area" || tab === "staff") && <OutdoorPlan key={tab} tr={tr} part={tab} />}
      {tab === "lots" && <OutdoorLotsList tr={tr} mayImport={mayCreateProject(me)} />}
      {tab === "catalogue" && <OutdoorCatalogue tr={tr} isAdmin={isAdmin(me)} />}
    </Dialog>
  );
}
