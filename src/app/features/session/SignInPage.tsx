import { useEffect, useId, useState, type FormEvent } from "react";
import { signInErrorParam, ssoRefusalCodes, type AuthConfig, type SsoRefusalCode } from "../../../core/domain/users-api";
import type { Message } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { LanguageSwitch } from "../../ui/LanguageSwitch";
import { fetchAuthConfig } from "../accounts/accounts-api";
import { expectSsoReturn, signIn } from "./session-actions";

/** Until the server says otherwise (or when it cannot be asked): password sign-in only. */
const passwordOnly: AuthConfig = { localLogin: true, oidc: null };

/** The page's address without the host, so single sign-on returns to the same page and language. */
const hereAsReturnTo = () => `${window.location.pathname}${window.location.search}`;

/** Why single sign-on refused, from the address the server sent the browser back to (`?signInError=`). */
function ssoRefusal(): Message | null {
  const code = new URLSearchParams(window.location.search).get(signInErrorParam);
  if (code === null) return null;
  const known = (ssoRefusalCodes as readonly string[]).includes(code) ? (code as SsoRefusalCode) : "oidc_provider_error";
  return { key: `ssoRefused.${known}` };
}

/**
 * The sign-in page: "Sign in with <provider>" when single sign-on is configured, the username and
 * password form unless passwords are switched off, and the language switch.
 */
export function SignInPage() {
  const { t } = useT();
  const notice = useAppStore((s) => (s.session.status === "signedOut" ? s.session.notice : null));
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<Message | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const usernameId = useId();
  const passwordId = useId();
  const errorId = useId();
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [refusal] = useState(ssoRefusal);

  // The reason is shown once: a reload or a bookmark of the page does not repeat it.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(signInErrorParam)) return;
    url.searchParams.delete(signInErrorParam);
    window.history.replaceState(window.history.state, "", url);
  }, []);

  useEffect(() => {
    let current = true;
    void fetchAuthConfig().then((result) => {
      if (current) setConfig(result.ok ? result.value : passwordOnly);
    });
    return () => {
      current = false;
    };
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    const failure = await signIn(username, password);
    // On success this page unmounts; only a failure has anything left to show.
    if (failure) {
      setError(failure);
      setSubmitting(false);
    }
  };

  // Why the user is here (a refused single sign-on, an ended session) shows at once, before the ways to sign in have loaded.
  const why = refusal ?? (notice ? { key: notice } : null);
  return (
    <div className="sign-in-page">
      <div className="sign-in-top">
        <LanguageSwitch />
      </div>
      <main className="sign-in-card">
        <h1 className="sign-in-product">{t("app.name")}</h1>
        <p className="sign-in-tagline">{t("app.tagline")}</p>
        <h2 className="sign-in-title">{t("signIn.title")}</h2>
        {config === null && <p role="status">{t("signIn.loadingConfig")}</p>}
        {why && !error && (
          <p className="form-error" role="alert">
            {t(why.key)}
          </p>
        )}
        {config?.oidc && (
          <div className="sign-in-sso">
            <a
              className="button button-primary button-wide"
              href={`${config.oidc.loginUrl}?returnTo=${encodeURIComponent(hereAsReturnTo())}`}
              onClick={expectSsoReturn}
            >
              {t("signIn.sso", { provider: config.oidc.name })}
            </a>
            {config.localLogin && <p className="sign-in-or">{t("signIn.or")}</p>}
          </div>
        )}
        {config && !config.localLogin && <p>{t("signIn.ssoOnly")}</p>}
        {config?.localLogin && (
          <form onSubmit={onSubmit} noValidate aria-describedby={error ? errorId : undefined}>
            <div className="field">
              <label htmlFor={usernameId}>{t("signIn.username")}</label>
              <input
                id={usernameId}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                aria-invalid={error?.key === "error.wrongCredentials" || undefined}
              />
            </div>
            <div className="field">
              <label htmlFor={passwordId}>{t("signIn.password")}</label>
              <input
                id={passwordId}
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={error?.key === "error.wrongCredentials" || undefined}
              />
            </div>
            {error && (
              <p id={errorId} className="form-error" role="alert">
                {t(error.key, error.params)}
              </p>
            )}
            <button type="submit" className="button button-primary" disabled={submitting} aria-busy={submitting}>
              {t("signIn.submit")}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
