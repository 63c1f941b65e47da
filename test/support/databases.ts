import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import type { Database } from "../../src/server/db/database";
import { openPgliteDatabase } from "../../src/server/db/pglite-database";
import { openPostgresDatabase } from "../../src/server/db/postgres-database";

export interface TestDatabase {
  db: Database;
  /** Closes the connection and removes the database or folder. */
  drop(): Promise<void>;
}

export type BackendName = "pglite" | "postgres";
export const backendNames: BackendName[] = ["pglite", "postgres"];

export interface PreparedDatabase {
  /** DATABASE_URL for a server process, or undefined for PGlite. */
  databaseUrl: string | undefined;
  /** The PGlite data folder (unused for PostgreSQL). */
  dataDir: string;
  /** Removes the database or folder; close every connection first. */
  drop(): Promise<void>;
}

/** A fresh, empty place for a database on the named back end, not yet opened. */
export async function prepareTestDatabase(backend: BackendName): Promise<PreparedDatabase> {
  const root = mkdtempSync(path.join(tmpdir(), "massekart-test-"));
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  if (backend === "pglite") {
    return { databaseUrl: undefined, dataDir: path.join(root, "db"), drop: async () => removeRoot() };
  }
  const adminUrl = inject("postgresAdminUrl");
  const name = `massekart_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    dataDir: path.join(root, "unused"),
    drop: async () => {
      await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
      removeRoot();
    },
  };
}

/** A fresh, empty, open database on the named back end. */
export async function createTestDatabase(backend: BackendName): Promise<TestDatabase> {
  const prepared = await prepareTestDatabase(backend);
  const db = prepared.databaseUrl
    ? await openPostgresDatabase(prepared.databaseUrl)
    : await openPgliteDatabase(prepared.dataDir);
  return {
    db,
    drop: async () => {
      await db.close().catch(() => undefined);
      await prepared.drop();
    },
  };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
