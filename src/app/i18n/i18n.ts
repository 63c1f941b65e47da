import { en } from "./en";
import { nb } from "./nb";

/** The languages of the UI: Norwegian bokmål (default) and English. */
export const languages = ["nb", "en"] as const;
export type Lang = (typeof languages)[number];

/** Every message key of the app. */
export type MessageKey = keyof typeof nb;

/** Values to fill `{name}` placeholders with. */
export type MessageParams = Readonly<Record<string, string | number>>;

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
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
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
