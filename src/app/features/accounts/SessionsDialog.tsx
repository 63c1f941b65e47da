/** "My sessions": where the user is signed in, the current one marked; end one, or all the others. */
import { useCallback, useEffect, useState } from "react";
import type { SessionInfo } from "../../../core/domain/users-api";
import type { Message } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { RowAction, TableDialog } from "../../ui/TableDialog";
import { formatAuditTime } from "../history/audit-diff";
import { endSession } from "../session/session-actions";
import { accountFailureMessage } from "./account-messages";
import { endMyOtherSessions, endMySession, fetchMySessions } from "./accounts-api";
import { describeUserAgent } from "./user-agent";

export function SessionsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const [notice, setNotice] = useState<Message | null>(null);

  const apply = useCallback((result: Awaited<ReturnType<typeof fetchMySessions>>) => {
    if (result.ok) setSessions([...result.value].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt)));
    else setError(accountFailureMessage(result.failure));
  }, []);
  const load = async () => apply(await fetchMySessions());
  useEffect(() => {
    void fetchMySessions().then(apply);
  }, [apply]);

  const device = (session: SessionInfo) => describeUserAgent(session.userAgent) ?? t("sessions.unknownDevice");

  const end = async (session: SessionInfo) => {
    setNotice(null);
    const result = await endMySession(session.id);
    if (!result.ok) {
      setError(accountFailureMessage(result.failure));
      return;
    }
    // Ending this very session is signing out.
    if (session.current) endSession();
    else await load();
  };
  const endOthers = async () => {
    const result = await endMyOtherSessions();
    if (!result.ok) {
      setError(accountFailureMessage(result.failure));
      return;
    }
    setNotice({ key: "sessions.endedOthers", params: { count: result.value.ended } });
    await load();
  };

  const others = sessions?.filter((s) => !s.current).length ?? 0;
  return (
    <TableDialog
      title={t("sessions.title")}
      onClose={onClose}
      className="account-dialog"
      intro={t("sessions.intro")}
      error={error}
      notice={notice}
      loadingText={sessions === null ? t("sessions.loading") : null}
      caption={t("sessions.caption")}
      tableClassName="sessions-table"
      columns={[t("sessions.device"), t("sessions.method"), t("sessions.address"), t("sessions.started"), t("sessions.lastSeen"), t("sessions.expires")]}
      actionsLabel={t("accounts.actions")}
      rows={(sessions ?? []).map((session) => (
        <tr key={session.id} aria-current={session.current || undefined} className={session.current ? "current-row" : undefined}>
          <td title={session.userAgent}>
            {device(session)}
            {session.current && <span className="badge">{t("sessions.current")}</span>}
          </td>
          <td>{t(session.method === "oidc" ? "sessions.methodOidc" : "sessions.methodPassword")}</td>
          <td>{session.address}</td>
          <td>{formatAuditTime(session.createdAt)}</td>
          <td>{formatAuditTime(session.lastSeenAt)}</td>
          <td>{formatAuditTime(session.idleExpiresAt < session.expiresAt ? session.idleExpiresAt : session.expiresAt)}</td>
          <td>
            <RowAction label={t("sessions.end", { device: device(session) })} text={t("sessions.endShort")} onClick={() => void end(session)} />
          </td>
        </tr>
      ))}
      footer={
        <div className="dialog-footer button-row">
          {others === 0 ? (
            <p className="muted">{t("sessions.none")}</p>
          ) : (
            <button type="button" className="button" onClick={() => void endOthers()}>
              {t("sessions.endOthers")}
            </button>
          )}
        </div>
      }
    />
  );
}
