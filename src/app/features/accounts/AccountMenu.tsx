/**
 * The header's account controls: for admins the "Accounts" button, for everyone a menu button
 * showing the signed-in user's name and role, with "Change password" and "My sessions" (the
 * keyboard as `MenuButton`).
 */
import { lazy, Suspense, useRef, useState } from "react";
import type { MeDetails } from "../../../core/domain/users-api";
import { useT } from "../../i18n/use-t";
import { MenuButton } from "../../ui/MenuButton";

const AccountsDialog = lazy(() => import("./AccountsDialog").then((m) => ({ default: m.AccountsDialog })));
const PasswordDialog = lazy(() => import("./PasswordDialog").then((m) => ({ default: m.PasswordDialog })));
const SessionsDialog = lazy(() => import("./SessionsDialog").then((m) => ({ default: m.SessionsDialog })));

type Open = "accounts" | "password" | "sessions" | null;

export function AccountMenu({ user }: { user: MeDetails }) {
  const { t } = useT();
  const [dialog, setDialog] = useState<Open>(null);
  // The control that opened the dialog gets focus back when it closes.
  const openerRef = useRef<HTMLElement | null>(null);
  const open = (which: Exclude<Open, null>) => {
    openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialog(which);
  };
  const close = () => {
    setDialog(null);
    openerRef.current?.focus();
  };

  const name = user.displayName || user.username;
  const role = t(`role.${user.role}`);
  return (
    <>
      {user.role === "admin" && (
        <button type="button" className="button" aria-haspopup="dialog" onClick={() => open("accounts")}>
          <span className="people-icon" aria-hidden="true" />
          {t("accounts.open")}
        </button>
      )}
      <MenuButton
        className="account-button"
        // The name holds the visible text, name and role (WCAG 2.5.3); the title adds the username.
        label={t("account.menu", { name: `${name} ${role}` })}
        menuLabel={t("account.menu", { name })}
        title={t("header.signedInAs", { username: user.username, role })}
        items={[
          ...(user.signInMethod === "sso" ? [] : [{ key: "password", label: t("account.changePassword"), onSelect: () => open("password") }]),
          { key: "sessions", label: t("account.sessions"), onSelect: () => open("sessions") },
        ]}
      >
        <span className="account-name">{name}</span>{" "}
        <span className="account-role">{role}</span>
      </MenuButton>
      <Suspense fallback={null}>
        {dialog === "accounts" && <AccountsDialog me={user} onClose={close} />}
        {dialog === "password" && <PasswordDialog user={user} onClose={close} />}
        {dialog === "sessions" && <SessionsDialog onClose={close} />}
      </Suspense>
    </>
  );
}
