import { describe, expect, it } from "vitest";
import type { Me } from "../../../../src/core/domain/accounts";
import { isAdmin, mayCreateProject, mayEditMembers, mayEditProject } from "../../../../src/app/features/projects/permissions";
import { project } from "../../../support/record-fixtures";

const user = (username: string, role: Me["role"]): Me => ({ username, role });
const owned = project({ owner: "kari", members: ["ola"] });

describe("mayEditProject", () => {
  it("follows the role matrix: planners and admins any project, engineers their own or as members, viewers none", () => {
    expect(mayEditProject(user("p", "planner"), owned)).toBe(true);
    expect(mayEditProject(user("a", "admin"), owned)).toBe(true);
    expect(mayEditProject(user("kari", "engineer"), owned)).toBe(true);
    expect(mayEditProject(user("ola", "engineer"), owned)).toBe(true);
    expect(mayEditProject(user("per", "engineer"), owned)).toBe(false);
    expect(mayEditProject(user("kari", "viewer"), owned)).toBe(false);
    expect(mayEditProject(null, owned)).toBe(false);
  });

  it("offers no editing of a deleted project, to anyone", () => {
    expect(mayEditProject(user("a", "admin"), { ...owned, deletedAt: "2027-01-01T00:00:00Z" })).toBe(false);
  });
});

describe("mayEditMembers", () => {
  it("lets planners, admins and the owner name members, not a member or a stranger", () => {
    expect(mayEditMembers(user("kari", "engineer"), owned)).toBe(true);
    expect(mayEditMembers(user("p", "planner"), owned)).toBe(true);
    expect(mayEditMembers(user("ola", "engineer"), owned)).toBe(false);
    expect(mayEditMembers(user("per", "engineer"), owned)).toBe(false);
  });

  it("lets whoever creates a project name its members", () => {
    expect(mayEditMembers(user("per", "engineer"), null)).toBe(true);
    expect(mayEditMembers(user("v", "viewer"), null)).toBe(false);
  });
});

describe("mayCreateProject and isAdmin", () => {
  it("let engineers, planners and admins create; only admins restore", () => {
    expect(["admin", "planner", "engineer", "viewer"].map((role) => mayCreateProject(user("x", role as Me["role"])))).toEqual([true, true, true, false]);
    expect(isAdmin(user("a", "admin"))).toBe(true);
    expect(isAdmin(user("p", "planner"))).toBe(false);
  });
});
