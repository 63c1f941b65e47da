import type { Context } from "hono";
import { apiError } from "../../core/domain/api-error";
import { message } from "../../core/messages/message";
import type { Database, Queryable } from "../db/database";
import { fail } from "../http";

/** Thrown inside a transaction to roll it back and answer with `response`. */
export class Refusal extends Error {
  constructor(readonly response: Response) {
    super("refused");
  }
}

/** Runs `work` in a transaction; a Refusal rolls it back and becomes the answer. */
export async function inTransaction<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T | Response> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (error instanceof Refusal) return error.response;
    throw error;
  }
}

/** 409 for a PUT based on a stale version: the error shape plus the record as it is now. */
export function versionConflict(
  c: Context,
  entity: VersionedEntity,
  current: { version: number; updatedAt: string; updatedBy: string | null },
): Response {
  const at = current.updatedAt;
  const m = current.updatedBy
    ? message("error.versionConflictBy", { entity, by: current.updatedBy, at, version: current.version })
    : message("error.versionConflict", { entity, at, version: current.version });
  return c.json({ ...apiError("version_conflict", m), current }, 409);
}

/** What a `versionConflict` names, as the audit log names it. */
export type VersionedEntity = "project" | "lot" | "site" | "scenario" | "outdoor_lot" | "outdoor_material_type" | "user" | "load";

/** 404 for a record that does not exist (or is deleted). */
export const notFound = (c: Context, entity: VersionedEntity, id: string): Response =>
  fail(c, 404, "not_found", message("error.notFound", { entity, id }));

/** 404 for a restore of a record that is not deleted. */
export const notFoundDeleted = (c: Context, entity: VersionedEntity, id: string): Response =>
  fail(c, 404, "not_found", message("error.notFoundDeleted", { entity, id }));
