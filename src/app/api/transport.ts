/**
 * The app's one HTTP transport, typed by the API's contracts (`src/core/api/routes.ts`): a call
 * names its route, the compiler checks its path parameters, query and body, and the answer is
 * parsed with the route's schema before anyone reads it. Every call answers a value, never throws:
 * `{ ok: true, value }` or `{ ok: false, failure }`. The session travels in an httpOnly cookie on
 * the same origin.
 *
 * Hand-written over `fetch` rather than Hono's RPC client (`hono/client`): the contracts already
 * type every route from core, so RPC's types would need the server's app type in the client, across
 * the layer boundary; and the measured bundle cost favours this (README, "Libraries and why").
 */
import type { z } from "zod";
import { apiErrorSchema, type ApiError } from "../../core/domain/api-error";
import { pathOf, type BodyOf, type PathParams, type QueryOf, type ResponseOf, type RouteContract } from "../../core/api/routes";

/** Why a call failed. `status` 0 means no HTTP answer at all (network down, server gone). */
export interface ApiFailure<Current = unknown> {
  status: number;
  code: string;
  /** The server's English text (or the transport's). */
  message: string;
  /** The message key and parameters to translate, when the server sent them. */
  key?: string | undefined;
  params?: ApiError["error"]["params"];
  /** Field problems, each with its key where the server sent one. */
  fields: ApiError["error"]["fields"];
  /** A 409 version conflict's record as it is now. */
  current?: Current;
  /** An answer that refuses with a body of its own (an import's report of bad rows). */
  refusal?: unknown;
}

export type ApiResult<T, Current = unknown> = { ok: true; value: T; status: number } | { ok: false; failure: ApiFailure<Current> };

type ConflictOf<R extends RouteContract> = R extends { conflict: infer C extends z.ZodType } ? z.output<C> : never;
type RefusalOf<R extends RouteContract> = R extends { refusal: infer F extends z.ZodType } ? z.output<F> : never;

/** What a call needs beside its route: path parameters, query, body (and its content type when not JSON). */
export type CallOptions<R extends RouteContract> = (keyof PathParams<R["path"]> extends never ? { params?: undefined } : { params: PathParams<R["path"]> }) &
  (R extends { query: z.ZodType } ? { query?: QueryOf<R> } : { query?: undefined }) &
  (R extends { body: z.ZodType | "text" | "bytes" } ? { body: BodyOf<R> } : { body?: undefined }) & { contentType?: string };

/** The options argument, optional when a route needs none. */
type CallArgs<R extends RouteContract> = Partial<CallOptions<R>> extends CallOptions<R> ? [CallOptions<R>?] : [CallOptions<R>];

const failure = (status: number, code: string, message: string): ApiFailure => ({ status, code, message, fields: [] });

/** The address of a route with its parameters and query (empty query values are left out). */
export function urlOf<R extends RouteContract>(route: R, options: { params?: Readonly<Record<string, string>>; query?: Readonly<Record<string, string | undefined>> } = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(options.query ?? {})) if (value !== undefined && value !== "") search.set(name, value);
  const query = search.toString();
  return pathOf(route.path, options.params) + (query ? `?${query}` : "");
}

/** The issues of a parse in one line: "items.0.lots.1.tonnes: expected number". */
const issuesText = (error: z.ZodError) =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(answer)"}: ${issue.message}`)
    .join("; ");

/**
 * Told of every answer that says the session cannot go on: 401 (signed out: ended elsewhere, by an
 * admin's reset or deactivation, or timed out) and 403 `password_change_required` (the password is
 * temporary). The session code registers one, so any call, wherever it is made, brings the right
 * screen up at once instead of each feature handling it.
 */
export type SessionFailureListener = (failure: ApiFailure, route: RouteContract) => void;
let sessionFailureListener: SessionFailureListener | undefined;

/** Registers the one listener of session failures; answers a function that removes it. */
export function onSessionFailure(listener: SessionFailureListener): () => void {
  sessionFailureListener = listener;
  return () => {
    if (sessionFailureListener === listener) sessionFailureListener = undefined;
  };
}

/** One call of a route; see the file comment. */
export async function call<R extends RouteContract>(route: R, ...[options]: CallArgs<R>): Promise<ApiResult<ResponseOf<R>, ConflictOf<R>>> {
  const { params, query, body, contentType } = (options ?? {}) as { params?: Record<string, string>; query?: Record<string, string | undefined>; body?: unknown; contentType?: string };
  const json = typeof route.body === "object";
  let response: Response;
  try {
    response = await fetch(urlOf(route, { params, query }), {
      method: route.method,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": contentType ?? (json ? "application/json" : route.body === "bytes" ? "application/octet-stream" : "text/plain") }),
      },
      body: body === undefined ? undefined : json ? JSON.stringify(body) : (body as BodyInit),
    });
  } catch (error) {
    return { ok: false, failure: failure(0, "network", String(error)) as ApiFailure<ConflictOf<R>> };
  }
  if (response.ok && (route.response === null || response.status === 204)) return { ok: true, value: undefined as ResponseOf<R>, status: response.status };
  if (response.ok && route.response === "text") return { ok: true, value: (await response.text()) as ResponseOf<R>, status: response.status };

  let parsed: unknown = undefined;
  try {
    parsed = await response.json();
  } catch {
    // A proxy error page or an empty body: the status alone must tell the story.
  }
  if (!response.ok) {
    const failed = failureOf(route, response, parsed);
    if (failed.status === 401 || failed.code === "password_change_required") sessionFailureListener?.(failed, route);
    return { ok: false, failure: failed as ApiFailure<ConflictOf<R>> };
  }
  const answer = (route.response as z.ZodType).safeParse(parsed);
  if (!answer.success) {
    return { ok: false, failure: failure(response.status, "bad_response", `${route.method} ${route.path}: ${issuesText(answer.error)}`) as ApiFailure<ConflictOf<R>> };
  }
  return { ok: true, value: answer.data as ResponseOf<R>, status: response.status };
}

type ItemsOf<R extends RouteContract> = ResponseOf<R> extends { items: infer T } ? T : never;

/** A list route's items (`{ items: [...] }` unwrapped). */
export async function callItems<R extends RouteContract>(
  route: R,
  ...options: CallArgs<R>
): Promise<ApiResult<ItemsOf<R>, ConflictOf<R>>> {
  const result = await call(route, ...(options as [CallOptions<R>]));
  return result.ok ? { ok: true, value: (result.value as { items: ItemsOf<R> }).items, status: result.status } : result;
}

/** The failure of an answer that was not ok, from the error shape (and a 409's record, an import's report). */
function failureOf<R extends RouteContract>(route: R, response: Pick<Response, "status" | "statusText">, parsed: unknown): ApiFailure {
  const refusal = route.refusal?.safeParse(parsed);
  const withRefusal = refusal?.success ? { refusal: refusal.data } : {};
  const error = apiErrorSchema.safeParse(parsed);
  if (!error.success) return { ...failure(response.status, `http_${response.status}`, response.statusText), ...withRefusal };
  const { code, message, key, params, fields } = error.data.error;
  const current = response.status === 409 && route.conflict ? route.conflict.safeParse((parsed as { current?: unknown }).current) : undefined;
  return {
    status: response.status,
    code,
    message,
    ...(key !== undefined ? { key, params: params ?? {} } : {}),
    fields,
    ...(current?.success ? { current: current.data } : {}),
    ...withRefusal,
  };
}

/** An import's report, whether it came as the answer or as the body of a refusal (400 with bad rows). */
export function reportOf<R extends RouteContract>(route: R, result: ApiResult<ResponseOf<R>, ConflictOf<R>>): { status: number; report: RefusalOf<R> } | undefined {
  if (result.ok) return { status: result.status, report: result.value as RefusalOf<R> };
  return result.failure.refusal === undefined ? undefined : { status: result.failure.status, report: result.failure.refusal as RefusalOf<R> };
}
