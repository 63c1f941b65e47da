import { spawn } from "node:child_process";
import { userInfo } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../src/core/domain/registry-api";
import { runUsersCommand } from "../../../src/cli/commands/users";
import { readConfig } from "../../../src/server/config";
import { startServer, type RunningServer } from "../../../src/server/server";
import { backendNames, prepareTestDatabase, type PreparedDatabase } from "../../support/databases";
import { apiClient } from "../../support/server";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** `massekart users …` as an operator runs it, against the database named by the environment. */
function massekart(env: Record<string, string>, args: string[], stdin?: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["bin/massekart.mjs", ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "", MASSEKART_DATA_DIR: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

/**
 * The same command in this process (what `bin/massekart.mjs users …` runs, without the seconds a
 * new Node process with tsx costs): its settings, standard input and output handed in.
 */
async function users(env: Record<string, string>, args: string[], stdin?: string) {
  let stdout = "";
  let stderr = "";
  const code = await runUsersCommand(args, {
    env: { DATABASE_URL: "", MASSEKART_DATA_DIR: "", ...env },
    readStdin: async () => stdin ?? "",
    out: (text) => (stdout += `${text}\n`),
    err: (text) => (stderr += `${text}\n`),
  });
  return { code, stdout, stderr };
}

const adminPassword = "Første admin i Asker 2027";

describe.each(backendNames)("massekart users on %s", (backend) => {
  let database: PreparedDatabase;
  let env: Record<string, string>;
  let generated = "";

  beforeAll(async () => {
    database = await prepareTestDatabase(backend);
    env = database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : { MASSEKART_DATA_DIR: database.dataDir };
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("bootstraps the first admin and an engineer in an empty database, without a server", { timeout: 180_000 }, async () => {
    if (backend === "pglite") {
      const none = await users(env, ["list"]);
      expect(none.code).toBe(1);
      expect(none.stderr).toContain(`no database in MASSEKART_DATA_DIR=${database.dataDir}`);
    }
    const first = await massekart(env, ["users", "add", "kari", "--role", "admin", "--display-name", "Kari Nordmann", "--password-stdin"], `${adminPassword}\n`);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("Created kari (admin).\n");

    const second = await users(env, ["add", "ola", "--role", "engineer"]);
    expect(second.code, second.stderr).toBe(0);
    generated = /Password \(shown once; to be changed at first sign-in\): (\S+)/.exec(second.stdout)?.[1] ?? "";
    expect(generated).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);

    const list = await massekart(env, ["users", "list"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^username\s+role\s+active\s+sign-in\s+last sign-in\s+name$/m);
    expect(list.stdout).toMatch(/^kari\s+admin\s+yes\s+password\s+never\s+Kari Nordmann$/m);
    expect(list.stdout).toMatch(/^ola\s+engineer\s+yes\s+password\s+never$/m);
    const json = JSON.parse((await users(env, ["list", "--json"])).stdout) as { items: { username: string; role: string }[] };
    expect(json.items.map((u) => `${u.username}:${u.role}`)).toEqual(["kari:admin", "ola:engineer"]);
  });

  it("refuses bad input with exit 1 and a reason, changing nothing", { timeout: 180_000 }, async () => {
    const cases: [string[], string | undefined, RegExp][] = [
      [["add", "kari", "--role", "viewer"], undefined, /the username kari is taken/],
      [["add", "Kari", "--role", "viewer"], undefined, /username "Kari" must be 2–64 characters of a–z/],
      [["add", "per", "--role", "root"], undefined, /unknown role "root"; use one of admin, planner, engineer, viewer/],
      [["add", "per", "--role", "viewer", "--password-stdin"], "password1234\n", /the password is on the list of the 100,000 most used passwords/],
      [["add", "per", "--role", "viewer", "--password-stdin"], "", /standard input held no password/],
      [["add", "per"], undefined, /add needs --role/],
      [["deactivate", "kari"], undefined, /kari is the last active admin/],
      [["set-role", "kari", "planner"], undefined, /kari is the last active admin/],
      [["set-role", "nobody", "planner"], undefined, /no user nobody/],
      [["reset-password"], undefined, /expected USERNAME after the action, got nothing/],
      [["promote", "ola"], undefined, /unknown action "promote"/],
      [["list", "--colour"], undefined, /unknown option --colour/],
    ];
    for (const [args, stdin, message] of cases) {
      const run = await users(env, args, stdin);
      expect(run.code, args.join(" ")).toBe(1);
      expect(run.stderr, args.join(" ")).toMatch(message);
    }
    const json = JSON.parse((await users(env, ["list", "--json"])).stdout) as { items: { username: string; role: string; active: boolean }[] };
    expect(json.items).toEqual([
      expect.objectContaining({ username: "kari", role: "admin", active: true }),
      expect.objectContaining({ username: "ola", role: "engineer", active: true }),
    ]);
    expect((await users(env, ["--help"])).code).toBe(0);
  });

  it("leaves accounts the server signs in: the admin at once, the engineer after changing the generated password", { timeout: 180_000 }, async () => {
    expect((await users(env, ["set-role", "ola", "planner"])).stdout).toBe("ola is now planner.\n");
    const server = await serve();
    try {
      expect(server.outcome.kind).toBe("existing");
      expect(await (await apiClient(server.url).login("kari", adminPassword)).json()).toEqual({ username: "kari", role: "admin", displayName: "Kari Nordmann" });
      expect(await (await apiClient(server.url).login("ola", generated)).json()).toEqual({ username: "ola", role: "planner", mustChangePassword: true });
      if (backend === "pglite") {
        // The embedded database serves one process at a time: the command refuses while the server runs.
        const busy = await massekart(env, ["users", "list"]);
        expect(busy.code).toBe(1);
        expect(busy.stderr).toMatch(new RegExp(`in use by process ${process.pid} \\(a running Massekart server\\?\\)`));
      }
    } finally {
      await server.close();
    }
  });

  it("deactivates, reactivates and resets passwords, recording the operator in the audit log", { timeout: 180_000 }, async () => {
    expect((await users(env, ["deactivate", "ola"])).stdout).toBe("ola is deactivated; their sessions have ended.\n");
    const reset = await users(env, ["reset-password", "kari"]);
    expect(reset.code, reset.stderr).toBe(0);
    const temporary = /Password \(shown once; to be changed at next sign-in\): (\S+)/.exec(reset.stdout)?.[1] ?? "";
    const server = await serve();
    try {
      expect((await apiClient(server.url).login("ola", generated)).status).toBe(403);
      expect((await apiClient(server.url).login("kari", adminPassword)).status).toBe(401);
      const kari = apiClient(server.url);
      expect(await (await kari.login("kari", temporary)).json()).toMatchObject({ mustChangePassword: true });
      expect((await kari.request("PUT", "/api/me/password", { currentPassword: temporary, newPassword: adminPassword })).status).toBe(200);
      const { items } = (await (await kari.request("GET", "/api/audit?entity=user&id=ola")).json()) as { items: AuditEntry[] };
      expect(items.map((e) => `${e.action}:${e.actor}`)).toEqual(
        [`update:cli:${userInfo().username}`, `update:cli:${userInfo().username}`, `create:cli:${userInfo().username}`],
      );
    } finally {
      await server.close();
    }
    expect((await users(env, ["activate", "ola"])).code).toBe(0);
    expect((await users(env, ["reset-password", "ola", "--password-stdin"], "Olas nye midlertidige\n")).stdout).toBe(
      "Set a temporary password for ola; every session of theirs has ended.\n",
    );
  });

  /** The real server on the same database, outside demo mode and without MASSEKART_ADMIN_PASSWORD. */
  function serve(): Promise<RunningServer> {
    return startServer(
      { ...readConfig({}), port: 0, databaseUrl: database.databaseUrl, dataDir: path.resolve(database.dataDir), adminPassword: undefined },
      { allowDemo: false, log: () => undefined },
    );
  }
});
