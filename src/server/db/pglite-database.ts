import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { StartupError, type Database, type Queryable } from "./database";

/**
 * Opens (or creates) the embedded PGlite database in `dataDir`.
 * Refuses a non-empty folder that is not a database, so a wrong MASSEKART_DATA_DIR never gets
 * a database written into the middle of someone's files.
 */
export async function openPgliteDatabase(dataDir: string | "memory"): Promise<Database> {
  let db: PGlite;
  if (dataDir === "memory") {
    db = new PGlite();
  } else {
    const absolute = path.resolve(dataDir);
    guardDataDir(absolute);
    try {
      db = new PGlite(absolute);
      await db.waitReady;
      await db.query("select 1");
    } catch (error) {
      throw new StartupError(
        `Cannot open the embedded database in MASSEKART_DATA_DIR=${absolute} (${describe(error)}); ` +
          "restore the folder from a backup or set MASSEKART_DATA_DIR to another folder.",
      );
    }
  }
  await db.waitReady;
  return wrap(db);
}

function guardDataDir(absolute: string): void {
  if (!existsSync(absolute)) {
    mkdirSync(absolute, { recursive: true });
    return;
  }
  let entries: string[];
  try {
    entries = readdirSync(absolute);
  } catch (error) {
    throw new StartupError(
      `Cannot read MASSEKART_DATA_DIR=${absolute} (${describe(error)}); fix its permissions or set MASSEKART_DATA_DIR to another folder.`,
    );
  }
  if (entries.length > 0 && !entries.includes("PG_VERSION")) {
    throw new StartupError(
      `MASSEKART_DATA_DIR=${absolute} is not empty and holds no Massekart database (no PG_VERSION); ` +
        "set MASSEKART_DATA_DIR to an empty or existing database folder.",
    );
  }
}

function wrap(db: PGlite): Database {
  const queryable = (q: Pick<PGlite, "query">): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
  });
  return {
    kind: "pglite",
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

export function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n")[0] ?? error.name;
  return String(error);
}
