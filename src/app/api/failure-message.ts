import type { MessageKey, MessageParams } from "../i18n/i18n";
import type { ApiFailure } from "./client";

/** A message to show, kept as key + params so it re-renders in the new language after a switch. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * What to tell the user about a failed call, in their language. The server's own message is
 * English, so known statuses get a translated text; anything else shows the status and the
 * server's message as is, which is still more use than a bare "error".
 * @param context - "signIn": a 401 means wrong credentials (elsewhere it means the session ended)
 */
export function failureMessage(failure: ApiFailure, context: "signIn" | "other" = "other"): Message {
  if (failure.status === 0) return { key: "error.network" };
  if (failure.status === 401 && context === "signIn") return { key: "error.wrongCredentials" };
  if (failure.status === 401) return { key: "session.expired" };
  if (failure.status === 429) return { key: "error.tooManyAttempts" };
  return { key: "error.server", params: { status: failure.status, message: failure.message } };
}
