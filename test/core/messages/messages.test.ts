import { describe, expect, it } from "vitest";
import { z } from "zod";
import { messageCatalogue } from "../../../src/core/messages/catalogue";
import { englishText, message, placeholdersOf, type MessageKey } from "../../../src/core/messages/message";
import { customIssue, issueMessage, keyedRegex, refineWith } from "../../../src/core/messages/zod-issues";
import { monthSchema, lotInputSchema } from "../../../src/core/domain/records";

const keys = Object.keys(messageCatalogue) as MessageKey[];

describe("the message catalogue", () => {
  it("declares every placeholder of its English templates as a parameter", () => {
    const undeclared = keys.flatMap((key) =>
      placeholdersOf(messageCatalogue[key].en)
        .filter((name) => !Object.hasOwn(messageCatalogue[key].params, name))
        .map((name) => `${key}: {${name}}`),
    );
    expect(undeclared).toEqual([]);
  });

  it("renders English with codes as they are and nested phrases inside", () => {
    const mass = message("mass.ofClass", { material: "clay_silt", class: 4 });
    expect(englishText(message("unplaced.noReceiver", { mass }))).toBe("no receiver accepts class 4 clay_silt");
    expect(englishText(message("mass.demandUpTo", { materials: ["rock", "gravel_sand"], class: 2 }))).toBe("rock or gravel_sand of class 2 or better");
    expect(englishText(message("cause.demandMet", { lots: { items: ["D1", "D2", "D3"], more: 5 } }))).toBe("demand D1, D2, D3 and 5 more already met");
    expect(englishText(message("validation.confirmLarge", { tonnes: 12_345_678.4, limit: 10_000_000 }))).toBe(
      "is 12,345,678 t, over 10,000,000 t: confirm it is not a typo (confirmLarge: true)",
    );
    expect(englishText(message("error.notFound", { entity: "outdoor_lot", id: "x" }))).toBe("No outdoor lot with id x.");
    expect(englishText(message("error.forbiddenRole", { role: "viewer", allowed: ["admin", "planner"] }))).toBe(
      "The role viewer may not do this; it needs one of: admin, planner.",
    );
  });
});

describe("zod issues as messages", () => {
  const first = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value, { reportInput: true });
    if (parsed.success) throw new Error("expected a problem");
    return issueMessage(parsed.error.issues[0]!);
  };

  it("keys built-in checks by their structure, whatever their text", () => {
    expect(first(z.object({ a: z.string() }), {})).toEqual(message("validation.required"));
    expect(first(z.string().min(1, "must not be empty"), "")).toEqual(message("validation.required"));
    expect(first(z.string().max(3), "abcd")).toEqual(message("validation.tooLong", { max: 3 }));
    expect(first(z.number(), "x")).toEqual(message("validation.number"));
    expect(first(z.number().int(), 1.5)).toEqual(message("validation.integer"));
    expect(first(z.number().positive("must be > 0"), 0)).toEqual(message("validation.positive"));
    expect(first(z.number().nonnegative(), -1)).toEqual(message("validation.nonNegative"));
    expect(first(z.number().min(2), 1)).toEqual(message("validation.atLeast", { min: 2 }));
    expect(first(z.number().gt(2), 2)).toEqual(message("validation.greaterThan", { min: 2 }));
    expect(first(z.number().max(5), 6)).toEqual(message("validation.atMost", { max: 5 }));
    expect(first(z.array(z.number()).min(2), [1])).toEqual(message("validation.atLeastItems", { min: 2 }));
    expect(first(z.enum(["a", "b"]), "c")).toEqual(message("validation.oneOf", { values: ["a", "b"] }));
    expect(first(z.string().regex(/^x$/), "y")).toEqual(message("validation.format"));
    expect(first(z.strictObject({}), { extra: 1 })).toEqual(message("validation.unknownKeys", { keys: ["extra"] }));
  });

  it("gives our own checks their own keys", () => {
    expect(first(monthSchema, "2027-13")).toEqual(message("validation.month"));
    expect(first(keyedRegex(/^[0-9]+$/, "validation.month"), "x")).toEqual(message("validation.month"));
    const refined = z.number().refine((n) => n > 1, refineWith(message("validation.profileAllZero")));
    expect(first(refined, 0)).toEqual(message("validation.profileAllZero"));
    const custom = z.number().superRefine((_, ctx) => ctx.addIssue(customIssue(message("validation.notAUser", { username: "kari" }), [])));
    expect(first(custom, 1)).toEqual(message("validation.notAUser", { username: "kari" }));
    const lot = { direction: "surplus", material: "rock", contaminationClass: 1, quantity: { value: 10, unit: "tonnes" }, window: { from: "2027-02", to: "2027-01" } };
    expect(first(lotInputSchema, lot)).toEqual(message("validation.monthOrder"));
    // Their English text is what the API wrote before keys existed.
    const parsed = lotInputSchema.safeParse({ ...lot, window: { from: "2027-01", to: "2027-02" }, monthlyProfile: [1] });
    expect(parsed.error?.issues[0]?.message).toBe("must have one share per month of the window (2), not 1");
  });

  it("falls back to the issue's own text for a check without a key", () => {
    const plain = z.number().refine(() => false, "some new rule");
    expect(first(plain, 1)).toEqual(message("validation.invalid", { detail: "some new rule" }));
  });
});
