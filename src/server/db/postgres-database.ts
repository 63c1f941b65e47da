import type pg from "pg";
import { StartupError, type Database, type Queryable } from "./database";
import { describe } from "./pglite-database";

/** Connects to a PostgreSQL server; fails with a sentence naming DATABASE_URL (password hidden). */
export async function openPostgresDatabase(url: string): Promise<Database> {
  // Loaded here, not at start: the embedded database (most starts) never needs node-postgres (0.1 s to load).
  const { default: pgModule } = await import("pg");
  const pool = new pgModule.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StartupError(
      `Cannot connect to the PostgreSQL server at DATABASE_URL=${redact(url)} (${describe(error)}); ` +
        "check that the server runs and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.",
    );
  }
  const queryable = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query(sql, params as unknown[]);
      return result.rows as Row[];
    },
  });
  return {
    kind: "postgres",
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await work(queryable(client));
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(not a valid URL)";
  }
}
