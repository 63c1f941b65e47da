/**
 * Building blocks of the API's contracts, shared by every route: list answers, the answer to a stale
 * version, comma-separated query lists. The contracts themselves live beside their records
 * (`domain/records.ts`, `scenario/scenario.ts` …); `routes.ts` names them per route.
 */
import { z } from "zod";
import { apiErrorSchema } from "../domain/api-error";

/** A list answer: `{ "items": [...] }` (every list route, README changelog 0.1.0). */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The answer to a PUT whose version is stale: the error shape plus the record as it is now (409). */
export const versionConflictOf = <T extends z.ZodType>(record: T) => apiErrorSchema.extend({ current: record });
export type VersionConflict<T> = z.infer<typeof apiErrorSchema> & { current: T };

/** A query parameter holding a comma-separated list: "rock,clay_silt". */
export const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").map((part) => part.trim()).filter(Boolean) : value),
    z.array(item).min(1, "must list at least one value"),
  );

/** A version a PUT was based on. */
export const versionSchema = z.number().int().positive("must be a positive whole number");

/** `GET /api/health`. */
export const healthSchema = z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) });
