import { describe, expect, it } from "vitest";
import type { UserListItem } from "../../../../src/core/domain/users-api";
import { memberCandidates } from "../../../../src/app/features/projects/MembersField";

const user = (username: string, role: UserListItem["role"], active = true, displayName = ""): UserListItem => ({ username, displayName, role, active, version: 1 });

describe("memberCandidates", () => {
  const users = [user("ola", "engineer", true, "Ola Nordmann"), user("per", "engineer", false), user("pia", "planner"), user("owner", "engineer")];

  it("offers active engineers other than the owner", () => {
    expect(memberCandidates(users, "owner", [])).toEqual([{ username: "ola", displayName: "Ola Nordmann", active: true }]);
  });

  it("keeps a deactivated member, marked inactive, so it can be seen and removed", () => {
    expect(memberCandidates(users, "owner", ["per"])).toEqual([
      { username: "ola", displayName: "Ola Nordmann", active: true },
      { username: "per", displayName: "", active: false },
    ]);
  });

  it("keeps a member the list no longer has, as inactive", () => {
    expect(memberCandidates(users, null, ["gone"]).find((c) => c.username === "gone")).toEqual({ username: "gone", displayName: "", active: false });
  });
});
