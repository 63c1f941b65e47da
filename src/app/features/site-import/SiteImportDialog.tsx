/**
 * Import sites (issue 13): a GeoJSON, GeoPackage, zipped Shapefile, KML/KMZ or FlatGeobuf file;
 * the format told from the content unless the user picks one, the layer when the file has several,
 * the name property (detected, or chosen from the file's properties), the kind of sites whose
 * feature says none, and the CRS when the file does not say. A dry run lists every site to be
 * created and every feature left out with its field and reason; "Import" writes all or none.
 * The same fields as the zoning import (`FileImportFields`).
 */
import { useState } from "react";
import { siteKinds, type SiteKind } from "../../../core/domain/records";
import { formatOfFileName } from "../../../io/formats/detect-format";
import { vectorFormats, type VectorFormat } from "../../../io/formats/vector-data";
import type { FileLayer } from "../../../core/zoning/file-layers";
import { importSites, type SiteImportReport } from "../../api/client";
import { failureMessage, type Message } from "../../api/failure-message";
import { fieldMessage } from "../../i18n/field-errors";
import { useT } from "../../i18n/use-t";
import { Dialog } from "../../ui/Dialog";
import { Field } from "../../ui/Field";
import { FormatField, LayerField, ReaderWarnings, vectorFileAccept, type FormatChoice } from "../file-import/FileImportFields";
import { refreshSites } from "../sites/site-actions";

interface Choices {
  format: FormatChoice<VectorFormat>;
  layer: string;
  nameProperty: string;
  kind: SiteKind;
  crs: string;
}

export function SiteImportDialog({ onClose }: { onClose: () => void }) {
  const { t, num, withUnit } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [choices, setChoices] = useState<Choices>({ format: "auto", layer: "", nameProperty: "", kind: "storage", crs: "" });
  const [layers, setLayers] = useState<FileLayer[]>([]);
  const [preview, setPreview] = useState<SiteImportReport | null>(null);
  const [busy, setBusy] = useState<"checking" | "importing" | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [done, setDone] = useState<SiteImportReport | null>(null);

  const run = async (dryRun: boolean, chosen = file, with_: Choices = choices) => {
    if (!chosen) {
      setMessage({ key: "siteImportDialog.noFile" });
      return;
    }
    setBusy(dryRun ? "checking" : "importing");
    setMessage(null);
    const result = await importSites(await chosen.arrayBuffer(), {
      fileName: chosen.name,
      format: with_.format === "auto" ? undefined : with_.format,
      layer: with_.layer,
      crs: with_.crs,
      nameProperty: with_.nameProperty,
      kind: with_.kind,
      dryRun,
    });
    setBusy(null);
    const listed = result.ok ? result.report.layers : result.layers;
    if (listed) setLayers(listed);
    if (!result.ok) {
      setPreview(null);
      setMessage(result.layers && result.layers.length > 1 && !with_.layer ? { key: "fileImport.severalLayers", params: { count: result.layers.length } } : failureMessage(result.failure));
      return;
    }
    if (dryRun || result.status >= 400) {
      setPreview(result.report);
      if (result.status >= 400) setMessage({ key: "siteImportDialog.fixFirst" });
      return;
    }
    setDone(result.report);
    setPreview(null);
    await refreshSites();
  };

  // Any change of choice checks the file again, so the preview always shows what "Import" would do.
  const choose = (change: Partial<Choices>) => {
    const next = { ...choices, ...change };
    setChoices(next);
    setDone(null);
    if (file) void run(true, file, next);
  };

  const importable = preview !== null && preview.skipped.length === 0 && preview.sites.length > 0;

  return (
    <Dialog title={t("siteImportDialog.title")} closeLabel={t("sites.close")} onClose={onClose} className="dialog-wide">
      <div className="form-fields">
        <Field path="site-file" label={t("siteImportDialog.file")} hint={t("siteImportDialog.fileHint")}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept={vectorFileAccept}
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                setPreview(null);
                setDone(null);
                setLayers([]);
                const guessed = chosen ? formatOfFileName(chosen.name) : undefined;
                const next: Choices = { ...choices, layer: "", nameProperty: "", format: guessed && guessed !== "sosi" && guessed !== "gml" ? guessed : "auto" };
                setChoices(next);
                if (chosen) void run(true, chosen, next);
              }}
            />
          )}
        </Field>
        <div className="form-grid form-grid-3">
          <FormatField path="site-format" formats={vectorFormats} value={choices.format} onChange={(format) => choose({ format })} />
          <LayerField path="site-layer" layers={layers} value={choices.layer} disabled={busy !== null} hint={t("siteImportDialog.layerHint")} onChange={(layer) => choose({ layer, nameProperty: "" })} />
          <Field path="site-name-property" label={t("siteImportDialog.nameProperty")} hint={t("siteImportDialog.namePropertyHint")}>
            {(control) => (
              <select {...control} value={choices.nameProperty} disabled={busy !== null || !preview} onChange={(e) => choose({ nameProperty: e.target.value })}>
                <option value="">{preview?.mapping.name ? t("siteImportDialog.nameDetected", { name: preview.mapping.name }) : t("siteImportDialog.nameNone")}</option>
                {(preview?.properties ?? []).map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field path="site-kind" label={t("siteImportDialog.kind")} hint={t("siteImportDialog.kindHint")}>
            {(control) => (
              <select {...control} value={choices.kind} disabled={busy !== null} onChange={(e) => choose({ kind: e.target.value as SiteKind })}>
                {siteKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`siteKind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field path="site-crs" label={t("zoningImport.crs")} hint={t("zoningImport.crsHint")}>
            {(control) => (
              <input {...control} value={choices.crs} autoComplete="off" placeholder="EPSG:25832" onChange={(e) => setChoices({ ...choices, crs: e.target.value })} onBlur={() => choose({})} />
            )}
          </Field>
        </div>
        <div className="button-row">
          <button type="button" className="button" disabled={!file || busy !== null} aria-busy={busy === "checking"} onClick={() => void run(true)}>
            {busy === "checking" ? t("zoningImport.checking") : t("zoningImport.check")}
          </button>
        </div>
      </div>

      {preview && (
        <section className="import-preview" aria-label={t("zoningImport.preview")}>
          <h3 className="section-title">{t("zoningImport.preview")}</h3>
          <p>
            {t("siteImportDialog.summary", { features: num(preview.features), sites: num(preview.sites.length), layer: preview.layer, crs: preview.sourceCrs })}{" "}
            {preview.mapping.name ? t("siteImportDialog.namedBy", { name: preview.mapping.name }) : t("siteImportDialog.namedByLayer", { layer: preview.layer })}
          </p>
          {preview.skipped.length > 0 && (
            <>
              <h4 className="subsection-title field-error">{t("siteImportDialog.skipped", { count: new Set(preview.skipped.map((s) => s.feature)).size })}</h4>
              <div className="table-scroll">
                <table className="lots-table">
                  <caption className="visually-hidden">{t("siteImportDialog.skippedCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("siteImportDialog.feature")}</th>
                      <th scope="col">{t("siteImportDialog.field")}</th>
                      <th scope="col">{t("zoningImport.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.skipped.map((s, i) => {
                      const reason = fieldMessage(s);
                      return (
                        <tr key={`${s.feature}-${s.field}-${i}`}>
                          <td className="numeric">{s.feature}</td>
                          <td className="nowrap">{s.field}</td>
                          <td>{t(reason.key, reason.params)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {preview.sites.length > 0 && (
            <div className="table-scroll">
              <table className="lots-table">
                <caption className="visually-hidden">{t("siteImportDialog.sitesCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("siteImportDialog.feature")}</th>
                    <th scope="col">{t("siteImportDialog.name")}</th>
                    <th scope="col">{t("siteImportDialog.kind")}</th>
                    <th scope="col">{t("siteImportDialog.status")}</th>
                    <th scope="col">{t("siteImportDialog.capacity")}</th>
                    <th scope="col">{t("siteImportDialog.area")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sites.map((s) => (
                    <tr key={s.feature}>
                      <td className="numeric">{s.feature}</td>
                      <td>
                        {s.name}
                        {s.from === "point" && <span className="muted"> {t("siteImportDialog.fromPoint")}</span>}
                      </td>
                      <td>{t(`siteKind.${s.kind}`)}</td>
                      <td>{t(`siteStatus.${s.status}`)}</td>
                      <td className="numeric">{s.capacityTonnes === undefined ? "–" : withUnit(s.capacityTonnes, t("unit.tonnes"))}</td>
                      <td className="numeric">{withUnit(s.areaM2, "m²")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <ReaderWarnings warnings={preview.warnings} />
          <div className="button-row">
            <button type="button" className="button button-accent" disabled={!importable || busy !== null} aria-busy={busy === "importing"} onClick={() => void run(false)}>
              {t("siteImportDialog.import", { count: preview.sites.length })}
            </button>
          </div>
        </section>
      )}
      <p role="status" className={message ? "field-error" : undefined}>
        {busy === "importing" && t("zoningImport.importing")}
        {message && t(message.key, message.params)}
        {done && t("siteImportDialog.done", { count: num(done.created) })}
      </p>
    </Dialog>
  );
}
