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
import { commaList, versionSchema, type VersionConflict } from "../api/shapes";
import { csvRowErrorSchema } from "../domain/registry-api";
import { monthSchema } from "../domain/records";
import { message } from "../messages/message";
import { refineWith } from "../messages/zod-issues";
import { outdoorMaterialTypeFieldsSchema, outdoorTypeIdSchema, outdoorUnits } from "./catalogue";
import { outdoorSuggestionSchema } from "./matching";
import { outdoorDirections, outdoorLotInputSchema, outdoorLotSchema, type OutdoorLot } from "./model";

export type { OutdoorMaterialType, OutdoorMaterialTypeFields, OutdoorMaterialTypeRecord, OutdoorUnit } from "./catalogue";
export type { StoragePlan } from "./storage-plan";
export type { OutdoorMatchResult, OutdoorSuggestion } from "./matching";
export * from "./model";

const version = versionSchema;

/** POST /api/outdoor-materials/types (admin): a new type with a new id. */
export const outdoorTypeCreateSchema = outdoorMaterialTypeFieldsSchema.extend({ id: outdoorTypeIdSchema });
/** PUT /api/outdoor-materials/types/:id (admin): the type's fields and the version they were based on. */
export const outdoorTypeUpdateSchema = outdoorMaterialTypeFieldsSchema.extend({ version });
export type OutdoorTypeCreate = z.infer<typeof outdoorTypeCreateSchema>;
export type OutdoorTypeUpdate = z.infer<typeof outdoorTypeUpdateSchema>;

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
  .refine((q) => !q.from || !q.to || q.from <= q.to, refineWith(message("validation.notBeforeFrom"), ["to"]));
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
  .refine((q) => !q.from || !q.to || q.from <= q.to, refineWith(message("validation.notBeforeFrom"), ["to"]));

export type OutdoorLotConflict = VersionConflict<OutdoorLot>;

/** GET /api/outdoor-lots/:id/suggestions: receiving wanted lots for one available lot, nearest first. */
export const outdoorSuggestionsResponseSchema = z.object({ lot: outdoorLotSchema, suggestions: z.array(outdoorSuggestionSchema) });
export type OutdoorSuggestionsResponse = z.infer<typeof outdoorSuggestionsResponseSchema>;

/**
 * The answer of POST /api/outdoor-lots/import (body: the CSV text; `?dryRun=true` only checks it).
 * A real import writes all rows in one transaction, or nothing when any row is bad (then 400).
 * Rows go to existing projects (by projectId, or by a unique project name).
 */
export const outdoorLotImportReportSchema = z.object({
  valid: z.boolean(),
  dryRun: z.boolean(),
  rows: z.number().int(),
  errors: z.array(csvRowErrorSchema),
  /** What would be (or was) written, row by row. */
  preview: z.array(
    z.object({
      row: z.number().int(),
      projectId: z.string().nullable(),
      project: z.string(),
      lot: outdoorLotInputSchema,
      unit: z.enum(outdoorUnits).nullable(),
      tonnes: z.number(),
      storageAreaM2: z.number(),
    }),
  ),
  created: z.object({ lots: z.number().int() }),
});
export type OutdoorLotImportReport = z.infer<typeof outdoorLotImportReportSchema>;
