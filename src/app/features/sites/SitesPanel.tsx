/**
 * The Sites panel (left side): "Draw site" for planners, the list of sites (click to fly to and
 * select one), the Ranking, the zoning and road-network imports, and for admins the deleted
 * sites with Restore. Viewers and engineers see the list and the ranking only.
 */
import { useEffect, useId, useState } from "react";
import type { Site } from "../../../core/domain/records";
import { failureMessage, type Message } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { Swatch } from "../../ui/Swatch";
import { siteColours } from "../../map/palette";
import { useMaySiteWrite } from "./SiteCard";
import { restoreDeletedSite, showSite } from "./site-actions";
import { MapExportMenu } from "../export/MapExportMenu";
import { fetchSitesWithDeleted } from "../../api/client";

export const sitesPanelId = "sites-panel";

function DeletedSites() {
  const { t } = useT();
  const [deleted, setDeleted] = useState<Site[] | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const apply = (result: Awaited<ReturnType<typeof fetchSitesWithDeleted>>) => {
    if (result.ok) setDeleted(result.value.filter((site) => site.deletedAt !== null));
    else setMessage(failureMessage(result.failure));
  };
  const load = async () => apply(await fetchSitesWithDeleted());
  useEffect(() => {
    void fetchSitesWithDeleted().then(apply);
  }, []);
  return (
    <div className="deleted-sites">
      <h3 className="section-title">{t("sites.deleted")}</h3>
      {deleted?.length === 0 && <p className="muted">{t("sites.noDeleted")}</p>}
      <ul className="site-list">
        {deleted?.map((site) => (
          <li key={site.id} className="site-list-row">
            <span>{site.name}</span>
            <button
              type="button"
              className="button"
              aria-label={t("sites.restoreNamed", { name: site.name })}
              onClick={async () => {
                const failure = await restoreDeletedSite(site.id);
                setMessage(failure ?? { key: "sites.restored", params: { name: site.name } });
                await load();
              }}
            >
              {t("sites.restore")}
            </button>
          </li>
        ))}
      </ul>
      {message && <p role="status">{t(message.key, message.params)}</p>}
    </div>
  );
}

export function SitesPanel() {
  const { t } = useT();
  const titleId = useId();
  const open = useAppStore((s) => s.sites.panelOpen);
  const sites = useAppStore((s) => s.data.sites);
  const selection = useAppStore((s) => s.selection);
  const drawing = useAppStore((s) => s.sites.drawing.mode);
  const editorOpen = useAppStore((s) => s.sites.editor !== null || s.editor.open);
  const otherLeftPanel = useAppStore((s) => s.layout.layerPanelOpen || s.layout.projectsPanelOpen);
  const isAdmin = useAppStore((s) => s.session.status === "signedIn" && s.session.user.role === "admin");
  const mayWrite = useMaySiteWrite();
  const [showDeleted, setShowDeleted] = useState(false);

  // The left side holds one panel at a time: the layer or project panel opening closes this one.
  useEffect(() => {
    if (otherLeftPanel) useAppStore.getState().setSitesPanelOpen(false);
  }, [otherLeftPanel]);

  const setDialog = useAppStore((s) => s.setSiteDialog);
  const sorted = [...sites].sort((a, b) => a.name.localeCompare(b.name, "nb"));

  return (
    <section id={sitesPanelId} className="sites-panel panel" aria-labelledby={titleId} hidden={!open}>
      <div className="details-header">
        <h2 id={titleId} className="details-title">
          {t("sites.panel")}
        </h2>
        <button type="button" className="button button-close" onClick={() => useAppStore.getState().setSitesPanelOpen(false)}>
          {t("sites.close")}
        </button>
      </div>
      <div className="sites-actions">
        {mayWrite && (
          <button
            type="button"
            className="button button-accent"
            disabled={drawing !== "off" || editorOpen}
            onClick={() => {
              useAppStore.getState().select(null);
              useAppStore.getState().startSiteDrawing();
            }}
          >
            <span aria-hidden="true">✎</span>
            {t("sites.draw")}
          </button>
        )}
        <button type="button" className="button" onClick={() => setDialog("ranking")}>
          {t("sites.ranking")}
        </button>
        <MapExportMenu what="sites" />
      </div>
      {mayWrite ? (
        <div className="sites-actions">
          <button type="button" className="button" onClick={() => setDialog("siteImport")}>
            {t("siteImportDialog.open")}
          </button>
          <button type="button" className="button" onClick={() => setDialog("zoningImport")}>
            {t("zoningImport.open")}
          </button>
          <button type="button" className="button" onClick={() => setDialog("roadNetwork")}>
            {t("roadNetwork.open")}
          </button>
        </div>
      ) : (
        <p className="muted sites-note">{t("sites.viewOnly")}</p>
      )}
      <h3 className="section-title">{t("sites.list", { count: sites.length })}</h3>
      {sites.length === 0 && <p className="muted">{t("sites.empty")}</p>}
      <ul className="site-list">
        {sorted.map((site) => (
          <li key={site.id}>
            <button
              type="button"
              className={`site-list-item${selection?.kind === "site" && selection.id === site.id ? " is-selected" : ""}`}
              aria-current={selection?.kind === "site" && selection.id === site.id ? "true" : undefined}
              onClick={() => showSite(site)}
            >
              <Swatch shape="fill" colour={siteColours[site.kind]} />
              <span className="site-list-name">{site.name}</span>
              <span className="site-list-meta">
                {t(`siteKind.${site.kind}`)} · {t(`siteStatus.${site.status}`)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {isAdmin && (
        <label className="checkbox sites-deleted-toggle">
          <input type="checkbox" checked={showDeleted} onChange={(e) => setShowDeleted(e.target.checked)} />
          {t("sites.showDeleted")}
        </label>
      )}
      {isAdmin && showDeleted && <DeletedSites />}
    </section>
  );
}
