import { Hono } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { getConnInfo } from "@hono/node-server/conninfo";
import { loginSchema } from "../../core/domain/accounts";
import { message } from "../../core/messages/message";
import { verifyPassword } from "../auth/passwords";
import type { LoginRateLimiter } from "../auth/rate-limit";
import { createSession, deleteSession, sessionCookieName, sessionLifetimeSeconds } from "../auth/sessions";
import type { Database } from "../db/database";
import { authorise, fail, readBody, respond, type AppEnv } from "../http";
import { findUserByName } from "../repositories/users";

/** A fixed hash to verify against when the user does not exist, so timing does not reveal names. */
const decoyHash = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export function sessionRoutes(db: Database, limiter: LoginRateLimiter, { secureCookies }: { secureCookies: boolean }) {
  const routes = new Hono<AppEnv>();

  routes.post("/session", async (c) => {
    const body = await readBody(c, loginSchema);
    if (!body.ok) return body.response;
    const { username, password } = body.value;
    let address = "unknown";
    try {
      address = getConnInfo(c).remote.address ?? address;
    } catch {
      // Not served by @hono/node-server (app.request in tests): one shared bucket.
    }
    const keys = [`ip:${address}`, `user:${username.toLowerCase()}`];
    const retryAfter = Math.max(...keys.map((key) => limiter.retryAfterSeconds(key)));
    if (retryAfter > 0) {
      c.header("Retry-After", String(retryAfter));
      return fail(c, 429, "too_many_attempts", message("error.tooManyAttempts", { seconds: retryAfter }));
    }
    const user = await findUserByName(db, username);
    const valid = await verifyPassword(password, user?.password_hash ?? decoyHash);
    if (!user || !valid) {
      for (const key of keys) limiter.recordFailure(key);
      return fail(c, 401, "invalid_credentials", message("error.invalidCredentials"));
    }
    for (const key of keys) limiter.reset(key);
    const token = await createSession(db, user.id);
    setCookie(c, sessionCookieName, token, {
      httpOnly: true,
      sameSite: "Strict",
      secure: secureCookies,
      path: "/",
      maxAge: sessionLifetimeSeconds,
    });
    return respond(c, contracts.signIn, { username: user.username, role: user.role });
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
    return respond(c, contracts.me, { username: auth.user.username, role: auth.user.role });
  });

  return routes;
}
