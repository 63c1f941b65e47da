/**
 * The account routes of issue 14 (users, own password, own sessions, sign-in config), over the
 * app's one HTTP helper. Bodies and answers are the shapes of `core/domain/users-api`.
 */
import { request, type ApiResult } from "../../api/client";
import type {
  AuthConfig,
  MeDetails,
  PasswordChange,
  PasswordResetResult,
  SessionInfo,
  UserAccount,
  UserCreate,
  UserListItem,
  UserUpdate,
} from "../../../core/domain/users-api";

const name = (username: string) => encodeURIComponent(username);

async function itemsOf<T>(path: string): Promise<ApiResult<T[]>> {
  const result = await request<{ items: T[] }>("GET", path);
  if (!result.ok) return result;
  if (!Array.isArray(result.value?.items)) return { ok: false, failure: { status: 200, code: "bad_response", message: `${path}: no items`, fields: [] } };
  return { ok: true, value: result.value.items };
}

/** `GET /api/me`: who is signed in, with `mustChangePassword` and `signInMethod` when they apply. */
export function fetchMeDetails(): Promise<ApiResult<MeDetails>> {
  return request<MeDetails>("GET", "/api/me");
}

/** `GET /api/auth/config` (no session needed): password sign-in on or off, and the SSO provider if any. */
export function fetchAuthConfig(): Promise<ApiResult<AuthConfig>> {
  return request<AuthConfig>("GET", "/api/auth/config");
}

/** `GET /api/users` as an admin: every account with its sign-in time. */
export function fetchAccounts(): Promise<ApiResult<UserAccount[]>> {
  return itemsOf<UserAccount>("/api/users");
}

/** `GET /api/users` for anyone signed in: names and roles for member pickers. */
export function fetchUserList(): Promise<ApiResult<UserListItem[]>> {
  return itemsOf<UserListItem>("/api/users");
}

/** `POST /api/users` (admin) → 201 with the account; 409 `username_taken`. */
export function createAccount(body: UserCreate): Promise<ApiResult<UserAccount>> {
  return request<UserAccount>("POST", "/api/users", body);
}

/** `PUT /api/users/:username` (admin); 409 `version_conflict` with the account as it is now, 409 `last_admin`. */
export function updateAccount(username: string, body: UserUpdate): Promise<ApiResult<UserAccount>> {
  return request<UserAccount>("PUT", `/api/users/${name(username)}`, body);
}

/** `POST /api/users/:username/password` (admin) without a body: the server generates a temporary password. */
export function resetAccountPassword(username: string): Promise<ApiResult<PasswordResetResult>> {
  return request<PasswordResetResult>("POST", `/api/users/${name(username)}/password`, {});
}

/** `PUT /api/me/password`: 400 `wrong_password` or a `password_*` rule; ends the user's other sessions. */
export function changeOwnPassword(body: PasswordChange): Promise<ApiResult<MeDetails>> {
  return request<MeDetails>("PUT", "/api/me/password", body);
}

export function fetchMySessions(): Promise<ApiResult<SessionInfo[]>> {
  return itemsOf<SessionInfo>("/api/me/sessions");
}

/** `DELETE /api/me/sessions/:id`. */
export function endMySession(sessionId: string): Promise<ApiResult<void>> {
  return request<void>("DELETE", `/api/me/sessions/${encodeURIComponent(sessionId)}`);
}

/** `DELETE /api/me/sessions`: every session of mine but this one; answers how many ended. */
export function endMyOtherSessions(): Promise<ApiResult<{ ended: number }>> {
  return request<{ ended: number }>("DELETE", "/api/me/sessions");
}
