import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { aptInstall } from "./install";
import { freePort } from "../support/free-port";

export interface ThrowawayPostgres {
  adminUrl: string;
  stop(): Promise<void>;
}

function findPostgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : undefined;
}

/**
 * TEST_DATABASE_URL when set; else a PostgreSQL server from the installed binaries (Debian's
 * `postgresql` installed when missing and possible) in a temporary folder on a free port, with
 * trust auth on 127.0.0.1 only. `stop` shuts it down and removes the folder.
 */
export async function startThrowawayPostgres(log: (message: string) => void): Promise<ThrowawayPostgres> {
  const existing = process.env.TEST_DATABASE_URL;
  if (existing) return { adminUrl: existing, stop: async () => undefined };

  let bin = findPostgresBin();
  if (!bin) {
    aptInstall(["postgresql"], "PostgreSQL (for the database tests against a real server)", log);
    bin = findPostgresBin();
    if (!bin) throw new Error("PostgreSQL is missing after installing it: install Debian's postgresql or set TEST_DATABASE_URL.");
  }
  const dir = mkdtempSync(path.join(tmpdir(), "massekart-pg-"));
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  // initdb refuses to run as root: as root the server runs as the postgres user.
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const full = path.join(bin, command);
    return asRoot ? execFileSync("runuser", ["-u", "postgres", "--", full, ...args], { stdio: "pipe" }) : execFileSync(full, args, { stdio: "pipe" });
  };
  if (asRoot) chownSync(dir, uidOf("postgres"), gidOf("postgres"));
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  run("pg_ctl", [
    "-D", dataDir,
    "-o", `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    "-l", path.join(dir, "server.log"),
    "-w", "start",
  ]);
  log(`PostgreSQL ${path.basename(path.dirname(bin))} runs on 127.0.0.1:${port} (${dataDir})`);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function idOf(flag: "-u" | "-g", name: string): number {
  const result = spawnSync("id", [flag, name], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`The system user ${name} is missing: reinstall Debian's postgresql.`);
  return Number(result.stdout.trim());
}
const uidOf = (name: string) => idOf("-u", name);
const gidOf = (name: string) => idOf("-g", name);
