/**
 * The header's account controls: for admins the "Accounts" button, for everyone a menu named after
 * the signed-in user with "Change password" and "My sessions". Keyboard as the language menu:
 * Enter, Space or ArrowDown opens it; arrows move, Escape closes, Tab leaves.
 */
import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { MeDetails } from "../../../core/domain/users-api";
import { useT } from "../../i18n/use-t";

const AccountsDialog = lazy(() => import("./AccountsDialog").then((m) => ({ default: m.AccountsDialog })));
const PasswordDialog = lazy(() => import("./PasswordDialog").then((m) => ({ default: m.PasswordDialog })));
const SessionsDialog = lazy(() => import("./SessionsDialog").then((m) => ({ default: m.SessionsDialog })));

type Open = "accounts" | "password" | "sessions" | null;

export function AccountMenu({ user }: { user: MeDetails }) {
  const { t } = useT();
  const [menuOpen, setMenuOpen] = useState(false);
  const [dialog, setDialog] = useState<Open>(null);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const accountsRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const items: { key: Exclude<Open, "accounts" | null>; label: string }[] = [
    ...(user.signInMethod === "sso" ? [] : [{ key: "password" as const, label: t("account.changePassword") }]),
    { key: "sessions", label: t("account.sessions") },
  ];

  useEffect(() => {
    if (!menuOpen) return;
    itemRefs.current[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [menuOpen]);

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
        setMenuOpen(false);
        buttonRef.current?.focus();
        break;
      case "Tab":
        setMenuOpen(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const close = () => {
    const opener = dialog === "accounts" ? accountsRef.current : buttonRef.current;
    setDialog(null);
    opener?.focus();
  };

  return (
    <>
      {user.role === "admin" && (
        <button ref={accountsRef} type="button" className="button" aria-haspopup="dialog" onClick={() => setDialog("accounts")}>
          <span className="people-icon" aria-hidden="true" />
          {t("accounts.open")}
        </button>
      )}
      <div className="language-switch account-switch" ref={rootRef}>
        <button
          ref={buttonRef}
          type="button"
          className="button account-button"
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          aria-controls={menuOpen ? menuId : undefined}
          // The name holds the visible text (the display name) as well as the username (WCAG 2.5.3).
          aria-label={t("account.menu", { username: user.displayName && user.displayName !== user.username ? `${user.username} (${user.displayName})` : user.username })}
          title={t("header.signedInAs", { username: user.username, role: t(`role.${user.role}`) })}
          onClick={() => setMenuOpen((was) => !was)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" && !menuOpen) {
              event.preventDefault();
              setMenuOpen(true);
            }
          }}
        >
          <span className="account-name">{user.displayName || user.username}</span>
          <span className="account-role">{t(`role.${user.role}`)}</span>
        </button>
        {menuOpen && (
          <ul id={menuId} className="language-menu" role="menu" aria-label={t("account.menu", { username: user.username })} onKeyDown={onMenuKeyDown}>
            {items.map((item, i) => (
              <li key={item.key} role="none">
                <button
                  ref={(element) => {
                    itemRefs.current[i] = element;
                  }}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  onClick={() => {
                    setMenuOpen(false);
                    setDialog(item.key);
                  }}
                >
                  {item.label}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <Suspense fallback={null}>
        {dialog === "accounts" && <AccountsDialog me={user} onClose={close} />}
        {dialog === "password" && <PasswordDialog user={user} onClose={close} />}
        {dialog === "sessions" && <SessionsDialog onClose={close} />}
      </Suspense>
    </>
  );
}
