/**
 * The site form (right side): name, kind, status, the outline drawn on the map, and the
 * attributes of the kind. Save sends the version it was based on; a 409 shows who saved first
 * and "Reload" lays the user's changes on the current site. Delete asks first.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { materials, type Material } from "../../../core/domain/materials";
import { siteKinds, siteStatuses, type Site, type SiteKind } from "../../../core/domain/records";
import { planarAreaM2 } from "../../../core/geo/planar-area";
import type { Message } from "../../api/failure-message";
import { useT, type Translator } from "../../i18n/use-t";
import type { SiteEditor } from "../../state/sites-slice";
import { useAppStore } from "../../state/store";
import { Field, fieldDomId } from "../../ui/Field";
import { formatAuditTime } from "../history/audit-diff";
import { errorFor } from "../../i18n/field-errors";
import { deleteEditedSite, reloadAfterSiteConflict, saveSiteEditor } from "./site-actions";
import { showsField, siteDraftChanged, type SiteDraft, type SiteStatus } from "./site-draft";
import { ConfirmBar } from "../../ui/ConfirmBar";

function MaterialChecks({
  legend,
  path,
  value,
  onChange,
  error,
  tr,
}: {
  legend: string;
  path: string;
  value: readonly Material[];
  onChange: (value: Material[]) => void;
  error?: string;
  tr: Translator;
}) {
  const id = fieldDomId(path);
  return (
    <fieldset className={`form-field checkbox-group${error ? " has-error" : ""}`} id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {materials.map((material) => (
        <label key={material} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(material)}
            onChange={(e) => onChange(e.target.checked ? [...value, material] : value.filter((m) => m !== material))}
          />
          {tr.t(`material.${material}`)}
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function ConflictBox({ conflict, tr }: { conflict: Site; tr: Translator }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: "nearest" });
    ref.current?.focus({ preventScroll: true });
  }, [conflict]);
  return (
    <div className="conflict-notice" role="alert" ref={ref} tabIndex={-1}>
      <p className="conflict-title">
        {tr.t("sites.form.conflict", { who: conflict.updatedBy ?? tr.t("sites.form.someone"), when: formatAuditTime(conflict.updatedAt) })}
      </p>
      <p>{tr.t("sites.form.conflictExplain")}</p>
      <button type="button" className="button" onClick={reloadAfterSiteConflict}>
        {tr.t("sites.form.conflictReload")}
      </button>
    </div>
  );
}

export function SiteForm({ editor }: { editor: SiteEditor }) {
  const tr = useT();
  const { t, withUnit } = tr;
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [confirming, setConfirming] = useState<"delete" | "discard" | null>(null);
  const [actionError, setActionError] = useState<Message | null>(null);
  const { draft, base, errors, saving, conflict, message } = editor;
  const drawing = useAppStore((s) => s.sites.drawing.mode);
  const update = useAppStore((s) => s.updateSiteEditor);
  const set = <K extends keyof SiteDraft>(key: K, value: SiteDraft[K]) => update((e) => ({ ...e, draft: { ...e.draft, [key]: value } }));
  const error = (path: string) => {
    const found = errorFor(errors, path);
    return found ? t(found.key, found.params) : undefined;
  };
  const shows = (field: Parameters<typeof showsField>[1]) => showsField(draft.kind, field);

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  const close = () => useAppStore.getState().closeSiteEditor();
  const requestClose = () => (siteDraftChanged(draft, base) ? setConfirming("discard") : close());
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setActionError(null);
    const path = await saveSiteEditor();
    const target = path ? document.getElementById(fieldDomId(path)) : null;
    if (target) target.focus();
    else if (path) statusRef.current?.focus();
  };

  // Planar in EPSG:25832, as the suitability report and plan documents give it.
  const areaM2 = draft.geometry ? planarAreaM2(draft.geometry) : null;
  const text = (key: keyof SiteDraft, path: string, label: string, { hint, inputMode = "decimal" }: { hint?: string; inputMode?: "decimal" | "text" } = {}) => (
    <Field path={path} label={label} error={error(path)} hint={hint}>
      {(control) => <input {...control} inputMode={inputMode} autoComplete="off" value={draft[key] as string} onChange={(e) => set(key, e.target.value as never)} />}
    </Field>
  );

  return (
    <section className="editor-panel panel site-form" aria-labelledby={titleId}>
      <div className="details-header">
        <div>
          <p className="details-kicker">{t(base ? "sites.form.edit" : "sites.form.new")}</p>
          <h2 id={titleId} className="details-title" ref={headingRef} tabIndex={-1}>
            {draft.name.trim() || t(base ? "sites.form.edit" : "sites.form.new")}
          </h2>
        </div>
        <button type="button" className="button button-close" onClick={requestClose}>
          {t("details.close")}
        </button>
      </div>
      <form className="project-form" onSubmit={onSubmit} noValidate aria-label={t("sites.form.label")}>
        <div className="form-body">
          <fieldset className="form-fields" disabled={saving}>
            {conflict && <ConflictBox conflict={conflict} tr={tr} />}
            {text("name", "name", t("sites.form.name"), { inputMode: "text" })}
            <div className="form-grid form-grid-2">
              <Field path="kind" label={t("sites.form.kind")} error={error("kind")}>
                {(control) => (
                  <select {...control} value={draft.kind} onChange={(e) => set("kind", e.target.value as SiteKind)}>
                    {siteKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`siteKind.${kind}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field path="status" label={t("sites.form.status")} error={error("status")}>
                {(control) => (
                  <select {...control} value={draft.status} onChange={(e) => set("status", e.target.value as SiteStatus)}>
                    {siteStatuses.map((status) => (
                      <option key={status} value={status}>
                        {t(`siteStatus.${status}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <div className={`form-field${error("geometry") ? " has-error" : ""}`}>
              <span className="field-label" id={`${titleId}-outline`}>
                {t("sites.form.outline")}
              </span>
              <p className="outline-status" id={fieldDomId("geometry")} tabIndex={-1} aria-labelledby={`${titleId}-outline`}>
                {areaM2 !== null ? t("sites.form.outlineArea", { area: withUnit(areaM2, "m²", 0) }) : t("sites.form.noOutline")}
              </p>
              <div className="button-row">
                <button type="button" className="button" disabled={drawing !== "off"} onClick={() => useAppStore.getState().startSiteDrawing()}>
                  {t("sites.form.redraw")}
                </button>
                {draft.geometry?.type === "Polygon" && (
                  <button type="button" className="button" disabled={drawing !== "off"} onClick={() => useAppStore.getState().startOutlineEdit()}>
                    {t("sites.form.editOutline")}
                  </button>
                )}
              </div>
              {error("geometry") && <p className="field-error">{error("geometry")}</p>}
            </div>
            {shows("capacityTonnes") && text("capacityTonnes", "capacityTonnes", t("sites.form.capacity"), { hint: t("sites.form.capacityHint") })}
            {shows("stackHeightM") && (
              <div className="form-grid form-grid-2">
                {text("stackHeightM", "stackHeightM", t("sites.form.stackHeight"))}
                {text("usablePercent", "usableShare", t("sites.form.usableShare"))}
              </div>
            )}
            {shows("accepts") && (
              <>
                <MaterialChecks
                  legend={t("sites.form.acceptsMaterials")}
                  path="accepts.materials"
                  value={draft.acceptsMaterials}
                  onChange={(value) => set("acceptsMaterials", value)}
                  error={error("accepts.materials") ?? (errors.accepts ? t(errors.accepts.key, errors.accepts.params) : undefined)}
                  tr={tr}
                />
                <Field path="accepts.worstClass" label={t("sites.form.worstClass")} error={error("accepts.worstClass")}>
                  {(control) => (
                    <select {...control} value={draft.worstClass} onChange={(e) => set("worstClass", e.target.value)}>
                      <option value="">{t("sites.form.worstClassNone")}</option>
                      {[1, 2, 3, 4, 5].map((c) => (
                        <option key={c} value={String(c)}>
                          {c}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </>
            )}
            {shows("acceptsHazardous") && (
              <label className="checkbox">
                <input type="checkbox" checked={draft.acceptsHazardous} onChange={(e) => set("acceptsHazardous", e.target.checked)} />
                {t("sites.form.hazardous")}
              </label>
            )}
            {shows("handlingCostPerTonne") && text("handlingCostPerTonne", "handlingCostPerTonne", t("sites.form.handlingCost"))}
            {shows("gateFeePerTonne") && text("gateFeePerTonne", "gateFeePerTonne", t("sites.form.gateFee"))}
            {shows("materials") && (
              <MaterialChecks legend={t("sites.form.materials")} path="materials" value={draft.materials} onChange={(value) => set("materials", value)} error={error("materials")} tr={tr} />
            )}
            {shows("pricePerTonne") && (
              <div className="form-grid form-grid-2">
                {text("pricePerTonne", "pricePerTonne", t("sites.form.price"))}
                {text("kgCO2ePerTonne", "kgCO2ePerTonne", t("sites.form.co2e"))}
              </div>
            )}
            <div className="form-grid form-grid-2">
              <Field path="window.from" label={t("sites.form.windowFrom")} error={error("window.from") ?? (errors.window ? t(errors.window.key, errors.window.params) : undefined)}>
                {(control) => <input {...control} type="month" value={draft.windowFrom} onChange={(e) => set("windowFrom", e.target.value)} />}
              </Field>
              <Field path="window.to" label={t("sites.form.windowTo")} error={error("window.to")}>
                {(control) => <input {...control} type="month" value={draft.windowTo} onChange={(e) => set("windowTo", e.target.value)} />}
              </Field>
            </div>
            <Field path="notes" label={t("sites.form.notes")} error={error("notes")}>
              {(control) => <textarea {...control} rows={2} value={draft.notes} onChange={(e) => set("notes", e.target.value)} />}
            </Field>
          </fieldset>
        </div>
        <div className="form-footer">
          {confirming ? (
            <ConfirmBar
              message={
                confirming === "delete"
                  ? t("sites.form.confirmDelete", { name: draft.name })
                  : t("sites.form.confirmDiscard", { name: draft.name.trim() || t("sites.form.new") })
              }
              confirmLabel={t(confirming === "delete" ? "sites.form.confirmDeleteYes" : "sites.form.discard")}
              onConfirm={
                confirming === "delete"
                  ? async () => {
                      const failure = await deleteEditedSite();
                      setConfirming(null);
                      setActionError(failure);
                    }
                  : close
              }
              cancelLabel={t(confirming === "delete" ? "sites.form.confirmDeleteNo" : "sites.form.keepEditing")}
              onCancel={() => setConfirming(null)}
            />
          ) : (
            <div className="button-row">
              <button type="button" className="button" onClick={requestClose} disabled={saving}>
                {t("sites.form.cancel")}
              </button>
              {base && (
                <button type="button" className="button button-danger" disabled={saving} onClick={() => setConfirming("delete")}>
                  {t("sites.form.delete")}
                </button>
              )}
              <span className="header-spacer" />
              <button type="submit" className="button button-save" disabled={saving || drawing !== "off"} aria-busy={saving}>
                {saving && <span className="spinner" aria-hidden="true" />}
                {t("sites.form.save")}
              </button>
            </div>
          )}
          <p ref={statusRef} tabIndex={-1} className={`save-status${message || actionError ? " save-status-error" : ""}`} role="status">
            {actionError ? t(actionError.key, actionError.params) : message ? t(message.key, message.params) : saving ? t("sites.form.saving") : ""}
          </p>
        </div>
      </form>
    </section>
  );
}
