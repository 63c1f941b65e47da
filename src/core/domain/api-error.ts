import type { z } from "zod";

/** The error body of every API route (DESIGN §7). */
export interface ApiError {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
}

export function apiError(code: string, message: string, fields: ApiError["error"]["fields"] = []): ApiError {
  return { error: { code, message, fields } };
}

/** Turns zod issues into the `fields` of the error shape: `quantity.value: must be > 0`. */
export function fieldsOf(error: z.ZodError): ApiError["error"]["fields"] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

export function describeFields(fields: ApiError["error"]["fields"]): string {
  return fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join("; ");
}
