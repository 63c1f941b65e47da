import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { apiError, describeFields, fieldError, fieldsOf, type ApiFieldError } from "../core/domain/api-error";
import type { RouteContract, SentOf } from "../core/api/routes";
import type { Role } from "../core/domain/accounts";
import { firstControlCharacter, parseBoundedJson } from "../core/domain/input-bounds";
import { message, type Message } from "../core/messages/message";
import type { SessionUser } from "./auth/sessions";

export interface AppEnv {
  Variables: { user: SessionUser | undefined };
}

/**
 * An error answer in the shape of DESIGN §7: `code`, the English `message` and the message `key`
 * with its `params`, both from `m`, and the field problems.
 */
export function fail(c: Context, status: ContentfulStatusCode, code: string, m: Message, fields?: ApiFieldError[]): Response;
/** @deprecated Give a message from the catalogue (`src/core/messages/catalogue.ts`), so clients can translate it. */
export function fail(c: Context, status: ContentfulStatusCode, code: string, text: string, fields?: ApiFieldError[]): Response;
export function fail(c: Context, status: ContentfulStatusCode, code: string, m: Message | string, fields: ApiFieldError[] = []): Response {
  return c.json(apiError(code, typeof m === "string" ? message("error.other", { detail: m }) : m, fields), status);
}

/**
 * A success answer typed by its route's contract (`src/core/api/routes.ts`), with the route's
 * status unless another is given (an import's report comes back 201, or 200 for a dry run).
 */
export function respond<R extends RouteContract>(c: Context, route: R, value: SentOf<R>, status?: ContentfulStatusCode): Response {
  return c.json(value as never, status ?? ((route.status ?? 200) as ContentfulStatusCode));
}

/** 400 `invalid_input` listing the field problems. */
export const invalidInput = (c: Context, fields: ApiFieldError[]) =>
  fail(c, 400, "invalid_input", message("error.invalidInput", { details: describeFields(fields), count: fields.length }), fields);

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
      ? { ok: false, response: fail(c, 400, "json_too_deep", parsed.problem) }
      : { ok: false, response: fail(c, 400, "invalid_json", message("error.invalidJson")) };
  }
  const control = firstControlCharacter(parsed.value);
  if (control) return { ok: false, response: invalidInput(c, [fieldError(control.path, control.problem)]) };
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
  if (!parsed.success) return { ok: false, response: invalidInput(c, fieldsOf(parsed.error)) };
  return { ok: true, value: parsed.data };
}


/** 400 `invalid_query` listing the parameter problems. */
export const invalidQuery = (c: Context, fields: ApiFieldError[]) =>
  fail(c, 400, "invalid_query", message("error.invalidQuery", { details: describeFields(fields), count: fields.length }), fields);

/** Validates the query string with a schema; errors become 400 `invalid_query` naming each parameter. */
export function readQuery<T>(
  c: Context,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; response: Response } {
  const parsed = schema.safeParse(c.req.query());
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, response: invalidQuery(c, fieldsOf(parsed.error)) };
}

/** The signed-in user, or an answer that says why the request is refused. */
export function authorise(
  c: Context<AppEnv>,
  allowed?: readonly Role[],
): { ok: true; user: SessionUser } | { ok: false; response: Response } {
  const user = c.get("user");
  if (!user) return { ok: false, response: fail(c, 401, "unauthenticated", message("error.unauthenticated")) };
  if (allowed && !allowed.includes(user.role)) {
    return { ok: false, response: fail(c, 403, "forbidden", message("error.forbiddenRole", { role: user.role, allowed })) };
  }
  return { ok: true, user };
}
