/**
 * The account routes of issue 14 (users, own password, own sessions, sign-in config), through the
 * app's one typed client: each call is its route's contract (`core/api/routes.ts`), and every
 * answer is parsed with it. Shapes are those of `core/domain/users-api`.
 */
import { call, callItems, type ApiResult } from "../../api/transport";
import { routes } from "../../../core/api/routes";
import type { PasswordChange, UserAccount, UserCreate, UserListItem, UserUpdate } from "../../../core/domain/users-api";

/** `GET /api/me`: who is signed in, with `mustChangePassword` and `signInMethod` when they apply. */
export const fetchMeDetails = () => call(routes.me);

/** `GET /api/auth/config` (no session needed): password sign-in on or off, and the SSO provider if any. */
export const fetchAuthConfig = () => call(routes.authConfig);

/** `GET /api/users` as an admin: every account with its sign-in time (rows without it are list items). */
export async function fetchAccounts(): Promise<ApiResult<UserAccount[]>> {
  const result = await callItems(routes.users);
  return result.ok ? { ...result, value: result.value.filter((row): row is UserAccount => "lastSignInAt" in row || "createdAt" in row) } : result;
}

/** `GET /api/users` for anyone signed in: names and roles for member pickers. */
export const fetchUserList = (): Promise<ApiResult<UserListItem[]>> => callItems(routes.users);

/** `POST /api/users` (admin) → 201 with the account; 409 `username_taken`. */
export const createAccount = (body: UserCreate) => call(routes.createUser, { body });

/** `PUT /api/users/:username` (admin); 409 `version_conflict` with the account as it is now, 409 `last_admin`. */
export const updateAccount = (username: string, body: UserUpdate) => call(routes.updateUser, { params: { username }, body });

/** `POST /api/users/:username/password` (admin) without a password: the server generates a temporary one. */
export const resetAccountPassword = (username: string) => call(routes.resetPassword, { params: { username }, body: {} });

/** `PUT /api/me/password`: 400 `wrong_password` or a `password_*` rule; ends the user's other sessions. */
export const changeOwnPassword = (body: PasswordChange) => call(routes.changeOwnPassword, { body });

/** `GET /api/me/sessions`: the user's sessions, the current one marked. */
export const fetchMySessions = () => callItems(routes.mySessions);

/** `DELETE /api/me/sessions/:id`. */
export const endMySession = (sessionId: string) => call(routes.endMySession, { params: { id: sessionId } });

/** `DELETE /api/me/sessions`: every session of mine but this one; answers how many ended. */
export const endMyOtherSessions = () => call(routes.endMyOtherSessions);
