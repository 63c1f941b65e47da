import { afterEach, describe, expect, it } from "vitest";
import { loadMigrations, migrate, splitStatements } from "../../../src/server/db/migrate";
import { backendNames, createTestDatabase, type TestDatabase } from "../../support/databases";

describe.each(backendNames)("migrations on %s", (backend) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it("apply once, in order, and are a no-op the second time", async () => {
    database = await createTestDatabase(backend);
    const ids = loadMigrations().map((m) => m.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(await migrate(database.db)).toEqual(ids);
    expect(await migrate(database.db)).toEqual([]);
    const tables = await database.db.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["users", "sessions", "projects", "lots", "sites", "zoning_areas", "audit_log", "schema_migrations"]),
    );
  });

  it("roll a failing migration back whole", async () => {
    database = await createTestDatabase(backend);
    const broken = [{ id: "001-broken", sql: "create table half_done (id int);\ncreate table oops (id nonexistent_type);" }];
    await expect(migrate(database.db, broken)).rejects.toThrow();
    const left = await database.db.query("select 1 from information_schema.tables where table_name = 'half_done'");
    expect(left).toEqual([]);
    expect(await database.db.query("select id from schema_migrations")).toEqual([]);
  });
});

describe("splitStatements", () => {
  it("splits on semicolons at line ends and drops comments", () => {
    expect(splitStatements("-- a comment\ncreate table a (x int);\n\ncreate index b on a (x);\n")).toEqual([
      "create table a (x int)",
      "create index b on a (x)",
    ]);
  });
});
