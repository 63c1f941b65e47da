import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { languageStorageKey, languages, type Lang } from "../i18n/i18n";
import { useT } from "../i18n/use-t";
import { useAppStore } from "../state/store";

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
 * The language picker: a menu button named "Språk" / "Language" whose menu holds one
 * `menuitemradio` per language (each named in its own language). Keyboard: Enter, Space or
 * ArrowDown opens it on the current language; arrows move, Escape closes, Tab leaves.
 */
export function LanguageSwitch() {
  const { t, lang } = useT();
  const setLang = useAppStore((s) => s.setLang);
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    itemRefs.current[languages.indexOf(lang)]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
    // Focus the current language only when the menu opens, not when the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const choose = (next: Lang) => {
    setOpen(false);
    buttonRef.current?.focus();
    if (next === lang) return;
    setLang(next);
    rememberLanguage(next);
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = itemRefs.current.filter((item): item is HTMLButtonElement => item !== null);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
        focusAt(index + 1);
        break;
      case "ArrowUp":
        focusAt(index - 1);
        break;
      case "Home":
        focusAt(0);
        break;
      case "End":
        focusAt(items.length - 1);
        break;
      case "Escape":
        setOpen(false);
        buttonRef.current?.focus();
        break;
      case "Tab":
        setOpen(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    // Escape here closes the menu only, not the details panel too.
    event.stopPropagation();
  };

  return (
    <div className="language-switch" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button language-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span className="globe-icon" aria-hidden="true" />
        {t("language.label")}
        <span className="language-code" aria-hidden="true">
          {lang.toUpperCase()}
        </span>
      </button>
      {open && (
        <ul id={menuId} className="language-menu" role="menu" aria-label={t("language.label")} onKeyDown={onMenuKeyDown}>
          {languages.map((option, i) => (
            <li key={option} role="none">
              <button
                ref={(element) => {
                  itemRefs.current[i] = element;
                }}
                type="button"
                role="menuitemradio"
                aria-checked={option === lang}
                lang={option}
                tabIndex={-1}
                onClick={() => choose(option)}
              >
                {t(`language.${option}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
