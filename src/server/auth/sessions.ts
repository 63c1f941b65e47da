import { createHash, randomBytes } from "node:crypto";
import type { Role } from "../../core/domain/accounts";
import type { Queryable } from "../db/database";

export const sessionCookieName = "massekart_session";
export const sessionLifetimeSeconds = 12 * 60 * 60;

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
}

/** Only a hash of the token is stored, so a leaked database holds no usable sessions. */
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(db: Queryable, userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.query("delete from sessions where expires_at < now()");
  await db.query(
    "insert into sessions (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(secs => $3))",
    [hashToken(token), userId, sessionLifetimeSeconds],
  );
  return token;
}

export async function findSessionUser(db: Queryable, token: string): Promise<SessionUser | undefined> {
  const rows = await db.query<SessionUser>(
    `select u.id, u.username, u.role from sessions s join users u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > now()`,
    [hashToken(token)],
  );
  return rows[0];
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query("delete from sessions where token_hash = $1", [hashToken(token)]);
}
