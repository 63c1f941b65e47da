import { fillTemplate, formatParams, isMessageKey, type MessageLike, type ParamFormatter, type ParamValue } from "../../core/messages/message";
import { en } from "./en";
import { nb } from "./nb";

/** The languages of the UI: Norwegian bokmål (default) and English. */
export const languages = ["nb", "en"] as const;
export type Lang = (typeof languages)[number];

/** Every message key of the app. */
export type MessageKey = keyof typeof nb;

/**
 * Values to fill `{name}` placeholders with. For the core's message keys these are the message's
 * parameters (codes, numbers, nested messages), formatted by their kind first.
 */
export type MessageParams = Readonly<Record<string, ParamValue>>;

/** Catalogue per language. */
export const catalogues: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { nb, en };

/** BCP 47 locale used by `Intl` for each language. */
export const localeOf: Readonly<Record<Lang, string>> = { nb: "nb-NO", en: "en-GB" };

/** localStorage key that remembers the user's language choice. */
export const languageStorageKey = "massekart.lang";

/** A no-break space between number and unit keeps "48 420 t" on one line. */
const nbsp = "\u00a0";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/**
 * The message for `key` in `lang`, with `{name}` placeholders replaced by `params`.
 * An unknown placeholder is left as is, so a missing parameter is visible instead of silently empty.
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[lang][key];
  if (!params) return template;
  // The core's keys know the kind of each parameter: a material code becomes its name, a number
  // is formatted for the language, a nested message is translated in turn.
  if (isMessageKey(key)) return fillTemplate(template, formatParams({ key, params }, formatterOf(lang)));
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) values[name] = String(value);
  return fillTemplate(template, values);
}

/** Whether the app has a text for `key`. */
export function isAppMessageKey(key: unknown): key is MessageKey {
  return typeof key === "string" && Object.hasOwn(catalogues.nb, key);
}

/**
 * A message from the server or the core in the user's language; `fallback` (the server's English)
 * when the key is one this app does not know yet.
 */
export function translateMessage(lang: Lang, message: MessageLike | { key: string; params?: MessageParams }, fallback?: string): string {
  if (isAppMessageKey(message.key)) return translate(lang, message.key, message.params ?? {});
  return fallback ?? message.key;
}

const formatters = new Map<Lang, ParamFormatter>();

/** How the core's parameter kinds read in a language. */
function formatterOf(lang: Lang): ParamFormatter {
  const cached = formatters.get(lang);
  if (cached) return cached;
  const name = (key: string, fallback: string) => (isAppMessageKey(key) ? translate(lang, key) : fallback);
  const codeKey = { material: "material", direction: "direction", role: "role", entity: "entity", entities: "entities", siteKind: "siteKind", outdoorUnit: "outdoor.unit" } as const;
  const conjunction = new Intl.ListFormat(localeOf[lang], { type: "conjunction" });
  const disjunction = new Intl.ListFormat(localeOf[lang], { type: "disjunction" });
  const formatter: ParamFormatter = {
    number: (value, kind) => formatNumber(lang, value, kind === "integer" ? 0 : kind === "decimal1" ? 1 : 2),
    code: (kind, value) => {
      const text = name(`${codeKey[kind]}.${value}`, value.replace(/_/g, " "));
      // Material names start a sentence in the lists; inside one they read in lower case.
      return kind === "material" || kind === "direction" ? text.toLocaleLowerCase(localeOf[lang]) : text;
    },
    localized: (value) => value[lang],
    join: (items, how) =>
      how === "or" ? disjunction.format(items) : how === "and" ? conjunction.format(items) : items.join(how === "semicolon" ? "; " : ", "),
    more: (shown, count) => translate(lang, "list.andMore", { list: shown, count: formatNumber(lang, count) }),
    message: (value) => translateMessage(lang, value),
  };
  formatters.set(lang, formatter);
  return formatter;
}

/**
 * The language to start in: `?lang=en|nb` in the URL wins, then the saved choice, then bokmål.
 * @param search - `location.search`, e.g. "?lang=en"
 * @param saved - the value saved under `languageStorageKey`, or null
 */
export function detectLanguage(search: string, saved: string | null): Lang {
  const fromUrl = new URLSearchParams(search).get("lang");
  if (isLang(fromUrl)) return fromUrl;
  if (isLang(saved)) return saved;
  return "nb";
}

/**
 * A number in the language's format ("48 420" in nb, "48,420" in en).
 * @param maximumFractionDigits - default 0
 */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 0): string {
  // Intl gives nb-NO a narrow no-break space (U+202F) as group separator in some engines and
  // U+00A0 in others; normalise to U+00A0 so text and tests are stable across browsers.
  return new Intl.NumberFormat(localeOf[lang], { maximumFractionDigits })
    .format(value)
    .replace(/\u202f/g, nbsp);
}

/**
 * A number with its unit, never bare: "48 420 t", "12,5 km".
 * @param unit - unit label as shown, e.g. "t", "km", "pfm³"
 * @param maximumFractionDigits - default: 0 from 100 upwards, 1 below (so 12.5 km keeps its decimal)
 */
export function formatWithUnit(lang: Lang, value: number, unit: string, maximumFractionDigits?: number): string {
  const digits = maximumFractionDigits ?? (Math.abs(value) >= 100 ? 0 : 1);
  return `${formatNumber(lang, value, digits)}${nbsp}${unit}`;
}
