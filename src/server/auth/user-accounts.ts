/**
 * What admins (over HTTP or the `massekart users` command) and users do to accounts, with the
 * rules that hold whoever asks: usernames unique, the password rules, the last active admin kept,
 * sessions ended on deactivation and password resets, every change in the audit log (`entity=user`).
 */
import { randomInt } from "node:crypto";
import type { Role } from "../../core/domain/accounts";
import type { PasswordProblem, UserAccount, UserUpdate } from "../../core/domain/users-api";
import type { Database, Queryable } from "../db/database";
import { writeAudit } from "../repositories/audit";
import {
  accountOf,
  countOtherActiveAdmins,
  findUserByName,
  insertUser,
  lockActiveAdmins,
  lockUserByName,
  setUserPassword,
  updateUserProfile,
  usernameTaken,
} from "../repositories/users";
import { hashPassword } from "./passwords";
import { passwordProblem } from "./password-policy";
import { endUserSessions } from "./sessions";

export type AccountProblem =
  | { code: "not_found"; username: string }
  | { code: "username_taken"; username: string }
  | { code: "version_conflict"; current: UserAccount }
  | { code: "last_admin"; username: string }
  | { code: "sso_account"; username: string }
  | { code: "weak_password"; field: string; problem: PasswordProblem };

export type AccountOutcome<T> = { ok: true; value: T } | { ok: false; problem: AccountProblem };

const refused = (problem: AccountProblem): { ok: false; problem: AccountProblem } => ({ ok: false, problem });

/** The account as this transaction sees it now, after a write to a row it holds locked. */
async function accountNow(tx: Queryable, username: string): Promise<UserAccount> {
  const row = await lockUserByName(tx, username);
  if (!row) throw new Error(`The account ${username} disappeared inside its own transaction.`);
  return accountOf(row);
}

/** Runs `work` in a transaction that is rolled back when it answers with a problem. */
async function inTransaction<T>(db: Database, work: (tx: Queryable) => Promise<AccountOutcome<T>>): Promise<AccountOutcome<T>> {
  const rollback = Symbol("rollback");
  let outcome: AccountOutcome<T> | undefined;
  try {
    return await db.transaction(async (tx) => {
      outcome = await work(tx);
      if (!outcome.ok) throw rollback;
      return outcome;
    });
  } catch (error) {
    if (error === rollback && outcome) return outcome;
    throw error;
  }
}

export async function createAccount(
  db: Database,
  input: { username: string; displayName?: string; role: Role; password?: string | undefined },
  { actor, mustChangePassword }: { actor: string; mustChangePassword: boolean },
): Promise<AccountOutcome<UserAccount>> {
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, input.username);
    if (problem) return refused({ code: "weak_password", field: "password", problem });
  }
  const hash = input.password === undefined ? null : await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    if (await usernameTaken(tx, input.username)) return refused({ code: "username_taken", username: input.username });
    await insertUser(tx, input.username, input.role, hash, {
      displayName: input.displayName ?? "",
      mustChangePassword: hash !== null && mustChangePassword,
      actor,
    });
    const created = await accountNow(tx, input.username);
    await writeAudit(tx, { entity: "user", entityId: input.username, action: "create", actor, before: null, after: created });
    return { ok: true, value: created };
  });
}

/** Name, role and active state; deactivating ends the user's sessions; the last active admin stays an active admin. */
export async function updateAccount(
  db: Database,
  username: string,
  change: UserUpdate,
  { actor }: { actor: string },
): Promise<AccountOutcome<UserAccount>> {
  return inTransaction(db, async (tx) => {
    await lockActiveAdmins(tx);
    const row = await lockUserByName(tx, username);
    if (!row) return refused({ code: "not_found", username });
    const before = accountOf(row);
    if (row.version !== change.version) return refused({ code: "version_conflict", current: before });
    const staysActiveAdmin = change.role === "admin" && change.active;
    if (row.role === "admin" && row.active && !staysActiveAdmin && (await countOtherActiveAdmins(tx, row.id)) === 0) {
      return refused({ code: "last_admin", username });
    }
    await updateUserProfile(tx, row.id, change, actor);
    if (!change.active) await endUserSessions(tx, row.id);
    const after = await accountNow(tx, username);
    await writeAudit(tx, { entity: "user", entityId: username, action: "update", actor, before, after });
    return { ok: true, value: after };
  });
}

/** For the command line: one field changed on the record as it is now (no version to compare). */
export async function changeAccount(
  db: Database,
  username: string,
  change: Partial<Pick<UserUpdate, "role" | "active" | "displayName">>,
  { actor }: { actor: string },
): Promise<AccountOutcome<UserAccount>> {
  const row = await findUserByName(db, username);
  if (!row) return refused({ code: "not_found", username });
  const outcome = await updateAccount(
    db,
    username,
    { displayName: change.displayName ?? row.display_name, role: change.role ?? row.role, active: change.active ?? row.active, version: row.version },
    { actor },
  );
  // Someone changed the account between the read and the write: try once more on the new version.
  return !outcome.ok && outcome.problem.code === "version_conflict" ? changeAccount(db, username, change, { actor }) : outcome;
}

/**
 * An admin sets a temporary password (or has one generated): the user must choose a new one at
 * the next sign-in, and every session they have ends now.
 */
export async function resetPassword(
  db: Database,
  username: string,
  password: string | undefined,
  { actor }: { actor: string },
): Promise<AccountOutcome<{ account: UserAccount; generatedPassword?: string }>> {
  const generated = password === undefined ? generatePassword() : undefined;
  const chosen = password ?? generated ?? "";
  const problem = passwordProblem(chosen, username);
  if (problem) return refused({ code: "weak_password", field: "password", problem });
  const hash = await hashPassword(chosen);
  return inTransaction(db, async (tx) => {
    const row = await lockUserByName(tx, username);
    if (!row) return refused({ code: "not_found", username });
    if (row.oidc_subject !== null) return refused({ code: "sso_account", username });
    const before = accountOf(row);
    await setUserPassword(tx, row.id, hash, { mustChange: true, actor });
    await endUserSessions(tx, row.id);
    const after = await accountNow(tx, username);
    await writeAudit(tx, { entity: "user", entityId: username, action: "update", actor, before, after });
    return { ok: true, value: { account: after, ...(generated ? { generatedPassword: generated } : {}) } };
  });
}

/**
 * A user's own new password (the current one already checked by the caller): no longer
 * temporary, and every other session of theirs ends.
 */
export async function setOwnPassword(
  db: Database,
  username: string,
  newPassword: string,
  { keepSessionId }: { keepSessionId: string },
): Promise<AccountOutcome<UserAccount>> {
  const problem = passwordProblem(newPassword, username);
  if (problem) return refused({ code: "weak_password", field: "newPassword", problem });
  const hash = await hashPassword(newPassword);
  return inTransaction(db, async (tx) => {
    const row = await lockUserByName(tx, username);
    if (!row) return refused({ code: "not_found", username });
    const before = accountOf(row);
    await setUserPassword(tx, row.id, hash, { mustChange: false, actor: row.username });
    await endUserSessions(tx, row.id, { except: keepSessionId });
    const after = await accountNow(tx, username);
    await writeAudit(tx, { entity: "user", entityId: row.username, action: "update", actor: row.username, before, after });
    return { ok: true, value: after };
  });
}

/** Letters and digits without look-alikes (no 0/o, 1/l/i). */
const generatedAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

/** 20 random characters in groups of four (about 99 bits), easy to read out and type. */
export function generatePassword(): string {
  const chars = Array.from({ length: 20 }, () => generatedAlphabet[randomInt(generatedAlphabet.length)]);
  return [0, 4, 8, 12, 16].map((start) => chars.slice(start, start + 4).join("")).join("-");
}

export type SsoSignIn =
  | { ok: true; userId: string; username: string; created: boolean }
  | { ok: false; code: "oidc_no_role" | "account_deactivated"; username?: string };

/**
 * The account of someone the identity provider signed in, found by the provider's identity
 * (issuer and subject), never by name, so a local account cannot be taken over through a claim.
 * The first sign-in creates the account with the mapped role; later ones bring role and name up
 * to date. Nobody is created without a mapped role, and a deactivated account stays refused.
 * Changes are audited with the actor `sso` (the provider decided them).
 */
export async function signInSsoUser(
  db: Database,
  identity: { issuer: string; subject: string; usernameBase: string; displayName: string; role: Role | undefined },
  { log }: { log: (message: string) => void },
): Promise<SsoSignIn> {
  return db.transaction(async (tx): Promise<SsoSignIn> => {
    await lockActiveAdmins(tx);
    const existing = await tx.query<{ username: string }>("select username from users where oidc_issuer = $1 and oidc_subject = $2 for update", [
      identity.issuer,
      identity.subject,
    ]);
    const known = existing[0] ? await lockUserByName(tx, existing[0].username) : undefined;
    if (known && !known.active) return { ok: false, code: "account_deactivated", username: known.username };
    if (!identity.role) return { ok: false, code: "oidc_no_role", ...(known ? { username: known.username } : {}) };
    if (known) {
      const displayName = identity.displayName || known.display_name;
      if (known.role !== identity.role || known.display_name !== displayName) {
        if (known.role === "admin" && identity.role !== "admin" && (await countOtherActiveAdmins(tx, known.id)) === 0) {
          log(`Single sign-on: the provider no longer makes ${known.username} an admin; no other active admin remains (the massekart users command can name one).`);
        }
        const before = accountOf(known);
        await updateUserProfile(tx, known.id, { displayName, role: identity.role, active: true }, "sso");
        await writeAudit(tx, { entity: "user", entityId: known.username, action: "update", actor: "sso", before, after: await accountNow(tx, known.username) });
      }
      return { ok: true, userId: known.id, username: known.username, created: false };
    }
    const username = await freeUsername(tx, identity.usernameBase);
    const id = await insertUser(tx, username, identity.role, null, {
      displayName: identity.displayName,
      identity: { issuer: identity.issuer, subject: identity.subject },
      actor: "sso",
    });
    await writeAudit(tx, { entity: "user", entityId: username, action: "create", actor: "sso", before: null, after: await accountNow(tx, username) });
    return { ok: true, userId: id, username, created: true };
  });
}

/** `base`, or `base-2`, `base-3` … — the first name no account has. */
async function freeUsername(tx: Queryable, base: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base.slice(0, 60)}-${n}`;
    if (!(await usernameTaken(tx, candidate))) return candidate;
  }
}
