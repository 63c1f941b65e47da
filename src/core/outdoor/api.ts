/**
 * Request and response shapes of the outdoor-materials API (issue #8), shared by the server and the
 * client so they cannot drift apart. Routes:
 *
 * - `GET /api/outdoor-materials/types` → `{ items: OutdoorMaterialTypeRecord[] }`;
 *   `POST …/types` (`outdoorTypeCreateSchema`) and `PUT …/types/:id` (`outdoorTypeUpdateSchema`), admin.
 * - `GET/POST /api/projects/:id/outdoor-lots`, `GET /api/outdoor-lots` (`outdoorLotQuerySchema`),
 *   `GET/PUT/DELETE /api/outdoor-lots/:id`, `POST /api/outdoor-lots/:id/restore` (admin).
 * - `GET /api/outdoor-lots/export.csv`, `POST /api/outdoor-lots/import[?dryRun=true]` → `OutdoorLotImportReport`.
 * - `GET /api/outdoor-materials/plan` (`outdoorPlanQuerySchema`) → `StoragePlan`.
 * - `GET /api/outdoor-lots/:id/suggestions` → `OutdoorSuggestionsResponse`;
 *   `GET /api/outdoor-materials/matches` → `OutdoorMatchResult`.
 */
import { z } from "zod";
import type { CsvRowError, VersionConflict } from "../domain/registry-api";
import { multiLineText, singleLineText } from "../domain/input-bounds";
import { monthSchema } from "../domain/records";
import { outdoorMaterialTypeFieldsSchema, outdoorTypeIdSchema, type OutdoorUnit } from "./catalogue";
import type { StorageChoice } from "./lots";
import type { OutdoorSuggestion } from "./matching";

export type { OutdoorMaterialType, OutdoorMaterialTypeFields, OutdoorMaterialTypeRecord, OutdoorUnit } from "./catalogue";
export type { StoragePlan } from "./storage-plan";
export type { OutdoorMatchResult, OutdoorSuggestion } from "./matching";

const version = z.number().int().positive("must be a positive whole number");

/** POST /api/outdoor-materials/types (admin): a new type with a new id. */
export const outdoorTypeCreateSchema = outdoorMaterialTypeFieldsSchema.extend({ id: outdoorTypeIdSchema });
/** PUT /api/outdoor-materials/types/:id (admin): the type's fields and the version they were based on. */
export const outdoorTypeUpdateSchema = outdoorMaterialTypeFieldsSchema.extend({ version });
export type OutdoorTypeCreate = z.infer<typeof outdoorTypeCreateSchema>;
export type OutdoorTypeUpdate = z.infer<typeof outdoorTypeUpdateSchema>;

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

/** What a client sends to create or update an outdoor-material lot. */
export const outdoorLotInputSchema = z
  .object({
    direction: z.enum(outdoorDirections),
    /** A type id of the catalogue in force ("granite_kerb"). */
    typeId: outdoorTypeIdSchema,
    /** In the type's unit (pieces, m, m², tonnes or m³). */
    quantity: z.number().positive("must be > 0").max(1_000_000_000, "must be at most 1 000 000 000"),
    condition: z.enum(outdoorConditions),
    /** Available lots: the month the items are taken out and need storage from. */
    availableFrom: monthSchema.optional(),
    /** Available lots, where known: the receiving project and the month the items leave storage. */
    wantedBy: z.object({ projectId: singleLineText().min(1, "must not be empty").max(200).optional(), month: monthSchema }).optional(),
    /** Wanted lots: the month the items are needed by. */
    neededBy: monthSchema.optional(),
    /** Available lots: the storage site chosen; without it the nearest suitable site is assumed. */
    storageSiteId: singleLineText().min(1, "must not be empty").max(200).optional(),
    notes: multiLineText().max(2000).default(""),
    /** Set by the user to confirm a weight above `largeOutdoorLotTonnes` is not a typo. */
    confirmLarge: z.boolean().optional(),
  })
  .superRefine((lot, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: path.split("."), message });
    if (lot.direction === "available") {
      if (!lot.availableFrom) problem("availableFrom", "is required for an available lot (the month it is taken out)");
      if (lot.neededBy) problem("neededBy", "is for wanted lots; an available lot gives availableFrom");
      if (lot.availableFrom && lot.wantedBy && lot.wantedBy.month < lot.availableFrom) {
        problem("wantedBy.month", `must not be before availableFrom (${lot.availableFrom})`);
      }
    } else {
      if (!lot.neededBy) problem("neededBy", "is required for a wanted lot (the month it is needed by)");
      if (lot.availableFrom) problem("availableFrom", "is for available lots; a wanted lot gives neededBy");
      if (lot.wantedBy) problem("wantedBy", "is for available lots (their receiver)");
      if (lot.storageSiteId) problem("storageSiteId", "is for available lots; a wanted lot is not stored");
    }
  });
export type OutdoorLotInput = z.infer<typeof outdoorLotInputSchema>;

/** PUT /api/outdoor-lots/:id. */
export const outdoorLotUpdateSchema = outdoorLotInputSchema.safeExtend({ version });
export type OutdoorLotUpdate = z.infer<typeof outdoorLotUpdateSchema>;

/** An outdoor lot as stored: the input, its project, version and history fields. */
export type StoredOutdoorLot = Omit<OutdoorLotInput, "confirmLarge"> & {
  id: string;
  projectId: string;
  version: number;
  /** True for illustrative demo data. */
  illustrative: boolean;
  /** ISO 8601 time of the last change, and who made it. */
  updatedAt: string;
  updatedBy: string | null;
  /** ISO 8601 time of a soft delete, else null. */
  deletedAt: string | null;
};

/** An outdoor lot as the API answers it: stored fields plus what follows from the catalogue and sites. */
export type OutdoorLot = StoredOutdoorLot & {
  /** The type's unit, which `quantity` is in. */
  unit: OutdoorUnit;
  /** quantity × the type's weight per unit, t. */
  tonnes: number;
  /** Area the lot takes when stored: quantity × m² per unit in one layer ÷ layers, m². */
  storageAreaM2: number;
  /** Where an available lot is stored: the chosen site, the nearest suitable one, or none. */
  storage: StorageChoice;
};
export type OutdoorLotConflict = VersionConflict<OutdoorLot>;

/** A query parameter holding a comma-separated list: "granite_kerb,concrete_pipe_600". */
const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").map((part) => part.trim()).filter(Boolean) : value),
    z.array(item).min(1, "must list at least one value"),
  );

/**
 * Query of GET /api/outdoor-lots (and of the CSV export): lots of these types, at this storage site
 * (chosen or nearest), of this project and direction, in use from…to (an available lot while it is
 * stored, a wanted lot in its neededBy month).
 */
export const outdoorLotQuerySchema = z
  .object({
    type: commaList(outdoorTypeIdSchema).optional(),
    siteId: z.string().min(1).optional(),
    projectId: z.string().min(1).optional(),
    direction: z.enum(outdoorDirections).optional(),
    from: monthSchema.optional(),
    to: monthSchema.optional(),
    /** Admins only: include soft-deleted lots. */
    includeDeleted: z.enum(["true", "false"]).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"] });
export type OutdoorLotQuery = z.input<typeof outdoorLotQuerySchema>;

/** Longest plan the API computes, months (20 years). */
export const maxPlanMonths = 240;

/**
 * Query of GET /api/outdoor-materials/plan. Without from/to the plan spans the lots' storage
 * months; `defaultStorageMonths` is how long a lot without a receiver month stays (default 12).
 */
export const outdoorPlanQuerySchema = z
  .object({
    from: monthSchema.optional(),
    to: monthSchema.optional(),
    defaultStorageMonths: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(120, "must be at most 120").optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"] });

/** GET /api/outdoor-lots/:id/suggestions: receiving wanted lots for one available lot, nearest first. */
export interface OutdoorSuggestionsResponse {
  lot: OutdoorLot;
  suggestions: OutdoorSuggestion[];
}

/**
 * The answer of POST /api/outdoor-lots/import (body: the CSV text; `?dryRun=true` only checks it).
 * A real import writes all rows in one transaction, or nothing when any row is bad (then 400).
 * Rows go to existing projects (by projectId, or by a unique project name).
 */
export interface OutdoorLotImportReport {
  valid: boolean;
  dryRun: boolean;
  rows: number;
  errors: CsvRowError[];
  /** What would be (or was) written, row by row. */
  preview: { row: number; projectId: string | null; project: string; lot: OutdoorLotInput; unit: OutdoorUnit | null; tonnes: number; storageAreaM2: number }[];
  created: { lots: number };
}
