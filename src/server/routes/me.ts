import { Hono } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { passwordChangeSchema, type MeDetails } from "../../core/domain/users-api";
import { clientAddress } from "../auth/client-address";
import type { LoginThrottle } from "../auth/login-throttle";
import { checkPasswordThrottled } from "../auth/password-check";
import { endSession, endUserSessions, listSessions, sessionCookieName, type SessionPolicy, type SessionUser } from "../auth/sessions";
import { setOwnPassword } from "../auth/user-accounts";
import type { Database } from "../db/database";
import { routes as contracts } from "../../core/api/routes";
import { fieldError } from "../../core/domain/api-error";
import { message } from "../../core/messages/message";
import { authorise, fail, readBody, respond, type AppEnv } from "../http";
import { findUserByName } from "../repositories/users";
import { accountProblem } from "./users";

export interface MeRouteSettings {
  localLogin: boolean;
  trustedProxyHops: number;
  session: SessionPolicy;
}

/** What `GET /api/me` and `POST /api/session` answer: DESIGN §7's `{username, role}` and more. */
export const meDetails = (user: Pick<SessionUser, "username" | "role" | "displayName" | "mustChangePassword" | "signInMethod">): MeDetails => ({
  username: user.username,
  role: user.role,
  ...(user.displayName ? { displayName: user.displayName } : {}),
  ...(user.mustChangePassword ? { mustChangePassword: true as const } : {}),
  ...(user.signInMethod === "sso" ? { signInMethod: "sso" as const } : {}),
});

/** A signed-in user's own account: their password and their sessions (issue 14). */
export function meRoutes(db: Database, throttle: LoginThrottle, settings: MeRouteSettings) {
  const routes = new Hono<AppEnv>();

  routes.put("/me/password", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    if (!settings.localLogin) return fail(c, 403, "local_login_disabled", message("error.passwordsBySso"));
    const body = await readBody(c, passwordChangeSchema);
    if (!body.ok) return body.response;
    const user = await findUserByName(db, auth.user.username);
    if (!user) return fail(c, 401, "unauthenticated", message("error.unauthenticated"));
    if (user.oidc_subject !== null) return accountProblem(c, { code: "sso_account", username: user.username });
    // A stolen session must not become a way to guess the password: the same throttle as sign-in.
    const check = await checkPasswordThrottled(throttle, {
      address: clientAddress(c, settings.trustedProxyHops),
      account: user.username,
      password: body.value.currentPassword,
      storedHash: user.password_hash,
    });
    if (!check.ok && check.reason === "throttled") {
      c.header("Retry-After", String(check.retryAfterSeconds));
      return fail(c, 429, "too_many_attempts", message("error.tooManyWrongPasswords", { seconds: check.retryAfterSeconds }));
    }
    if (!check.ok) {
      return fail(c, 400, "wrong_password", message("error.wrongPassword"), [fieldError("currentPassword", message("validation.wrongPassword"))]);
    }
    const outcome = await setOwnPassword(db, user.username, body.value.newPassword, { keepSessionId: auth.user.sessionId });
    if (!outcome.ok) return accountProblem(c, outcome.problem);
    return respond(c, contracts.changeOwnPassword, meDetails({ ...auth.user, mustChangePassword: false }));
  });

  routes.get("/me/sessions", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    return respond(c, contracts.mySessions, { items: await listSessions(db, auth.user.id, auth.user.sessionId, settings.session) });
  });

  /** Ends every session of mine but this one ("sign out everywhere else"). */
  routes.delete("/me/sessions", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    return respond(c, contracts.endMyOtherSessions, { ended: await endUserSessions(db, auth.user.id, { except: auth.user.sessionId }) });
  });

  routes.delete("/me/sessions/:id", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id");
    if (!(await endSession(db, auth.user.id, id))) return fail(c, 404, "not_found", message("error.noSession", { id }));
    if (id === auth.user.sessionId && getCookie(c, sessionCookieName)) deleteCookie(c, sessionCookieName, { path: "/" });
    return c.body(null, 204);
  });

  return routes;
}
