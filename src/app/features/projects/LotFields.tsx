/** One mass lot in the project form: a fieldset "Lot 2" with its fields, the tonnes beside the quantity, and its own buttons. */
import { materials, quantityUnits } from "../../../core/domain/materials";
import { monthsBetween } from "../../../core/domain/months";
import { isLargeLot } from "../../../core/domain/registry-api";
import { lotDirections } from "../../../core/domain/records";
import type { Translator } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { Field } from "../../ui/Field";
import { withLotChanged, withLotDuplicated, withLotRemoved, type LotDraft, type LotField } from "./draft";
import { lotPrefix, lotTonnes, type MaterialTable } from "./draft-body";
import { errorFor, type FieldErrors } from "../../i18n/field-errors";
import { contaminationClasses } from "./project-query";

/** The tonnes beside a quantity: "= 48 420 t", or a dash while the quantity or material is missing. */
export function tonnesText(tonnes: number | null, tr: Translator): string {
  return tonnes === null ? "–" : `= ${tr.withUnit(tonnes, tr.t("unit.tonnes"))}`;
}

export function LotFields({
  lot,
  index,
  errors,
  table,
  tr,
}: {
  lot: LotDraft;
  /** 1-based position, for the names "Lot 2", "Delete lot 2". */
  index: number;
  errors: FieldErrors;
  table: MaterialTable;
  tr: Translator;
}) {
  const { t } = tr;
  const editDraft = useAppStore((s) => s.editDraft);
  const prefix = lotPrefix(lot.key);
  const path = (field: string) => prefix + field;
  const error = (field: string) => {
    const message = errorFor(errors, path(field));
    return message ? t(message.key, message.params) : undefined;
  };
  const change = <F extends LotField>(field: F, value: LotDraft[F]) => editDraft((h) => withLotChanged(h, lot.key, field, value));
  const tonnes = lotTonnes(lot, table);
  const large = tonnes !== null && isLargeLot(tonnes);
  const months = /^\d{4}-\d{2}$/.test(lot.from) && /^\d{4}-\d{2}$/.test(lot.to) ? monthsBetween(lot.from, lot.to).length : 0;
  const legendId = `lot-${lot.key}-legend`;

  return (
    <fieldset className="lot-fields" aria-labelledby={legendId}>
      <div className="lot-head">
        <h4 className="lot-legend">
          <span id={legendId}>{t("lot.legend", { n: index })}</span>
          {lot.id === null && <span className="badge badge-new">{t("lot.new")}</span>}
        </h4>
        <span className="lot-actions">
          <button type="button" className="button button-small" onClick={() => editDraft((h) => withLotDuplicated(h, lot.key))}>
            {t("lot.duplicate", { n: index })}
          </button>
          <button type="button" className="button button-small button-danger" onClick={() => editDraft((h) => withLotRemoved(h, lot.key))}>
            {t("lot.delete", { n: index })}
          </button>
        </span>
      </div>
      <div className="form-grid form-grid-3">
        <Field path={path("direction")} label={t("lots.direction")} error={error("direction")}>
          {(control) => (
            <select {...control} value={lot.direction} onChange={(e) => change("direction", e.target.value as LotDraft["direction"])}>
              {lotDirections.map((d) => (
                <option key={d} value={d}>
                  {t(`direction.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path={path("material")} label={t("lots.material")} error={error("material")}>
          {(control) => (
            <select {...control} value={lot.material} onChange={(e) => change("material", e.target.value as LotDraft["material"])}>
              <option value="">{t("form.choose")}</option>
              {materials.map((m) => (
                <option key={m} value={m}>
                  {t(`material.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path={path("contaminationClass")} label={t("lot.class")} error={error("contaminationClass")}>
          {(control) => (
            <select {...control} value={lot.contaminationClass} onChange={(e) => change("contaminationClass", e.target.value)}>
              <option value="">{t("form.choose")}</option>
              {contaminationClasses.map((c) => (
                <option key={c} value={c}>
                  {t(`class.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-grid form-grid-quantity">
        <Field
          path={path("quantity.value")}
          label={t("lot.quantity")}
          error={error("quantity.value")}
          hint={<span className="tonnes-live">{tonnesText(tonnes, tr)}</span>}
          className="quantity-field"
        >
          {(control) => (
            <input
              {...control}
              inputMode="decimal"
              autoComplete="off"
              value={lot.quantity}
              onChange={(e) => change("quantity", e.target.value)}
            />
          )}
        </Field>
        <Field path={path("quantity.unit")} label={t("lot.unit")} error={error("quantity.unit")}>
          {(control) => (
            <select {...control} value={lot.unit} onChange={(e) => change("unit", e.target.value as LotDraft["unit"])}>
              {quantityUnits.map((u) => (
                <option key={u} value={u}>
                  {t(`unitName.${u}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path={path("window.from")} label={t("lot.from")} error={error("window.from")}>
          {(control) => <input {...control} type="month" value={lot.from} onChange={(e) => change("from", e.target.value)} />}
        </Field>
        <Field path={path("window.to")} label={t("lot.to")} error={error("window.to")}>
          {(control) => <input {...control} type="month" value={lot.to} min={lot.from || undefined} onChange={(e) => change("to", e.target.value)} />}
        </Field>
      </div>
      {large && (
        <label className="check-field confirm-large">
          <input type="checkbox" checked={lot.confirmLarge} onChange={(e) => change("confirmLarge", e.target.checked)} />
          {t("lot.confirmLarge")}
        </label>
      )}
      <div className="form-grid form-grid-2">
        <Field
          path={path("monthlyProfile")}
          label={t("lot.profile")}
          error={error("monthlyProfile")}
          hint={months > 0 ? t("lot.profileHint", { months }) : t("lot.profileHintNoMonths")}
        >
          {(control) => (
            <input {...control} autoComplete="off" placeholder={t("lot.profileEven")} value={lot.profile} onChange={(e) => change("profile", e.target.value)} />
          )}
        </Field>
        <Field path={path("notes")} label={t("lot.notes")} error={error("notes")}>
          {(control) => <input {...control} autoComplete="off" value={lot.notes} onChange={(e) => change("notes", e.target.value)} />}
        </Field>
      </div>
      <label className="check-field">
        <input type="checkbox" checked={lot.hazardous} onChange={(e) => change("hazardous", e.target.checked)} />
        {t("lot.hazardous")}
      </label>
    </fieldset>
  );
}
