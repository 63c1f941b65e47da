/**
 * What the site form's "Save" sends — pure: the draft as the API's body, validated by the shared
 * `siteInputSchema`, with errors per API field path in the user's language.
 */
import { siteInputSchema, type SiteInput } from "../../../core/domain/records";
import { fieldErrorsOf, fieldErrorsOfServer, type FieldErrors } from "../../i18n/field-errors";
import { showsField, type KindField, type SiteDraft } from "./site-draft";

/**
 * A typed number: spaces (also no-break) as thousands separators and a decimal comma allowed.
 * `undefined` for an empty field, NaN for text that is not a number.
 */
export function parseNumberText(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (compact === "") return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(compact) ? Number(compact) : Number.NaN;
}

export type SiteBodyResult = { ok: true; body: SiteInput } | { ok: false; errors: FieldErrors };

/** The API body of a draft, or the errors to show beside the fields (paths as the API names them). */
export function siteBodyOf(draft: SiteDraft): SiteBodyResult {
  const errors: Record<string, FieldErrors[string]> = {};
  const numbers: Record<string, number | undefined> = {};
  const read = (path: string, text: string) => {
    const value = parseNumberText(text);
    if (Number.isNaN(value)) errors[path] = { key: "validation.number" };
    else numbers[path] = value;
  };
  const show = (field: KindField) => showsField(draft.kind, field);
  if (show("capacityTonnes")) read("capacityTonnes", draft.capacityTonnes);
  if (show("handlingCostPerTonne")) read("handlingCostPerTonne", draft.handlingCostPerTonne);
  if (show("gateFeePerTonne")) read("gateFeePerTonne", draft.gateFeePerTonne);
  if (show("pricePerTonne")) read("pricePerTonne", draft.pricePerTonne);
  if (show("kgCO2ePerTonne")) read("kgCO2ePerTonne", draft.kgCO2ePerTonne);
  if (show("stackHeightM")) read("stackHeightM", draft.stackHeightM);
  if (show("usableShare")) read("usableShare", draft.usablePercent);
  if (show("accepts")) read("accepts.worstClass", draft.worstClass);
  if (!draft.geometry) errors.geometry = { key: "sites.form.noOutline" };

  const candidate: Record<string, unknown> = {
    ...draft.kept,
    name: draft.name,
    kind: draft.kind,
    status: draft.status,
    geometry: draft.geometry ?? undefined,
    notes: draft.notes,
  };
  for (const [path, value] of Object.entries(numbers)) {
    if (value === undefined || path === "accepts.worstClass") continue;
    candidate[path] = path === "usableShare" ? value / 100 : value;
  }
  if (show("accepts") && (draft.acceptsMaterials.length > 0 || numbers["accepts.worstClass"] !== undefined)) {
    candidate.accepts = { materials: draft.acceptsMaterials, worstClass: numbers["accepts.worstClass"] };
  }
  if (show("materials") && draft.materials.length > 0) candidate.materials = draft.materials;
  if (show("acceptsHazardous")) candidate.acceptsHazardous = draft.acceptsHazardous;
  if (draft.windowFrom.trim() !== "" || draft.windowTo.trim() !== "") {
    candidate.window = { from: draft.windowFrom.trim(), to: draft.windowTo.trim() };
  }

  const parsed = siteInputSchema.safeParse(candidate);
  if (!parsed.success) {
    // Number fields that did not parse already have their error; the schema's would only repeat it.
    for (const [path, message] of Object.entries(fieldErrorsOf(parsed.error.issues))) if (!(path in errors)) errors[path] = message;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}


/** The `fields` of a server error as the form's field errors. */
export function siteErrorsOfServer(fields: Parameters<typeof fieldErrorsOfServer>[0]): FieldErrors {
  return fieldErrorsOfServer(fields);
}

/** The form's fields top to bottom, by API path. */
const fieldOrder = [
  "name",
  "kind",
  "status",
  "geometry",
  "capacityTonnes",
  "stackHeightM",
  "usableShare",
  "accepts",
  "acceptsHazardous",
  "handlingCostPerTonne",
  "gateFeePerTonne",
  "materials",
  "pricePerTonne",
  "kgCO2ePerTonne",
  "window",
  "notes",
];

/** The path of the error highest up in the form (where focus goes after a failed save), or null. */
export function firstSiteErrorPath(errors: FieldErrors): string | null {
  const rank = (path: string) => {
    const index = fieldOrder.findIndex((field) => path === field || path.startsWith(`${field}.`));
    return index === -1 ? fieldOrder.length : index;
  };
  return Object.keys(errors).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))[0] ?? null;
}
