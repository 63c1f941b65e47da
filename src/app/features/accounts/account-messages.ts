/**
 * What to tell the user when an account call fails: the server's stable error codes (issue 14)
 * in the user's language, with the numbers of the password rules filled in.
 */
import { maxPasswordLength, minPasswordLength, type PasswordProblem } from "../../../core/domain/users-api";
import type { ApiFailure } from "../../api/client";
import { failureMessage, type Message } from "../../api/failure-message";
import type { MessageKey } from "../../i18n/i18n";

/** The codes that have an `error.<code>` message in the catalogues. */
type ErrorCodeWithMessage<Key = MessageKey> = Key extends `error.${infer Code}` ? Code : never;

const accountCodes = [
  "username_taken",
  "version_conflict",
  "last_admin",
  "sso_account",
  "wrong_password",
  "password_change_required",
  "account_deactivated",
  "local_login_disabled",
  "password_too_short",
  "password_too_long",
  "password_is_username",
  "password_repetitive",
  "password_common",
  "not_found",
  "forbidden",
] as const satisfies readonly ErrorCodeWithMessage[];
type AccountCode = (typeof accountCodes)[number];

const isAccountCode = (code: string): code is AccountCode => (accountCodes as readonly string[]).includes(code);

/** The message for a password rule, as the server (or `checkPassword` in the browser) reports it. */
export function passwordProblemMessage(problem: PasswordProblem): Message {
  return { key: `error.${problem.code}`, params: { min: minPasswordLength, max: maxPasswordLength } };
}

/** The message for a failed account call; codes not about accounts fall back to the app's general messages. */
export function accountFailureMessage(failure: ApiFailure, context: "signIn" | "other" = "other"): Message {
  if (isAccountCode(failure.code)) return { key: `error.${failure.code}`, params: { min: minPasswordLength, max: maxPasswordLength } };
  if (failure.code === "invalid_input") return { key: "error.invalid_input", params: { message: failure.fields.map((f) => `${f.path} ${f.message}`).join("; ") || failure.message } };
  return failureMessage(failure, context);
}

/** The form field a failure is about, to mark it invalid and put the message beside it. */
export function failureField(failure: ApiFailure): string | null {
  if (failure.code === "wrong_password") return "currentPassword";
  if (failure.code.startsWith("password_")) return failure.fields[0]?.path ?? "newPassword";
  if (failure.code === "username_taken") return "username";
  return failure.fields[0]?.path ?? null;
}
