/** The engineers who may edit a project besides its owner: one checkbox per engineer. */
import type { UserListItem } from "../../../core/domain/users-api";
import type { Translator } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { withMembers } from "./draft";

/** One row of the picker: a user who can be picked, or a member who is no longer an active engineer. */
export interface MemberCandidate {
  username: string;
  displayName: string;
  /** False for a deactivated account (still a member until unticked, but not offered to new projects). */
  active: boolean;
}

/**
 * Who can be picked: active engineers other than the owner (planners and admins edit every
 * project anyway, viewers none), and anyone already a member — deactivated or not — so a
 * membership can always be seen and removed.
 */
export function memberCandidates(users: readonly UserListItem[], owner: string | null, members: readonly string[]): MemberCandidate[] {
  const byName = new Map(users.map((u) => [u.username, u]));
  const candidates = new Map<string, MemberCandidate>();
  for (const user of users) {
    if (user.role === "engineer" && user.active && user.username !== owner) candidates.set(user.username, { username: user.username, displayName: user.displayName, active: true });
  }
  for (const member of members) {
    const user = byName.get(member);
    candidates.set(member, { username: member, displayName: user?.displayName ?? "", active: user?.active ?? false });
  }
  return [...candidates.values()].sort((a, b) => a.username.localeCompare(b.username));
}

export function MembersField({
  members,
  owner,
  users,
  tr,
}: {
  members: readonly string[];
  owner: string | null;
  users: readonly UserListItem[] | null;
  tr: Translator;
}) {
  const { t } = tr;
  const editDraft = useAppStore((s) => s.editDraft);
  // Without the user list (not loaded, or refused) the members still show, as they are.
  const candidates: MemberCandidate[] = users ? memberCandidates(users, owner, members) : members.map((username) => ({ username, displayName: "", active: true }));
  const toggle = (name: string, on: boolean) =>
    editDraft((h) => withMembers(h, on ? [...h.draft.members, name] : h.draft.members.filter((m) => m !== name)));
  return (
    <fieldset className="members-field">
      <legend>{t("form.members")}</legend>
      <p className="field-hint">{t("form.membersHint")}</p>
      {candidates.length === 0 ? (
        <p className="muted">{t(users ? "form.noEngineers" : "form.usersUnavailable")}</p>
      ) : (
        <ul className="check-list">
          {candidates.map((candidate) => (
            <li key={candidate.username}>
              <label className="check-field">
                <input type="checkbox" checked={members.includes(candidate.username)} onChange={(e) => toggle(candidate.username, e.target.checked)} />
                {candidate.displayName ? `${candidate.displayName} (${candidate.username})` : candidate.username}
                {!candidate.active && <span className="badge">{t("accounts.inactive")}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
