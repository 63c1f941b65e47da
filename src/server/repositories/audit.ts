import type { Queryable } from "../db/database";

export type AuditAction = "create" | "update" | "delete" | "restore";

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function writeAudit(
  tx: Queryable,
  entry: { entity: string; entityId: string; action: AuditAction; actor: string; before: unknown; after: unknown },
): Promise<void> {
  await tx.query(
    "insert into audit_log (entity, entity_id, action, actor, before, after) values ($1, $2, $3, $4, $5::jsonb, $6::jsonb)",
    [
      entry.entity,
      entry.entityId,
      entry.action,
      entry.actor,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
    ],
  );
}
