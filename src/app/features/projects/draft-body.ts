/**
 * From the draft (text as typed) to the API's request bodies, validated with the same zod schemas
 * the server uses, so the user sees every problem beside its field before anything is sent.
 */
import { referenceMaterialProperties, toTonnes, type Material, type MaterialProperties } from "../../../core/domain/materials";
import {
  isLargeLot,
  largeLotProblem,
  lotUpdateSchema,
  projectCreateSchema,
  projectUpdateSchema,
  type LotUpdate,
  type ProjectCreate,
  type ProjectUpdate,
} from "../../../core/domain/registry-api";
import { lotInputSchema, type LotInput } from "../../../core/domain/records";
import type { LocationGeometry } from "../../../core/geo/geometry";
import type { Message } from "../../api/failure-message";
import { checkCoordinates, parseTypedNumber, type CoordinateHint } from "./coordinates";
import type { LotDraft, ProjectDraft } from "./draft";
import { fieldErrorsOf, type FieldErrors } from "../../i18n/field-errors";

export type MaterialTable = Readonly<Record<Material, MaterialProperties>>;

/** A lot body as sent: the input, with `confirmLarge: true` when the user confirmed a huge quantity. */
export type LotBody = LotInput;

/** Where a lot's errors live among the form's errors. */
export const lotPrefix = (key: string) => `lots.${key}.`;

/** The location as GeoJSON, or why not (errors keyed "location.x", "location.y", "location"), and a hint. */
export function locationOf(draft: ProjectDraft): { geometry: LocationGeometry | null; errors: Record<string, Message>; hint?: CoordinateHint } {
  const location = draft.location;
  if (location.kind === "area") return { geometry: location.geometry, errors: {} };
  const check = checkCoordinates(location.crs, location.x, location.y);
  if (check.ok) return { geometry: { type: "Point", coordinates: check.lonLat }, errors: {} };
  const errors: Record<string, Message> = {};
  if (check.errors.x) errors["location.x"] = { key: check.errors.x };
  if (check.errors.y) errors["location.y"] = { key: check.errors.y };
  if (check.errors.position) errors.location = { key: check.errors.position };
  return { geometry: null, errors, ...(check.hint ? { hint: check.hint } : {}) };
}

/**
 * The project's body for POST (no id yet) or PUT (with the version), or its field errors.
 * @param includeMembers - only owners, planners and admins may set the members
 */
export function projectBody(
  draft: ProjectDraft,
  { includeMembers = true }: { includeMembers?: boolean } = {},
): { body: ProjectCreate | ProjectUpdate | null; errors: Record<string, Message> } {
  const location = locationOf(draft);
  const candidate = {
    name: draft.name,
    status: draft.status,
    // A placeholder keeps the schema checking the other fields; the coordinate check said what is wrong.
    location: location.geometry ?? { type: "Point", coordinates: [10.5, 59.8] },
    contact: draft.contact,
    notes: draft.notes,
    ...(includeMembers ? { members: draft.members } : {}),
    ...(draft.id !== null && draft.version !== null ? { version: draft.version } : {}),
  };
  const schema = draft.id === null ? projectCreateSchema : projectUpdateSchema;
  const parsed = schema.safeParse(candidate);
  const errors = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error.issues)), ...location.errors };
  if (!location.geometry || !parsed.success) return { body: null, errors };
  return { body: parsed.data, errors };
}

/** The tonnes of a lot as typed so far, or null while the quantity, unit or material is not usable. */
export function lotTonnes(lot: Pick<LotDraft, "quantity" | "unit" | "material">, table: MaterialTable = referenceMaterialProperties): number | null {
  const value = parseTypedNumber(lot.quantity);
  if (value === undefined || !(value > 0) || lot.material === "") return null;
  return toTonnes(value, lot.unit, lot.material, table);
}

/** Monthly shares as typed ("1 2 1", "1|2|1", "1; 2; 1"), or undefined when left empty, or "bad". */
export function parseProfile(text: string): number[] | undefined | "bad" {
  if (text.trim() === "") return undefined;
  const shares = text
    .trim()
    .split(/[\s|;]+/)
    .map((part) => parseTypedNumber(part));
  return shares.some((share) => share === undefined) ? "bad" : (shares as number[]);
}

/** One lot's body for POST (new) or PUT (with its version), or its field errors keyed under "lots.<key>.". */
export function lotBody(lot: LotDraft, table: MaterialTable = referenceMaterialProperties): { body: LotBody | LotUpdate | null; errors: Record<string, Message>; tonnes: number | null } {
  const prefix = lotPrefix(lot.key);
  const errors: Record<string, Message> = {};
  const value = parseTypedNumber(lot.quantity);
  if (value === undefined) errors[`${prefix}quantity.value`] = { key: lot.quantity.trim() === "" ? "validation.required" : "validation.number" };
  const profile = parseProfile(lot.profile);
  if (profile === "bad") errors[`${prefix}monthlyProfile`] = { key: "validation.profileNumbers" };
  const candidate = {
    direction: lot.direction,
    material: lot.material,
    contaminationClass: lot.contaminationClass === "" ? undefined : Number(lot.contaminationClass),
    quantity: { value: value ?? 1, unit: lot.unit },
    window: { from: lot.from, to: lot.to },
    ...(profile && profile !== "bad" ? { monthlyProfile: profile } : {}),
    hazardous: lot.hazardous,
    notes: lot.notes,
    ...(lot.id !== null && lot.version !== null ? { version: lot.version } : {}),
  };
  const parsed = lot.id === null ? lotInputSchema.safeParse(candidate) : lotUpdateSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const [path, message] of Object.entries(fieldErrorsOf(parsed.error.issues, prefix))) errors[path] ??= message;
  }
  const tonnes = lotTonnes(lot, table);
  const large = tonnes === null ? undefined : largeLotProblem(tonnes, lot.confirmLarge);
  if (large) errors[`${prefix}quantity.value`] ??= large;
  if (!parsed.success || Object.keys(errors).length > 0) return { body: null, errors, tonnes };
  const body = tonnes !== null && isLargeLot(tonnes) ? { ...parsed.data, confirmLarge: true } : parsed.data;
  return { body, errors, tonnes };
}

export interface ValidatedDraft {
  project: ProjectCreate | ProjectUpdate | null;
  lots: ReadonlyMap<string, LotBody | LotUpdate>;
  errors: FieldErrors;
}

/** Every body of the draft, or every problem with it. */
export function validateDraft(
  draft: ProjectDraft,
  { table = referenceMaterialProperties, includeMembers = true }: { table?: MaterialTable; includeMembers?: boolean } = {},
): ValidatedDraft {
  const project = projectBody(draft, { includeMembers });
  const lots = new Map<string, LotBody | LotUpdate>();
  let errors: Record<string, Message> = { ...project.errors };
  for (const lot of draft.lots) {
    const result = lotBody(lot, table);
    if (result.body) lots.set(lot.key, result.body);
    errors = { ...errors, ...result.errors };
  }
  return { project: project.body, lots, errors };
}

/** The first field path with an error, in the order the form shows them (to move focus there). */
export function firstErrorPath(draft: ProjectDraft, errors: FieldErrors): string | undefined {
  const order = [
    "name",
    "status",
    "location.x",
    "location.y",
    "location",
    "contact",
    "notes",
    "members",
    ...draft.lots.flatMap((lot) =>
      ["direction", "material", "contaminationClass", "hazardous", "quantity.value", "quantity.unit", "window.from", "window.to", "monthlyProfile", "notes"].map(
        (field) => lotPrefix(lot.key) + field,
      ),
    ),
  ];
  return order.find((path) => path in errors) ?? Object.keys(errors)[0];
}
