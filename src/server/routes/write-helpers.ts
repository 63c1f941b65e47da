import type { Context, Hono } from "hono";
import type { RouteContract } from "../../core/api/routes";
import { mayWriteProject, restorers, type Role } from "../../core/domain/accounts";
import { apiError } from "../../core/domain/api-error";
import type { Project } from "../../core/domain/records";
import { message } from "../../core/messages/message";
import type { SessionUser } from "../auth/sessions";
import type { Database, Queryable } from "../db/database";
import { authorise, fail, respond, type AppEnv } from "../http";
import { writeAudit } from "../repositories/audit";
import { getMaterialTable, type MaterialTable } from "../repositories/materials";
import { getProject } from "../repositories/projects";

/** Thrown inside a transaction to roll it back and answer with `response`. */
export class Refusal extends Error {
  constructor(readonly response: Response) {
    super("refused");
  }
}

/** Runs `work` in a transaction; a Refusal rolls it back and becomes the answer. */
export async function inTransaction<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T | Response> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (error instanceof Refusal) return error.response;
    throw error;
  }
}

/** 409 for a PUT based on a stale version: the error shape plus the record as it is now. */
export function versionConflict(
  c: Context,
  entity: VersionedEntity,
  current: { version: number; updatedAt: string; updatedBy: string | null },
): Response {
  const at = current.updatedAt;
  const m = current.updatedBy
    ? message("error.versionConflictBy", { entity, by: current.updatedBy, at, version: current.version })
    : message("error.versionConflict", { entity, at, version: current.version });
  return c.json({ ...apiError("version_conflict", m), current }, 409);
}

/** What a `versionConflict` names, as the audit log names it. */
export type VersionedEntity = "project" | "lot" | "site" | "scenario" | "outdoor_lot" | "outdoor_material_type" | "user" | "load";

/** 404 for a record that does not exist (or is deleted). */
export const notFound = (c: Context, entity: VersionedEntity, id: string): Response =>
  fail(c, 404, "not_found", message("error.notFound", { entity, id }));

/** 404 for a restore of a record that is not deleted. */
export const notFoundDeleted = (c: Context, entity: VersionedEntity, id: string): Response =>
  fail(c, 404, "not_found", message("error.notFoundDeleted", { entity, id }));

/**
 * The project if it exists (live) and `user` may write it, else a Refusal that answers why not
 * (404, or 403 naming the project): the one check every route that writes into a project makes.
 */
export async function writableProject(c: Context, tx: Queryable, user: SessionUser, id: string, table?: MaterialTable): Promise<Project> {
  const project = await getProject(tx, table ?? (await getMaterialTable(tx)), id);
  if (!project) throw new Refusal(notFound(c, "project", id));
  if (!mayWriteProject({ username: user.username, role: user.role }, project)) {
    throw new Refusal(fail(c, 403, "forbidden", message("error.forbiddenProject", { username: user.username, role: user.role, project: project.name })));
  }
  return project;
}

/** How one kind of soft-deletable record is read, marked and checked (see `softDeleteRoutes`). */
export interface SoftDeletable<R extends { deletedAt: string | null }> {
  entity: VersionedEntity;
  /** The record's path, "/lots/:id"; DELETE there, POST `${path}/restore`. */
  path: string;
  /** Who may delete (restoring is for admins, DESIGN §7). */
  deleters: readonly Role[];
  get(tx: Queryable, id: string, options: { includeDeleted: boolean }): Promise<R | undefined>;
  setDeleted(tx: Queryable, id: string, deleted: boolean, actor: string): Promise<unknown>;
  /** The project the record belongs to (its history lists it), if any. */
  projectOf?(record: R): string | null;
  /** A further check before a delete (a project writer's own project), throwing a Refusal. */
  mayDelete?(c: Context, tx: Queryable, user: SessionUser, record: R): Promise<void>;
  /** What the audit row holds of the record (a project's without its lots). */
  audited?(record: R): unknown;
  /** The restore answer's contract. */
  restored: RouteContract;
}

/**
 * DELETE `path` (soft: 204, audited) and POST `path/restore` (admins; 404 unless deleted) for one
 * kind of record: one handler for projects, lots, sites, scenarios and outdoor lots (issue 15 item 3).
 */
export function softDeleteRoutes<R extends { deletedAt: string | null }>(routes: Hono<AppEnv>, db: Database, kind: SoftDeletable<R>): void {
  const audited = kind.audited ?? ((record: R) => record);
  const projectOf = (record: R) => kind.projectOf?.(record) ?? null;
  routes.delete(kind.path, async (c) => {
    const auth = authorise(c, kind.deleters);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id") ?? "";
    const result = await inTransaction(db, async (tx) => {
      const before = await kind.get(tx, id, { includeDeleted: false });
      if (!before) throw new Refusal(notFound(c, kind.entity, id));
      await kind.mayDelete?.(c, tx, auth.user, before);
      await kind.setDeleted(tx, id, true, auth.user.username);
      const after = (await kind.get(tx, id, { includeDeleted: true }))!;
      await writeAudit(tx, { entity: kind.entity, entityId: id, projectId: projectOf(before), action: "delete", actor: auth.user.username, before: audited(before), after: audited(after) });
      return null;
    });
    return result instanceof Response ? result : c.body(null, 204);
  });
  routes.post(`${kind.path}/restore`, async (c) => {
    const auth = authorise(c, restorers);
    if (!auth.ok) return auth.response;
    const id = c.req.param("id") ?? "";
    const result = await inTransaction(db, async (tx) => {
      const before = await kind.get(tx, id, { includeDeleted: true });
      if (!before?.deletedAt) throw new Refusal(notFoundDeleted(c, kind.entity, id));
      await kind.setDeleted(tx, id, false, auth.user.username);
      const after = (await kind.get(tx, id, { includeDeleted: false }))!;
      await writeAudit(tx, { entity: kind.entity, entityId: id, projectId: projectOf(before), action: "restore", actor: auth.user.username, before: audited(before), after: audited(after) });
      return after;
    });
    return result instanceof Response ? result : respond(c, kind.restored, result as never);
  });
}
