/**
 * Slows password guessing on sign-in (and on the current-password check of a password change)
 * without letting an attacker lock a real user out.
 *
 * - Per client address: after `addressLimit` failures inside the window, that address is refused
 *   (429) until the oldest failures age out. An attacker blocks only their own address.
 * - Per account, from anywhere: after `accountFreeFailures` failures, each further attempt waits a
 *   delay that doubles per failure up to `maxDelayMs`, and attempts from addresses that have
 *   failed before queue one after another. An address with no recent failure (a "clean" client,
 *   such as the real user at their desk) skips that queue and only waits the delay, so the right
 *   password from it always gets through.
 * - An attempt counts as a failure from the moment it is admitted, before the password hash is
 *   checked, so concurrent guesses cannot slip past the limits; only a right password takes its
 *   own count back. A success never clears other failures (the attacker's address, the account's),
 *   which age out of the window on their own.
 *
 * In memory: one server process serves one municipality, and a restart forgetting the counts is
 * acceptable for slowing down guessing.
 */
export interface LoginThrottleOptions {
  /** Failed attempts per client address inside the window before the address is refused. */
  addressLimit: number;
  /** Failed attempts on one account inside the window before attempts on it are delayed. */
  accountFreeFailures: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest delay any attempt waits. */
  maxDelayMs: number;
  /** How long a failure counts. */
  windowMs: number;
}

export const defaultLoginThrottleOptions: LoginThrottleOptions = {
  addressLimit: 10,
  accountFreeFailures: 10,
  baseDelayMs: 1000,
  maxDelayMs: 10_000,
  windowMs: 15 * 60_000,
};

export type Admission =
  | {
      admitted: true;
      /** How long to wait before checking the password. */
      waitMs: number;
      /** Call when the password was right: the failure counted in advance is taken back. */
      succeeded(): void;
    }
  | { admitted: false; retryAfterSeconds: number; reason: "address" | "account" };

export interface LoginThrottle {
  /** Decides, atomically (no await inside), whether one attempt may check a password now. */
  admit(address: string, account: string, nowMs?: number): Admission;
}

/** A queued attempt from a known-bad address waits at most this many delays before being refused. */
const queueDelays = 3;

export function createLoginThrottle(options: Partial<LoginThrottleOptions> = {}): LoginThrottle {
  const { addressLimit, accountFreeFailures, baseDelayMs, maxDelayMs, windowMs } = { ...defaultLoginThrottleOptions, ...options };
  const failures = new Map<string, number[]>();
  const nextQueuedStart = new Map<string, number>();

  const recent = (key: string, nowMs: number): number[] => {
    const times = (failures.get(key) ?? []).filter((t) => nowMs - t < windowMs);
    if (times.length > 0) failures.set(key, times);
    else failures.delete(key);
    return times;
  };
  const record = (key: string, nowMs: number) => failures.set(key, [...(failures.get(key) ?? []), nowMs]);
  const takeBack = (key: string, at: number) => {
    const times = failures.get(key);
    const index = times?.indexOf(at) ?? -1;
    if (times && index >= 0) times.splice(index, 1);
  };
  // Guessing across many names or addresses leaves many keys; drop the stale ones now and then.
  const sweep = (nowMs: number) => {
    if (failures.size < 10_000) return;
    for (const key of [...failures.keys()]) recent(key, nowMs);
    for (const [account, at] of nextQueuedStart) if (at < nowMs) nextQueuedStart.delete(account);
  };

  return {
    admit(address, account, nowMs = Date.now()) {
      sweep(nowMs);
      const addressKey = `address:${address}`;
      const accountKey = `account:${account}`;
      const fromAddress = recent(addressKey, nowMs);
      if (fromAddress.length >= addressLimit) {
        const freedAt = (fromAddress[fromAddress.length - addressLimit] ?? nowMs) + windowMs;
        return { admitted: false, reason: "address", retryAfterSeconds: Math.max(1, Math.ceil((freedAt - nowMs) / 1000)) };
      }
      const onAccount = recent(accountKey, nowMs).length;
      const delayMs =
        onAccount < accountFreeFailures ? 0 : Math.min(maxDelayMs, baseDelayMs * 2 ** (onAccount - accountFreeFailures));
      const clean = fromAddress.length === 0;
      let startAt = nowMs + delayMs;
      if (!clean) {
        startAt = Math.max(startAt, nextQueuedStart.get(account) ?? 0);
        if (startAt - nowMs > queueDelays * maxDelayMs) {
          return { admitted: false, reason: "account", retryAfterSeconds: Math.max(1, Math.ceil((startAt - nowMs) / 1000)) };
        }
        nextQueuedStart.set(account, startAt + delayMs);
      }
      record(addressKey, nowMs);
      record(accountKey, nowMs);
      return {
        admitted: true,
        waitMs: startAt - nowMs,
        succeeded: () => {
          takeBack(addressKey, nowMs);
          takeBack(accountKey, nowMs);
        },
      };
    },
  };
}
