import { describe, expect, it } from "vitest";
import { checkPassword, describePasswordProblem, userCreateSchema, userUpdateSchema } from "../../../src/core/domain/users-api";

const rules = (password: string, username = "kari.nordmann", common: string[] = []) =>
  checkPassword(password, { username, isCommon: (candidate) => common.includes(candidate) })?.code ?? null;

describe("password rules (NIST SP 800-63B)", () => {
  it("asks for 12 characters, counted as Unicode code points, and no composition rules", () => {
    expect(rules("elleve tegn")).toBe("password_too_short");
    expect(rules("tolv tegn ok")).toBeNull();
    expect(rules("alllowercase")).toBeNull();
    // Twelve letters outside the Basic Multilingual Plane are twelve characters, not 24 UTF-16 units.
    expect(rules("😀".repeat(11))).toBe("password_too_short");
    expect(rules("æøå blåbærsyltetøy")).toBeNull();
    expect(rules("x".repeat(300) + "y")).toBe("password_too_long");
  });

  it("refuses the username, the service's name and those with digits after", () => {
    expect(rules("Kari.Nordmann")).toBe("password_is_username");
    expect(rules("kari_nordmann_2024")).toBe("password_is_username");
    expect(rules("massekart2025")).toBe("password_is_username");
    expect(rules("kari.nordmann elsker fjell")).toBeNull();
  });

  it("refuses repeated characters, short repeated patterns and runs", () => {
    expect(rules("aaaaaaaaaaaa")).toBe("password_repetitive");
    expect(rules("abcabcabcabc")).toBe("password_repetitive");
    expect(rules("123456789012")).toBeNull(); // not a run: 9 → 0 breaks it
    expect(rules("abcdefghijklm")).toBe("password_repetitive");
    expect(rules("987654321098")).toBeNull();
    expect(rules("zyxwvutsrqpo")).toBe("password_repetitive");
  });

  it("refuses passwords on the common list, as typed or in lower case", () => {
    expect(rules("Qwertyuiop123", "kari", ["qwertyuiop123"])).toBe("password_common");
    expect(rules("qwertyuiop123", "kari", [])).toBeNull();
  });

  it("describes each problem in a sentence", () => {
    expect(describePasswordProblem({ code: "password_too_short", minLength: 12 })).toBe("must be at least 12 characters");
    expect(describePasswordProblem({ code: "password_common" })).toContain("100,000 most used");
  });
});

describe("account request shapes", () => {
  it("names each bad field of a new account", () => {
    const parsed = userCreateSchema.safeParse({ username: "Per Hansen", role: "boss", displayName: "Per\u0000", password: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["displayName", "password", "role", "username"]);
  });

  it("takes a new account without a password (single sign-on only) and with an empty display name", () => {
    expect(userCreateSchema.parse({ username: "per", role: "viewer" })).toEqual({ username: "per", role: "viewer", displayName: "" });
  });

  it("wants every field of an edit and the version it was based on", () => {
    const parsed = userUpdateSchema.safeParse({ role: "viewer" });
    expect(parsed.error?.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["active", "displayName", "version"]);
  });
});
