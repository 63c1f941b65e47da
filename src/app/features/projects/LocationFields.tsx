/**
 * The project's location: picked on the map, or typed as coordinates in WGS84 (lon, lat) or
 * EPSG:25832 (east, north). Problems show beside the inputs, with a one-click fix for the usual
 * mistakes (swapped numbers, UTM metres typed as degrees).
 */
import type { Translator } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { Field, fieldDomId } from "../../ui/Field";
import { formCrsList, textsForCrsChange, type CoordinateHint, type FormCrs } from "./coordinates";
import { withLocation, type LocationDraft } from "./draft";
import type { FieldErrors } from "../../i18n/field-errors";

/** The location-level error: "location" itself or a schema path below it, not the x/y inputs' own. */
export function locationError(errors: FieldErrors): FieldErrors[string] | undefined {
  if (errors.location) return errors.location;
  const below = Object.keys(errors).find((p) => p.startsWith("location.") && p !== "location.x" && p !== "location.y");
  return below ? errors[below] : undefined;
}

export function LocationFields({
  location,
  errors,
  hint,
  picking,
  tr,
}: {
  location: LocationDraft;
  errors: FieldErrors;
  hint: CoordinateHint | undefined;
  picking: boolean;
  tr: Translator;
}) {
  const { t } = tr;
  const editDraft = useAppStore((s) => s.editDraft);
  const updateEditor = useAppStore((s) => s.updateEditor);
  const crs: FormCrs = location.kind === "point" ? location.crs : "EPSG:25832";
  const x = location.kind === "point" ? location.x : "";
  const y = location.kind === "point" ? location.y : "";
  const degrees = crs === "EPSG:4326";
  const message = (path: string) => {
    const m = errors[path];
    return m ? t(m.key, m.params) : undefined;
  };
  const whole = locationError(errors);
  const wholeId = `${fieldDomId("location")}-error`;

  const setPoint = (next: { crs?: FormCrs; x?: string; y?: string }, change: string | null) =>
    editDraft((h) => withLocation(h, { kind: "point", crs: next.crs ?? crs, x: next.x ?? x, y: next.y ?? y }, change));

  const applyFix = () => {
    if (!hint?.fix) return;
    if (hint.fix.kind === "swap") setPoint({ x: y, y: x }, null);
    else setPoint({ crs: hint.fix.crs }, null);
  };

  return (
    <fieldset className="location-fields" aria-describedby={whole ? wholeId : undefined}>
      <legend>{t("form.location")}</legend>
      {location.kind === "area" && <p className="field-hint">{t("form.locationArea")}</p>}
      <div className="form-grid form-grid-location">
        <Field path="location.crs" label={t("form.crs")}>
          {(control) => (
            <select
              {...control}
              value={crs}
              onChange={(e) => {
                const next = e.target.value as FormCrs;
                setPoint({ crs: next, ...textsForCrsChange(crs, next, x, y) }, null);
              }}
            >
              {formCrsList.map((c) => (
                <option key={c} value={c}>
                  {t(c === "EPSG:4326" ? "form.crs.4326" : "form.crs.25832")}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path="location.x" label={t(degrees ? "form.lon" : "form.east")} error={message("location.x")}>
          {(control) => (
            <input
              {...control}
              inputMode="decimal"
              autoComplete="off"
              value={x}
              onChange={(e) => setPoint({ x: e.target.value }, "location:x")}
            />
          )}
        </Field>
        <Field path="location.y" label={t(degrees ? "form.lat" : "form.north")} error={message("location.y")}>
          {(control) => (
            <input
              {...control}
              inputMode="decimal"
              autoComplete="off"
              value={y}
              onChange={(e) => setPoint({ y: e.target.value }, "location:y")}
            />
          )}
        </Field>
      </div>
      <div className="location-actions">
        <button
          type="button"
          className="button button-small"
          aria-pressed={picking}
          onClick={() => updateEditor((e) => ({ ...e, picking: !e.picking }))}
        >
          <span className="pin-icon" aria-hidden="true" />
          {t("form.pickOnMap")}
        </button>
        {picking && (
          <p className="pick-hint" role="status">
            {t("pick.hint")}
          </p>
        )}
      </div>
      {whole && (
        <div id={wholeId} className="field-error location-error">
          <p>
            {t(whole.key, whole.params)}
            {hint && hint.key !== whole.key && <> {t(hint.key)}</>}
          </p>
          {hint?.fix && (
            <button type="button" className="button button-small" onClick={applyFix}>
              {hint.fix.kind === "swap" ? t("coords.fix.swap") : t("coords.fix.useCrs", { crs: hint.fix.crs })}
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
