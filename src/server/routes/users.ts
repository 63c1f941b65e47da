import { Hono, type Context } from "hono";
import {
  describePasswordProblem,
  passwordResetSchema,
  userCreateSchema,
  userUpdateSchema,
  type PasswordResetResult,
} from "../../core/domain/users-api";
import { createAccount, resetPassword, updateAccount, type AccountProblem } from "../auth/user-accounts";
import type { Database } from "../db/database";
import { authorise, fail, readBody, type AppEnv } from "../http";
import { accountOf, findUserByName, listItemOf, listUsers } from "../repositories/users";
import { versionConflict } from "./write-helpers";

/**
 * Accounts (issue 14): admins list, create, edit, deactivate users and set temporary passwords;
 * every signed-in user may list names (for project membership), without sign-in times.
 */
export function userRoutes(db: Database) {
  const routes = new Hono<AppEnv>();

  routes.get("/users", async (c) => {
    const auth = authorise(c);
    if (!auth.ok) return auth.response;
    const rows = await listUsers(db);
    return c.json({ items: auth.user.role === "admin" ? rows.map(accountOf) : rows.map(listItemOf) });
  });

  routes.get("/users/:username", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const row = await findUserByName(db, c.req.param("username"));
    return row ? c.json(accountOf(row)) : notFound(c, c.req.param("username"));
  });

  routes.post("/users", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, userCreateSchema);
    if (!body.ok) return body.response;
    // The admin knows the first password, so the user replaces it at their first sign-in.
    const outcome = await createAccount(db, body.value, { actor: auth.user.username, mustChangePassword: true });
    return outcome.ok ? c.json(outcome.value, 201) : accountProblem(c, outcome.problem);
  });

  routes.put("/users/:username", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, userUpdateSchema);
    if (!body.ok) return body.response;
    const outcome = await updateAccount(db, c.req.param("username"), body.value, { actor: auth.user.username });
    return outcome.ok ? c.json(outcome.value) : accountProblem(c, outcome.problem);
  });

  routes.post("/users/:username/password", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    // No body (or {}) asks the server to generate the temporary password.
    const body = (await c.req.text()).trim() === "" ? { ok: true as const, value: {} } : await readBody(c, passwordResetSchema);
    if (!body.ok) return body.response;
    const username = c.req.param("username");
    const outcome = await resetPassword(db, username, body.value.password, { actor: auth.user.username });
    if (!outcome.ok) return accountProblem(c, outcome.problem);
    const { generatedPassword } = outcome.value;
    return c.json({ username, mustChangePassword: true, ...(generatedPassword ? { generatedPassword } : {}) } satisfies PasswordResetResult);
  });

  return routes;
}

const notFound = (c: Context, username: string) => fail(c, 404, "not_found", `No user ${username}.`);

/** The answer for a refused account change, shared by the admin's routes and a user's own. */
export function accountProblem(c: Context, problem: AccountProblem): Response {
  switch (problem.code) {
    case "not_found":
      return notFound(c, problem.username);
    case "username_taken":
      return fail(c, 409, "username_taken", `The username ${problem.username} is taken.`, [
        { path: "username", message: "is taken by another account (active or not)" },
      ]);
    case "version_conflict":
      return versionConflict(c, "user", problem.current);
    case "last_admin":
      return fail(
        c,
        409,
        "last_admin",
        `${problem.username} is the last active admin; make another user an admin before deactivating or demoting this one.`,
      );
    case "sso_account":
      return fail(c, 409, "sso_account", `${problem.username} signs in through single sign-on and has no local password.`);
    case "weak_password": {
      const message = describePasswordProblem(problem.problem);
      return fail(c, 400, problem.problem.code, `The ${problem.field === "newPassword" ? "new password" : "password"} ${message}.`, [
        { path: problem.field, message },
      ]);
    }
  }
}
