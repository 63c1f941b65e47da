import type { Role } from "../../core/domain/accounts";
import type { Queryable } from "../db/database";

export interface UserRow {
  id: string;
  username: string;
  role: Role;
  password_hash: string;
}

export async function findUserByName(db: Queryable, username: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>("select id, username, role, password_hash from users where username = $1", [
    username,
  ]);
  return rows[0];
}

export async function insertUser(db: Queryable, username: string, role: Role, passwordHash: string): Promise<string> {
  const rows = await db.query<{ id: string }>(
    "insert into users (username, role, password_hash) values ($1, $2, $3) returning id",
    [username, role, passwordHash],
  );
  return rows[0]!.id;
}

export async function countUsers(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>("select count(*)::int as n from users");
  return rows[0]?.n ?? 0;
}
