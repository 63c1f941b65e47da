import { z } from "zod";

export const roles = ["admin", "planner", "engineer", "viewer"] as const;
export type Role = (typeof roles)[number];

export const loginSchema = z.object({
  username: z.string().trim().min(1, "must not be empty").max(100),
  password: z.string().min(1, "must not be empty").max(1000),
});

/** GET /api/me and POST /api/session answer. */
export interface Me {
  username: string;
  role: Role;
}

/** Roles that may create projects (engineers then own what they create). */
export const projectWriters: readonly Role[] = ["admin", "planner", "engineer"];
/** Roles that may write sites, zoning and scenarios. */
export const planningWriters: readonly Role[] = ["admin", "planner"];

export function mayWrite(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
