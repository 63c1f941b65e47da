/**
 * Counts failed sign-ins per key (client address and username) in a sliding window.
 * In memory: one server process serves one municipality; a restart forgets, which is acceptable
 * for slowing down password guessing.
 */
export interface LoginRateLimiter {
  /** Seconds to wait if `key` is blocked now, else 0. */
  retryAfterSeconds(key: string, nowMs?: number): number;
  recordFailure(key: string, nowMs?: number): void;
  reset(key: string): void;
}

export function createLoginRateLimiter({ maxFailures = 10, windowMs = 15 * 60_000 } = {}): LoginRateLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, nowMs: number) => (failures.get(key) ?? []).filter((t) => nowMs - t < windowMs);
  return {
    retryAfterSeconds(key, nowMs = Date.now()) {
      const times = recent(key, nowMs);
      if (times.length < maxFailures) return 0;
      const oldest = times[times.length - maxFailures] ?? nowMs;
      return Math.max(1, Math.ceil((oldest + windowMs - nowMs) / 1000));
    },
    recordFailure(key, nowMs = Date.now()) {
      const times = recent(key, nowMs);
      times.push(nowMs);
      failures.set(key, times);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
