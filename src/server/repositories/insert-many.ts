import type { Queryable } from "../db/database";

/**
 * One multi-row `insert … values (…), (…)` for `items`: `tuple` writes one item's parenthesised
 * values, numbering its parameters through `p`. Callers keep batches small enough for the
 * parameter limit (65,535) and for a statement to stay short (issue 12: imports must not stall).
 */
export async function insertMany<T, Row = Record<string, unknown>>(
  db: Queryable,
  head: string,
  items: readonly T[],
  tuple: (item: T, p: (value: unknown) => string) => string,
  tail = "",
): Promise<Row[]> {
  if (items.length === 0) return [];
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const values = items.map((item) => tuple(item, p)).join(", ");
  return db.query<Row>(`${head} values ${values} ${tail}`, params);
}
