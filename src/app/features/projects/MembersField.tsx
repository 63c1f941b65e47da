/** The engineers who may edit a project besides its owner: one checkbox per engineer. */
import type { UserSummary } from "../../../core/domain/registry-api";
import type { Translator } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { withMembers } from "./draft";

/** Who can be picked: engineers other than the owner, and anyone already a member. */
export function memberCandidates(users: readonly UserSummary[], owner: string | null, members: readonly string[]): string[] {
  const names = new Set(users.filter((u) => u.role === "engineer" && u.username !== owner).map((u) => u.username));
  for (const member of members) names.add(member);
  return [...names].sort((a, b) => a.localeCompare(b));
}

export function MembersField({
  members,
  owner,
  users,
  tr,
}: {
  members: readonly string[];
  owner: string | null;
  users: readonly UserSummary[] | null;
  tr: Translator;
}) {
  const { t } = tr;
  const editDraft = useAppStore((s) => s.editDraft);
  const candidates = users ? memberCandidates(users, owner, members) : [...members];
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
          {candidates.map((name) => (
            <li key={name}>
              <label className="check-field">
                <input type="checkbox" checked={members.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
                {name}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
