import type { z } from "zod";
import { englishText, type Message, type ParamValue } from "../messages/message";
import { issueMessage } from "../messages/zod-issues";

/**
 * One field problem of an error: its JSON path, the English text, and the message key with its
 * parameters that a client translates (addition to DESIGN §7's `{path, message}`).
 */
export interface ApiFieldError {
  path: string;
  message: string;
  key: Message["key"];
  params: Readonly<Record<string, ParamValue>>;
}

/**
 * The error body of every API route (DESIGN §7), with the message key and parameters of the error
 * beside its English `message` (an addition, see the README's changelog).
 */
export interface ApiError {
  error: {
    code: string;
    message: string;
    key: Message["key"];
    params: Readonly<Record<string, ParamValue>>;
    fields: ApiFieldError[];
  };
}

export function apiError(code: string, m: Message, fields: ApiFieldError[] = []): ApiError {
  return { error: { code, message: englishText(m), key: m.key, params: m.params, fields } };
}

/** A field problem from its path and message. */
export function fieldError(path: string, m: Message): ApiFieldError {
  return { path, message: englishText(m), key: m.key, params: m.params };
}

/**
 * Turns zod issues into the `fields` of the error shape: `quantity.value: must be > 0`. The English
 * text is the issue's own; key and parameters come from `issueMessage`.
 */
export function fieldsOf(error: z.ZodError): ApiFieldError[] {
  return error.issues.map((issue) => {
    const m = issueMessage(issue);
    return { path: issue.path.map(String).join("."), message: issue.message, key: m.key, params: m.params };
  });
}

export function describeFields(fields: readonly Pick<ApiFieldError, "path" | "message">[]): string {
  return fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join("; ");
}
