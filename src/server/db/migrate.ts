import { readdirSync, readFileSync } from "node:fs";
import type { Database } from "./database";

const migrationsDir = new URL("./migrations/", import.meta.url);

export interface Migration {
  id: string;
  sql: string;
}

/** The numbered SQL files in `migrations/`, in order. */
export function loadMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((file) => /^\d{3}-[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ id: file.replace(/\.sql$/, ""), sql: readFileSync(new URL(file, migrationsDir), "utf8") }));
}

/**
 * Applies the migrations not yet applied, each in its own transaction with its bookkeeping row,
 * so a failed migration leaves the database as it was. Safe to run at every start.
 */
export async function migrate(db: Database, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  await db.exec(
    "create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())",
  );
  const done = new Set((await db.query<{ id: string }>("select id from schema_migrations")).map((row) => row.id));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.id)) continue;
    await db.transaction(async (tx) => {
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query("insert into schema_migrations (id) values ($1)", [migration.id]);
    });
    applied.push(migration.id);
  }
  return applied;
}

/** Splits a migration on `;` at line ends; our migrations hold no functions or quoted semicolons. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .filter((statement) => statement.length > 0);
}
