/**
 * A menu button (WAI-ARIA APG "menu button"): a button that opens a `role="menu"` list below it.
 * Keyboard: Enter, Space or ArrowDown on the button opens the menu with focus on `initialFocus`;
 * ArrowUp/ArrowDown (wrapping), Home and End move, Escape closes and returns focus to the button,
 * Tab closes and leaves; a pointer press outside closes it. Used by the language switch and the
 * account menu.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface MenuItem {
  key: string;
  label: ReactNode;
  onSelect: () => void;
  /** For radio items (a choice of one): whether this one is chosen. */
  checked?: boolean;
  /** The item's own language, when its label is in another language than the page. */
  lang?: string;
}

export function MenuButton({
  label,
  menuLabel,
  title,
  className,
  rootClassName,
  items,
  initialFocus = 0,
  children,
}: {
  /** The button's accessible name; it must contain the visible text (WCAG 2.5.3). Omit to name it by its content. */
  label?: string;
  /** The menu's accessible name. */
  menuLabel: string;
  title?: string;
  className?: string;
  rootClassName?: string;
  items: readonly MenuItem[];
  /** Which item takes focus when the menu opens (the current choice of a radio menu). */
  initialFocus?: number;
  /** The button's visible content. */
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    itemRefs.current[initialFocus]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
    // Focus moves in only when the menu opens, not when the chosen item changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = itemRefs.current.filter((item): item is HTMLButtonElement => item !== null);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const focusAt = (i: number) => buttons[(i + buttons.length) % buttons.length]?.focus();
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
        focusAt(buttons.length - 1);
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
    // Escape here closes the menu only, not a panel or dialog around it too.
    event.stopPropagation();
  };

  const radio = items.some((item) => item.checked !== undefined);
  return (
    <div className={`menu-button${rootClassName ? ` ${rootClassName}` : ""}`} ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`button${className ? ` ${className}` : ""}`}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={title}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {children}
      </button>
      {open && (
        <ul id={menuId} className="menu-button-menu" role="menu" aria-label={menuLabel} onKeyDown={onMenuKeyDown}>
          {items.map((item, i) => (
            <li key={item.key} role="none">
              <button
                ref={(element) => {
                  itemRefs.current[i] = element;
                }}
                type="button"
                role={radio ? "menuitemradio" : "menuitem"}
                aria-checked={radio ? item.checked === true : undefined}
                lang={item.lang}
                tabIndex={-1}
                onClick={() => {
                  setOpen(false);
                  buttonRef.current?.focus();
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
