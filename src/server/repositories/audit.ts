import type { AuditEntry } from "../../core/domain/registry-api";
import type { Queryable } from "../db/database";
import { insertMany } from "./insert-many";

export type AuditAction = "create" | "update" | "delete" | "restore";

export interface AuditInput {
  entity: string;
  entityId: string;
  /** The project the record belongs to, so the project's history lists it. */
  projectId?: string | null;
  action: AuditAction;
  actor: string;
  before: unknown;
  after: unknown;
}

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function writeAudit(tx: Queryable, entry: AuditInput): Promise<void> {
  await tx.query(
    `insert into audit_log (entity, entity_id, project_id, action, actor, before, after)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
    [
      entry.entity,
      entry.entityId,
      entry.projectId ?? null,
      entry.action,
      entry.actor,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
    ],
  );
}

/** Writes many audit rows in multi-row inserts (imports); inside the transaction of the change. */
export async function writeAudits(tx: Queryable, entries: readonly AuditInput[]): Promise<void> {
  for (let start = 0; start < entries.length; start += 250) {
    await insertMany(
      tx,
      "insert into audit_log (entity, entity_id, project_id, action, actor, before, after)",
      entries.slice(start, start + 250),
      (entry, p) =>
        `(${p(entry.entity)}, ${p(entry.entityId)}, ${p(entry.projectId ?? null)}, ${p(entry.action)}, ${p(entry.actor)}, ` +
        `${p(entry.before === null ? null : JSON.stringify(entry.before))}::jsonb, ${p(entry.after === null ? null : JSON.stringify(entry.after))}::jsonb)`,
    );
  }
}

interface AuditRow {
  id: number | string;
  entity: AuditEntry["entity"];
  entity_id: string;
  project_id: string | null;
  action: AuditAction;
  actor: string;
  at: Date | string;
  before: unknown;
  after: unknown;
}

/** The history of one record, newest first; a project's includes its lots' changes. */
export async function listAudit(db: Queryable, entity: string, id: string): Promise<AuditEntry[]> {
  const rows = await db.query<AuditRow>(
    entity === "project"
      ? "select * from audit_log where (entity = 'project' and entity_id = $1) or project_id = $1 order by at desc, id desc"
      : "select * from audit_log where entity = $2 and entity_id = $1 order by at desc, id desc",
    entity === "project" ? [id] : [id, entity],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    entity: row.entity,
    entityId: row.entity_id,
    projectId: row.project_id,
    action: row.action,
    actor: row.actor,
    at: new Date(row.at).toISOString(),
    before: row.before,
    after: row.after,
  }));
}

/**
 * Whether a record is deleted now, read from its own history: its latest own entry is a delete
 * (every write is audited in its own transaction, so the log is complete), or the project it
 * belongs to is deleted. Works alike for soft-deleted records and hard-deleted ones (road networks).
 */
export async function isDeletedRecord(db: Queryable, entity: string, id: string): Promise<boolean> {
  const rows = await db.query<{ action: AuditAction; project_id: string | null }>(
    "select action, project_id from audit_log where entity = $1 and entity_id = $2 order by at desc, id desc limit 1",
    [entity, id],
  );
  const latest = rows[0];
  if (!latest) return false;
  if (latest.action === "delete") return true;
  return entity !== "project" && latest.project_id !== null && isDeletedRecord(db, "project", latest.project_id);
}
