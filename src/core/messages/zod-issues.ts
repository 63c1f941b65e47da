/**
 * Zod issues as messages. The server puts the key and parameters of each issue beside its English
 * text in an error's `fields`; the app gets the same keys for the issues of its own checks, so a
 * field reads alike whichever side found the problem.
 *
 * Built-in checks are keyed by their structure (code, origin, bounds), never by their text. Our own
 * checks carry their message in the issue: `refineWith` and `customIssue` put it in the issue's
 * `params`, and `keyedRegex` registers the key of a pattern.
 */
import { z } from "zod";
import { englishText, isMessage, isMessageKey, message, type Message, type MessageKey, type ParamlessKey } from "./message";

/** The parts of a zod issue the mapping reads (zod's own issue types fit). */
export interface IssueLike {
  code?: string;
  message: string;
  path?: readonly PropertyKey[];
  origin?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: string;
  values?: readonly unknown[];
  options?: readonly unknown[];
  keys?: readonly string[];
  divisor?: number | bigint;
  params?: unknown;
  input?: unknown;
}

// The key of each registered pattern, by its source text as zod reports it ("/^\d{4}$/").
const patternKeys = new Map<string, MessageKey>();

/** A string schema matching `pattern`, whose issue carries `key` (and its English as message). */
export function keyedRegex(pattern: RegExp, key: ParamlessKey): z.ZodString {
  patternKeys.set(String(pattern), key);
  return z.string().regex(pattern, englishText({ key, params: {} }));
}


/** Options for `.refine()`: the message's English as zod's message, the message itself as params. */
export function refineWith(m: Message, path?: PropertyKey[]): { message: string; params: Message; path?: PropertyKey[] } {
  return { message: englishText(m), params: m, ...(path ? { path } : {}) };
}

/** A custom issue for `ctx.addIssue` carrying a message. */
export function customIssue(m: Message, path: PropertyKey[]): { code: "custom"; message: string; params: Message; path: PropertyKey[] } {
  return { code: "custom", message: englishText(m), params: m, path };
}

const bound = (value: number | bigint | undefined) => Number(value);

/** The message of one zod issue. */
export function issueMessage(issue: IssueLike): Message {
  switch (issue.code) {
    case "custom":
      if (isMessage(issue.params) && isMessageKey(issue.params.key)) return { key: issue.params.key, params: issue.params.params };
      return message("validation.invalid", { detail: issue.message });
    case "invalid_type": {
      const missing = "input" in issue ? issue.input === undefined : /received undefined$/.test(issue.message);
      if (missing) return message("validation.required");
      if (issue.expected === "number") return message("validation.number");
      if (issue.expected === "int") return message("validation.integer");
      return message("validation.type", { expected: issue.expected ?? "value" });
    }
    case "too_small": {
      const min = bound(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? message("validation.required") : message("validation.tooShort", { min });
      if (issue.origin === "array" || issue.origin === "set") return message("validation.atLeastItems", { min });
      if (min === 0) return issue.inclusive === false ? message("validation.positive") : message("validation.nonNegative");
      return issue.inclusive === false ? message("validation.greaterThan", { min }) : message("validation.atLeast", { min });
    }
    case "too_big": {
      const max = bound(issue.maximum);
      if (issue.origin === "string") return message("validation.tooLong", { max });
      if (issue.origin === "array" || issue.origin === "set") return message("validation.atMostItems", { max });
      return issue.inclusive === false ? message("validation.lessThan", { max }) : message("validation.atMost", { max });
    }
    case "invalid_value":
      return message("validation.oneOf", { values: (issue.values ?? []).map(String) });
    case "invalid_union":
      return message("validation.oneOf", { values: (issue.options ?? []).map(String) });
    case "invalid_format": {
      const key = issue.pattern ? patternKeys.get(issue.pattern) : undefined;
      return key ? { key, params: {} } : message("validation.format");
    }
    case "unrecognized_keys":
      return message("validation.unknownKeys", { keys: [...(issue.keys ?? [])] });
    case "not_multiple_of":
      return message("validation.multipleOf", { divisor: bound(issue.divisor) });
    default:
      return message("validation.invalid", { detail: issue.message });
  }
}
