/**
 * Import zoning: a plan file (SOSI, GML, GeoJSON, GeoPackage, zipped Shapefile, KML/KMZ or
 * FlatGeobuf; the format is told from the content unless the user picks one), a layer when the
 * file has several, optional CRS and code property, a dry run that lists what would be skipped and
 * why, then "Import" — or "Import valid objects only" when some objects are bad. The zoning layer
 * reloads afterwards.
 */
import { useState } from "react";
import { failureMessage, type Message } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { Dialog } from "../../ui/Dialog";
import { Field } from "../../ui/Field";
import { formatOfFileName } from "../../../io/formats/detect-format";
import { vectorFormats } from "../../../io/formats/vector-data";
import type { ZoningFileFormat } from "../../../io/zoning/zoning-file";
import type { FileLayer } from "../../../core/zoning/file-layers";
import { refreshZoning } from "../sites/site-actions";
import { importZoning, type ZoningImportSummary } from "../../api/client";
import { ignoredText, importChoice, zoningFileAccept } from "./zoning-import";
import { FormatField, LayerField, ReaderWarnings, type FormatChoice as Choice } from "../file-import/FileImportFields";

// The formats of `zoningFileFormats` (io/zoning/zoning-file), from the light list so the SOSI and
// GML readers stay out of the browser bundle.
const formats: readonly ZoningFileFormat[] = ["sosi", "gml", ...vectorFormats];

type FormatChoice = Choice<ZoningFileFormat>;

export function ZoningImportDialog({ onClose }: { onClose: () => void }) {
  const { t, num } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<FormatChoice>("auto");
  const [layers, setLayers] = useState<FileLayer[]>([]);
  // "": every layer that holds plan areas or zones.
  const [layer, setLayer] = useState("");
  const [crs, setCrs] = useState("");
  const [codeProperty, setCodeProperty] = useState("");
  const [preview, setPreview] = useState<ZoningImportSummary | null>(null);
  const [busy, setBusy] = useState<"checking" | "importing" | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [done, setDone] = useState<ZoningImportSummary | null>(null);

  const run = async (mode: "dryRun" | "import" | "importValid", chosen = file, chosenFormat = format, chosenLayer = layer) => {
    if (!chosen) {
      setMessage({ key: "zoningImport.noFile" });
      return;
    }
    setBusy(mode === "dryRun" ? "checking" : "importing");
    setMessage(null);
    const bytes = await chosen.arrayBuffer();
    const result = await importZoning(bytes, {
      format: chosenFormat === "auto" ? undefined : chosenFormat,
      fileName: chosen.name,
      layer: chosenLayer || undefined,
      crs,
      codeProperty,
      dryRun: mode === "dryRun",
      skipInvalid: mode === "importValid",
    });
    setBusy(null);
    const listed = result.ok ? result.summary.layers : result.layers;
    if (listed) setLayers(listed);
    if (!result.ok) {
      setPreview(null);
      const failure = result.failure;
      setMessage(failureMessage(failure));
      return;
    }
    if (mode === "dryRun") {
      setPreview(result.summary);
      return;
    }
    if (result.status === 400) {
      setPreview(result.summary);
      setMessage({ key: "zoningImport.invalidObjects", params: { count: result.summary.skipped.length } });
      return;
    }
    setDone(result.summary);
    setPreview(null);
    await refreshZoning();
  };

  const choice = preview ? importChoice(preview) : null;
  const plans = (summary: ZoningImportSummary) => summary.planIds.join(", ") || "–";

  return (
    <Dialog title={t("zoningImport.title")} closeLabel={t("sites.close")} onClose={onClose} className="dialog-wide">
      <div className="form-fields">
        <Field path="zoning-file" label={t("zoningImport.file")} hint={t("zoningImport.fileHint")}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept={zoningFileAccept}
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                setPreview(null);
                setDone(null);
                setLayers([]);
                setLayer("");
                // A new file: the format its name implies, else the server tells it from the content.
                const guessed = chosen ? (formatOfFileName(chosen.name) ?? "auto") : "auto";
                setFormat(guessed);
                if (chosen) void run("dryRun", chosen, guessed, "");
              }}
            />
          )}
        </Field>
        <div className="form-grid form-grid-3">
          <FormatField path="zoning-format" formats={formats} value={format} onChange={setFormat} />
          <Field path="zoning-crs" label={t("zoningImport.crs")} hint={t("zoningImport.crsHint")}>
            {(control) => <input {...control} value={crs} autoComplete="off" placeholder="EPSG:25832" onChange={(e) => setCrs(e.target.value)} />}
          </Field>
          <LayerField
            path="zoning-layer"
            layers={layers}
            value={layer}
            disabled={busy !== null}
            hint={t("zoningImport.layerHint")}
            allLabel={t("zoningImport.allLayers")}
            onChange={(chosen) => {
              setLayer(chosen);
              void run("dryRun", file, format, chosen);
            }}
          />
          {format !== "sosi" && format !== "gml" && (
            <Field path="zoning-code-property" label={t("zoningImport.codeProperty")} hint={t("zoningImport.codePropertyHint")}>
              {(control) => <input {...control} value={codeProperty} autoComplete="off" onChange={(e) => setCodeProperty(e.target.value)} />}
            </Field>
          )}
        </div>
        <div className="button-row">
          <button type="button" className="button" disabled={!file || busy !== null} aria-busy={busy === "checking"} onClick={() => void run("dryRun")}>
            {busy === "checking" ? t("zoningImport.checking") : t("zoningImport.check")}
          </button>
        </div>
      </div>

      {preview && (
        <section className="import-preview" aria-label={t("zoningImport.preview")}>
          <h3 className="section-title">{t("zoningImport.preview")}</h3>
          <p>
            {t("zoningImport.found", { count: num(preview.found), plans: plans(preview), crs: preview.sourceCrs })}{" "}
            {t("zoningImport.zones", { count: num(preview.zonesFound) })}
          </p>
          {preview.skipped.length > 0 && (
            <>
              <h4 className="subsection-title field-error">{t("zoningImport.skipped", { count: preview.skipped.length })}</h4>
              <div className="table-scroll">
                <table className="lots-table">
                  <caption className="visually-hidden">{t("zoningImport.skippedCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("zoningImport.object")}</th>
                      <th scope="col">{t("zoningImport.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.skipped.map((s, i) => (
                      <tr key={`${s.object}-${i}`}>
                        <td className="nowrap">{s.object}</td>
                        <td>{s.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <ReaderWarnings warnings={preview.warnings} />
          {ignoredText(preview.ignored) && <p className="muted">{t("zoningImport.ignored", { list: ignoredText(preview.ignored) })}</p>}
          <div className="button-row">
            {choice === "import" && (
              <button type="button" className="button button-accent" disabled={busy !== null} onClick={() => void run("import")}>
                {t("zoningImport.import")}
              </button>
            )}
            {choice === "importValid" && (
              <button type="button" className="button button-accent" disabled={busy !== null} onClick={() => void run("importValid")}>
                {t("zoningImport.importValid")}
              </button>
            )}
          </div>
        </section>
      )}
      <p role="status" className={message ? "field-error" : undefined}>
        {busy === "importing" && t("zoningImport.importing")}
        {message && t(message.key, message.params)}
        {done && t("zoningImport.done", { count: num(done.imported), plans: plans(done), skipped: num(done.skipped.length) })}
        {done && ` ${t("zoningImport.zonesDone", { count: num(done.zonesImported) })}`}
      </p>
    </Dialog>
  );
}
