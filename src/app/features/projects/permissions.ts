/**
 * What the signed-in user may do, to hide or disable controls. The server decides (it answers
 * 403 to anything else); these only keep the UI from offering what would be refused.
 */
import { mayWrite, mayWriteProject, projectWriters, type Me } from "../../../core/domain/accounts";
import type { Project } from "../../../core/domain/records";

type ProjectAccess = Pick<Project, "owner" | "members" | "deletedAt">;

/** Planners and admins any project, engineers their own and those they are members of; never a deleted one. */
export function mayEditProject(me: Me | null, project: ProjectAccess): boolean {
  return me !== null && project.deletedAt === null && mayWriteProject(me, project);
}

/** Engineers, planners and admins may register projects (an engineer then owns it). */
export function mayCreateProject(me: Me | null): boolean {
  return me !== null && mayWrite(me.role, projectWriters);
}

/**
 * Who may name the members: planners, admins and the owner (a member may not add others).
 * @param project - null while creating: the creator becomes the owner
 */
export function mayEditMembers(me: Me | null, project: ProjectAccess | null): boolean {
  if (!me) return false;
  if (!project) return mayCreateProject(me);
  if (!mayEditProject(me, project)) return false;
  return me.role === "admin" || me.role === "planner" || project.owner === me.username;
}

/** Only admins restore deleted records, list them, and edit the conversion table. */
export function isAdmin(me: Me | null): boolean {
  return me?.role === "admin";
}
