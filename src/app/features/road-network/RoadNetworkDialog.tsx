/**
 * The road network behind road distances (issue 5, part 7): the one in use with its summary, a
 * GeoJSON, GeoPackage, zipped Shapefile, KML or FlatGeobuf import with CRS and name (planners), "Use the shipped network" to go back, and the
 * map layer of the network in use.
 */
import { useEffect, useState } from "react";
import { failureMessage, type Message } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { Dialog } from "../../ui/Dialog";
import { Field } from "../../ui/Field";
import { useMaySiteWrite } from "../sites/SiteCard";
import { fetchRoadNetwork, importRoadNetwork, resetRoadNetwork, type RoadNetworkInfo } from "../../api/client";
import { roadNetworkCrsChoices, summaryRows } from "./road-network-summary";
import { LayerField, vectorFileAccept } from "../file-import/FileImportFields";
import type { FileLayer } from "../../../core/zoning/file-layers";

export function RoadNetworkDialog({ onClose }: { onClose: () => void }) {
  const tr = useT();
  const { t } = tr;
  const mayWrite = useMaySiteWrite();
  const visible = useAppStore((s) => s.sites.roadNetworkVisible);
  const [info, setInfo] = useState<RoadNetworkInfo | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [crs, setCrs] = useState<string>("");
  const [name, setName] = useState("");
  // A file with several layers: the server lists them when it refuses to guess, and the user picks one.
  const [layers, setLayers] = useState<FileLayer[]>([]);
  const [layer, setLayer] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: Message; error: boolean } | null>(null);

  const apply = (result: Awaited<ReturnType<typeof fetchRoadNetwork>>) => {
    if (result.ok) setInfo(result.value);
    else setMessage({ text: failureMessage(result.failure), error: true });
  };
  const load = async () => apply(await fetchRoadNetwork());
  useEffect(() => {
    void fetchRoadNetwork().then(apply);
  }, []);

  const changed = async (text: Message) => {
    setMessage({ text, error: false });
    useAppStore.getState().roadNetworkChanged();
    useAppStore.getState().setRoadNetworkVisible(true);
    await load();
  };

  const onImport = async () => {
    if (!file) {
      setMessage({ text: { key: "roadNetwork.noFile" }, error: true });
      return;
    }
    setBusy(true);
    setMessage(null);
    const networkName = name.trim() || file.name.replace(/\.(geo)?json$|\.(gpkg|zip|kmz|kml|fgb)$/i, "");
    const result = await importRoadNetwork(await file.arrayBuffer(), { fileName: file.name, crs, name: networkName, layer });
    setBusy(false);
    if (!result.ok) {
      if (result.layers) setLayers(result.layers);
      setMessage({ text: result.layers && !layer ? { key: "fileImport.severalLayers", params: { count: result.layers.length } } : failureMessage(result.failure), error: true });
      return;
    }
    await changed({ key: "roadNetwork.importedOk", params: { name: result.value.name } });
  };

  const onRevert = async () => {
    setBusy(true);
    const result = await resetRoadNetwork();
    setBusy(false);
    if (!result.ok) setMessage({ text: failureMessage(result.failure), error: true });
    else await changed({ key: "roadNetwork.reverted" });
  };

  return (
    <Dialog title={t("roadNetwork.title")} closeLabel={t("sites.close")} onClose={onClose} className="dialog-wide">
      <section aria-label={t("roadNetwork.inUse")}>
        <h3 className="section-title">{t("roadNetwork.inUse")}</h3>
        {!info && <p className="muted">{t("roadNetwork.loading")}</p>}
        {info && (
          <>
            <p>
              {t(info.source === "shipped" ? "roadNetwork.shipped" : "roadNetwork.imported", { name: info.name })}
              {info.uploadedBy && <> · {t("roadNetwork.uploadedBy", { who: info.uploadedBy })}</>}
            </p>
            {info.summary ? (
              <table className="lots-table summary-table">
                <caption className="visually-hidden">{t("roadNetwork.summaryCaption")}</caption>
                <tbody>
                  {summaryRows(info.summary, tr).map((row) => (
                    <tr key={row.label}>
                      <th scope="row">{t(row.label)}</th>
                      <td className="numeric">{row.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted">{t("roadNetwork.noSummary")}</p>
            )}
            {info.warnings.length > 0 && (
              <>
                <h4 className="subsection-title">{t("roadNetwork.warnings")}</h4>
                <ul>
                  {info.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={visible} onChange={(e) => useAppStore.getState().setRoadNetworkVisible(e.target.checked)} />
          {t("roadNetwork.show")}
        </label>
      </section>
      {mayWrite && (
        <section aria-label={t("roadNetwork.import")}>
          <h3 className="section-title">{t("roadNetwork.import")}</h3>
          <div className="form-fields">
            <Field path="road-file" label={t("roadNetwork.file")}>
              {(control) => (
                <input
                  {...control}
                  type="file"
                  accept={vectorFileAccept}
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setLayers([]);
                    setLayer("");
                    setMessage(null);
                  }}
                />
              )}
            </Field>
            <LayerField path="road-layer" layers={layers} value={layer} disabled={busy} hint={t("fileImport.roadLayerHint")}
              onChange={(chosen) => {
                setLayer(chosen);
                setMessage(null);
              }}
            />
            <div className="form-grid form-grid-2">
              <Field path="road-crs" label={t("roadNetwork.crs")}>
                {(control) => (
                  <select {...control} value={crs} onChange={(e) => setCrs(e.target.value)}>
                    {roadNetworkCrsChoices.map((c) => (
                      <option key={c} value={c}>
                        {c === "" ? t("roadNetwork.crsFile") : c}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field path="road-name" label={t("roadNetwork.name")}>
                {(control) => <input {...control} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />}
              </Field>
            </div>
            <div className="button-row">
              <button type="button" className="button button-accent" disabled={busy} aria-busy={busy} onClick={() => void onImport()}>
                {busy ? t("roadNetwork.importing") : t("roadNetwork.import")}
              </button>
              {info?.source === "imported" && (
                <button type="button" className="button" disabled={busy} onClick={() => void onRevert()}>
                  {t("roadNetwork.useShipped")}
                </button>
              )}
            </div>
          </div>
        </section>
      )}
      <p role="status" className={message?.error ? "field-error" : undefined}>
        {message && t(message.text.key, message.text.params)}
      </p>
    </Dialog>
  );
}
