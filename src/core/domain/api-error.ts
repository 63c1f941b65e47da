import { z } from "zod";
import { englishText, paramValueSchema, type MessageLike } from "../messages/message";
import { issueMessage } from "../messages/zod-issues";

const paramsSchema = z.record(z.string(), paramValueSchema);

/**
 * One field problem of an error: its JSON path, the English text, and the message key with its
 * parameters that a client translates (additions to DESIGN §7's `{path, message}`; optional in the
 * contract, so a reader copes with an answer from before them).
 */
export const apiFieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  key: z.string().optional(),
  params: paramsSchema.optional(),
});
export type ApiFieldError = z.infer<typeof apiFieldErrorSchema>;

/**
 * The error body of every API route (DESIGN §7), with the message key and parameters of the error
 * beside its English `message` (an addition, see the README's changelog).
 */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    key: z.string().optional(),
    params: paramsSchema.optional(),
    fields: z.array(apiFieldErrorSchema),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export function apiError(code: string, m: MessageLike, fields: ApiFieldError[] = []): ApiError {
  return { error: { code, message: englishText(m), key: m.key, params: m.params, fields } };
}

/** A field problem from its path and message. */
export function fieldError(path: string, m: MessageLike): ApiFieldError {
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
