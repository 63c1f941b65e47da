/**
 * After an admin's reset the password is temporary and the server refuses everything but a
 * password change (403 `password_change_required`), so the app shows only this page until done.
 */
import type { MeDetails } from "../../../core/domain/users-api";
import { useT } from "../../i18n/use-t";
import { LanguageSwitch } from "../../ui/LanguageSwitch";
import { signOut } from "../session/session-actions";
import { passwordChanged } from "./account-actions";
import { ChangePasswordForm } from "./ChangePasswordForm";

export function ForcedPasswordPage({ user }: { user: MeDetails }) {
  const { t } = useT();
  return (
    <div className="sign-in-page">
      <div className="sign-in-top">
        <LanguageSwitch />
        <button type="button" className="button" onClick={() => void signOut()}>
          {t("header.logOut")}
        </button>
      </div>
      <main className="sign-in-card">
        <h1 className="sign-in-product">{t("app.name")}</h1>
        <h2 className="sign-in-title">{t("password.forcedTitle")}</h2>
        <p className="field-hint">{t("password.forcedIntro")}</p>
        <p className="field-hint">{t("header.signedInAs", { username: user.username, role: t(`role.${user.role}`) })}</p>
        <ChangePasswordForm username={user.username} onChanged={passwordChanged} />
      </main>
    </div>
  );
}
