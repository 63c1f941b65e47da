/** A generated temporary password, shown once with a copy button; gone when dismissed. */
import { useState } from "react";
import { useT } from "../../i18n/use-t";

export function TemporaryPassword({ username, password, onDone }: { username: string; password: string; onDone: () => void }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      // No clipboard permission (plain http, policy): the password is selectable text.
    }
  };
  return (
    <section className="temporary-password" role="alert" aria-label={t("accounts.temporaryPassword", { username })}>
      <p className="temporary-password-title">{t("accounts.temporaryPassword", { username })}</p>
      <p>
        <code className="temporary-password-value" data-testid="temporary-password">
          {password}
        </code>
      </p>
      <p className="field-hint">{t("accounts.temporaryHint")}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? t("accounts.copied") : t("accounts.copy")}
        </button>
        <button type="button" className="button button-primary" onClick={onDone}>
          {t("accounts.dismiss")}
        </button>
      </div>
    </section>
  );
}
