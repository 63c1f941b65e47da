/**
 * The catalogue of outdoor material types: unit, weight, footprint per unit with its stacking,
 * cover, handling minutes, CO2e per unit and where the figures come from. Admins add a type, or
 * edit one, in the same small form: checked against the API's own schema first (errors beside the
 * fields), then sent; an edit sends the version it was based on, and a 409 shows the other edit and
 * loads it. A new type's figures other than CO2e are marked as estimates, as the API does by default.
 */
import { Fragment, useState } from "react";
import { outdoorTypeCreateSchema, outdoorTypeUpdateSchema, type OutdoorMaterialTypeRecord } from "../../../core/outdoor/api";
import { outdoorUnits } from "../../../core/outdoor/catalogue";
import type { Message } from "../../api/failure-message";
import type { Translator } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { Field } from "../../ui/Field";
import { fieldErrorsOf } from "../../i18n/field-errors";
import { parseTypedNumber } from "../projects/typed-number";
import { writeFailureMessages } from "./outdoor-actions";
import { createOutdoorType, updateOutdoorType } from "../../api/client";
import { outdoorUnitLabel } from "./outdoor-model";

interface TypeDraft {
  /** Only typed when adding a type; an edited type keeps its id. */
  id: string;
  nameNb: string;
  nameEn: string;
  unit: OutdoorMaterialTypeRecord["unit"];
  weight: string;
  m2OneLayer: string;
  layers: string;
  stacking: string;
  needsCover: boolean;
  receive: string;
  issue: string;
  kgCO2e: string;
  /** Where the CO2e figure comes from ("ref:<key> …", or "estimate: <basis>"). */
  kgCO2eSource: string;
}

const draftOf = (type: OutdoorMaterialTypeRecord): TypeDraft => ({
  id: type.id,
  nameNb: type.names.nb,
  nameEn: type.names.en,
  unit: type.unit,
  weight: String(type.weightTonnesPerUnit),
  m2OneLayer: String(type.storage.m2PerUnitOneLayer),
  layers: String(type.storage.layers),
  stacking: type.storage.stacking,
  needsCover: type.needsCover,
  receive: String(type.handling.receivePersonMinutesPerUnit),
  issue: String(type.handling.issuePersonMinutesPerUnit),
  kgCO2e: String(type.newMaterial.kgCO2ePerUnit),
  kgCO2eSource: type.sources.kgCO2e,
});

/** A new type's form: nothing typed yet, one layer, open storage, its CO2e figure an estimate. */
const emptyDraft: TypeDraft = {
  id: "",
  nameNb: "",
  nameEn: "",
  unit: "pieces",
  weight: "",
  m2OneLayer: "",
  layers: "1",
  stacking: "",
  needsCover: false,
  receive: "",
  issue: "",
  kgCO2e: "",
  kgCO2eSource: "estimate",
};

/** A new type's source notes before the admin names the CO2e source: all estimates (the API's default). */
const estimateSources = { weight: "estimate", footprint: "estimate", handling: "estimate", kgCO2e: "estimate" };

// A number that does not parse is NaN, which the schema refuses as "must be a number" beside the field.
const num = (text: string) => parseTypedNumber(text) ?? Number.NaN;

/** The type's fields as the API takes them (without id and version). */
const fieldsOf = (draft: TypeDraft, base: OutdoorMaterialTypeRecord | null) => ({
  names: { nb: draft.nameNb, en: draft.nameEn },
  unit: draft.unit,
  weightTonnesPerUnit: num(draft.weight),
  storage: { m2PerUnitOneLayer: num(draft.m2OneLayer), layers: num(draft.layers), stacking: draft.stacking },
  needsCover: draft.needsCover,
  handling: { receivePersonMinutesPerUnit: num(draft.receive), issuePersonMinutesPerUnit: num(draft.issue) },
  newMaterial: { kgCO2ePerUnit: num(draft.kgCO2e) },
  sources: { ...(base?.sources ?? estimateSources), kgCO2e: draft.kgCO2eSource },
  notes: base?.notes ?? "",
});

/** The API paths the form shows beside a field. */
const fieldPaths = new Set([
  "id",
  "names.nb",
  "names.en",
  "unit",
  "weightTonnesPerUnit",
  "storage.m2PerUnitOneLayer",
  "storage.layers",
  "storage.stacking",
  "handling.receivePersonMinutesPerUnit",
  "handling.issuePersonMinutesPerUnit",
  "newMaterial.kgCO2ePerUnit",
  "sources.kgCO2e",
]);

/** The form of one type: `type` null adds a new one (with its id), else edits that type. */
function TypeForm({ type, tr, onDone }: { type: OutdoorMaterialTypeRecord | null; tr: Translator; onDone: () => void }) {
  const { t } = tr;
  const putType = useAppStore((s) => s.putOutdoorType);
  const [draft, setDraft] = useState(() => (type ? draftOf(type) : emptyDraft));
  const [version, setVersion] = useState(type?.version ?? 0);
  const [errors, setErrors] = useState<{ path: string; message: Message }[]>([]);
  const [notice, setNotice] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<TypeDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const errorOf = (path: string) => {
    const found = errors.find((e) => e.path === path);
    return found ? { error: t(found.message.key, found.message.params) } : {};
  };
  const save = async () => {
    setNotice(null);
    const fields = fieldsOf(draft, type);
    // The API's own schema first: the same rules, worded beside the fields without a round trip.
    const checked = type ? outdoorTypeUpdateSchema.safeParse({ ...fields, version }) : outdoorTypeCreateSchema.safeParse({ ...fields, id: draft.id.trim() });
    if (!checked.success) {
      setErrors(Object.entries(fieldErrorsOf(checked.error.issues)).map(([path, message]) => ({ path, message })));
      return;
    }
    setBusy(true);
    const result = type ? await updateOutdoorType(type.id, { ...fields, version }) : await createOutdoorType({ ...fields, id: draft.id.trim() });
    setBusy(false);
    if (result.ok) {
      putType(result.value);
      onDone();
      return;
    }
    if (result.failure.status === 409 && result.failure.current) {
      const current = result.failure.current as OutdoorMaterialTypeRecord;
      setDraft(draftOf(current));
      setVersion(current.version);
      setErrors([]);
      setNotice({ key: "outdoor.conflict", params: { who: current.updatedBy ?? "?" } });
      return;
    }
    setErrors(writeFailureMessages(result.failure));
  };
  const p = (name: string) => `outdoor-type-${type?.id ?? "new"}-${name}`;
  const numberField = (name: keyof TypeDraft, label: string, path: string) => (
    <Field path={p(name)} label={label} {...errorOf(path)}>
      {(control) => <input {...control} inputMode="decimal" value={String(draft[name])} onChange={(e) => set({ [name]: e.target.value } as Partial<TypeDraft>)} />}
    </Field>
  );
  // Errors the form has no field for (a failure without fields, or a path it does not show): never hidden.
  const general = errors.filter((e) => !fieldPaths.has(e.path));
  return (
    <form
      className="outdoor-type-form"
      aria-label={type ? t("outdoor.editTypeNamed", { type: type.names[tr.lang] }) : t("outdoor.newType")}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {!type && <h4 className="subsection-title">{t("outdoor.newType")}</h4>}
      <div className="form-grid form-grid-2">
        {!type && (
          <Field path={p("id")} label={t("outdoor.typeId")} hint={t("outdoor.typeIdHint")} className="form-field-wide" {...errorOf("id")}>
            {(control) => <input {...control} autoComplete="off" spellCheck={false} value={draft.id} onChange={(e) => set({ id: e.target.value })} />}
          </Field>
        )}
        <Field path={p("nameNb")} label={t("outdoor.nameNb")} {...errorOf("names.nb")}>
          {(control) => <input {...control} value={draft.nameNb} onChange={(e) => set({ nameNb: e.target.value })} />}
        </Field>
        <Field path={p("nameEn")} label={t("outdoor.nameEn")} {...errorOf("names.en")}>
          {(control) => <input {...control} value={draft.nameEn} onChange={(e) => set({ nameEn: e.target.value })} />}
        </Field>
        <Field path={p("unit")} label={t("outdoor.unit")} {...errorOf("unit")}>
          {(control) => (
            <select {...control} value={draft.unit} onChange={(e) => set({ unit: e.target.value as TypeDraft["unit"] })}>
              {outdoorUnits.map((unit) => (
                <option key={unit} value={unit}>
                  {outdoorUnitLabel(unit, tr)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {numberField("weight", t("outdoor.weightTonnesPerUnit"), "weightTonnesPerUnit")}
        {numberField("m2OneLayer", t("outdoor.m2OneLayer"), "storage.m2PerUnitOneLayer")}
        {numberField("layers", t("outdoor.layers"), "storage.layers")}
        <Field path={p("stacking")} label={t("outdoor.stacking")} className="form-field-wide" {...errorOf("storage.stacking")}>
          {(control) => <input {...control} value={draft.stacking} onChange={(e) => set({ stacking: e.target.value })} />}
        </Field>
        {numberField("receive", t("outdoor.receiveMinutes"), "handling.receivePersonMinutesPerUnit")}
        {numberField("issue", t("outdoor.issueMinutes"), "handling.issuePersonMinutesPerUnit")}
        {numberField("kgCO2e", t("outdoor.kgCO2ePerUnitField"), "newMaterial.kgCO2ePerUnit")}
        <Field path={p("kgCO2eSource")} label={t("outdoor.kgCO2eSource")} hint={t("outdoor.kgCO2eSourceHint")} {...errorOf("sources.kgCO2e")}>
          {(control) => <input {...control} value={draft.kgCO2eSource} onChange={(e) => set({ kgCO2eSource: e.target.value })} />}
        </Field>
        <label className="checkbox-row">
          <input type="checkbox" checked={draft.needsCover} onChange={(e) => set({ needsCover: e.target.checked })} /> {t("outdoor.needsCover")}
        </label>
      </div>
      <div role="alert">
        {notice && <p className="field-error">{t(notice.key, notice.params)}</p>}
        {general.map((e, i) => (
          <p key={i} className="field-error">
            {e.path ? `${e.path}: ` : ""}
            {t(e.message.key, e.message.params)}
          </p>
        ))}
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={onDone}>
          {t("form.cancel")}
        </button>
        <button type="submit" className="button button-save" disabled={busy} aria-busy={busy}>
          {t("form.save")}
        </button>
      </div>
    </form>
  );
}

export function OutdoorCatalogue({ tr, isAdmin }: { tr: Translator; isAdmin: boolean }) {
  const { t, lang, withUnit } = tr;
  const types = useAppStore((s) => s.outdoor.types);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  if (!types) return <p className="muted">{t("outdoor.loading")}</p>;
  const columns = isAdmin ? 9 : 8;
  return (
    <>
      {isAdmin &&
        (adding ? (
          <TypeForm type={null} tr={tr} onDone={() => setAdding(false)} />
        ) : (
          <div className="button-row">
            <button type="button" className="button button-accent" onClick={() => setAdding(true)}>
              {t("outdoor.addType")}
            </button>
          </div>
        ))}
      <div className="table-scroll">
        <table className="lots-table outdoor-catalogue">
          <caption>{t("outdoor.catalogueCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("outdoor.type")}</th>
              <th scope="col">{t("outdoor.unit")}</th>
              <th scope="col" className="numeric">{t("outdoor.weightPerUnit")}</th>
              <th scope="col">{t("outdoor.footprint")}</th>
              <th scope="col">{t("outdoor.cover")}</th>
              <th scope="col" className="numeric">{t("outdoor.handling")}</th>
              <th scope="col" className="numeric">{t("outdoor.kgCO2ePerUnit")}</th>
              <th scope="col">{t("outdoor.sources")}</th>
              {isAdmin && <th scope="col">{t("outdoor.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {types.map((type) => {
              const unit = outdoorUnitLabel(type.unit, tr);
              const estimate = Object.values(type.sources).some((note) => note.startsWith("estimate"));
              return (
                <Fragment key={type.id}>
                  <tr>
                    <th scope="row">{type.names[lang]}</th>
                    <td>{unit}</td>
                    <td className="numeric nowrap">
                      {type.weightTonnesPerUnit >= 1 ? withUnit(type.weightTonnesPerUnit, `t/${unit}`, 2) : withUnit(type.weightTonnesPerUnit * 1000, `kg/${unit}`, 1)}
                    </td>
                    <td>
                      <span className="nowrap">{withUnit(type.footprintM2PerUnit, `m²/${unit}`, 3)}</span>
                      <span className="field-hint outdoor-stacking">{type.storage.stacking}</span>
                    </td>
                    <td>{t(type.needsCover ? "outdoor.coverYes" : "outdoor.coverNo")}</td>
                    <td className="numeric nowrap">
                      {t("outdoor.handlingValue", {
                        receive: withUnit(type.handling.receivePersonMinutesPerUnit, `min/${unit}`, 2),
                        issue: withUnit(type.handling.issuePersonMinutesPerUnit, `min/${unit}`, 2),
                      })}
                    </td>
                    <td className="numeric nowrap">{withUnit(type.newMaterial.kgCO2ePerUnit, `kg CO₂e/${unit}`, 1)}</td>
                    <td>
                      <details>
                        <summary>{t(estimate ? "outdoor.partlyEstimate" : "outdoor.sourced")}</summary>
                        <ul className="outdoor-sources">
                          {Object.entries(type.sources).map(([field, note]) => (
                            <li key={field}>
                              {t(`outdoor.source.${field}` as "outdoor.source.weight")}: {note}
                            </li>
                          ))}
                        </ul>
                      </details>
                    </td>
                    {isAdmin && (
                      <td>
                        <button
                          type="button"
                          className="button button-small"
                          aria-expanded={editing === type.id}
                          aria-label={t("outdoor.editTypeNamed", { type: type.names[lang] })}
                          onClick={() => setEditing((e) => (e === type.id ? null : type.id))}
                        >
                          {t("outdoor.edit")}
                        </button>
                      </td>
                    )}
                  </tr>
                  {editing === type.id && (
                    <tr>
                      <td colSpan={columns}>
                        <TypeForm type={type} tr={tr} onDone={() => setEditing(null)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
