import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { StartupError, type Database, type Queryable } from "./database";

/**
 * PostgreSQL settings for the embedded database, after PGlite's own. PostgreSQL zeroes its shared
 * memory at start, and PGlite's WebAssembly memset does that at about 7 ms per MB (measured here
 * with --cpu-prof: 1.0 s of a 2.3 s server start went to it at the default shared_buffers=128MB
 * and max_connections=100). PGlite serves one session, so 5 connections are plenty, and its pages
 * are read through the operating system's file cache, which keeps what a 16 MB buffer pool does
 * not: together they cut that memset to about 0.1 s.
 */
const startParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB", "-c", "max_connections=5"];

/**
 * Opens (or creates) the embedded PGlite database in `dataDir`.
 * Refuses a non-empty folder that is not a database, so a wrong MASSEKART_DATA_DIR never gets
 * a database written into the middle of someone's files.
 */
export async function openPgliteDatabase(dataDir: string | "memory"): Promise<Database> {
  let db: PGlite;
  let release = () => {};
  if (dataDir === "memory") {
    db = new PGlite({ startParams });
  } else {
    const absolute = path.resolve(dataDir);
    guardDataDir(absolute);
    release = lockDataDir(absolute);
    try {
      db = new PGlite(absolute, { startParams });
      await db.waitReady;
      await db.query("select 1");
    } catch (error) {
      release();
      throw new StartupError(
        `Cannot open the embedded database in MASSEKART_DATA_DIR=${absolute} (${describe(error)}); ` +
          "restore the folder from a backup or set MASSEKART_DATA_DIR to another folder.",
      );
    }
  }
  await db.waitReady;
  return wrap(db, release);
}

/** Marks the folder as in use by this process; PGlite itself has no lock, and two processes writing one folder corrupt it. */
export const lockFileName = "massekart.lock";
const openInThisProcess = new Map<string, number>();

/**
 * Takes the data folder for this process (the server, or a `massekart users` command), refusing
 * one that a live process holds; a lock left by a process that died (kill -9) is taken over.
 * Opening the same folder twice in one process is allowed (tests do), counted so the last close frees it.
 */
function lockDataDir(absolute: string): () => void {
  const file = path.join(absolute, lockFileName);
  const release = () => {
    const left = (openInThisProcess.get(absolute) ?? 1) - 1;
    if (left > 0) return void openInThisProcess.set(absolute, left);
    openInThisProcess.delete(absolute);
    try {
      if (readFileSync(file, "utf8").trim() === String(process.pid)) unlinkSync(file);
    } catch {
      // Already gone: nothing to free.
    }
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      openInThisProcess.set(absolute, 1);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new StartupError(`Cannot write ${file} (${describe(error)}); fix the permissions of MASSEKART_DATA_DIR=${absolute}.`);
      }
    }
    const holder = Number(readLock(file));
    if (holder === process.pid) {
      openInThisProcess.set(absolute, (openInThisProcess.get(absolute) ?? 0) + 1);
      return release;
    }
    if (Number.isInteger(holder) && holder > 0 && processIsAlive(holder)) {
      throw new StartupError(
        `The embedded database in MASSEKART_DATA_DIR=${absolute} is in use by process ${holder} (a running Massekart server?); ` +
          `stop it first, or use a PostgreSQL server through DATABASE_URL. If no such process runs, delete ${file}.`,
      );
    }
    try {
      unlinkSync(file);
    } catch {
      // Another process took it over at the same moment; the next attempt sees theirs.
    }
  }
  throw new StartupError(`Cannot take ${file}; another process keeps changing it. Stop other Massekart processes on MASSEKART_DATA_DIR=${absolute}.`);
}

function readLock(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return "";
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
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
  if (entries.some((entry) => entry !== lockFileName) && !entries.includes("PG_VERSION")) {
    throw new StartupError(
      `MASSEKART_DATA_DIR=${absolute} is not empty and holds no Massekart database (no PG_VERSION); ` +
        "set MASSEKART_DATA_DIR to an empty or existing database folder.",
    );
  }
}

function wrap(db: PGlite, release: () => void): Database {
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
    close: async () => {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}

export function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n")[0] ?? error.name;
  return String(error);
}
