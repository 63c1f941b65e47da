import { createHash, randomBytes } from "node:crypto";
import type { Role } from "../../core/domain/accounts";
import type { SessionInfo, SignInMethod } from "../../core/domain/users-api";
import type { Queryable } from "../db/database";

export const sessionCookieName = "massekart_session";

/** How long sessions last: ended after `idleMinutes` without a request, and `maxHours` after sign-in at the latest. */
export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  displayName: string;
  /** Until the user sets a new password, the session may do nothing else (after an admin's reset). */
  mustChangePassword: boolean;
  signInMethod: SignInMethod;
  /** The public id of the session the request came with. */
  sessionId: string;
}

/** Only a hash of the token is stored, so a leaked database holds no usable sessions. */
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Recording every request's time would write on every read; a minute's precision is enough for the idle timeout. */
const touchAfterSeconds = 60;

export async function createSession(
  db: Queryable,
  userId: string,
  { method, userAgent, address }: { method: "password" | "oidc"; userAgent: string; address: string },
  policy: SessionPolicy,
): Promise<{ token: string; id: string }> {
  const token = randomBytes(32).toString("base64url");
  await db.query("delete from sessions where expires_at < now() or last_seen_at < now() - make_interval(mins => $1)", [policy.idleMinutes]);
  const rows = await db.query<{ id: string }>(
    `insert into sessions (token_hash, user_id, expires_at, method, user_agent, address)
     values ($1, $2, now() + make_interval(hours => $3), $4, $5, $6) returning id`,
    [hashToken(token), userId, policy.maxHours, method, userAgent.slice(0, 300), address.slice(0, 100)],
  );
  return { token, id: rows[0]?.id ?? "" };
}

interface SessionUserRow {
  id: string;
  username: string;
  role: Role;
  display_name: string;
  must_change_password: boolean;
  sso: boolean;
  session_id: string;
  stale: boolean;
}

/** The user of a live session (not expired, not idle too long, user active), noting that it was used. */
export async function findSessionUser(db: Queryable, token: string, policy: SessionPolicy): Promise<SessionUser | undefined> {
  const hash = hashToken(token);
  const rows = await db.query<SessionUserRow>(
    `select u.id, u.username, u.role, u.display_name, u.must_change_password, u.oidc_subject is not null as sso,
            s.id as session_id, s.last_seen_at < now() - make_interval(secs => $3) as stale
     from sessions s join users u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > now() and s.last_seen_at > now() - make_interval(mins => $2) and u.active`,
    [hash, policy.idleMinutes, touchAfterSeconds],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.stale) await db.query("update sessions set last_seen_at = now() where token_hash = $1", [hash]);
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    displayName: row.display_name,
    mustChangePassword: row.must_change_password,
    signInMethod: row.sso ? "sso" : "password",
    sessionId: row.session_id,
  };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query("delete from sessions where token_hash = $1", [hashToken(token)]);
}

interface SessionRow {
  id: string;
  method: "password" | "oidc";
  created_at: Date | string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  idle_expires_at: Date | string;
  user_agent: string;
  address: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** A user's live sessions, the most recently used first. */
export async function listSessions(db: Queryable, userId: string, currentSessionId: string, policy: SessionPolicy): Promise<SessionInfo[]> {
  const rows = await db.query<SessionRow>(
    `select id, method, created_at, last_seen_at, expires_at, user_agent, address,
            least(expires_at, last_seen_at + make_interval(mins => $2)) as idle_expires_at
     from sessions where user_id = $1 and expires_at > now() and last_seen_at > now() - make_interval(mins => $2)
     order by last_seen_at desc, created_at desc`,
    [userId, policy.idleMinutes],
  );
  return rows.map((row) => ({
    id: row.id,
    current: row.id === currentSessionId,
    method: row.method,
    createdAt: iso(row.created_at),
    lastSeenAt: iso(row.last_seen_at),
    expiresAt: iso(row.expires_at),
    idleExpiresAt: iso(row.idle_expires_at),
    userAgent: row.user_agent,
    address: row.address,
  }));
}

/** Ends one of a user's sessions; false when the user has no session with that id. */
export async function endSession(db: Queryable, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db.query("delete from sessions where user_id = $1 and id = $2 returning id", [userId, sessionId]);
  return rows.length > 0;
}

/** Ends every session of a user (deactivation, password reset), or all but one (password change); returns how many. */
export async function endUserSessions(db: Queryable, userId: string, { except }: { except?: string } = {}): Promise<number> {
  const rows = await db.query("delete from sessions where user_id = $1 and id <> $2 returning id", [userId, except ?? ""]);
  return rows.length;
}
