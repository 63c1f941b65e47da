import { Hono, type Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { loginSchema } from "../../core/domain/accounts";
import { clientAddress } from "../auth/client-address";
import type { LoginThrottle } from "../auth/login-throttle";
import { checkPasswordThrottled } from "../auth/password-check";
import { createSession, deleteSession, sessionCookieName, type SessionPolicy } from "../auth/sessions";
import type { Database } from "../db/database";
import { routes as contracts } from "../../core/api/routes";
import { message } from "../../core/messages/message";
import { authorise, fail, readBody, respond, type AppEnv } from "../http";
import { findUserByName, recordSignIn } from "../repositories/users";
import { meDetails } from "./me";

export interface SessionRouteSettings {
  secureCookies: boolean;
  localLogin: boolean;
  trustedProxyHops: number;
  session: SessionPolicy;
}

export function sessionRoutes(db: Database, throttle: LoginThrottle, settings: SessionRouteSettings) {
  const routes = new Hono<AppEnv>();

  routes.post("/session", async (c) => {
    if (!settings.localLogin) {
      return fail(c, 403, "local_login_disabled", message("error.localLoginDisabled"));
    }
    const body = await readBody(c, loginSchema);
    if (!body.ok) return body.response;
    // Usernames are lower case; people type them as they like.
    const username = body.value.username.toLowerCase();
    const address = clientAddress(c, settings.trustedProxyHops);
    const user = await findUserByName(db, username);
    const check = await checkPasswordThrottled(throttle, { address, account: username, password: body.value.password, storedHash: user?.password_hash });
    if (!check.ok && check.reason === "throttled") {
      c.header("Retry-After", String(check.retryAfterSeconds));
      return fail(c, 429, "too_many_attempts", message("error.tooManyAttempts", { seconds: check.retryAfterSeconds }));
    }
    if (!check.ok || !user) return fail(c, 401, "invalid_credentials", message("error.invalidCredentials"));
    if (!user.active) return fail(c, 403, "account_deactivated", message("error.accountDeactivated"));
    await startSession(c, db, user.id, "password", settings);
    return respond(
      c,
      contracts.signIn,
      meDetails({
        username: user.username,
        role: user.role,
        displayName: user.display_name,
        mustChangePassword: user.must_change_password,
        signInMethod: user.oidc_subject === null ? "password" : "sso",
      }),
    );
  });

  routes.delete("/session", async (c) => {
    const token = getCookie(c, sessionCookieName);
    if (token) await deleteSession(db, token);
    deleteCookie(c, sessionCookieName, { path: "/" });
    return c.body(null, 204);
  });

  routes.get("/me", (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    return respond(c, contracts.me, meDetails(auth.user));
  });

  return routes;
}

/** Opens a session for a signed-in user, notes the sign-in and sets the httpOnly cookie. */
export async function startSession(
  c: Context,
  db: Database,
  userId: string,
  method: "password" | "oidc",
  settings: Pick<SessionRouteSettings, "secureCookies" | "trustedProxyHops" | "session">,
): Promise<void> {
  // A new sign-in in the same browser replaces its old session rather than leaving it open.
  const previous = getCookie(c, sessionCookieName);
  if (previous) await deleteSession(db, previous);
  const { token } = await createSession(
    db,
    userId,
    { method, userAgent: c.req.header("user-agent") ?? "", address: clientAddress(c, settings.trustedProxyHops) },
    settings.session,
  );
  await recordSignIn(db, userId);
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    sameSite: "Strict",
    secure: settings.secureCookies,
    path: "/",
    maxAge: settings.session.maxHours * 3600,
  });
}
