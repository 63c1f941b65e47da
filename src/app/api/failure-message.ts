import { isAppMessageKey, type MessageKey, type MessageParams } from "../i18n/i18n";
import type { ApiFailure } from "./client";

/** A message to show, kept as key + params so it re-renders in the new language after a switch. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * What to tell the user about a failed call, in their language: the server's message key with its
 * parameters. Without an answer, or from an older server without a key this app knows, a text of
 * our own by status, with the server's English as a last resort (more use than a bare "error").
 * @param context - "signIn": a 401 means wrong credentials (elsewhere it means the session ended)
 */
export function failureMessage(failure: ApiFailure, context: "signIn" | "other" = "other"): Message {
  if (failure.status === 0) return { key: "error.network" };
  if (failure.status === 401 && context !== "signIn") return { key: "session.expired" };
  if (isAppMessageKey(failure.key)) return { key: failure.key, params: failure.params ?? {} };
  if (failure.status === 401) return { key: "error.wrongCredentials" };
  return { key: "error.server", params: { status: failure.status, message: failure.message } };
}
