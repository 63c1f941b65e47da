import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../../src/server/auth/passwords";
import { createLoginRateLimiter } from "../../../src/server/auth/rate-limit";

describe("passwords", () => {
  it("hash with a fresh salt and verify only the right password", async () => {
    const first = await hashPassword("correct horse");
    const second = await hashPassword("correct horse");
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword("correct horse", first)).toBe(true);
    expect(await verifyPassword("correct horsE", first)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });
});

describe("login rate limiter", () => {
  it("blocks after the maximum failures inside the window and frees the key after it", () => {
    const limiter = createLoginRateLimiter({ maxFailures: 3, windowMs: 60_000 });
    for (const t of [0, 1000, 2000]) {
      expect(limiter.retryAfterSeconds("k", t)).toBe(0);
      limiter.recordFailure("k", t);
    }
    expect(limiter.retryAfterSeconds("k", 3000)).toBe(57);
    expect(limiter.retryAfterSeconds("other", 3000)).toBe(0);
    expect(limiter.retryAfterSeconds("k", 60_500)).toBe(0);
  });

  it("forgets a key's failures after a successful sign-in", () => {
    const limiter = createLoginRateLimiter({ maxFailures: 1, windowMs: 60_000 });
    limiter.recordFailure("k", 0);
    expect(limiter.retryAfterSeconds("k", 1)).toBeGreaterThan(0);
    limiter.reset("k");
    expect(limiter.retryAfterSeconds("k", 1)).toBe(0);
  });
});
