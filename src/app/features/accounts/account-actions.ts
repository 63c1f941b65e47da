/** Store updates that follow account calls: who is signed in after a password change. */
import type { MeDetails } from "../../../core/domain/users-api";
import { signedIn } from "../../state/session-slice";
import { useAppStore } from "../../state/store";

/** The server's answer to a password change is the signed-in user without `mustChangePassword`. */
export function passwordChanged(me: MeDetails): void {
  useAppStore.getState().setSession(signedIn(me));
}
