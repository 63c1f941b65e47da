import type { Context } from "hono";
import type { Database, Queryable } from "../db/database";

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
  what: string,
  current: { version: number; updatedAt: string; updatedBy: string | null },
): Response {
  const by = current.updatedBy ? ` by ${current.updatedBy}` : "";
  return c.json(
    {
      error: {
        code: "version_conflict",
        message: `The ${what} was changed${by} at ${current.updatedAt} since you loaded it (now version ${current.version}); reload it and apply your change again.`,
        fields: [],
      },
      current,
    },
    409,
  );
}
