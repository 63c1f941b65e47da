import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { roles, type Role } from "../../core/domain/accounts";
import { describePasswordProblem, displayNameSchema, usernameSchema } from "../../core/domain/users-api";
import { changeAccount, createAccount, generatePassword, resetPassword, type AccountProblem } from "../../server/auth/user-accounts";
import type { Database } from "../../server/db/database";
import { migrate } from "../../server/db/migrate";
import { openPgliteDatabase } from "../../server/db/pglite-database";
import { openPostgresDatabase, redact } from "../../server/db/postgres-database";
import { listUsers } from "../../server/repositories/users";
import { readOptions } from "../options";

const usage = `Usage: massekart users <action> [arguments]

Manages accounts directly in the database, without a running server: the first admin of a new
installation, or a way back in when every admin is locked out. The database is the one the
server uses: DATABASE_URL (PostgreSQL), else the embedded one in MASSEKART_DATA_DIR
(default ./.massekart; stop the server first, the embedded database serves one process at a time).

Actions:
  list [--json]                                 every account: role, active, last sign-in
  add USERNAME --role ROLE [--display-name NAME] [--password-stdin] [--temporary]
                                                create an account; without --password-stdin a password
                                                is generated, printed once and must be changed at first
                                                sign-in (--temporary asks the same for one read from stdin)
  set-role USERNAME ROLE                        ROLE: ${roles.join(", ")}
  deactivate USERNAME                           refuse sign-in and end every session (history and
                                                memberships stay); the last active admin is kept
  activate USERNAME                             allow sign-in again
  reset-password USERNAME [--password-stdin]    a temporary password (generated and printed unless read
                                                from stdin); the user must change it at next sign-in,
                                                and every session of theirs ends

Passwords: at least 12 characters, not the username, not one of the 100,000 most used passwords.
With --password-stdin the first line of standard input is the password (echo is yours to avoid:
e.g. read -s P && printf '%s\\n' "$P" | massekart users add kari --role admin --password-stdin).

Exit 0 when done, 1 when refused or on invalid input (the message says why).`;

type Outcome = { ok: true; lines: string[] } | { ok: false; problem: string };

/** Where the command reads its settings and password and writes its answers (the process's own, or a test's). */
export interface CommandIo {
  env: NodeJS.ProcessEnv;
  /** Standard input as text, or undefined when it is a terminal. */
  readStdin(): Promise<string | undefined>;
  out(text: string): void;
  err(text: string): void;
}

const processIo: CommandIo = {
  env: process.env,
  readStdin: async () => {
    if (process.stdin.isTTY) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};

/** `massekart users …`; returns the exit code. */
export async function runUsersCommand(args: string[], io: CommandIo = processIo): Promise<number> {
  const fail = (problem: string) => {
    io.err(`massekart users: ${problem}`);
    return 1;
  };
  const passwordFromStdin = () => readPassword(io);
  const withDatabase = (options: { mustExist: boolean }, work: (db: Database) => Promise<Outcome>) => openForOneAction(io.env, options, work);
  const read = readOptions(args, ["role", "display-name"], { positionals: true, booleans: ["json", "password-stdin", "temporary"] });
  if (!read.ok) return fail(`${read.problem}.\n\n${usage}`);
  const [action, ...rest] = read.positionals;
  if (read.help || !action) {
    (read.help ? io.out : io.err)(usage);
    return read.help ? 0 : 1;
  }
  const flags = read.flags;
  const actions: Record<string, () => Promise<Outcome> | Outcome> = {
    list: () => withDatabase({ mustExist: true }, async (db) => listAccounts(db, io.env, flags.json === true)),
    add: () =>
      needArguments(rest, ["USERNAME"], async ([username]) => {
        if (!read.values.role) return { ok: false, problem: `add needs --role (one of ${roles.join(", ")})` };
        const role = checkRole(read.values.role);
        if (!role.ok) return role;
        const name = checkUsername(username);
        if (!name.ok) return name;
        const displayName = displayNameSchema.safeParse(read.values["display-name"] ?? "");
        if (!displayName.success) return { ok: false, problem: `--display-name ${displayName.error.issues[0]?.message ?? "is not valid"}` };
        const typed = flags["password-stdin"] ? await passwordFromStdin() : undefined;
        if (typed && !typed.ok) return typed;
        const password = typed?.password ?? generatePassword();
        return withDatabase({ mustExist: false }, async (db) => {
          const outcome = await createAccount(
            db,
            { username: name.username, role: role.role, displayName: displayName.data, password },
            { actor: actor(), mustChangePassword: !typed || flags.temporary === true },
          );
          if (!outcome.ok) return refusal(outcome.problem);
          return {
            ok: true,
            lines: [
              `Created ${name.username} (${role.role}).`,
              ...(typed ? [] : [`Password (shown once; to be changed at first sign-in): ${password}`]),
            ],
          };
        });
      }),
    "set-role": () =>
      needArguments(rest, ["USERNAME", "ROLE"], ([username, roleText]) => {
        const role = checkRole(roleText);
        if (!role.ok) return role;
        return withDatabase({ mustExist: true }, async (db) => {
          const outcome = await changeAccount(db, username, { role: role.role }, { actor: actor() });
          if (!outcome.ok) return refusal(outcome.problem);
          const sso = outcome.value.signInMethod === "sso" ? " (single sign-on sets it again at the next sign-in)" : "";
          return { ok: true, lines: [`${username} is now ${role.role}${sso}.`] };
        });
      }),
    deactivate: () => setActive(rest, false, withDatabase),
    activate: () => setActive(rest, true, withDatabase),
    "reset-password": () =>
      needArguments(rest, ["USERNAME"], async ([username]) => {
        const typed = flags["password-stdin"] ? await passwordFromStdin() : undefined;
        if (typed && !typed.ok) return typed;
        return withDatabase({ mustExist: true }, async (db) => {
          const outcome = await resetPassword(db, username, typed?.password, { actor: actor() });
          if (!outcome.ok) return refusal(outcome.problem);
          const generated = outcome.value.generatedPassword;
          return {
            ok: true,
            lines: [
              `Set a temporary password for ${username}; every session of theirs has ended.`,
              ...(generated ? [`Password (shown once; to be changed at next sign-in): ${generated}`] : []),
            ],
          };
        });
      }),
  };
  const chosen = actions[action];
  if (!chosen) return fail(`unknown action "${action}".\n\n${usage}`);
  let outcome: Outcome;
  try {
    outcome = await chosen();
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (!outcome.ok) return fail(outcome.problem);
  for (const line of outcome.lines) io.out(line);
  return 0;
}

/** Who the audit log names for changes made here: the operating-system user at the terminal. */
function actor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return "cli";
  }
}

type WithDatabase = (options: { mustExist: boolean }, work: (db: Database) => Promise<Outcome>) => Promise<Outcome>;

async function setActive(rest: string[], active: boolean, withDatabase: WithDatabase): Promise<Outcome> {
  return needArguments(rest, ["USERNAME"], ([username]) =>
    withDatabase({ mustExist: true }, async (db) => {
      const outcome = await changeAccount(db, username, { active }, { actor: actor() });
      if (!outcome.ok) return refusal(outcome.problem);
      return { ok: true, lines: [active ? `${username} may sign in again.` : `${username} is deactivated; their sessions have ended.`] };
    }),
  );
}

function needArguments<const Names extends readonly string[]>(
  rest: string[],
  names: Names,
  then: (values: { [K in keyof Names]: string }) => Promise<Outcome> | Outcome,
): Promise<Outcome> | Outcome {
  if (rest.length !== names.length) {
    return { ok: false, problem: `expected ${names.join(" ")} after the action, got ${rest.length ? rest.join(" ") : "nothing"}` };
  }
  return then(rest as { [K in keyof Names]: string });
}

function checkRole(text: string): { ok: true; role: Role } | { ok: false; problem: string } {
  const role = roles.find((known) => known === text);
  return role ? { ok: true, role } : { ok: false, problem: `unknown role "${text}"; use one of ${roles.join(", ")}` };
}

function checkUsername(text: string): { ok: true; username: string } | { ok: false; problem: string } {
  const parsed = usernameSchema.safeParse(text);
  return parsed.success ? { ok: true, username: parsed.data } : { ok: false, problem: `username "${text}" ${parsed.error.issues[0]?.message ?? "is not valid"}` };
}

function refusal(problem: AccountProblem): Outcome {
  switch (problem.code) {
    case "not_found":
      return { ok: false, problem: `no user ${problem.username}` };
    case "username_taken":
      return { ok: false, problem: `the username ${problem.username} is taken (by an active or a deactivated account)` };
    case "version_conflict":
      return { ok: false, problem: "the account was changed at the same moment; run the command again" };
    case "last_admin":
      return { ok: false, problem: `${problem.username} is the last active admin; make another user an admin first` };
    case "sso_account":
      return { ok: false, problem: `${problem.username} signs in through single sign-on and has no local password` };
    case "weak_password":
      return { ok: false, problem: `the password ${describePasswordProblem(problem.problem)}` };
  }
}

/** The first line of standard input (a pipe or a file; a terminal gets no prompt, since the password would show). */
async function readPassword(io: CommandIo): Promise<{ ok: true; password: string } | { ok: false; problem: string }> {
  const text = await io.readStdin();
  if (text === undefined) {
    return { ok: false, problem: "--password-stdin reads a pipe or a file, not the terminal (the password would be shown); pipe it in" };
  }
  const password = (text.split(/\r?\n/)[0] ?? "").normalize("NFC");
  return password ? { ok: true, password } : { ok: false, problem: "standard input held no password (its first line is empty)" };
}

/** Opens and migrates the configured database for one action, and always closes it. */
async function openForOneAction(
  env: NodeJS.ProcessEnv,
  { mustExist }: { mustExist: boolean },
  work: (db: Database) => Promise<Outcome>,
): Promise<Outcome> {
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = path.resolve(env.MASSEKART_DATA_DIR || ".massekart");
  if (!databaseUrl && mustExist && !existsSync(path.join(dataDir, "PG_VERSION"))) {
    return { ok: false, problem: `no database in MASSEKART_DATA_DIR=${dataDir}; set DATABASE_URL or MASSEKART_DATA_DIR to the server's database` };
  }
  let db: Database;
  try {
    // The two openers directly, not the server's module: a command should not load the whole HTTP app.
    db = databaseUrl ? await openPostgresDatabase(databaseUrl) : await openPgliteDatabase(dataDir);
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

async function listAccounts(db: Database, env: NodeJS.ProcessEnv, json: boolean): Promise<Outcome> {
  const accounts = (await listUsers(db)).map((row) => ({
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active,
    signIn: row.oidc_subject === null ? "password" : "sso",
    lastSignInAt: row.last_sign_in_at === null ? null : new Date(row.last_sign_in_at).toISOString(),
  }));
  if (json) return { ok: true, lines: [JSON.stringify({ items: accounts }, null, 2)] };
  if (accounts.length === 0) return { ok: true, lines: ["No accounts yet; add the first admin with: massekart users add NAME --role admin"] };
  const header = ["username", "role", "active", "sign-in", "last sign-in", "name"];
  const rows = accounts.map((a) => [a.username, a.role, a.active ? "yes" : "no", a.signIn, a.lastSignInAt?.slice(0, 16).replace("T", " ") ?? "never", a.displayName]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  const where = env.DATABASE_URL ? `PostgreSQL at ${redact(env.DATABASE_URL)}` : `MASSEKART_DATA_DIR=${path.resolve(env.MASSEKART_DATA_DIR || ".massekart")}`;
  return { ok: true, lines: [format(header), ...rows.map(format), "", `${accounts.length} accounts in ${where}.`] };
}

export const usersCommand = {
  summary: "manage accounts in the database: list, add, set-role, deactivate, activate, reset-password",
  run: (args: string[]) => runUsersCommand(args),
};
