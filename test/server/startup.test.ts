import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generateInstance } from "../../src/core/matching/generate";
import type { MatchResult } from "../../src/core/matching/result";
import { openPgliteDatabase } from "../../src/server/db/pglite-database";
import { readConfig } from "../../src/server/config";
import { startServer } from "../../src/server/server";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const temporary: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "massekart-startup-"));
  temporary.push(dir);
  return dir;
};
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs the compiled server entry point as `npm start` does, and collects what it says until it exits or listens. */
function runMain(env: Record<string, string>, args: string[] = ["--demo"]) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "build/server.mjs"), ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "", MASSEKART_ADMIN_PASSWORD: "", ...env },
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("is running at")) child.kill("SIGTERM");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe("start-up failures stop with one sentence naming the setting", () => {
  it("reports a port in use", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, output } = await runMain({ PORT: String(port), MASSEKART_DATA_DIR: path.join(tempDir(), "db") });
      expect(code).toBe(1);
      expect(output).toContain(`Massekart could not start: Port ${port} on 127.0.0.1 is already in use; set PORT to a free port.`);
      expect(output).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      blocker.close();
    }
  });

  it("refuses a data folder that holds other files, and leaves them alone", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "thesis.docx"), "precious");
    const { code, output } = await runMain({ PORT: "0", MASSEKART_DATA_DIR: dir });
    expect(code).toBe(1);
    expect(output).toContain("is not empty and holds no Massekart database");
    expect(output).toContain("MASSEKART_DATA_DIR");
    expect(readdirSync(dir)).toEqual(["thesis.docx"]);
    expect(readFileSync(path.join(dir, "thesis.docx"), "utf8")).toBe("precious");
  });

  it("reports a corrupt database folder without touching it", async () => {
    const dir = path.join(tempDir(), "db");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "PG_VERSION"), "18\n");
    writeFileSync(path.join(dir, "postgresql.conf"), "garbage = = =\n");
    const { code, output } = await runMain({ PORT: "0", MASSEKART_DATA_DIR: dir });
    expect(code).toBe(1);
    expect(output).toContain(`Cannot open the embedded database in MASSEKART_DATA_DIR=${dir}`);
    expect(readdirSync(dir).sort()).toEqual(["PG_VERSION", "postgresql.conf"]);
  });

  it("reports an unreachable DATABASE_URL without printing its password", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    blocker.close();
    const { code, output } = await runMain({ PORT: "0", DATABASE_URL: `postgres://massekart:hunter2@127.0.0.1:${port}/massekart` });
    expect(code).toBe(1);
    expect(output).toContain("Cannot connect to the PostgreSQL server at DATABASE_URL=postgres://massekart:***@127.0.0.1");
    expect(output).not.toContain("hunter2");
  });

  it("asks for MASSEKART_ADMIN_PASSWORD outside demo mode, and creates no demo account", async () => {
    const dir = path.join(tempDir(), "db");
    const { code, output } = await runMain({ PORT: "0", MASSEKART_DATA_DIR: dir }, []);
    expect(code).toBe(1);
    expect(output).toContain("set MASSEKART_ADMIN_PASSWORD to create the first admin");
    const db = await openPgliteDatabase(dir);
    try {
      expect(await db.query("select username from users")).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it("rejects a PORT that is not a number", async () => {
    const { code, output } = await runMain({ PORT: "eighty" });
    expect(code).toBe(1);
    expect(output).toContain("PORT=eighty is not valid; set PORT to a whole number from 0 to 65535.");
  });

  it("announces demo mode in its banner on first start", async () => {
    const { output } = await runMain({ PORT: "0", MASSEKART_DATA_DIR: path.join(tempDir(), "db") });
    expect(output).toMatch(/Demo mode: loaded the illustrative Asker demo set \(\d+ projects/);
    expect(output).toContain('Demo accounts: admin, planner, engineer, viewer — password "demo"');
  });
});

describe("a database with data is never wiped or re-seeded", () => {
  it("keeps a second start's data as the first left it", async () => {
    const config = { ...readConfig({}), port: 0, dataDir: path.join(tempDir(), "db") };
    const first = await startServer(config, { allowDemo: true, log: () => undefined });
    expect(first.outcome.kind).toBe("demo-seeded");
    await first.db.query("update projects set name = 'Changed by a user' where id = (select min(id) from projects)");
    const count = async (db: typeof first.db) => (await db.query<{ n: number }>("select count(*)::int as n from projects"))[0]?.n;
    const before = await count(first.db);
    await first.close();

    const second = await startServer(config, { allowDemo: true, log: () => undefined });
    try {
      expect(second.outcome.kind).toBe("demo-existing");
      expect(await count(second.db)).toBe(before);
      expect(await second.db.query("select 1 from projects where name = 'Changed by a user'")).toHaveLength(1);
      expect((await second.db.query("select username from users order by username")).length).toBe(4);
    } finally {
      await second.close();
    }
  });
});

describe("the compiled server (build/server.mjs)", () => {
  it("solves in its compiled worker thread", async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, "build/server.mjs"), "--demo"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "", PORT: "0", MASSEKART_DATA_DIR: path.join(tempDir(), "db") },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const running = /is running at (http:\/\/\S+) /.exec(output);
          if (running) resolve(running[1] as string);
        });
        child.on("exit", (code) => reject(new Error(`the server ended (${code}): ${output}`)));
      });
      const headers = { "content-type": "application/json", origin: url };
      const session = await fetch(`${url}/api/session`, { method: "POST", headers, body: JSON.stringify({ username: "planner", password: "demo" }) });
      expect(session.status).toBe(200);
      const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] as string;
      const instance = generateInstance({ lots: 12, storageSites: 1, landfills: 1, quarries: 1, months: 4, seed: 3 });
      const solved = await fetch(`${url}/api/solve`, { method: "POST", headers: { ...headers, cookie }, body: JSON.stringify(instance) });
      const result = (await solved.json()) as MatchResult;
      expect(solved.status, JSON.stringify(result)).toBe(200);
      expect(["optimal", "infeasible"]).toContain(result.status);
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
    }
    // A first start creates and seeds the database: slow on a loaded machine.
  }, 120_000);
});
