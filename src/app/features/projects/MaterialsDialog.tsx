/**
 * The conversion table in force (admins): bulk density and swell per material, used to turn
 * every quantity into tonnes. Each row is validated with the shared schema and saved on its own
 * (`PUT /api/materials/:material`); the reference values of DESIGN §5 are shown beside it.
 */
import { useState } from "react";
import { materials, referenceMaterialProperties, type Material, type MaterialProperties } from "../../../core/domain/materials";
import { materialPropertiesSchema } from "../../../core/domain/registry-api";
import { updateMaterial } from "../../api/client";
import { failureMessage, type Message } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { materialTable } from "../../state/registry-slice";
import { useAppStore } from "../../state/store";
import { Dialog } from "../../ui/Dialog";
import { parseTypedNumber } from "./typed-number";
import { fieldErrorsOf, fieldErrorsOfServer, type FieldErrors } from "../../i18n/field-errors";
import { reloadProjects } from "./project-actions";

const fields = ["densityTonnesPerM3InPlace", "swellInPlaceToLoose", "compactedPerInPlace"] as const satisfies readonly (keyof MaterialProperties)[];
type Texts = Record<(typeof fields)[number], string>;

const textsOf = (p: MaterialProperties): Texts => ({
  densityTonnesPerM3InPlace: String(p.densityTonnesPerM3InPlace),
  swellInPlaceToLoose: String(p.swellInPlaceToLoose),
  compactedPerInPlace: String(p.compactedPerInPlace),
});

/** A row's typed values as a body, or its errors (keyed by field). */
export function materialBody(texts: Texts): { body: MaterialProperties | null; errors: FieldErrors } {
  const numbers = Object.fromEntries(fields.map((f) => [f, parseTypedNumber(texts[f]) ?? Number.NaN]));
  const parsed = materialPropertiesSchema.safeParse(numbers);
  return parsed.success ? { body: parsed.data, errors: {} } : { body: null, errors: fieldErrorsOf(parsed.error.issues) };
}

function MaterialRow({ material }: { material: Material }) {
  const { t, num } = useT();
  const rows = useAppStore((s) => s.registry.materials);
  const setMaterials = useAppStore((s) => s.setMaterials);
  const current = materialTable(rows)[material];
  const [texts, setTexts] = useState<Texts>(() => textsOf(current));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Message | null>(null);
  const [saving, setSaving] = useState(false);
  const name = t(`material.${material}`);
  const reference = referenceMaterialProperties[material];

  const save = async () => {
    setOutcome(null);
    const { body, errors: invalid } = materialBody(texts);
    setErrors(invalid);
    if (!body) return;
    setSaving(true);
    const result = await updateMaterial(material, body);
    setSaving(false);
    if (!result.ok) {
      setErrors(fieldErrorsOfServer(result.failure.fields));
      setOutcome(result.failure.status === 403 ? { key: "form.forbidden" } : failureMessage(result.failure));
      return;
    }
    const others = (rows ?? []).filter((row) => row.material !== material);
    setMaterials([...others, result.value]);
    setOutcome({ key: "materials.saved" });
    // Tonnes are computed with the table in force: every list and the map change with it.
    await reloadProjects();
  };

  return (
    <tr>
      <th scope="row">{name}</th>
      {fields.map((field) => {
        const error = errors[field];
        const errorId = `material-${material}-${field}-error`;
        return (
          <td key={field}>
            <input
              className="table-input"
              inputMode="decimal"
              aria-label={t(`materials.${field}.of`, { material: name })}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              value={texts[field]}
              onChange={(e) => setTexts({ ...texts, [field]: e.target.value })}
            />
            <span className="field-hint"> {t("materials.reference", { value: num(reference[field], 2) })}</span>
            {error && (
              <p id={errorId} className="field-error">
                {t(error.key, error.params)}
              </p>
            )}
          </td>
        );
      })}
      <td>
        <button type="button" className="button button-small" disabled={saving} aria-busy={saving} onClick={() => void save()}>
          {t("materials.save", { material: name })}
        </button>
        {outcome && (
          <p className={outcome.key === "materials.saved" ? "field-hint" : "field-error"} role="status">
            {t(outcome.key, outcome.params)}
          </p>
        )}
      </td>
    </tr>
  );
}

export function MaterialsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  return (
    <Dialog title={t("materials.title")} closeLabel={t("details.close")} onClose={onClose} className="materials-dialog">
      <p className="field-hint">{t("materials.intro")}</p>
      <div className="table-scroll">
        <table className="lots-table materials-table">
          <caption>{t("materials.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("lots.material")}</th>
              {fields.map((field) => (
                <th scope="col" key={field}>
                  {t(`materials.${field}`)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t("materials.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {materials.map((material) => (
              <MaterialRow key={material} material={material} />
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
