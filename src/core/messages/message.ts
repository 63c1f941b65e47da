/**
 * Messages as values: a stable key from the catalogue plus its parameters, so the server, the CLI,
 * the core and the app speak of the same thing while each says it in its own language. The API's
 * English `message` texts (kept for scripts) are rendered from the same catalogue by `englishText`;
 * the app translates the key with its i18n catalogue (`src/app/i18n/`).
 *
 * Parameters carry codes and numbers, never words: a material is `"clay_silt"`, a number is a
 * number, a nested phrase is another message. How each is shown follows from its kind, declared per
 * key in the catalogue, so a Norwegian text never shows an internal code.
 */
import { z } from "zod";
import { messageCatalogue, type MessageCatalogue } from "./catalogue";

/**
 * What a parameter holds and how it is shown:
 * - `number`: as is (English `String(n)`); `integer`: rounded, grouped ("12,000,000"); `decimal1`: one decimal ("80.0");
 * - `text`: user data, ids and names, shown as written; `list`: several of those;
 * - `material`, `materials` (joined with "or"), `direction`, `role`, `roles`, `entity`, `entities`
 *   (plural), `siteKind`, `outdoorUnit`: codes the reader's language names;
 * - `localized`: a name the data holds in both languages, `{ nb, en }`;
 * - `months`: month ranges ("2027-03–2027-05"), joined with commas;
 * - `names`: the first few of a longer list, `{ items, more }` ("D1, D2, D3 and 5 more"); an item is a text or a message;
 * - `message`: a phrase inside the sentence; `messages`: several, joined with commas; `sentences`: joined with semicolons.
 */
export type ParamKind =
  | "number"
  | "integer"
  | "decimal1"
  | "text"
  | "list"
  | "material"
  | "materials"
  | "direction"
  | "role"
  | "roles"
  | "entity"
  | "entities"
  | "siteKind"
  | "outdoorUnit"
  | "localized"
  | "months"
  | "names"
  | "message"
  | "messages"
  | "sentences";

/** A name held in both languages (catalogue data such as an outdoor material type's name). */
export interface LocalizedName {
  nb: string;
  en: string;
}

/** The first few items of a list and how many more there are. */
export interface NameList {
  items: readonly (string | MessageLike)[];
  more: number;
}

/** Any parameter value, as it travels in JSON. */
export type ParamValue = string | number | readonly string[] | LocalizedName | NameList | MessageLike | readonly MessageLike[];

/**
 * A message as it travels: its key may be one this build does not know (a newer server), so a
 * reader falls back to the English text that comes beside it.
 */
export interface MessageLike {
  key: string;
  params: Readonly<Record<string, ParamValue>>;
}

/** Every message key of the catalogue. */
export type MessageKey = keyof MessageCatalogue;

type ValueOfKind<K extends ParamKind> = K extends "number" | "integer" | "decimal1"
  ? number
  : K extends "list" | "materials" | "roles" | "months"
    ? readonly string[]
    : K extends "localized"
      ? LocalizedName
      : K extends "names"
        ? NameList
        : K extends "message"
          ? MessageLike
          : K extends "messages" | "sentences"
            ? readonly MessageLike[]
            : string;

/** The parameters a key takes, typed from the catalogue. */
export type ParamsOf<K extends MessageKey> = {
  readonly [P in keyof MessageCatalogue[K]["params"]]: MessageCatalogue[K]["params"][P] extends ParamKind
    ? ValueOfKind<MessageCatalogue[K]["params"][P]>
    : never;
};

/** Keys whose message takes no parameters. */
export type ParamlessKey = { [K in MessageKey]: keyof ParamsOf<K> extends never ? K : never }[MessageKey];

/** A message: a catalogue key and its parameters. */
export interface Message extends MessageLike {
  key: MessageKey;
}

/** A message with its English text, as the API sends it beside lists of English texts. */
export interface TextedMessage extends Message {
  text: string;
}

/** Builds a message; the compiler checks the parameters against the catalogue. */
export function message<K extends MessageKey>(key: K, ...params: keyof ParamsOf<K> extends never ? [] : [ParamsOf<K>]): Message {
  return { key, params: (params[0] ?? {}) as Readonly<Record<string, ParamValue>> };
}

/** Whether a string names a key of the catalogue (a newer server may send keys an older client lacks). */
export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === "string" && Object.hasOwn(messageCatalogue, key);
}

/** The kinds of a key's parameters. */
export function paramKinds(key: MessageKey): Readonly<Record<string, ParamKind>> {
  return messageCatalogue[key].params as Readonly<Record<string, ParamKind>>;
}

/**
 * Fills `{name}` placeholders of a template with already formatted values; an unknown placeholder
 * stays as it is, so a missing parameter shows instead of vanishing.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}

/** The placeholders of a template, in order. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

/** How a parameter kind reads in a language: the pieces a renderer needs beside number formatting. */
export interface ParamFormatter {
  number(value: number, kind: "number" | "integer" | "decimal1"): string;
  code(kind: "material" | "direction" | "role" | "entity" | "entities" | "siteKind" | "outdoorUnit", value: string): string;
  localized(value: LocalizedName): string;
  /** "a, b or c" / "a, b and c". */
  join(items: readonly string[], how: "or" | "and" | "comma" | "semicolon"): string;
  /** "a, b, c and 5 more". */
  more(shown: string, count: number): string;
  message(value: MessageLike): string;
}

/** A message's parameters formatted by their kinds; values of unknown names pass through as text. */
export function formatParams(m: MessageLike, format: ParamFormatter): Record<string, string> {
  const kinds = isMessageKey(m.key) ? paramKinds(m.key) : {};
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(m.params)) out[name] = formatParam(kinds[name] ?? "text", value, format);
  return out;
}

function formatParam(kind: ParamKind, value: ParamValue, format: ParamFormatter): string {
  const asMessage = (item: string | MessageLike) => (typeof item === "string" ? item : format.message(item));
  switch (kind) {
    case "number":
    case "integer":
    case "decimal1":
      return typeof value === "number" ? format.number(value, kind) : String(value);
    case "material":
    case "direction":
    case "role":
    case "entity":
    case "entities":
    case "siteKind":
    case "outdoorUnit":
      return format.code(kind, String(value));
    case "materials":
      return format.join(asStrings(value).map((code) => format.code("material", code)), "or");
    case "roles":
      return format.join(asStrings(value).map((code) => format.code("role", code)), "comma");
    case "list":
      return format.join(asStrings(value), "comma");
    case "months":
      return format.join(asStrings(value), "comma");
    case "localized":
      return isLocalized(value) ? format.localized(value) : String(value);
    case "names": {
      if (!isNameList(value)) return String(value);
      const shown = format.join(value.items.map(asMessage), "comma");
      return value.more > 0 ? format.more(shown, value.more) : shown;
    }
    case "message":
      return isMessage(value) ? format.message(value) : String(value);
    case "messages":
    case "sentences":
      return Array.isArray(value) ? format.join((value as readonly MessageLike[]).map((item) => format.message(item)), kind === "messages" ? "comma" : "semicolon") : String(value);
    case "text":
      return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
  }
}

const asStrings = (value: ParamValue): readonly string[] => (Array.isArray(value) ? (value as readonly string[]) : [String(value)]);
const isLocalized = (value: ParamValue): value is LocalizedName => typeof value === "object" && value !== null && "nb" in value && "en" in value;
const isNameList = (value: ParamValue): value is NameList => typeof value === "object" && value !== null && "items" in value && "more" in value;
export const isMessage = (value: unknown): value is MessageLike =>
  typeof value === "object" && value !== null && typeof (value as MessageLike).key === "string" && typeof (value as MessageLike).params === "object";

/** English words for the codes the API's English texts name (the codes themselves read as English). */
const englishEntities: Readonly<Record<string, [singular: string, plural: string]>> = {
  project: ["project", "projects"],
  lot: ["lot", "lots"],
  site: ["site", "sites"],
  scenario: ["scenario", "scenarios"],
  outdoor_lot: ["outdoor lot", "outdoor lots"],
  outdoor_material_type: ["outdoor material type", "outdoor material types"],
  materials: ["material", "materials"],
  road_network: ["road network", "road networks"],
  zoning: ["zoning area", "zoning areas"],
  suitability_rules: ["suitability rules", "suitability rules"],
  user: ["user", "users"],
  load: ["load", "loads"],
};

/** Short English labels of outdoor-material units. */
const englishOutdoorUnits: Readonly<Record<string, string>> = { pieces: "pcs", m: "m", m2: "m²", tonnes: "t", m3: "m³" };

/** How the API writes parameters in English: codes as they are, numbers as JavaScript prints them. */
const englishFormat: ParamFormatter = {
  number: (value, kind) =>
    kind === "integer" ? Math.round(value).toLocaleString("en-GB") : kind === "decimal1" ? value.toFixed(1) : String(value),
  code: (kind, value) =>
    kind === "entity"
      ? (englishEntities[value]?.[0] ?? value)
      : kind === "entities"
        ? (englishEntities[value]?.[1] ?? value)
        : kind === "outdoorUnit"
          ? (englishOutdoorUnits[value] ?? value)
          : value,
  localized: (value) => value.en,
  join: (items, how) => (how === "or" ? items.join(" or ") : how === "semicolon" ? items.join("; ") : items.join(", ")),
  more: (shown, count) => `${shown} and ${count} more`,
  message: (value) => englishText(value),
};

/** A message in the API's English (the `message` of errors, the `reason` of unplaced lots …). */
export function englishText(m: MessageLike): string {
  if (!isMessageKey(m.key)) return `${m.key} ${JSON.stringify(m.params)}`;
  return fillTemplate(messageCatalogue[m.key].en, formatParams(m, englishFormat));
}

/** A message with its English text beside it. */
export function texted(m: Message): TextedMessage {
  return { ...m, text: englishText(m) };
}

/** The contract of a message parameter in JSON. */
export const paramValueSchema: z.ZodType<ParamValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.array(z.string()),
    z.object({ nb: z.string(), en: z.string() }),
    z.object({ items: z.array(z.union([z.string(), messageSchema])), more: z.number() }),
    messageSchema,
    z.array(messageSchema),
  ]),
);

/** The contract of a message in JSON: a key and its parameters (nested messages included). */
export const messageSchema: z.ZodType<MessageLike> = z.lazy(() => z.object({ key: z.string(), params: z.record(z.string(), paramValueSchema) }));
