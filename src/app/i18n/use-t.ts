import { useMemo } from "react";
import { useAppStore } from "../state/store";
import { formatNumber, formatWithUnit, translate, type Lang, type MessageKey, type MessageParams } from "./i18n";

/** Translation and number formatting bound to one language. */
export interface Translator {
  lang: Lang;
  /** The message for `key` with `{name}` placeholders filled in. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** A number in the language's format, without unit. */
  num: (value: number, maximumFractionDigits?: number) => string;
  /** A number with its unit label: "48 420 t". */
  withUnit: (value: number, unit: string, maximumFractionDigits?: number) => string;
}

/** A translator for `lang` (pure; `useT` is the hook form). */
export function makeTranslator(lang: Lang): Translator {
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    num: (value, digits) => formatNumber(lang, value, digits),
    withUnit: (value, unit, digits) => formatWithUnit(lang, value, unit, digits),
  };
}

/** The translator of the current UI language; components re-render when the language changes. */
export function useT(): Translator {
  const lang = useAppStore((s) => s.lang);
  return useMemo(() => makeTranslator(lang), [lang]);
}
