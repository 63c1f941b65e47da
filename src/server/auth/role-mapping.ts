import { roles, type Role } from "../../core/domain/roles";

/**
 * How the identity provider's claim values become Massekart roles (MASSEKART_OIDC_ROLE_MAP):
 * entries `value=role`, separated by `;` or new lines, e.g.
 * `Massekart.Admin=admin; Massekart.Planner=planner; Massekart.Engineer=engineer; *=viewer`.
 * The value is everything before the last `=` (so it may itself hold `=`), trimmed; `*` stands for
 * anyone the provider signs in whose claim matches no other entry (leave it out to refuse them).
 * A user whose claim matches several entries gets the strongest role.
 */
export interface RoleMapping {
  entries: ReadonlyMap<string, Role>;
  fallback: Role | undefined;
}

/** Strongest first: a user in both the planners' and the viewers' group is a planner. */
const strength: readonly Role[] = ["admin", "planner", "engineer", "viewer"];

export function parseRoleMapping(text: string): { ok: true; mapping: RoleMapping } | { ok: false; problem: string } {
  const entries = new Map<string, Role>();
  let fallback: Role | undefined;
  const parts = text.split(/[;\n]/).map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0) return { ok: false, problem: "it has no entries; write value=role pairs separated by ;" };
  for (const part of parts) {
    const at = part.lastIndexOf("=");
    const value = part.slice(0, Math.max(0, at)).trim();
    const role = part.slice(at + 1).trim();
    if (at <= 0 || !value) return { ok: false, problem: `"${part}" is not value=role` };
    if (!roles.some((known) => known === role)) return { ok: false, problem: `"${part}" names the role "${role}"; use one of ${roles.join(", ")}` };
    if (value === "*") fallback = role as Role;
    else entries.set(value, role as Role);
  }
  return { ok: true, mapping: { entries, fallback } };
}

/**
 * Reads a claim by name, or by a dotted path into nested objects (`realm_access.roles` as
 * Keycloak writes it) when no claim has the literal name (namespaced claims such as
 * `https://example.org/roles` contain dots too).
 */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes(".")) {
    value = name.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), claims);
  }
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item) => typeof item === "string" || typeof item === "number").map(String);
}

/** The role the claim's values give, or undefined when none maps (the user is then refused). */
export function mapRole(mapping: RoleMapping, values: readonly string[]): Role | undefined {
  const matched = values.map((value) => mapping.entries.get(value)).filter((role): role is Role => role !== undefined);
  return strength.find((role) => matched.includes(role)) ?? mapping.fallback;
}
