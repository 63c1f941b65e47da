/**
 * The "Export" menu of the sites and projects views (issue 13): the view's data as GeoPackage,
 * zipped Shapefile (both EPSG:25832), KML or GeoJSON, beside the CSV/Excel downloads. A disclosure
 * (details/summary) so it opens by keyboard and takes no room until asked for.
 */
import { useState } from "react";
import "./export-menu.css";
import { useT } from "../../i18n/use-t";
import { exportRegistryMapData } from "./export-actions";
import { mapDataFormats, type MapDataFormat } from "./export-formats";
import type { RegistryExport } from "./map-data-layers";

type State = { kind: "idle" } | { kind: "writing"; format: MapDataFormat } | { kind: "written"; fileName: string; warnings: string[] } | { kind: "failed"; detail: string };

export function MapExportMenu({ what, projectQuery = "" }: { what: RegistryExport; projectQuery?: string }) {
  const { t } = useT();
  const [state, setState] = useState<State>({ kind: "idle" });
  // The body (with its live status) exists only while the menu is open, so a closed menu adds nothing to the page's landmarks.
  const [open, setOpen] = useState(false);
  const write = (format: MapDataFormat) => {
    setState({ kind: "writing", format });
    void exportRegistryMapData(what, format, projectQuery).then(
      (file) => setState({ kind: "written", ...file }),
      (error: unknown) => setState({ kind: "failed", detail: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <details className="export-menu" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="button button-small">{t("exportMenu.open")}</summary>
      {open && (
        <div className="export-menu-body" role="group" aria-label={t(what === "sites" ? "exportMenu.sitesLabel" : "exportMenu.projectsLabel")}>
          <p className="field-hint">{t(what === "sites" ? "exportMenu.sitesHint" : "exportMenu.projectsHint")}</p>
          <div className="export-menu-buttons">
            {mapDataFormats.map((format) => (
              <button key={format} type="button" className="button button-small" disabled={state.kind === "writing"} aria-busy={state.kind === "writing" && state.format === format} onClick={() => write(format)}>
                {t(`export.format.${format}`)}
              </button>
            ))}
          </div>
          <p role="status" className="export-menu-status">
            {state.kind === "writing" ? t("export.writing") : null}
            {state.kind === "written" ? t("export.written", { file: state.fileName, warnings: state.warnings.join(" ") }) : null}
          </p>
          {state.kind === "failed" ? <p role="alert" className="field-error">{t("export.failed", { detail: state.detail })}</p> : null}
        </div>
      )}
    </details>
  );
}
