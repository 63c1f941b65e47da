import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { apiError, describeFields, fieldsOf, type ApiError } from "../core/domain/api-error";
import type { Role } from "../core/domain/accounts";
import { firstControlCharacter, parseBoundedJson } from "../core/domain/input-bounds";
import type { SessionUser } from "./auth/sessions";

export interface AppEnv {
  Variables: { user: SessionUser | undefined };
}

export const fail = (
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  fields: ApiError["error"]["fields"] = [],
) => c.json(apiError(code, message, fields), status);

/**
 * Reads a JSON body within the input bounds (issue 12): malformed JSON answers 400 `invalid_json`,
 * nesting deeper than `maxNestingDepth` 400 `json_too_deep` (before anything recurses into it), and
 * a string holding a NUL or another control character (other than a line break or tab) 400
 * `invalid_input` naming its JSON path, whichever route it is sent to.
 */
export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const parsed = parseBoundedJson(await c.req.text());
  if (!parsed.ok) {
    return parsed.code === "too_deep"
      ? { ok: false, response: fail(c, 400, "json_too_deep", parsed.message) }
      : { ok: false, response: fail(c, 400, "invalid_json", "The request body is not valid JSON.") };
  }
  const control = firstControlCharacter(parsed.value);
  if (control) {
    return { ok: false, response: fail(c, 400, "invalid_input", `Invalid input: ${control.path}: ${control.message}`, [control]) };
  }
  return { ok: true, value: parsed.value };
}

/**
 * Reads and validates a JSON body. Malformed JSON and schema errors become 400 answers in the
 * error shape of DESIGN §7; `fields` name each offending field.
 */
export async function readBody<T>(
  c: Context,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const raw = await readJson(c);
  if (!raw.ok) return raw;
  const parsed = schema.safeParse(raw.value);
  if (!parsed.success) {
    const fields = fieldsOf(parsed.error);
    return { ok: false, response: fail(c, 400, "invalid_input", `Invalid input: ${describeFields(fields)}`, fields) };
  }
  return { ok: true, value: parsed.data };
}

/** Validates the query string with a schema; errors become 400 `invalid_query` naming each parameter. */
export function readQuery<T>(
  c: Context,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; response: Response } {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields = fieldsOf(parsed.error);
  return { ok: false, response: fail(c, 400, "invalid_query", `Invalid query: ${describeFields(fields)}`, fields) };
}

/** The signed-in user, or an answer that says why the request is refused. */
export function authorise(
  c: Context<AppEnv>,
  allowed?: readonly Role[],
): { ok: true; user: SessionUser } | { ok: false; response: Response } {
  const user = c.get("user");
  if (!user) return { ok: false, response: fail(c, 401, "unauthenticated", "Sign in first.") };
  if (allowed && !allowed.includes(user.role)) {
    return {
      ok: false,
      response: fail(c, 403, "forbidden", `The role ${user.role} may not do this; it needs one of: ${allowed.join(", ")}.`),
    };
  }
  return { ok: true, user };
}
