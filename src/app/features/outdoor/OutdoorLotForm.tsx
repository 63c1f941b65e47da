/**
 * The form of one outdoor-material lot (add or edit), inside the project's "Outdoor materials"
 * table: type, direction, quantity in the type's unit with the area it needs shown as it is typed,
 * condition, months, receiving project, storage site (the nearest suitable one by default, named),
 * notes. Saves straight to the API with the version it was based on. A 409 keeps what the user
 * typed, says who saved meanwhile, when, and what their version holds, and takes their version
 * number, so saving again deliberately replaces theirs (and Cancel keeps theirs).
 */
import { useId, useState } from "react";
import { outdoorConditions, outdoorDirections, type OutdoorLot } from "../../../core/outdoor/api";
import type { Project } from "../../../core/domain/records";
import type { Message } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { Field } from "../../ui/Field";
import { formatAuditTime } from "../history/audit-diff";
import { writeFailureMessages } from "./outdoor-actions";
import { createOutdoorLot, updateOutdoorLot } from "../../api/client";
import {
  draftOfOutdoorLot,
  emptyOutdoorDraft,
  nearestStorageSite,
  outdoorLotBody,
  outdoorUnitLabel,
  suitableStorageSites,
  typedQuantityNeeds,
  type OutdoorLotDraft,
} from "./outdoor-model";

export function OutdoorLotForm({ project, lot, onDone }: { project: Project; lot: OutdoorLot | null; onDone: (saved: boolean) => void }) {
  const tr = useT();
  const { t, lang, withUnit } = tr;
  const types = useAppStore((s) => s.outdoor.types) ?? [];
  const sites = useAppStore((s) => s.data.sites);
  const projects = useAppStore((s) => s.data.projects);
  const changed = useAppStore((s) => s.outdoorLotsChanged);
  const [draft, setDraft] = useState<OutdoorLotDraft>(() => (lot ? draftOfOutdoorLot(lot) : emptyOutdoorDraft(types[0]?.id ?? "")));
  const [version, setVersion] = useState(lot?.version ?? 0);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ path: string; message: Message }[]>([]);
  const [notice, setNotice] = useState<Message[]>([]);
  const [askConfirm, setAskConfirm] = useState(false);
  const [confirmLarge, setConfirmLarge] = useState(false);
  const formId = useId();
  const path = (name: string) => `outdoor-${formId}-${name}`;

  const type = types.find((candidate) => candidate.id === draft.typeId);
  const unit = type ? outdoorUnitLabel(type.unit, tr) : "";
  const needs = typedQuantityNeeds(type, draft.quantity);
  const nearest = nearestStorageSite(project, sites, type);
  const suitable = suitableStorageSites(sites, type);
  const errorOf = (...paths: string[]) => {
    const found = errors.find((e) => paths.includes(e.path));
    return found ? t(found.message.key, found.message.params) : undefined;
  };
  const set = (patch: Partial<OutdoorLotDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    setBusy(true);
    setNotice([]);
    const body = { ...outdoorLotBody(draft), ...(confirmLarge ? { confirmLarge: true } : {}) };
    const result = lot ? await updateOutdoorLot(lot.id, { ...body, version }) : await createOutdoorLot(project.id, body);
    setBusy(false);
    if (result.ok) {
      changed();
      onDone(true);
      return;
    }
    if (result.failure.status === 409 && result.failure.current) {
      // Keep the draft as typed; their version is named, and its number taken for the next save.
      const current = result.failure.current as OutdoorLot;
      const theirType = types.find((candidate) => candidate.id === current.typeId);
      setVersion(current.version);
      setErrors([]);
      setNotice([
        { key: "outdoor.lotConflict", params: { who: current.updatedBy ?? t("outdoor.someone"), when: formatAuditTime(current.updatedAt) } },
        {
          key: "outdoor.lotConflictTheirs",
          params: {
            type: theirType?.names[lang] ?? current.typeId,
            quantity: withUnit(current.quantity, outdoorUnitLabel(current.unit, tr)),
            month: current.direction === "available" ? current.availableFrom : current.neededBy,
          },
        },
      ]);
      changed();
      return;
    }
    setAskConfirm(result.failure.code === "confirm_large_quantity");
    setErrors(writeFailureMessages(result.failure));
  };

  const general = errors.filter((e) => !["typeId", "quantity", "availableFrom", "neededBy", "wantedBy.month", "wantedBy.projectId", "wantedBy", "storageSiteId", "condition", "notes"].includes(e.path));
  const title = lot ? t("outdoor.editLot") : t("outdoor.addLot");
  return (
    <form
      className="outdoor-lot-form"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h4 className="subsection-title">{title}</h4>
      <div className="form-grid form-grid-2">
        <Field path={path("typeId")} label={t("outdoor.type")} {...optional(errorOf("typeId"))}>
          {(control) => (
            <select {...control} value={draft.typeId} onChange={(e) => set({ typeId: e.target.value, storageSiteId: "" })}>
              {types.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.names[lang]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path={path("direction")} label={t("outdoor.direction")}>
          {(control) => (
            <select {...control} value={draft.direction} onChange={(e) => set({ direction: e.target.value as OutdoorLotDraft["direction"] })}>
              {outdoorDirections.map((direction) => (
                <option key={direction} value={direction}>
                  {t(`outdoor.direction.${direction}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          path={path("quantity")}
          label={unit ? t("outdoor.quantityIn", { unit }) : t("outdoor.quantity")}
          hint={
            <span aria-live="polite">
              {needs
                ? t("outdoor.needsArea", { area: withUnit(needs.areaM2, "m²", 1), tonnes: withUnit(needs.tonnes, t("unit.tonnes"), 1) })
                : type
                  ? t("outdoor.footprintHint", { footprint: withUnit(type.footprintM2PerUnit, `m²/${unit}`, 3), stacking: type.storage.stacking })
                  : ""}
            </span>
          }
          {...optional(errorOf("quantity"))}
        >
          {(control) => <input {...control} inputMode="decimal" value={draft.quantity} onChange={(e) => set({ quantity: e.target.value })} />}
        </Field>
        <Field path={path("condition")} label={t("outdoor.condition")}>
          {(control) => (
            <select {...control} value={draft.condition} onChange={(e) => set({ condition: e.target.value as OutdoorLotDraft["condition"] })}>
              {outdoorConditions.map((condition) => (
                <option key={condition} value={condition}>
                  {t(`outdoor.condition.${condition}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          path={path("month")}
          label={draft.direction === "available" ? t("outdoor.availableFrom") : t("outdoor.neededBy")}
          {...optional(errorOf("availableFrom", "neededBy"))}
        >
          {(control) => <input {...control} type="month" placeholder="YYYY-MM" value={draft.month} onChange={(e) => set({ month: e.target.value })} />}
        </Field>
        {draft.direction === "available" && (
          <>
            <Field path={path("storageSiteId")} label={t("outdoor.storageSite")} {...optional(errorOf("storageSiteId"))}>
              {(control) => (
                <select {...control} value={draft.storageSiteId} onChange={(e) => set({ storageSiteId: e.target.value })}>
                  <option value="">{nearest ? t("outdoor.nearestSite", { site: nearest.name }) : t("outdoor.noSuitableSite")}</option>
                  {suitable.map((site) => (
                    <option key={site.id} value={site.id}>
                      {site.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field path={path("receiverProjectId")} label={t("outdoor.receiver")} {...optional(errorOf("wantedBy.projectId", "wantedBy"))}>
              {(control) => (
                <select {...control} value={draft.receiverProjectId} onChange={(e) => set({ receiverProjectId: e.target.value })}>
                  <option value="">{t("outdoor.receiverUnknown")}</option>
                  {projects
                    .filter((p) => p.id !== project.id && p.deletedAt === null)
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                </select>
              )}
            </Field>
            <Field path={path("receiverMonth")} label={t("outdoor.wantedBy")} hint={t("outdoor.wantedByHint")} {...optional(errorOf("wantedBy.month"))}>
              {(control) => <input {...control} type="month" placeholder="YYYY-MM" value={draft.receiverMonth} onChange={(e) => set({ receiverMonth: e.target.value })} />}
            </Field>
          </>
        )}
        <Field path={path("notes")} label={t("outdoor.notes")} className="form-field-wide" {...optional(errorOf("notes"))}>
          {(control) => <textarea {...control} rows={2} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} />}
        </Field>
      </div>
      {askConfirm && (
        <label className="checkbox-row">
          <input type="checkbox" checked={confirmLarge} onChange={(e) => setConfirmLarge(e.target.checked)} /> {t("outdoor.confirmLarge")}
        </label>
      )}
      <div role="alert">
        {notice.map((m) => (
          <p key={m.key} className="field-error">
            {t(m.key, m.params)}
          </p>
        ))}
        {general.map((e, i) => (
          <p key={i} className="field-error">
            {e.path ? `${e.path}: ` : ""}
            {t(e.message.key, e.message.params)}
          </p>
        ))}
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t("form.cancel")}
        </button>
        <button type="submit" className="button button-save" disabled={busy || !type} aria-busy={busy}>
          {t("outdoor.saveLot")}
        </button>
      </div>
    </form>
  );
}

/** `error` only when there is one (exactOptionalPropertyTypes). */
const optional = (error: string | undefined): { error?: string } => (error ? { error } : {});
