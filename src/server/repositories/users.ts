import type { Role } from "../../core/domain/accounts";
import type { UserAccount, UserListItem } from "../../core/domain/users-api";
import type { Queryable } from "../db/database";

export interface UserRow {
  id: string;
  username: string;
  role: Role;
  /** null for accounts that sign in only through SSO. */
  password_hash: string | null;
  display_name: string;
  active: boolean;
  must_change_password: boolean;
  last_sign_in_at: Date | string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  updated_by: string | null;
}

const columns = `id, username, role, password_hash, display_name, active, must_change_password, last_sign_in_at,
  oidc_issuer, oidc_subject, version, created_at, updated_at, updated_by`;

const iso = (value: Date | string) => new Date(value).toISOString();

/** What an admin sees of an account (never the hash). */
export function accountOf(row: UserRow): UserAccount {
  return {
    ...listItemOf(row),
    lastSignInAt: row.last_sign_in_at === null ? null : iso(row.last_sign_in_at),
    mustChangePassword: row.must_change_password,
    signInMethod: row.oidc_subject === null ? "password" : "sso",
    hasPassword: row.password_hash !== null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** What every signed-in user sees of an account: enough to name project members. */
export function listItemOf(row: UserRow): UserListItem {
  return { username: row.username, displayName: row.display_name, role: row.role, active: row.active, version: row.version };
}

export async function findUserByName(db: Queryable, username: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(`select ${columns} from users where username = $1`, [username]);
  return rows[0];
}

/** Reads a user and locks the row until the transaction ends, so two admins' edits cannot interleave. */
export async function lockUserByName(tx: Queryable, username: string): Promise<UserRow | undefined> {
  const rows = await tx.query<UserRow>(`select ${columns} from users where username = $1 for update`, [username]);
  return rows[0];
}

export async function findUserByIdentity(db: Queryable, issuer: string, subject: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(`select ${columns} from users where oidc_issuer = $1 and oidc_subject = $2`, [issuer, subject]);
  return rows[0];
}

export async function listUsers(db: Queryable): Promise<UserRow[]> {
  return db.query<UserRow>(`select ${columns} from users order by username`);
}

export async function insertUser(
  db: Queryable,
  username: string,
  role: Role,
  passwordHash: string | null,
  {
    displayName = "",
    mustChangePassword = false,
    identity,
    actor = null,
  }: { displayName?: string; mustChangePassword?: boolean; identity?: { issuer: string; subject: string }; actor?: string | null } = {},
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into users (username, role, password_hash, display_name, must_change_password, password_changed_at, oidc_issuer, oidc_subject, updated_by)
     values ($1, $2, $3, $4, $5, case when $3::text is null then null else now() end, $6, $7, $8) returning id`,
    [username, role, passwordHash, displayName, mustChangePassword, identity?.issuer ?? null, identity?.subject ?? null, actor],
  );
  return rows[0]!.id;
}

/** Changes name, role and active state as a new version (the caller has checked the version it was based on). */
export async function updateUserProfile(
  db: Queryable,
  id: string,
  change: { displayName: string; role: Role; active: boolean },
  actor: string,
): Promise<void> {
  await db.query(
    `update users set display_name = $2, role = $3, active = $4, version = version + 1, updated_at = now(), updated_by = $5 where id = $1`,
    [id, change.displayName, change.role, change.active, actor],
  );
}

/** Sets a new password hash; `mustChange` marks it temporary (an admin's reset). */
export async function setUserPassword(db: Queryable, id: string, passwordHash: string, { mustChange, actor }: { mustChange: boolean; actor: string }): Promise<void> {
  await db.query(
    `update users set password_hash = $2, must_change_password = $3, password_changed_at = now(),
       version = version + 1, updated_at = now(), updated_by = $4 where id = $1`,
    [id, passwordHash, mustChange, actor],
  );
}

export async function recordSignIn(db: Queryable, id: string): Promise<void> {
  await db.query("update users set last_sign_in_at = now() where id = $1", [id]);
}

/**
 * Locks the rows of the active admins, always in the same order. Every change that could take
 * away an admin does this first, so two admins demoting each other at once are served one after
 * the other (the second then finds itself the last admin) and never deadlock.
 */
export async function lockActiveAdmins(tx: Queryable): Promise<void> {
  await tx.query("select id from users where role = 'admin' and active order by id for update");
}

/** Active admins other than `exceptId` (call `lockActiveAdmins` first in the same transaction). */
export async function countOtherActiveAdmins(tx: Queryable, exceptId: string): Promise<number> {
  const rows = await tx.query<{ n: number }>("select count(*)::int as n from users where role = 'admin' and active and id <> $1", [exceptId]);
  return rows[0]?.n ?? 0;
}

export async function countUsers(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>("select count(*)::int as n from users");
  return rows[0]?.n ?? 0;
}

/** Whether a username is in use, by any account, active or not. */
export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  return (await db.query("select 1 from users where username = $1", [username])).length > 0;
}
