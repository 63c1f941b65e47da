/**
 * The catalogue of outdoor material types (issue #8, part 1): reusable items such as kerbs, paving,
 * pipes and benches, each with its unit, weight, storage footprint with the stacking it assumes,
 * whether it needs cover, handling effort and the CO2e of buying it new.
 *
 * The defaults ship as data, `data/outdoor-materials/catalogue.json`; `SOURCES.md` beside it names
 * the source of every figure or marks it as an estimate. Admins add and edit types through the API;
 * their edits are stored in the database and laid over the shipped list (see `catalogueInForce`).
 */
import { z } from "zod";
import { keyedRegex } from "../messages/zod-issues";
import catalogueJson from "../../../data/outdoor-materials/catalogue.json";
import { multiLineText, singleLineText } from "../domain/input-bounds";

/** Units an outdoor material is counted in: pieces, metres, m², tonnes or m³. */
export const outdoorUnits = ["pieces", "m", "m2", "tonnes", "m3"] as const;
export type OutdoorUnit = (typeof outdoorUnits)[number];

/** A type id: lower-case snake_case, stable, used in lots and CSV files ("granite_kerb"). */
export const outdoorTypeIdSchema = keyedRegex(/^[a-z][a-z0-9_]*$/, "validation.typeId").max(60, "must be at most 60 characters");

const text = (max: number) => singleLineText().trim().min(1, "must not be empty").max(max);
const minutes = z.number().nonnegative("must not be negative").max(600, "must be at most 600 person-minutes per unit");

/** A type's fields as an admin writes them (POST without `id` in the path, PUT without `id`). */
export const outdoorMaterialTypeFieldsSchema = z.object({
  names: z.object({ nb: text(120), en: text(120) }),
  unit: z.enum(outdoorUnits),
  /** Typical weight of one unit, tonnes. */
  weightTonnesPerUnit: z.number().positive("must be > 0").max(100, "must be at most 100 t per unit"),
  storage: z.object({
    /** Ground one unit takes in a single layer, m² (before stacking). */
    m2PerUnitOneLayer: z.number().positive("must be > 0").max(1000, "must be at most 1000 m² per unit"),
    /** How many layers high the units are stacked; the footprint as stored is m2PerUnitOneLayer ÷ layers. */
    layers: z.number().int("must be a whole number").min(1, "must be at least 1").max(20, "must be at most 20"),
    /** The stacking the footprint assumes, in words: "laid on its side on timber battens, stacked 3 high". */
    stacking: text(300),
  }),
  /** True when the items must be stored under roof (timber, benches with timber slats …). */
  needsCover: z.boolean(),
  handling: z.object({
    /** Person-minutes per unit to receive it: unload, check, register, stack. */
    receivePersonMinutesPerUnit: minutes,
    /** Person-minutes per unit to issue it: pick, load, register. */
    issuePersonMinutesPerUnit: minutes,
  }),
  newMaterial: z.object({
    /** kg CO2e of buying one unit new, cradle to gate (EN 15804 A1–A3), transport not included. */
    kgCO2ePerUnit: z.number().nonnegative("must not be negative").max(1_000_000),
  }),
  /** Where each default comes from: "estimate: <basis>" or a reference ("ref:<key> …"). */
  sources: z
    .object({
      weight: text(500),
      footprint: text(500),
      handling: text(500),
      kgCO2e: text(500),
    })
    .default({ weight: "estimate", footprint: "estimate", handling: "estimate", kgCO2e: "estimate" }),
  notes: multiLineText().max(2000).default(""),
});
export type OutdoorMaterialTypeFields = z.infer<typeof outdoorMaterialTypeFieldsSchema>;

export const outdoorMaterialTypeSchema = outdoorMaterialTypeFieldsSchema.extend({ id: outdoorTypeIdSchema });
export type OutdoorMaterialType = z.infer<typeof outdoorMaterialTypeSchema>;

/** A source note is honest when it says "estimate", "by definition", or names a listed reference. */
const sourcePattern = /^(estimate\b|by definition\b|ref:([a-z0-9-]+))/;

/** The shipped file: version, references cited by key, and the types. */
export const outdoorCatalogueSchema = z
  .object({
    $comment: z.array(z.string()).optional(),
    version: z.literal(1),
    references: z.record(z.string().regex(/^[a-z0-9-]+$/), z.string().min(1)),
    types: z.array(outdoorMaterialTypeSchema).min(1),
  })
  .superRefine((catalogue, ctx) => {
    const ids = new Set<string>();
    catalogue.types.forEach((type, index) => {
      if (ids.has(type.id)) ctx.addIssue({ code: "custom", path: ["types", index, "id"], message: `repeats id "${type.id}"` });
      ids.add(type.id);
      for (const [field, note] of Object.entries(type.sources)) {
        const match = sourcePattern.exec(note);
        const key = match?.[2];
        if (!match || (key !== undefined && !(key in catalogue.references))) {
          ctx.addIssue({
            code: "custom",
            path: ["types", index, "sources", field],
            message: key ? `names the reference "${key}", which is not in references` : 'must start with "estimate", "by definition" or "ref:<key>"',
          });
        }
      }
    });
  });
export type OutdoorCatalogue = z.infer<typeof outdoorCatalogueSchema>;

/** The shipped catalogue (`data/outdoor-materials/catalogue.json`), validated once at load. */
export const shippedOutdoorCatalogue: OutdoorCatalogue = outdoorCatalogueSchema.parse(catalogueJson);

/**
 * The storage footprint of one unit as stored, m²: the single-layer area divided by the number of
 * layers. Granite kerb: 0.1 m² per metre ÷ 3 layers = 0.0333 m² per metre.
 */
export const footprintM2PerUnit = (type: Pick<OutdoorMaterialType, "storage">): number =>
  type.storage.m2PerUnitOneLayer / type.storage.layers;

/**
 * Storage area a quantity needs, m²: quantity × footprint per unit as stored.
 * Worked example (issue #8): 600 m of granite kerb × (0.1 m² per metre ÷ 3 layers) = 20 m².
 */
export const storageAreaM2 = (type: Pick<OutdoorMaterialType, "storage">, quantity: number): number =>
  // Multiply before dividing, so 600 × 0.1 / 3 is exactly 20 rather than 600 × 0.0333….
  (quantity * type.storage.m2PerUnitOneLayer) / type.storage.layers;

/** Weight of a quantity, tonnes. */
export const weightTonnes = (type: Pick<OutdoorMaterialType, "weightTonnesPerUnit">, quantity: number): number =>
  quantity * type.weightTonnesPerUnit;

/** Where a type in force comes from: shipped as is, shipped and edited by an admin, or added by one. */
export type OutdoorTypeOrigin = OutdoorMaterialTypeRecord["origin"];

/** An admin's stored type: its fields and the version they are at. */
export interface StoredOutdoorType {
  id: string;
  fields: OutdoorMaterialTypeFields;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** A type in force, as GET /api/outdoor-materials/types lists it. */
export const outdoorMaterialTypeRecordSchema = outdoorMaterialTypeSchema.extend({
  /** Derived: m2PerUnitOneLayer ÷ layers, m² per unit as stored. */
  footprintM2PerUnit: z.number(),
  origin: z.enum(["catalogue", "edited", "added"]),
  /** Shipped types start at version 1; each admin edit adds one. */
  version: z.number().int(),
  /** ISO time and actor of the last admin edit; null for a type as shipped. */
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type OutdoorMaterialTypeRecord = z.infer<typeof outdoorMaterialTypeRecordSchema>;

/**
 * The types in force: the shipped list with the admins' stored types laid over it (a stored type
 * with a shipped id replaces it; others are added), shipped order first, then added types by id.
 */
export function catalogueInForce(
  stored: readonly StoredOutdoorType[],
  { shipped = shippedOutdoorCatalogue }: { shipped?: OutdoorCatalogue } = {},
): OutdoorMaterialTypeRecord[] {
  const byId = new Map(stored.map((row) => [row.id, row]));
  const shippedIds = new Set(shipped.types.map((type) => type.id));
  const record = (id: string, fields: OutdoorMaterialTypeFields, origin: OutdoorTypeOrigin, row?: StoredOutdoorType): OutdoorMaterialTypeRecord => ({
    id,
    ...fields,
    footprintM2PerUnit: footprintM2PerUnit(fields),
    origin,
    version: row?.version ?? 1,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  });
  const fromShipped = shipped.types.map(({ id, ...fields }) => {
    const row = byId.get(id);
    return row ? record(id, row.fields, "edited", row) : record(id, fields, "catalogue");
  });
  const added = stored
    .filter((row) => !shippedIds.has(row.id))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((row) => record(row.id, row.fields, "added", row));
  return [...fromShipped, ...added];
}
