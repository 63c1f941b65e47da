/**
 * The admins' Accounts view: every account with its role, status and last sign-in; create one,
 * edit its display name and role, deactivate or activate it, and give it a new temporary
 * password (shown once). The server decides who may do this; the view is only offered to admins.
 */
import { useCallback, useEffect, useState } from "react";
import type { PasswordResetResult, UserAccount } from "../../../core/domain/users-api";
import type { ApiFailure } from "../../api/client";
import type { Message } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { useAppStore } from "../../state/store";
import { ConfirmBar } from "../../ui/ConfirmBar";
import { RowAction, TableDialog } from "../../ui/TableDialog";
import { formatAuditTime } from "../history/audit-diff";
import { AccountForm, type AccountFormSubmit } from "./AccountForm";
import { accountFailureMessage, failureField } from "./account-messages";
import { createAccount, fetchAccounts, fetchAuthConfig, resetAccountPassword, updateAccount } from "./accounts-api";
import { TemporaryPassword } from "./TemporaryPassword";

type Editing = { mode: "create" } | { mode: "edit"; account: UserAccount } | null;

/** The rows in the list's order: active before deactivated, then by username. */
export function sortAccounts(accounts: readonly UserAccount[]): UserAccount[] {
  return [...accounts].sort((a, b) => Number(b.active) - Number(a.active) || a.username.localeCompare(b.username));
}

/** A version conflict's message: who changed the account and when, from the record the server sent back. */
function conflictMessage(current: UserAccount): Message {
  return { key: "accounts.conflict", params: { who: current.updatedBy ?? "", username: current.username, when: formatAuditTime(current.updatedAt) } };
}

const isAccount = (value: unknown): value is UserAccount =>
  typeof value === "object" && value !== null && "username" in value && "version" in value && "updatedAt" in value;

export function AccountsDialog({ me, onClose }: { me: { username: string }; onClose: () => void }) {
  const { t } = useT();
  const [accounts, setAccounts] = useState<UserAccount[] | null>(null);
  const [ssoAvailable, setSsoAvailable] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  const [notice, setNotice] = useState<Message | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [confirmReset, setConfirmReset] = useState<UserAccount | null>(null);
  const [temporary, setTemporary] = useState<{ username: string; password: string } | null>(null);

  const show = useCallback((list: UserAccount[]) => {
    setAccounts(sortAccounts(list));
    // The project form's member picker reads the same list.
    useAppStore.getState().setUsers(list);
  }, []);
  useEffect(() => {
    void Promise.all([fetchAccounts(), fetchAuthConfig()]).then(([list, config]) => {
      if (list.ok) show(list.value);
      else setError(accountFailureMessage(list.failure));
      if (config.ok) setSsoAvailable(config.value.oidc !== null);
    });
  }, [show]);

  /** Puts a changed account in the list (the answer of a write, or a conflict's current record). */
  const replace = (account: UserAccount) => show((accounts ?? []).map((a) => (a.username === account.username ? account : a)));

  /** A refused write: a conflict brings the saved record in and says who changed it. */
  const refusal = (failure: ApiFailure): Message => {
    if (failure.code === "version_conflict" && isAccount(failure.current)) {
      replace(failure.current);
      return conflictMessage(failure.current);
    }
    return accountFailureMessage(failure);
  };

  const withWho = (message: Message): Message =>
    message.key === "accounts.conflict" && message.params?.who === "" ? { ...message, params: { ...message.params, who: t("accounts.someone") } } : message;

  const announce = (message: Message) => {
    setError(null);
    setNotice(message);
  };

  const showTemporary = (result: PasswordResetResult) => {
    if (result.generatedPassword) setTemporary({ username: result.username, password: result.generatedPassword });
  };

  const create: AccountFormSubmit = async (values) => {
    const password = values.passwordChoice === "type" ? values.password : undefined;
    const created = await createAccount({ username: values.username, displayName: values.displayName, role: values.role, ...(password ? { password } : {}) });
    if (!created.ok) return { field: failureField(created.failure), message: accountFailureMessage(created.failure) };
    let account = created.value;
    if (values.passwordChoice === "generate") {
      // The server generates the password (from its own random source) and shows it this once.
      const reset = await resetAccountPassword(account.username);
      if (reset.ok) {
        showTemporary(reset.value);
        account = { ...account, hasPassword: true, mustChangePassword: true };
      } else setError(accountFailureMessage(reset.failure));
    }
    show([...(accounts ?? []), account]);
    setEditing(null);
    announce({ key: "accounts.created", params: { username: account.username } });
    return null;
  };

  const save =
    (account: UserAccount): AccountFormSubmit =>
    async (values) => {
      const result = await updateAccount(account.username, { displayName: values.displayName, role: values.role, active: account.active, version: account.version });
      if (!result.ok) {
        const message = refusal(result.failure);
        if (result.failure.code === "version_conflict" && isAccount(result.failure.current)) {
          // The form restarts from what is saved now, and says why.
          setEditing({ mode: "edit", account: result.failure.current });
          setError(withWho(message));
          return null;
        }
        return { field: failureField(result.failure), message };
      }
      replace(result.value);
      setEditing(null);
      announce({ key: "accounts.saved", params: { username: account.username } });
      return null;
    };

  const setActive = async (account: UserAccount, active: boolean) => {
    setNotice(null);
    const result = await updateAccount(account.username, { displayName: account.displayName, role: account.role, active, version: account.version });
    if (!result.ok) {
      setError(withWho(refusal(result.failure)));
      return;
    }
    replace(result.value);
    announce({ key: active ? "accounts.activated" : "accounts.deactivated", params: { username: account.username } });
  };

  const reset = async (account: UserAccount) => {
    setConfirmReset(null);
    setNotice(null);
    const result = await resetAccountPassword(account.username);
    if (!result.ok) {
      setError(accountFailureMessage(result.failure));
      return;
    }
    setError(null);
    showTemporary(result.value);
    replace({ ...account, hasPassword: true, mustChangePassword: true });
  };

  return (
    <TableDialog
      title={t("accounts.title")}
      onClose={onClose}
      className="accounts-dialog"
      intro={t("accounts.intro")}
      error={error}
      notice={notice}
      loadingText={accounts === null ? t("accounts.loading") : null}
      above={
        <>
          {temporary && <TemporaryPassword username={temporary.username} password={temporary.password} onDone={() => setTemporary(null)} />}
          {confirmReset && (
            <ConfirmBar
              message={t("accounts.resetConfirm", { username: confirmReset.username })}
              confirmLabel={t("accounts.resetConfirmButton")}
              onConfirm={() => reset(confirmReset)}
              cancelLabel={t("accounts.cancel")}
              onCancel={() => setConfirmReset(null)}
            />
          )}
          {editing?.mode === "create" ? (
            <AccountForm ssoAvailable={ssoAvailable} onSubmit={create} onCancel={() => setEditing(null)} />
          ) : editing?.mode === "edit" ? (
            <AccountForm key={`${editing.account.username}-${editing.account.version}`} account={editing.account} ssoAvailable={ssoAvailable} onSubmit={save(editing.account)} onCancel={() => setEditing(null)} />
          ) : (
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={() => setEditing({ mode: "create" })}>
                {t("accounts.create")}
              </button>
            </div>
          )}
        </>
      }
      caption={t("accounts.caption")}
      tableClassName="accounts-table"
      columns={[t("accounts.username"), t("accounts.displayName"), t("accounts.role"), t("accounts.status"), t("accounts.lastSignIn")]}
      actionsLabel={t("accounts.actions")}
      rows={(accounts ?? []).map((account) => (
        <tr key={account.username} className={account.active ? undefined : "inactive-row"}>
          <th scope="row">
            {account.username} {account.username === me.username && <span className="muted">{t("accounts.you")}</span>}
          </th>
          <td>{account.displayName}</td>
          <td>{t(`role.${account.role}`)}</td>
          <td>
            {t(account.active ? "accounts.active" : "accounts.inactive")}
            {account.signInMethod === "sso" && <span className="badge">{t("accounts.sso")}</span>}
            {account.mustChangePassword && account.active && <span className="badge">{t("accounts.mustChange")}</span>}
          </td>
          <td>{account.lastSignInAt ? formatAuditTime(account.lastSignInAt) : t("accounts.never")}</td>
          <td className="row-actions">
            <RowAction label={t("accounts.edit", { username: account.username })} text={t("accounts.editShort")} onClick={() => setEditing({ mode: "edit", account })} />
            <RowAction
              label={t(account.active ? "accounts.deactivate" : "accounts.activate", { username: account.username })}
              text={t(account.active ? "accounts.deactivateShort" : "accounts.activateShort")}
              danger={account.active}
              onClick={() => void setActive(account, !account.active)}
            />
            {account.signInMethod !== "sso" && (
              <RowAction label={t("accounts.resetPassword", { username: account.username })} text={t("accounts.resetShort")} onClick={() => setConfirmReset(account)} />
            )}
          </td>
        </tr>
      ))}
    />
  );
}
