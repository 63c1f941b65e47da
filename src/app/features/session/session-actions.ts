/** Sign-in, sign-out and the start-up session check: the API calls and the store updates they cause. */
import { createSession, deleteSession, onSessionFailure } from "../../api/client";
import type { Message } from "../../api/failure-message";
import type { MessageKey } from "../../i18n/i18n";
import { initialData } from "../../state/data-slice";
import { signedIn, signedOut } from "../../state/session-slice";
import { useAppStore } from "../../state/store";
import { accountFailureMessage } from "../accounts/account-messages";
import { fetchMeDetails } from "../accounts/accounts-api";

/**
 * localStorage key remembering that this browser has a session. The session cookie itself is
 * httpOnly, so the page cannot see it; without this hint every first visit would ask
 * `GET /api/me` only to get a 401, which costs a round trip and logs an error in the console.
 */
export const sessionHintKey = "massekart.session";

/** Whether this browser signed in last time; null when storage is unavailable (then ask the server). */
function readSessionHint(): boolean | null {
  try {
    return localStorage.getItem(sessionHintKey) === "1";
  } catch {
    return null;
  }
}

function writeSessionHint(signedInNow: boolean): void {
  try {
    if (signedInNow) localStorage.setItem(sessionHintKey, "1");
    else localStorage.removeItem(sessionHintKey);
  } catch {
    // No storage: the start-up check then always asks the server.
  }
}

/** Asks the server who is signed in (a session cookie survives a reload). */
export async function checkSession(): Promise<void> {
  const { setSession } = useAppStore.getState();
  if (readSessionHint() === false) {
    setSession(signedOut());
    return;
  }
  const result = await fetchMeDetails();
  writeSessionHint(result.ok);
  if (result.ok) setSession(signedIn(result.value));
  else setSession(signedOut(result.failure.status === 0 ? "error.network" : null));
}

/** Signs in; answers the message to show when it fails, null when it worked. */
export async function signIn(username: string, password: string): Promise<Message | null> {
  if (username.trim() === "" || password === "") return { key: "signIn.missingFields" };
  const result = await createSession(username.trim(), password);
  if (!result.ok) return accountFailureMessage(result.failure, "signIn");
  writeSessionHint(true);
  useAppStore.getState().setSession(signedIn(result.value));
  return null;
}

/**
 * Called as the browser leaves for the single sign-on provider: it comes back with a session
 * cookie the page cannot see, so the start-up check must ask the server rather than trust the hint.
 */
export function expectSsoReturn(): void {
  writeSessionHint(true);
}

/** Back to the sign-in page, forgetting the loaded data; the layer choices and the language stay. */
export function endSession(notice: MessageKey | null = null): void {
  writeSessionHint(false);
  const { setSession, setData, select } = useAppStore.getState();
  select(null);
  setData(initialData);
  setSession(signedOut(notice));
}

/**
 * Brings the right screen up as soon as any call shows the session cannot go on: the forced
 * password screen on 403 `password_change_required`, the sign-in page (saying why) on a 401 — an
 * admin's password reset or deactivation ends the user's sessions, so the next click, not the
 * next page load, shows it. Answers the function that stops watching.
 */
export function watchSession(): () => void {
  return onSessionFailure((failure) => {
    const { session, setSession } = useAppStore.getState();
    // Sign-in attempts and the start-up check answer for themselves.
    if (session.status !== "signedIn") return;
    if (failure.code === "password_change_required") {
      if (!session.user.mustChangePassword) setSession(signedIn({ ...session.user, mustChangePassword: true }));
      return;
    }
    endSession("session.ended");
  });
}

/** Signs out on the server, then locally. */
export async function signOut(): Promise<void> {
  // Forget locally even if the server is unreachable: the user asked to leave this screen.
  await deleteSession();
  endSession();
}
