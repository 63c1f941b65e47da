import type { DistanceMatrix, DistanceMode } from "../../core/haul/distance-matrix";
import type { MatrixCache } from "../../core/haul/matrix-cache";
import type { Queryable } from "../db/database";

/** A cached matrix, or undefined; a hit marks the row as used so pruning keeps it. */
export async function getCachedMatrix(db: Queryable, key: string): Promise<DistanceMatrix | undefined> {
  const rows = await db.query<{ matrix: DistanceMatrix }>("update distance_cache set used_at = now() where key = $1 returning matrix", [key]);
  return rows[0]?.matrix;
}

/** Stores (or replaces) the matrix under its key. */
export async function putCachedMatrix(
  db: Queryable,
  key: string,
  { mode, networkVersion }: { mode: DistanceMode; networkVersion: string },
  matrix: DistanceMatrix,
): Promise<void> {
  await db.query(
    `insert into distance_cache (key, mode, network_version, from_count, to_count, matrix)
     values ($1, $2, $3, $4, $5, $6::jsonb)
     on conflict (key) do update set matrix = excluded.matrix, created_at = now(), used_at = now()`,
    [key, mode, networkVersion, matrix.from.length, matrix.to.length, JSON.stringify(matrix)],
  );
}

/** Removes matrices not used for `unusedDays` days; returns how many. */
export async function pruneMatrixCache(db: Queryable, { unusedDays = 30 }: { unusedDays?: number } = {}): Promise<number> {
  const rows = await db.query<{ n: number }>(
    "with gone as (delete from distance_cache where used_at < now() - make_interval(days => $1) returning 1) select count(*)::int as n from gone",
    [unusedDays],
  );
  return rows[0]?.n ?? 0;
}

/** The database table as the core's asynchronous `MatrixCache` port. */
export function databaseMatrixCache(db: Queryable): MatrixCache {
  return {
    get: (key) => getCachedMatrix(db, key),
    set: (key, matrix) => {
      // The key starts "mode:networkVersion:", see matrixCacheKey.
      const [mode, networkVersion = ""] = key.split(":", 2) as [DistanceMode, string?];
      return putCachedMatrix(db, key, { mode, networkVersion }, matrix);
    },
  };
}
