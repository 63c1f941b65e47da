/**
 * The account roles, on their own (no zod): the server's configuration reads them at start, before
 * the database opens, and loading zod there would delay that by about 0.1 s (bench/start-health.ts).
 */
export const roles = ["admin", "planner", "engineer", "viewer"] as const;
export type Role = (typeof roles)[number];
