import { useEffect } from "react";
import { ForcedPasswordPage } from "./features/accounts/ForcedPasswordPage";
import { MapScreen } from "./features/map-screen/MapScreen";
import { checkSession, watchSession } from "./features/session/session-actions";
import { SignInPage } from "./features/session/SignInPage";
import { useT } from "./i18n/use-t";
import { useAppStore } from "./state/store";

/** The app: a session check, then the sign-in page, the forced password change, or the map. */
export function App() {
  const { t, lang } = useT();
  const session = useAppStore((s) => s.session);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    void checkSession();
    return watchSession();
  }, []);

  switch (session.status) {
    case "checking":
      return (
        <p className="app-checking" role="status">
          {t("session.checking")}
        </p>
      );
    case "signedOut":
      return <SignInPage />;
    case "signedIn":
      // After an admin's reset the server refuses all else until the password is changed.
      return session.user.mustChangePassword ? <ForcedPasswordPage user={session.user} /> : <MapScreen user={session.user} />;
  }
}
