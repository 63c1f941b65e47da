/**
 * The contract of a zoning import (`POST /api/zoning/import`, DESIGN §7): what was imported, what
 * was skipped and why, the plans it touched, and what the reader noticed on the way.
 */
import { z } from "zod";
import { apiErrorSchema } from "../domain/api-error";

/** An object that was not imported, and why, in words a planner can act on. */
export const skippedObjectSchema = z.object({ object: z.string(), reason: z.string() });
export type SkippedObject = z.infer<typeof skippedObjectSchema>;

/** The answer of `POST /api/zoning/import` (201 after an import, 200 for `dryRun=true`). */
export const zoningImportSummarySchema = z.object({
  imported: z.number().int(),
  skipped: z.array(skippedObjectSchema),
  planIds: z.array(z.string()),
  sourceCrs: z.string(),
  warnings: z.array(z.string()),
  /** Objects that are not land-use areas, counted by object type. */
  ignored: z.record(z.string(), z.number()),
  /** Valid land-use areas found in the file. */
  found: z.number().int(),
  /** Valid hazard and protection zones found in the file (issue 17). */
  zonesFound: z.number().int(),
  /** Hazard and protection zones imported (0 for a dry run). */
  zonesImported: z.number().int(),
});
export type ZoningImportSummary = z.infer<typeof zoningImportSummarySchema>;

/** 400 `invalid_objects`: the error, with the summary beside it so the client can list what is wrong. */
export const zoningImportRefusalSchema = apiErrorSchema.extend(zoningImportSummarySchema.shape);
