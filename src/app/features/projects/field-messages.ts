/**
 * Validation messages in the user's language. The schemas in src/core speak English (the API's
 * language); this table turns their issues — from zod on the client, or the `fields` of a server
 * error, which carry only the text — into message keys. A message not in the table is shown as
 * the server wrote it: an English explanation beats none.
 */
import type { Message } from "../../api/failure-message";

/** Field path (as in the API: "quantity.value") → what to show beside that field. */
export type FieldErrors = Readonly<Record<string, Message>>;

/** The parts of a zod issue the table reads. */
export interface IssueLike {
  code?: string;
  message: string;
  origin?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
}

type Rule = [pattern: RegExp, toMessage: (match: RegExpMatchArray) => Message];

/** Our own messages in src/core and the server, and zod's defaults as the server passes them on. */
const textRules: readonly Rule[] = [
  [/^must not be empty$/, () => ({ key: "validation.required" })],
  [/^must be > 0$/, () => ({ key: "validation.positive" })],
  [/^must be ≥ 0$/, () => ({ key: "validation.nonNegative" })],
  [/^must be a month as YYYY-MM$/, () => ({ key: "validation.month" })],
  [/^must not end before it starts$/, () => ({ key: "validation.monthOrder" })],
  [/^must not be before from$/, () => ({ key: "validation.monthOrder" })],
  [/^must be a positive whole number$/, () => ({ key: "validation.positiveInteger" })],
  [/^must have at least one month above 0$/, () => ({ key: "validation.profileAllZero" })],
  [/^must have one share per month of the window \((\d+)\), not (\d+)$/, (m) => ({ key: "validation.profileLength", params: { months: Number(m[1]), given: Number(m[2]) } })],
  [/^is outside Norway: longitude and latitude look swapped/, () => ({ key: "coords.hint.swappedLonLat" })],
  [/^is outside Norway: the numbers look like UTM/, () => ({ key: "coords.hint.utmAsDegrees" })],
  [/^is outside Norway/, () => ({ key: "coords.outsideNorway" })],
  [/confirm it is not a typo/, () => ({ key: "validation.confirmLarge" })],
  // The CSV reader's row problems (src/core/registry/lot-csv.ts).
  [/^required column is missing$/, () => ({ key: "csv.missingColumn" })],
  [/^unknown column; see the list of columns$/, () => ({ key: "csv.unknownColumn" })],
  [/^must name a project$/, () => ({ key: "csv.noProject" })],
  [/^"(.*)" is not a known material/, (m) => ({ key: "csv.badMaterial", params: { value: m[1] ?? "" } })],
  [/^"(.*)" is not surplus or demand/, (m) => ({ key: "csv.badDirection", params: { value: m[1] ?? "" } })],
  [/^"(.*)" is not a unit/, (m) => ({ key: "csv.badUnit", params: { value: m[1] ?? "" } })],
  [/^"(.*)" is not a number$/, (m) => ({ key: "csv.notNumber", params: { value: m[1] ?? "" } })],
  [/^"(.*)" is not a class 1–5$/, (m) => ({ key: "csv.badClass", params: { value: m[1] ?? "" } })],
  [/^"(.*)" is not yes\/no$/, (m) => ({ key: "csv.badBoolean", params: { value: m[1] ?? "" } })],
  [/^"(.*)" is not one of /, (m) => ({ key: "csv.badStatus", params: { value: m[1] ?? "" } })],
  [/^Invalid input: expected \w+, received undefined$/, () => ({ key: "validation.required" })],
  [/^Invalid input: expected number/, () => ({ key: "validation.number" })],
  [/^Invalid input: expected int/, () => ({ key: "validation.integer" })],
  [/^Invalid option/, () => ({ key: "validation.choose" })],
  [/^Too small: expected string to have >=?1 characters?$/, () => ({ key: "validation.required" })],
  [/^Too big: expected string to have <=?(\d+) characters?$/, (m) => ({ key: "validation.tooLong", params: { max: Number(m[1]) } })],
  [/^Too small: expected number to be >(\d+(?:\.\d+)?)$/, (m) => ({ key: "validation.greaterThan", params: { min: Number(m[1]) } })],
  [/^Too small: expected number to be >=(-?\d+(?:\.\d+)?)$/, (m) => ({ key: "validation.atLeast", params: { min: Number(m[1]) } })],
  [/^Too big: expected number to be <=?(-?\d+(?:\.\d+)?)$/, (m) => ({ key: "validation.atMost", params: { max: Number(m[1]) } })],
];

/** A message as the server (or a schema) wrote it, in the user's language when we know it. */
export function fieldMessage(text: string): Message {
  for (const [pattern, toMessage] of textRules) {
    const match = text.match(pattern);
    if (match) return toMessage(match);
  }
  return { key: "error.raw", params: { message: text } };
}

/**
 * A zod issue in the user's language: our own custom messages first (they say more than the
 * code), then by issue code with its numbers.
 */
export function issueMessage(issue: IssueLike): Message {
  const known = fieldMessage(issue.message);
  if (known.key !== "error.raw") return known;
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "number") return { key: "validation.number" };
      if (issue.expected === "int") return { key: "validation.integer" };
      return { key: "validation.required" };
    case "too_small":
      if (issue.origin === "string") return min <= 1 ? { key: "validation.required" } : { key: "validation.tooShort", params: { min } };
      if (issue.origin === "array") return { key: "validation.atLeastItems", params: { min } };
      return issue.inclusive === false ? { key: "validation.greaterThan", params: { min } } : { key: "validation.atLeast", params: { min } };
    case "too_big":
      if (issue.origin === "string") return { key: "validation.tooLong", params: { max } };
      if (issue.origin === "array") return { key: "validation.atMostItems", params: { max } };
      return issue.inclusive === false ? { key: "validation.lessThan", params: { max } } : { key: "validation.atMost", params: { max } };
    case "invalid_value":
    case "invalid_union":
      return { key: "validation.choose" };
    case "invalid_format":
      return { key: "validation.format" };
    default:
      return known;
  }
}

/** The path of a zod issue as the API writes it: "quantity.value". */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

/**
 * The field errors of a set of issues, the first issue of each path winning (the rest usually
 * repeat it), each path prefixed (a lot's errors live under "lots.<key>.").
 */
export function fieldErrorsOf(issues: readonly (IssueLike & { path: readonly PropertyKey[] })[], prefix = ""): Record<string, Message> {
  const errors: Record<string, Message> = {};
  for (const issue of issues) {
    const path = prefix + pathText(issue.path);
    if (!(path in errors)) errors[path] = issueMessage(issue);
  }
  return errors;
}

/** The `fields` of a server error as field errors, the same way. */
export function fieldErrorsOfServer(fields: readonly { path: string; message: string }[], prefix = ""): Record<string, Message> {
  const errors: Record<string, Message> = {};
  for (const field of fields) {
    const path = prefix + field.path;
    if (!(path in errors)) errors[path] = fieldMessage(field.message);
  }
  return errors;
}

/**
 * The error to show beside a field: the one for its path, or for a path below it (a coordinate
 * error "location.coordinates.0" shows beside the location).
 */
export function errorFor(errors: FieldErrors, path: string): Message | undefined {
  if (errors[path]) return errors[path];
  const below = Object.keys(errors).find((p) => p.startsWith(`${path}.`));
  return below ? errors[below] : undefined;
}
