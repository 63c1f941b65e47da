/**
 * The outdoor-material lot (issue #8) as a record: what a client sends, what is stored and what the
 * API answers. The rules (`lots.ts`), the plan (`storage-plan.ts`), matching (`matching.ts`), the
 * CSV format (`lot-csv.ts`) and the API contracts (`api.ts`) all build on this file, and it builds on
 * none of them, so the folder has no import circle.
 */
import { z } from "zod";
import { versionSchema } from "../api/shapes";
import { multiLineText, singleLineText } from "../domain/input-bounds";
import { monthSchema } from "../domain/records";
import { message, type Message } from "../messages/message";
import { customIssue } from "../messages/zod-issues";
import { outdoorTypeIdSchema, outdoorUnits } from "./catalogue";

/**
 * `available`: the project takes the items out and offers them (like a mass lot's surplus);
 * `wanted`: the project needs such items (like a demand lot).
 */
export const outdoorDirections = ["available", "wanted"] as const;
export type OutdoorDirection = (typeof outdoorDirections)[number];

/**
 * Available lot: `reusable` as is, or `needs_repair`. Wanted lot: the worst condition it accepts
 * (`needs_repair` = also takes items that need repair), as a demand lot gives its worst class.
 */
export const outdoorConditions = ["reusable", "needs_repair"] as const;
export type OutdoorCondition = (typeof outdoorConditions)[number];

/** Above this weight a lot must be confirmed (`confirmLarge: true`): a typo guard, not a limit. */
export const largeOutdoorLotTonnes = 100_000;

/** Available lots, where known: the receiving project and the month the items leave storage. */
const wantedBySchema = z.object({ projectId: singleLineText().min(1, "must not be empty").max(200).optional(), month: monthSchema });
/** Available lots: the storage site chosen; without it the nearest suitable site is assumed. */
const storageSiteIdSchema = singleLineText().min(1, "must not be empty").max(200);

/** The fields every lot has ahead of its direction's own, in the order a lot's keys always had. */
const leadingFields = {
  /** A type id of the catalogue in force ("granite_kerb"). */
  typeId: outdoorTypeIdSchema,
  /** In the type's unit (pieces, m, m², tonnes or m³). */
  quantity: z.number().positive("must be > 0").max(1_000_000_000, "must be at most 1 000 000 000"),
  condition: z.enum(outdoorConditions),
};
const inputTrailingFields = {
  notes: multiLineText().max(2000).default(""),
  /** Set by the user to confirm a weight above `largeOutdoorLotTonnes` is not a typo. */
  confirmLarge: z.boolean().optional(),
};

/**
 * A lot as a union on `direction`, with `trailing` after the direction's own fields: an available
 * lot has `availableFrom` (the month the items are taken out and need storage from) and may have a
 * receiver (`wantedBy`) and a storage site; a wanted lot has `neededBy` (the month the items are
 * needed by) and none of those. Code that reads a month narrows on `direction` and needs no `!`.
 */
function byDirection<Trailing extends z.ZodRawShape>(trailing: Trailing) {
  return z.discriminatedUnion("direction", [
    z.object({ direction: z.literal("available"), ...leadingFields, availableFrom: monthSchema, wantedBy: wantedBySchema.optional(), storageSiteId: storageSiteIdSchema.optional(), ...trailing }),
    z.object({ direction: z.literal("wanted"), ...leadingFields, neededBy: monthSchema, ...trailing }),
  ]);
}

/** What a client may send, every direction's fields optional: the rule across them is `directionRule`. */
const outdoorLotFieldsSchema = z.object({
  direction: z.enum(outdoorDirections),
  ...leadingFields,
  availableFrom: monthSchema.optional(),
  wantedBy: wantedBySchema.optional(),
  neededBy: monthSchema.optional(),
  storageSiteId: storageSiteIdSchema.optional(),
  ...inputTrailingFields,
});

/** `inputTrailingFields` once checked: `notes` has its default by then (a pipe's second schema takes the first's output). */
const checkedTrailingFields = { notes: z.string(), confirmLarge: inputTrailingFields.confirmLarge };

/**
 * The direction's fields of any lot, each optional: how a table or CSV row holds them. A lot of
 * either direction widens to it (`const fields: OutdoorLotDirectionFields = lot`) without a cast.
 */
export type OutdoorLotDirectionFields = Pick<z.output<typeof outdoorLotFieldsSchema>, "availableFrom" | "wantedBy" | "neededBy" | "storageSiteId">;

/** Which fields a direction needs and which it must not have, each problem at its field. */
function directionRule(lot: z.output<typeof outdoorLotFieldsSchema>, ctx: z.RefinementCtx): void {
  const problem = (path: string, m: Message) => ctx.addIssue(customIssue(m, path.split(".")));
  if (lot.direction === "available") {
    if (!lot.availableFrom) problem("availableFrom", message("outdoor.availableFromRequired"));
    if (lot.neededBy) problem("neededBy", message("outdoor.neededByIsForWanted"));
    if (lot.availableFrom && lot.wantedBy && lot.wantedBy.month < lot.availableFrom) {
      problem("wantedBy.month", message("outdoor.wantedBeforeAvailable", { month: lot.availableFrom }));
    }
  } else {
    if (!lot.neededBy) problem("neededBy", message("outdoor.neededByRequired"));
    if (lot.availableFrom) problem("availableFrom", message("outdoor.availableFromIsForAvailable"));
    if (lot.wantedBy) problem("wantedBy", message("outdoor.wantedByIsForAvailable"));
    if (lot.storageSiteId) problem("storageSiteId", message("outdoor.storageSiteIsForAvailable"));
  }
}

/**
 * What a client sends to create or update an outdoor-material lot. Checked as one object and
 * `directionRule` (so every problem keeps its field and message, which a discriminated union's
 * "invalid discriminator" would not), then piped into the union, which cannot fail after the rule
 * and gives the parsed value its type `available | wanted`.
 */
export const outdoorLotInputSchema = outdoorLotFieldsSchema.superRefine(directionRule).pipe(byDirection(checkedTrailingFields));
export type OutdoorLotInput = z.infer<typeof outdoorLotInputSchema>;
/** What a client may send: any direction's fields, each optional; the answer names what its direction lacks or must not have. */
export type OutdoorLotBody = z.input<typeof outdoorLotInputSchema>;

/** PUT /api/outdoor-lots/:id. */
export const outdoorLotUpdateSchema = outdoorLotFieldsSchema
  .safeExtend({ version: versionSchema })
  .superRefine(directionRule)
  .pipe(byDirection({ ...checkedTrailingFields, version: versionSchema }));
export type OutdoorLotUpdate = z.infer<typeof outdoorLotUpdateSchema>;

/**
 * Where an available lot is stored: `explicit` when its storageSiteId names a known site, `nearest`
 * when it is the nearest suitable site to the project, `none` for wanted lots and when no site suits.
 */
export const storageChoiceSchema = z.object({ siteId: z.string().nullable(), chosen: z.enum(["explicit", "nearest", "none"]) });
export type StorageChoice = z.infer<typeof storageChoiceSchema>;

/** An outdoor lot as stored, past the direction's fields: its notes, project, version and history fields. */
const storedTrailingFields = {
  notes: inputTrailingFields.notes,
  id: z.string(),
  projectId: z.string(),
  version: z.number().int(),
  /** True for illustrative demo data. */
  illustrative: z.boolean(),
  /** ISO 8601 time of the last change, and who made it. */
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** ISO 8601 time of a soft delete, else null. */
  deletedAt: z.string().nullable(),
};

/** An outdoor lot as stored: the input, its project, version and history fields. */
export const storedOutdoorLotSchema = byDirection(storedTrailingFields);
export type StoredOutdoorLot = z.infer<typeof storedOutdoorLotSchema>;

/** An outdoor lot as the API answers it: stored fields plus what follows from the catalogue and sites. */
export const outdoorLotSchema = byDirection({
  ...storedTrailingFields,
  /** The type's unit, which `quantity` is in. */
  unit: z.enum(outdoorUnits),
  /** quantity × the type's weight per unit, t. */
  tonnes: z.number(),
  /** Area the lot takes when stored: quantity × m² per unit in one layer ÷ layers, m². */
  storageAreaM2: z.number(),
  /** Where an available lot is stored: the chosen site, the nearest suitable one, or none. */
  storage: storageChoiceSchema,
});
export type OutdoorLot = z.infer<typeof outdoorLotSchema>;
