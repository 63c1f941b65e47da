/**
 * Request and response shapes of the account routes (issue 14): user management by admins, a
 * user's own password and sessions, and how the sign-in page learns which ways to sign in exist.
 * Shared by the server and the client, with the password rules both apply.
 */
import { z } from "zod";
import { englishText, message, type Message } from "../messages/message";
import { roles } from "./accounts";

/** Usernames: lower-case letters, digits, dot, underscore and hyphen, 2–64 characters. */
export const usernamePattern = /^[a-z0-9._-]{2,64}$/;
export const usernameSchema = z
  .string()
  .regex(usernamePattern, "must be 2–64 characters of a–z, 0–9, dot, underscore or hyphen (lower case)");

export const roleSchema = z.enum(roles, { error: `must be one of ${roles.join(", ")}` });

// Control characters (C0, DEL, C1) never belong in a name shown to others.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/;
export const displayNameSchema = z
  .string()
  .trim()
  .max(200, "must be at most 200 characters")
  .refine((name) => !controlCharacters.test(name), "must not contain control characters");

/** Longest password accepted (characters); NIST SP 800-63B asks for at least 64. */
export const maxPasswordLength = 256;
/** Shortest password accepted for a new password (characters, after NIST SP 800-63B with a margin). */
export const minPasswordLength = 12;

const passwordField = z.string().min(1, "must not be empty").max(maxPasswordLength, `must be at most ${maxPasswordLength} characters`);
const version = z.number().int().positive("must be a positive whole number");

/** POST /api/users (admin). Without `password` the account can only sign in through SSO until an admin sets one. */
export const userCreateSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema.default(""),
  role: roleSchema,
  password: passwordField.optional(),
});
export type UserCreate = z.input<typeof userCreateSchema>;

/** PUT /api/users/:username (admin): every editable field and the version it was based on. */
export const userUpdateSchema = z.object({
  displayName: displayNameSchema,
  role: roleSchema,
  active: z.boolean({ error: "must be true or false" }),
  version,
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

/** POST /api/users/:username/password (admin): a temporary password, or none to have one generated. */
export const passwordResetSchema = z.object({ password: passwordField.optional() });
export type PasswordReset = z.infer<typeof passwordResetSchema>;

/** PUT /api/me/password. */
export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, "must not be empty").max(maxPasswordLength),
  newPassword: passwordField,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const signInMethods = ["password", "sso"] as const;
export type SignInMethod = (typeof signInMethods)[number];

/** One row of GET /api/users as any signed-in user sees it (enough to pick project members). */
export const userListItemSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  active: z.boolean(),
  version: z.number().int(),
});
export type UserListItem = z.infer<typeof userListItemSchema>;

/** One row of GET /api/users for an admin, and the answer of the admin's user writes. */
export const userAccountSchema = userListItemSchema.extend({
  /** ISO time of the last successful sign-in, null if never. */
  lastSignInAt: z.string().nullable(),
  /** The user must choose a new password before doing anything else (after an admin reset). */
  mustChangePassword: z.boolean(),
  /** `sso`: the account belongs to an identity at the OpenID Connect provider. */
  signInMethod: z.enum(signInMethods),
  /** Whether a local password is set (SSO accounts have none). */
  hasPassword: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type UserAccount = z.infer<typeof userAccountSchema>;

/** GET /api/users: admins get whole accounts, everyone else the list items. */
export const userRowSchema = z.union([userAccountSchema, userListItemSchema]);

/** The answer of POST /api/users/:username/password: the generated password appears once, here. */
export const passwordResetResultSchema = z.object({
  username: z.string(),
  mustChangePassword: z.literal(true),
  /** Only when the server generated the password. */
  generatedPassword: z.string().optional(),
});
export type PasswordResetResult = z.infer<typeof passwordResetResultSchema>;

/**
 * GET /api/me and POST /api/session: who is signed in. DESIGN §7's `{username, role}`, with the
 * other fields present only when they say something, so a plain account's answer stays exactly
 * `{username, role}`.
 */
export const meDetailsSchema = z.object({
  username: z.string(),
  role: z.enum(roles),
  /** When the account has a display name. */
  displayName: z.string().optional(),
  /** Present (true) after an admin's reset: the user must set a new password before anything else. */
  mustChangePassword: z.literal(true).optional(),
  /** Present ("sso") when the account signs in through single sign-on (it then has no password to change). */
  signInMethod: z.literal("sso").optional(),
});
export type MeDetails = z.infer<typeof meDetailsSchema>;

/** One row of GET /api/me/sessions. */
export const sessionInfoSchema = z.object({
  id: z.string(),
  /** The session this request came with. */
  current: z.boolean(),
  method: z.enum(["password", "oidc"]),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** When it ends at the latest (absolute lifetime); it ends sooner when idle for the idle timeout. */
  expiresAt: z.string(),
  /** When it ends if not used before then. */
  idleExpiresAt: z.string(),
  userAgent: z.string(),
  address: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** GET /api/auth/config (anyone): which ways of signing in the sign-in page offers. */
export const authConfigSchema = z.object({
  localLogin: z.boolean(),
  /** The OpenID Connect provider, when configured: the button's label and where it leads. */
  oidc: z.object({ name: z.string(), loginUrl: z.string() }).nullable(),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;

/**
 * A refused single sign-on sends the browser back to the page it started from with
 * `?signInError=<code>`, and the sign-in page says why in the user's language.
 */
export const signInErrorParam = "signInError";
export const ssoRefusalCodes = [
  "account_deactivated",
  "oidc_no_role",
  "oidc_no_transaction",
  "oidc_provider_error",
  "oidc_state_mismatch",
  "oidc_invalid_response",
  "oidc_unreachable",
] as const;
export type SsoRefusalCode = (typeof ssoRefusalCodes)[number];

/** Why a new password is refused; the client shows the same sentence from its own catalogue. */
export type PasswordProblem =
  | { code: "password_too_short"; minLength: number }
  | { code: "password_too_long"; maxLength: number }
  | { code: "password_is_username" }
  | { code: "password_repetitive" }
  | { code: "password_common" };

/** Why a password is refused, as a message of the catalogue (the server's English and the app's words). */
export function passwordProblemMessage(problem: PasswordProblem): Message {
  switch (problem.code) {
    case "password_too_short":
      return message("password.tooShort", { minLength: problem.minLength });
    case "password_too_long":
      return message("password.tooLong", { maxLength: problem.maxLength });
    case "password_is_username":
      return message("password.isUsername");
    case "password_repetitive":
      return message("password.repetitive");
    case "password_common":
      return message("password.common");
  }
}

/** The same in English words ("must be at least 12 characters"). */
export function describePasswordProblem(problem: PasswordProblem): string {
  return englishText(passwordProblemMessage(problem));
}

/** Letters and digits only, lower case: "Kari.Nordmann" and "kari_nordmann" compare equal. */
const squeeze = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * The password rules of NIST SP 800-63B §3.1.1.2 (and §5.1.1.2 of the 2017 edition): a minimum
 * length, no composition rules, and a refusal of values known to be common, repetitive or
 * sequential, or derived from the context (the username, the service's name).
 * `isCommon` answers from the shipped breach list (the server holds it; a client may leave it out).
 * Lengths count Unicode code points, as NIST asks.
 */
export function checkPassword(
  password: string,
  { username, isCommon = () => false }: { username: string; isCommon?: (password: string) => boolean },
): PasswordProblem | null {
  const length = [...password].length;
  if (length < minPasswordLength) return { code: "password_too_short", minLength: minPasswordLength };
  if (length > maxPasswordLength) return { code: "password_too_long", maxLength: maxPasswordLength };
  const squeezed = squeeze(password);
  const withoutTrailingDigits = squeezed.replace(/\d+$/, "");
  for (const context of [username, "massekart"]) {
    const word = squeeze(context);
    if (word && (squeezed === word || withoutTrailingDigits === word)) return { code: "password_is_username" };
  }
  if (isRepetitive(password)) return { code: "password_repetitive" };
  if (isCommon(password) || isCommon(password.toLowerCase())) return { code: "password_common" };
  return null;
}

/** One character repeated, a short pattern repeated ("abcabcabcabc"), or a run of consecutive code points. */
function isRepetitive(password: string): boolean {
  const chars = [...password.toLowerCase()];
  for (let period = 1; period <= 3; period += 1) {
    if (chars.every((char, i) => char === chars[i % period])) return true;
  }
  const codes = chars.map((char) => char.codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  return Math.abs(step) === 1 && codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? code) === step);
}
