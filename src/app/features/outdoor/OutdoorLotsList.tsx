/** All outdoor-material lots, filtered by type, storage site and month, with CSV export and (for writers) import. */
import { lazy, Suspense, useEffect, useId, useState } from "react";
import type { OutdoorLot } from "../../../core/outdoor/api";
import { failureMessage, type Message } from "../../api/failure-message";
import type { Translator } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { fetchOutdoorLots, outdoorLotsExportUrl, type OutdoorLotFilters } from "../../api/client";
import { OutdoorLotsTable } from "./OutdoorLotsTable";
import { suitableStorageSites } from "./outdoor-model";

const OutdoorImportDialog = lazy(() => import("./OutdoorImportDialog").then((module) => ({ default: module.OutdoorImportDialog })));

type Loaded = { status: "loading" } | { status: "ready"; lots: OutdoorLot[] } | { status: "failed"; message: Message };

export function OutdoorLotsList({ tr, mayImport }: { tr: Translator; mayImport: boolean }) {
  const { t, lang } = tr;
  const types = useAppStore((s) => s.outdoor.types) ?? [];
  const sites = useAppStore((s) => s.data.sites);
  const lotsVersion = useAppStore((s) => s.outdoor.lotsVersion);
  const [filters, setFilters] = useState({ type: "", siteId: "", month: "" });
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [importing, setImporting] = useState(false);
  const ids = { type: useId(), site: useId(), month: useId() };
  const query: OutdoorLotFilters = { type: filters.type, siteId: filters.siteId, from: filters.month, to: filters.month };
  const materialSites = suitableStorageSites(sites, { needsCover: false, names: { nb: "", en: "" } });

  useEffect(() => {
    let live = true;
    void fetchOutdoorLots({ type: filters.type, siteId: filters.siteId, from: filters.month, to: filters.month }).then((result) => {
      if (live) setLoaded(result.ok ? { status: "ready", lots: result.value } : { status: "failed", message: failureMessage(result.failure) });
    });
    return () => {
      live = false;
    };
  }, [filters, lotsVersion]);

  return (
    <div className="outdoor-lots">
      <div className="outdoor-toolbar">
        <div className="inline-field">
          <label htmlFor={ids.type}>{t("outdoor.type")}</label>
          <select id={ids.type} value={filters.type} onChange={(e) => setFilters((f) => ({ ...f, type: e.target.value }))}>
            <option value="">{t("outdoor.allTypes")}</option>
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.names[lang]}
              </option>
            ))}
          </select>
        </div>
        <div className="inline-field">
          <label htmlFor={ids.site}>{t("outdoor.storageSite")}</label>
          <select id={ids.site} value={filters.siteId} onChange={(e) => setFilters((f) => ({ ...f, siteId: e.target.value }))}>
            <option value="">{t("outdoor.allSites")}</option>
            {materialSites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </div>
        <div className="inline-field">
          <label htmlFor={ids.month}>{t("outdoor.month")}</label>
          <input id={ids.month} type="month" value={filters.month} onChange={(e) => setFilters((f) => ({ ...f, month: e.target.value }))} />
        </div>
        <span className="header-spacer" />
        <a className="button button-small" href={outdoorLotsExportUrl(query)} download>
          {t("outdoor.exportCsv")}
        </a>
        {mayImport && (
          <button type="button" className="button button-small" onClick={() => setImporting(true)}>
            {t("outdoor.importCsv")}
          </button>
        )}
      </div>
      {loaded.status === "loading" && <p className="muted">{t("outdoor.loading")}</p>}
      {loaded.status === "failed" && <p className="field-error">{t(loaded.message.key, loaded.message.params)}</p>}
      {loaded.status === "ready" &&
        (loaded.lots.length === 0 ? (
          <p className="muted">{t("outdoor.noLotsFound")}</p>
        ) : (
          <OutdoorLotsTable lots={loaded.lots} caption={t("outdoor.lotsCaption", { count: loaded.lots.length })} tr={tr} showProject />
        ))}
      {importing && (
        <Suspense fallback={null}>
          <OutdoorImportDialog onClose={() => setImporting(false)} />
        </Suspense>
      )}
    </div>
  );
}
