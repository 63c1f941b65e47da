import { languageStorageKey, languages, type Lang } from "../i18n/i18n";
import { useT } from "../i18n/use-t";
import { useAppStore } from "../state/store";
import { MenuButton } from "./MenuButton";

/** Remembers the choice, and keeps a `?lang=` in the address in step so a reload keeps it too. */
function rememberLanguage(lang: Lang): void {
  try {
    localStorage.setItem(languageStorageKey, lang);
  } catch {
    // Storage can be off (private mode, policy): the choice then lasts this page only.
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has("lang")) {
    url.searchParams.set("lang", lang);
    window.history.replaceState(window.history.state, "", url);
  }
}

/**
 * The language picker: a menu button showing "Språk NB" / "Language EN" and named by that same text
 * (the name holds what is seen, WCAG 2.5.3; the literal space keeps the text "Språk NB" rather than
 * "SpråkNB", which is how axe and screen readers read adjacent inline boxes),
 * whose menu holds one `menuitemradio` per language
 * (each named in its own language); the keyboard as `MenuButton`.
 */
export function LanguageSwitch() {
  const { t, lang } = useT();
  const setLang = useAppStore((s) => s.setLang);

  const choose = (next: Lang) => {
    if (next === lang) return;
    setLang(next);
    rememberLanguage(next);
  };

  return (
    <MenuButton
      className="language-button"
      label={`${t("language.label")} ${lang.toUpperCase()}`}
      menuLabel={t("language.label")}
      initialFocus={languages.indexOf(lang)}
      items={languages.map((option) => ({ key: option, label: t(`language.${option}`), lang: option, checked: option === lang, onSelect: () => choose(option) }))}
    >
      <span className="globe-icon" aria-hidden="true" />
      {t("language.label")}{" "}
      <span className="language-code">{lang.toUpperCase()}</span>
    </MenuButton>
  );
}
