/**
 * Field problems in the user's language. The server sends each problem with a message key and its
 * parameters beside the English text, and the app's own zod checks get the same keys from the core
 * (`issueMessage`), so a field reads alike whichever side found the problem. A key this app does
 * not know (a newer server) shows the server's English rather than nothing.
 */
import type { ApiFieldError } from "../../core/domain/api-error";
import { issueMessage, type IssueLike } from "../../core/messages/zod-issues";
import type { Message } from "../api/failure-message";
import { isAppMessageKey } from "./i18n";

/** Field path (as in the API: "quantity.value") → what to show beside that field. */
export type FieldErrors = Readonly<Record<string, Message>>;

/** A problem as the server (or a CSV report) sends it; `key` and `params` may be missing from an older server. */
export type ServerProblem = Pick<ApiFieldError, "message"> & { key?: string; params?: ApiFieldError["params"] };

/** A problem as the server (or a CSV report) sent it, in the user's language where the key is known. */
export function fieldMessage(field: ServerProblem): Message {
  if (isAppMessageKey(field.key)) return { key: field.key, params: field.params ?? {} };
  return { key: "error.raw", params: { message: field.message } };
}

/** The path of a zod issue as the API writes it: "quantity.value". */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/**
 * The field errors of a set of zod issues, the first issue of each path winning (the rest usually
 * repeat it), each path prefixed (a lot's errors live under "lots.<key>.").
 */
export function fieldErrorsOf(issues: readonly (IssueLike & { path: readonly PropertyKey[] })[], prefix = ""): Record<string, Message> {
  const errors: Record<string, Message> = {};
  for (const issue of issues) {
    const path = prefix + pathText(issue.path);
    if (!(path in errors)) errors[path] = issueMessage(issue);
  }
  return errors;
}

/** The `fields` of a server error as field errors, the same way. */
export function fieldErrorsOfServer(fields: readonly (ServerProblem & { path: string })[], prefix = ""): Record<string, Message> {
  const errors: Record<string, Message> = {};
  for (const field of fields) {
    const path = prefix + field.path;
    if (!(path in errors)) errors[path] = fieldMessage(field);
  }
  return errors;
}

/**
 * The error to show beside a field: the one for its path, or for a path below it (a coordinate
 * error "location.coordinates.0" shows beside the location).
 */
export function errorFor(errors: FieldErrors, path: string): Message | undefined {
  if (errors[path]) return errors[path];
  const below = Object.keys(errors).find((p) => p.startsWith(`${path}.`));
  return below ? errors[below] : undefined;
}
