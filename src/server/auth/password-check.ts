import type { LoginThrottle } from "./login-throttle";
import { verifyPassword } from "./passwords";

/** A fixed hash to verify against when the user does not exist, so timing does not reveal names. */
const decoyHash = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export type PasswordCheck = { ok: true } | { ok: false; reason: "wrong" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks a password under the sign-in throttle: the attempt is counted (and possibly delayed or
 * refused) before the hash is computed; only a right password takes its count back.
 * `storedHash` undefined (no such user, or no local password) is checked against a decoy, so the
 * answer takes as long and says nothing more.
 */
export async function checkPasswordThrottled(
  throttle: LoginThrottle,
  { address, account, password, storedHash }: { address: string; account: string; password: string; storedHash: string | null | undefined },
): Promise<PasswordCheck> {
  const admission = throttle.admit(address, account);
  if (!admission.admitted) return { ok: false, reason: "throttled", retryAfterSeconds: admission.retryAfterSeconds };
  if (admission.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, admission.waitMs));
  const valid = await verifyPassword(password, storedHash ?? decoyHash);
  if (!valid || !storedHash) return { ok: false, reason: "wrong" };
  admission.succeeded();
  return { ok: true };
}
