import { z } from "zod";
import { roles, type Role } from "./roles";

export { roles, type Role } from "./roles";

export const loginSchema = z.object({
  username: z.string().trim().min(1, "must not be empty").max(100),
  password: z.string().min(1, "must not be empty").max(1000),
});

/** GET /api/me and POST /api/session answer. */
export const meSchema = z.object({ username: z.string(), role: z.enum(roles) });
export type Me = z.infer<typeof meSchema>;

/** Roles that may create projects (engineers then own what they create). */
export const projectWriters: readonly Role[] = ["admin", "planner", "engineer"];
/** Roles that may write sites, zoning and scenarios. */
export const planningWriters: readonly Role[] = ["admin", "planner"];
/**
 * Roles that may start a solve on the server (POST /api/solve; scenario runs need planningWriters).
 * Viewers solve in their own browser: a server solve takes a slot of MASSEKART_MAX_CONCURRENT_SOLVES.
 */
export const serverSolvers: readonly Role[] = ["admin", "planner", "engineer"];
/** Roles that may restore a deleted record (DESIGN §7: deletes are soft, undone by an admin). */
export const restorers: readonly Role[] = ["admin"];

export function mayWrite(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}

/**
 * Whether a user may change a project: planners and admins any, engineers the projects they own
 * or are members of, viewers none. The server decides with this; the client only hides controls.
 */
export function mayWriteProject(user: Me, project: { owner: string | null; members: readonly string[] }): boolean {
  if (user.role === "admin" || user.role === "planner") return true;
  if (user.role === "engineer") return project.owner === user.username || project.members.includes(user.username);
  return false;
}
