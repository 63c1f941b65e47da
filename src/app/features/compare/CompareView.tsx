/**
 * Compare 2–4 scenarios side by side: the KPI table with the best value marked and differences to
 * the first scenario, the mass charts on one shared scale, the maps with synced pan and zoom, and
 * the exports (PDF of the comparison or one scenario, CSV and GeoJSON, map data as GeoPackage,
 * zipped Shapefile, KML or GeoJSON, and an Excel workbook of flows and KPIs).
 */
import { lazy, Suspense, useMemo, useState } from "react";
import { failureMessage } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { compareButtonId } from "./compare-ids";
import { createViewSync } from "../../map/view-sync";
import { useAppStore } from "../../state/store";
import { Dialog } from "../../ui/Dialog";
import { endpointIndex } from "../export/endpoints";
import {
  exportComparisonPdf,
  exportFlowsCsv,
  exportFlowsGeoJson,
  exportScenarioMapData,
  exportScenarioPdf,
  exportScenarioWorkbook,
  exportSitesGeoJson,
} from "../export/export-actions";
import { mapDataFormats, type MapDataFormat } from "../export/export-formats";
import { setMapSnapshot } from "../export/map-snapshots";
import { KpiCompareTable } from "./KpiCompareTable";
import { sharedFlowMaps } from "./map-data";
import { massBars, sharedMaxTonnes } from "./mass-bars";
import { MassBarsChart } from "./MassBarsChart";
import { useScenarioViews, type ScenarioData, type ScenarioEntry } from "./scenario-data";
import "./compare.css";

const FlowMiniMap = lazy(() => import("../../map/FlowMiniMap").then((m) => ({ default: m.FlowMiniMap })));

export function CompareView() {
  const { t } = useT();
  const data = useScenarioViews((s) => s.data);
  const close = useScenarioViews((s) => s.closeCompare);
  const onClose = () => {
    close();
    document.getElementById(compareButtonId)?.focus();
  };
  return (
    <Dialog title={t("compare.title")} closeLabel={t("compare.close")} onClose={onClose} className="compare-dialog">
      {data.status === "loaded" ? (
        <CompareBody data={data.data} />
      ) : data.status === "failed" ? (
        <p role="alert">{t("compare.failed", { detail: t(failureMessage(data.failure).key, failureMessage(data.failure).params) })}</p>
      ) : (
        <p role="status">{t("compare.loading")}</p>
      )}
    </Dialog>
  );
}

function CompareBody({ data }: { data: ScenarioData }) {
  const { t } = useT();
  const selected = useScenarioViews((s) => s.selected);
  const toggle = useScenarioViews((s) => s.toggleSelected);
  if (data.entries.length === 0) return <p>{t("compare.none")}</p>;
  const entries = data.entries.filter((e) => selected.includes(e.scenario.id));
  return (
    <div className="compare">
      <fieldset className="compare-pick">
        <legend>{t("compare.pick")}</legend>
        {data.entries.map((e) => (
          <label key={e.scenario.id} className="compare-pick-item">
            <input
              type="checkbox"
              checked={selected.includes(e.scenario.id)}
              disabled={!selected.includes(e.scenario.id) && selected.length >= 4}
              onChange={() => toggle(e.scenario.id)}
            />
            {e.scenario.name}
          </label>
        ))}
      </fieldset>
      {entries.length < 2 ? <p role="status">{t("compare.pickMore")}</p> : <Comparison entries={entries} data={data} />}
    </div>
  );
}

function Comparison({ entries, data }: { entries: ScenarioEntry[]; data: ScenarioData }) {
  const { t } = useT();
  const bars = entries.map((e) => massBars(e.result.kpis));
  const max = sharedMaxTonnes(bars);
  const maps = useMemo(() => sharedFlowMaps(entries, endpointIndex(data.projects, data.sites)), [entries, data]);
  // One sync group per set of maps shown together.
  const sync = useMemo(() => createViewSync(), []);
  return (
    <>
      {/* Wider than a phone: it scrolls sideways, so it takes focus for the arrow keys (WCAG 2.1.1). */}
      <div className="compare-table-wrap" role="region" aria-label={t("compare.title")} tabIndex={0}>
        <KpiCompareTable entries={entries} />
      </div>
      <ExportBar entries={entries} data={data} />
      <section aria-labelledby="compare-charts-title">
        <h3 id="compare-charts-title">{t("compare.chartsTitle")}</h3>
        <div className="compare-columns" style={{ gridTemplateColumns: `repeat(${entries.length}, minmax(0, 1fr))` }}>
          {entries.map((e, i) => (
            <div key={e.scenario.id}>
              <h4>{e.scenario.name}</h4>
              <MassBarsChart title={t("compare.chartCaption", { scenario: e.scenario.name })} bars={bars[i]!} maxTonnes={max} />
            </div>
          ))}
        </div>
      </section>
      <section aria-labelledby="compare-maps-title">
        <h3 id="compare-maps-title">{t("compare.mapsTitle")}</h3>
        <div className="compare-columns" style={{ gridTemplateColumns: `repeat(${entries.length}, minmax(0, 1fr))` }}>
          <Suspense fallback={<p role="status">{t("compare.mapsLoading")}</p>}>
            {entries.map((e, i) => (
              <div key={e.scenario.id} className="compare-map-cell">
                <h4>{e.scenario.name}</h4>
                <FlowMiniMap
                  label={t("compare.mapLabel", { scenario: e.scenario.name })}
                  flows={maps.collections[i]!}
                  maxTonnes={maps.maxTonnes}
                  bounds={maps.bounds}
                  sync={sync}
                  onSnapshot={(snapshot) => setMapSnapshot(e.scenario.id, snapshot)}
                  className="flow-mini-map compare-mini-map"
                />
              </div>
            ))}
          </Suspense>
        </div>
      </section>
    </>
  );
}

function ExportBar({ entries, data }: { entries: ScenarioEntry[]; data: ScenarioData }) {
  const { t, lang } = useT();
  const session = useAppStore((s) => s.session);
  const user = session.status === "signedIn" ? session.user.username : "";
  const [state, setState] = useState<
    { kind: "idle" } | { kind: "working" } | { kind: "writing" } | { kind: "written"; fileName: string; warnings: string[] } | { kind: "failed"; detail: string }
  >({ kind: "idle" });
  const [formats, setFormats] = useState<Record<string, MapDataFormat>>({});
  const run = (work: () => Promise<void> | void) => {
    setState({ kind: "working" });
    void Promise.resolve()
      .then(work)
      .then(
        () => setState({ kind: "idle" }),
        (error: unknown) => setState({ kind: "failed", detail: String(error) }),
      );
  };
  // Map data and workbooks: the writers load on first use, and the file's name is announced when done.
  const write = (work: () => Promise<{ fileName: string; warnings: string[] }>) => {
    setState({ kind: "writing" });
    void work().then(
      (file) => setState({ kind: "written", ...file }),
      (error: unknown) => setState({ kind: "failed", detail: error instanceof Error ? error.message : String(error) }),
    );
  };
  const busy = state.kind === "working" || state.kind === "writing";
  return (
    <section className="compare-export" aria-labelledby="compare-export-title">
      <h3 id="compare-export-title">{t("export.title")}</h3>
      <div className="compare-export-row">
        <button type="button" className="button button-primary" disabled={state.kind === "working"} onClick={() => run(() => exportComparisonPdf(entries, data, lang, user))}>
          {t("export.pdfCompare")}
        </button>
      </div>
      <div className="compare-columns" style={{ gridTemplateColumns: `repeat(${entries.length}, minmax(0, 1fr))` }}>
        {entries.map((e) => (
          <div key={e.scenario.id} className="compare-export-row">
            <button type="button" className="button" aria-label={t("export.pdf", { name: e.scenario.name })} disabled={state.kind === "working"} onClick={() => run(() => exportScenarioPdf(e, data, lang, user))}>
              {t("export.pdfShort")}
            </button>
            <button type="button" className="button" aria-label={t("export.csv", { name: e.scenario.name })} onClick={() => run(() => exportFlowsCsv(e, data))}>
              {t("export.csvShort")}
            </button>
            <button type="button" className="button" aria-label={t("export.flowsGeojson", { name: e.scenario.name })} onClick={() => run(() => exportFlowsGeoJson(e, data))}>
              {t("export.flowsShort")}
            </button>
            <button type="button" className="button" aria-label={t("export.sitesGeojson", { name: e.scenario.name })} onClick={() => run(() => exportSitesGeoJson(e, data))}>
              {t("export.sitesShort")}
            </button>
            <button type="button" className="button" aria-label={t("export.workbookLabel", { name: e.scenario.name })} disabled={busy} onClick={() => write(() => exportScenarioWorkbook(e, data, lang))}>
              {t("export.workbook")}
            </button>
            <span className="compare-export-map-data">
              <select
                aria-label={t("export.mapDataFormat", { name: e.scenario.name })}
                value={formats[e.scenario.id] ?? "geopackage"}
                onChange={(event) => setFormats({ ...formats, [e.scenario.id]: event.target.value as MapDataFormat })}
              >
                {mapDataFormats.map((format) => (
                  <option key={format} value={format}>
                    {t(`export.format.${format}`)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button"
                aria-label={t("export.mapDataLabel", { name: e.scenario.name })}
                disabled={busy}
                onClick={() => write(() => exportScenarioMapData(e, data, formats[e.scenario.id] ?? "geopackage"))}
              >
                {t("export.mapDataButton")}
              </button>
            </span>
          </div>
        ))}
      </div>
      <p role="status" aria-busy={busy}>
        {state.kind === "working" ? t("export.working") : null}
        {state.kind === "writing" ? t("export.writing") : null}
        {state.kind === "written" ? t("export.written", { file: state.fileName, warnings: state.warnings.join(" ") }) : null}
      </p>
      {state.kind === "failed" ? <p role="alert">{t("export.failed", { detail: state.detail })}</p> : null}
    </section>
  );
}
