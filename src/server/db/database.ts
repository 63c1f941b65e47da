/**
 * One SQL dialect (PostgreSQL), two back ends: PGlite embedded in a folder, or a real server
 * through `pg` when DATABASE_URL is set. Everything above this file sees only `Database`.
 */
export interface Queryable {
  /** Runs one parameterised statement ($1, $2 …) and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `work` in one transaction: all of it is saved, or none of it. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** A start-up failure with one sentence for the operator, naming the cause and the setting. */
export class StartupError extends Error {
  override readonly name = "StartupError";
}
