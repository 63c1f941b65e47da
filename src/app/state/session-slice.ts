import type { StateCreator } from "zustand";
import type { MeDetails } from "../../core/domain/users-api";
import type { MessageKey } from "../i18n/i18n";
import type { AppState } from "./store";

/**
 * Who is signed in. "checking" while `GET /api/me` is under way, so the sign-in form does not
 * flash up for a user who already has a session cookie.
 */
export type SessionState =
  | { status: "checking" }
  | { status: "signedOut"; notice: MessageKey | null }
  | { status: "signedIn"; user: MeDetails };

export const initialSession: SessionState = { status: "checking" };

export function signedIn(user: MeDetails): SessionState {
  return { status: "signedIn", user };
}

/** @param notice - a message to show on the sign-in page, e.g. that the session expired */
export function signedOut(notice: MessageKey | null = null): SessionState {
  return { status: "signedOut", notice };
}

export interface SessionSlice {
  session: SessionState;
  setSession: (session: SessionState) => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  session: initialSession,
  setSession: (session) => set({ session }),
});
