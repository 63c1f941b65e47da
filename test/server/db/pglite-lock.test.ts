import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StartupError } from "../../../src/server/db/database";
import { lockFileName, openPgliteDatabase } from "../../../src/server/db/pglite-database";

const root = mkdtempSync(path.join(tmpdir(), "massekart-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the embedded database folder serves one process at a time", () => {
  it("holds a lock while open, and frees it at close", { timeout: 120_000 }, async () => {
    const dir = path.join(root, "open");
    const db = await openPgliteDatabase(dir);
    expect(readFileSync(path.join(dir, lockFileName), "utf8")).toBe(String(process.pid));
    // The same process may open it twice (tests do); the lock goes with the last close.
    const again = await openPgliteDatabase(dir);
    await again.close();
    expect(existsSync(path.join(dir, lockFileName))).toBe(true);
    await db.close();
    expect(existsSync(path.join(dir, lockFileName))).toBe(false);
  });

  it("refuses a folder a live process holds, naming it", { timeout: 120_000 }, async () => {
    const dir = path.join(root, "busy");
    await (await openPgliteDatabase(dir)).close();
    const holder = spawn("sleep", ["30"]);
    try {
      writeFileSync(path.join(dir, lockFileName), String(holder.pid));
      const opening = openPgliteDatabase(dir);
      await expect(opening).rejects.toBeInstanceOf(StartupError);
      await expect(opening).rejects.toThrow(`is in use by process ${holder.pid}`);
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left by a process that died (kill -9)", { timeout: 120_000 }, async () => {
    const dir = path.join(root, "stale");
    await (await openPgliteDatabase(dir)).close();
    const gone = spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" });
    writeFileSync(path.join(dir, lockFileName), gone.stdout.trim());
    const db = await openPgliteDatabase(dir);
    expect(await db.query("select 1 as ok")).toEqual([{ ok: 1 }]);
    await db.close();
  });
});
