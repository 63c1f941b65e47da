/** "Change password" from the account menu. */
import { useState } from "react";
import type { MeDetails } from "../../../core/domain/users-api";
import { useT } from "../../i18n/use-t";
import { Dialog } from "../../ui/Dialog";
import { passwordChanged } from "./account-actions";
import { ChangePasswordForm } from "./ChangePasswordForm";

export function PasswordDialog({ user, onClose }: { user: MeDetails; onClose: () => void }) {
  const { t } = useT();
  const [done, setDone] = useState(false);
  return (
    <Dialog title={t("password.title")} closeLabel={t("details.close")} onClose={onClose} className="account-dialog">
      {user.signInMethod === "sso" ? (
        <p>{t("password.ssoOnly")}</p>
      ) : done ? (
        <>
          <p className="import-done" role="status">
            {t("password.changed")}
          </p>
          <button type="button" className="button button-primary" onClick={onClose}>
            {t("accounts.dismiss")}
          </button>
        </>
      ) : (
        <ChangePasswordForm
          username={user.username}
          onChanged={(me) => {
            passwordChanged(me);
            setDone(true);
          }}
        />
      )}
    </Dialog>
  );
}
