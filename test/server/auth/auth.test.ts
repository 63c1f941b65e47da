import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../../src/server/auth/passwords";
import { createLoginThrottle } from "../../../src/server/auth/login-throttle";
import { isCommonPassword, passwordProblem } from "../../../src/server/auth/password-policy";

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

describe("login throttle", () => {
  const options = { addressLimit: 3, accountFreeFailures: 2, baseDelayMs: 1000, maxDelayMs: 4000, windowMs: 60_000 };

  it("refuses an address after the limit inside the window, and frees it as the failures age out", () => {
    const throttle = createLoginThrottle(options);
    for (const t of [0, 1000, 2000]) expect(throttle.admit("a", `user${t}`, t).admitted).toBe(true);
    expect(throttle.admit("a", "other", 3000)).toEqual({ admitted: false, reason: "address", retryAfterSeconds: 57 });
    expect(throttle.admit("b", "other", 3000).admitted).toBe(true);
    expect(throttle.admit("a", "other", 60_500).admitted).toBe(true);
  });

  it("counts an attempt as failed from the moment it is admitted, before any password is checked", () => {
    const throttle = createLoginThrottle(options);
    const admitted = [1, 2, 3, 4, 5].map(() => throttle.admit("a", "kari", 0).admitted);
    expect(admitted).toEqual([true, true, true, false, false]);
  });

  it("takes back only the right password's own count: the attacker's address and the account keep theirs", () => {
    const throttle = createLoginThrottle(options);
    throttle.admit("attacker", "kari", 0);
    throttle.admit("attacker", "kari", 0);
    const own = throttle.admit("attacker", "mallory", 0);
    if (!own.admitted) throw new Error("the attacker's own account should be admitted");
    own.succeeded();
    // Two failures stay on the attacker's address: one more attempt, then refused.
    expect(throttle.admit("attacker", "someone", 1).admitted).toBe(true);
    expect(throttle.admit("attacker", "someone", 2).admitted).toBe(false);
    // And kari's two failures still delay the next attempt on her account.
    const next = throttle.admit("desk", "kari", 3);
    expect(next.admitted && next.waitMs).toBe(1000);
  });

  it("delays attempts on an account progressively, never refusing the right password from a clean address", () => {
    const throttle = createLoginThrottle({ ...options, addressLimit: 100 });
    const waits: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const admission = throttle.admit(`bot${i}`, "kari", 0);
      waits.push(admission.admitted ? admission.waitMs : -1);
    }
    // Free failures, then 1 s, 2 s, 4 s, capped at 4 s.
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 4000]);
    const desk = throttle.admit("desk", "kari", 0);
    expect(desk).toMatchObject({ admitted: true, waitMs: 4000 });
  });

  it("queues attempts on an account from addresses that failed before, and refuses them past three delays", () => {
    const throttle = createLoginThrottle({ ...options, addressLimit: 100, accountFreeFailures: 0 });
    throttle.admit("bot", "kari", 0); // clean: waits 1 s, not queued
    const outcomes = [1, 2, 3, 4, 5].map(() => throttle.admit("bot", "kari", 0));
    const waits = outcomes.map((o) => (o.admitted ? o.waitMs : `refused ${o.retryAfterSeconds} s`));
    // Each starts a delay after the one before it (delays 2 s, 4 s, then capped at 4 s);
    // a start more than 3 × 4 s away is refused instead of held open.
    expect(waits).toEqual([2000, 4000, 8000, 12_000, "refused 16 s"]);
    // A clean address is not behind them.
    expect(throttle.admit("desk", "kari", 0)).toMatchObject({ admitted: true, waitMs: 4000 });
  });
});

describe("the shipped list of common passwords", () => {
  it("holds the NCSC's 100,000 passwords and none of its header lines", () => {
    expect(isCommonPassword("123456")).toBe(true);
    expect(isCommonPassword("1q2w3e4r5t6y")).toBe(true);
    expect(isCommonPassword("--")).toBe(false);
    expect(isCommonPassword("")).toBe(false);
    expect(isCommonPassword("Tromsøbadet i regnvær")).toBe(false);
    expect(passwordProblem("Password12345", "kari")).toEqual({ code: "password_common" });
    expect(passwordProblem("Tromsøbadet i regnvær", "kari")).toBeNull();
  });
});
