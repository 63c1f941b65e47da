/**
 * The bounds every input must stay within (issue 12): months, quantities, text, polygon sizes and
 * JSON nesting. They live in one place so the schemas, the importers and the server agree, and
 * so one record can never make a scenario run or a list fail for everyone (a month in year 9999
 * gives a horizon of 96,000 months; a 10^300 t lot makes the LP numerically useless; a NUL byte
 * is refused by PostgreSQL with an internal error).
 */
import { z } from "zod";
import { englishText, message, type Message } from "../messages/message";
import { customIssue } from "../messages/zod-issues";

/** The first and last months any record may name. Planning data outside these is a typo. */
export const earliestMonth = "1990-01";
export const latestMonth = "2100-12";

/**
 * The most a single lot may weigh, t, even with `confirmLarge` (which guards typos below this).
 * 50 million t is several times the largest excavation projects in Norway (Follobanen moved about
 * 9 million t); beyond it the LP's coefficients span too many orders of magnitude to solve well.
 */
export const maxLotTonnes = 50_000_000;

/**
 * Largest capacity a site may state, t. A site holds many lots; 1,000 million t keeps the LP's
 * coefficients within what HiGHS solves reliably.
 */
export const maxSiteCapacityTonnes = 1_000_000_000;

/** Most positions one polygon or multipolygon may have (all rings together). */
export const maxVerticesPerGeometry = 20_000;

/**
 * Deepest nesting of arrays and objects accepted in a JSON body or file, and of elements in an XML
 * file. GeoJSON MultiPolygons need 4 levels inside a feature collection's 3; 64 leaves room for any
 * real document and stops the recursion of later steps (JSON.stringify, validators) long before
 * the stack runs out.
 */
export const maxNestingDepth = 64;

/** C0 and C1 control characters, DEL included: never part of a name. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;
/** The same without tab, line feed and carriage return, which notes and descriptions may hold. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacterBesidesLineBreaks = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Why a text is refused, as a message, or undefined when it may be stored. */
export function controlCharacterMessage(text: string, { multiline = false }: { multiline?: boolean } = {}): Message | undefined {
  const match = (multiline ? controlCharacterBesidesLineBreaks : controlCharacter).exec(text);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  return message("validation.controlCharacter", { code, position: match.index + 1 });
}

/** Why a text is refused (English), or undefined when it may be stored. */
export function controlCharacterProblem(text: string, options: { multiline?: boolean } = {}): string | undefined {
  const problem = controlCharacterMessage(text, options);
  return problem && englishText(problem);
}

/** A text schema refusing control characters (all, or all but line breaks and tabs), with a keyed issue. */
const textWithout = (multiline: boolean) =>
  z.string().superRefine((text, ctx) => {
    const problem = controlCharacterMessage(text, { multiline });
    if (problem) ctx.addIssue(customIssue(problem, []));
  });

/** A one-line text (names, ids, references): no control characters at all. */
export const singleLineText = () => textWithout(false);

/** A free text (notes): line breaks and tabs allowed, other control characters not. */
export const multiLineText = () => textWithout(true);

/**
 * The first string in a parsed JSON value (keys included) that holds a control character other than
 * a line break or tab, with its JSON path; undefined when there is none. Used on every request body
 * so that no field, whether a schema names it or not, can carry a NUL into the database.
 */
export function firstControlCharacter(value: unknown): { path: string; message: string; problem: Message } | undefined {
  const stack: { value: unknown; path: string }[] = [{ value, path: "" }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === "string") {
      const problem = controlCharacterMessage(current, { multiline: true });
      if (problem) return { path: path || "(body)", message: englishText(problem), problem };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: path ? `${path}.${i}` : String(i) });
    } else if (current && typeof current === "object") {
      for (const [key, item] of Object.entries(current)) {
        const at = path ? `${path}.${key}` : key;
        const keyProblem = controlCharacterMessage(key, { multiline: true });
        if (keyProblem) {
          const problem = message("validation.keyControlCharacter", { code: String(keyProblem.params.code), position: Number(keyProblem.params.position) });
          return { path: at, message: englishText(problem), problem };
        }
        stack.push({ value: item, path: at });
      }
    }
  }
  return undefined;
}

/**
 * The deepest nesting of arrays and objects in JSON text, found by one pass over the characters
 * (strings skipped), so a hostile document is measured before anything recurses into it.
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 92 /* \ */) i++;
      else if (char === 34 /* " */) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 91 /* [ */ || char === 123 /* { */) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (char === 93 /* ] */ || char === 125 /* } */) depth--;
  }
  return deepest;
}

export type BoundedJson =
  | { ok: true; value: unknown }
  | { ok: false; code: "too_deep"; message: string; problem: Message }
  | { ok: false; code: "invalid_json"; message: string };

/** JSON.parse with the nesting bound: a too-deep document is refused before it is parsed. */
export function parseBoundedJson(text: string, { maxDepth = maxNestingDepth }: { maxDepth?: number } = {}): BoundedJson {
  const depth = jsonNestingDepth(text);
  if (depth > maxDepth) {
    const problem = message("error.jsonTooDeep", { depth, maxDepth });
    return { ok: false, code: "too_deep", message: englishText(problem), problem };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, code: "invalid_json", message: `The JSON is not valid: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Number of positions in a polygon's or multipolygon's coordinates (all rings). */
export function vertexCount(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] === "number") return 1;
  let count = 0;
  for (const item of coordinates) count += vertexCount(item);
  return count;
}

/**
 * The most one delivered load may weigh, t (issue 16). A Norwegian modular road train
 * (modulvogntog, 60 t gross) carries about 40 t and an articulated dumper on site about 40 t;
 * 100 t leaves room for the largest site dumpers and refuses a typo of a whole day's tonnes.
 */
export const maxLoadTonnes = 100;
