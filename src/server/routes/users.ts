import { Hono, type Context } from "hono";
import { routes as contracts } from "../../core/api/routes";
import { fieldError } from "../../core/domain/api-error";
import { passwordProblemMessage, passwordResetSchema, userCreateSchema, userUpdateSchema } from "../../core/domain/users-api";
import { message } from "../../core/messages/message";
import { createAccount, resetPassword, updateAccount, type AccountProblem } from "../auth/user-accounts";
import type { Database } from "../db/database";
import { authorise, fail, readBody, respond, type AppEnv } from "../http";
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
    return respond(c, contracts.users, { items: auth.user.role === "admin" ? rows.map(accountOf) : rows.map(listItemOf) });
  });

  routes.get("/users/:username", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const row = await findUserByName(db, c.req.param("username"));
    return row ? respond(c, contracts.user, accountOf(row)) : notFound(c, c.req.param("username"));
  });

  routes.post("/users", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, userCreateSchema);
    if (!body.ok) return body.response;
    // The admin knows the first password, so the user replaces it at their first sign-in.
    const outcome = await createAccount(db, body.value, { actor: auth.user.username, mustChangePassword: true });
    return outcome.ok ? respond(c, contracts.createUser, outcome.value) : accountProblem(c, outcome.problem);
  });

  routes.put("/users/:username", async (c) => {
    const auth = authorise(c, ["admin"]);
    if (!auth.ok) return auth.response;
    const body = await readBody(c, userUpdateSchema);
    if (!body.ok) return body.response;
    const outcome = await updateAccount(db, c.req.param("username"), body.value, { actor: auth.user.username });
    return outcome.ok ? respond(c, contracts.updateUser, outcome.value) : accountProblem(c, outcome.problem);
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
    return respond(c, contracts.resetPassword, { username, mustChangePassword: true, ...(generatedPassword ? { generatedPassword } : {}) });
  });

  return routes;
}

const notFound = (c: Context, username: string) => fail(c, 404, "not_found", message("error.noUser", { username }));

/** The answer for a refused account change, shared by the admin's routes and a user's own. */
export function accountProblem(c: Context, problem: AccountProblem): Response {
  switch (problem.code) {
    case "not_found":
      return notFound(c, problem.username);
    case "username_taken":
      return fail(c, 409, "username_taken", message("error.usernameTaken", { username: problem.username }), [
        fieldError("username", message("validation.usernameTaken")),
      ]);
    case "version_conflict":
      return versionConflict(c, "user", problem.current);
    case "last_admin":
      return fail(c, 409, "last_admin", message("error.lastAdmin", { username: problem.username }));
    case "sso_account":
      return fail(c, 409, "sso_account", message("error.ssoAccount", { username: problem.username }));
    case "weak_password": {
      const why = passwordProblemMessage(problem.problem);
      return fail(c, 400, problem.problem.code, message(problem.field === "newPassword" ? "error.weakNewPassword" : "error.weakPassword", { problem: why }), [
        fieldError(problem.field, why),
      ]);
    }
  }
}
