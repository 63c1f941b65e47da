/**
 * The admin's form for one account: a new one (username, display name, role, first password) or
 * an existing one (display name, role). Server refusals show beside their field.
 */
import { useState, type FormEvent } from "react";
import { roles, type Role } from "../../../core/domain/accounts";
import { checkPassword, minPasswordLength, usernamePattern, type UserAccount } from "../../../core/domain/users-api";
import type { Message } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { Field } from "../../ui/Field";
import { passwordProblemMessage } from "./account-messages";

export type PasswordChoice = "generate" | "type" | "none";

export interface AccountFormValues {
  username: string;
  displayName: string;
  role: Role;
  passwordChoice: PasswordChoice;
  password: string;
}

/** What the form hands to its owner; `fieldErrors` come back when the server refused a field. */
export type AccountFormSubmit = (values: AccountFormValues) => Promise<{ field: string | null; message: Message } | null>;

export function AccountForm({
  account,
  ssoAvailable,
  onSubmit,
  onCancel,
}: {
  /** The account being edited; absent for a new one. */
  account?: UserAccount;
  /** Whether accounts without a password make sense here (single sign-on is configured). */
  ssoAvailable: boolean;
  onSubmit: AccountFormSubmit;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [values, setValues] = useState<AccountFormValues>({
    username: account?.username ?? "",
    displayName: account?.displayName ?? "",
    role: account?.role ?? "engineer",
    passwordChoice: "generate",
    password: "",
  });
  const [errors, setErrors] = useState<Record<string, Message>>({});
  const [formError, setFormError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = account ? `account-${account.username}` : "account-new";
  const set = <K extends keyof AccountFormValues>(key: K, value: AccountFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, Message> = {};
    if (!account && !usernamePattern.test(values.username)) found.username = { key: "error.invalid_username" };
    if (!account && values.passwordChoice === "type") {
      const problem = checkPassword(values.password, { username: values.username });
      if (problem) found.password = passwordProblemMessage(problem);
    }
    setErrors(found);
    setFormError(null);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`f-${prefix}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const refused = await onSubmit(values);
    setBusy(false);
    if (!refused) return;
    if (refused.field && ["username", "displayName", "role", "password"].includes(refused.field)) {
      setErrors({ [refused.field]: refused.message });
      document.getElementById(`f-${prefix}-${refused.field}`)?.focus();
    } else setFormError(refused.message);
  };

  const error = (field: string) => {
    const message = errors[field];
    return message ? t(message.key, message.params) : undefined;
  };

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-label={account ? t("accounts.editTitle", { username: account.username }) : t("accounts.createTitle")}>
      <h3 className="account-form-title">{account ? t("accounts.editTitle", { username: account.username }) : t("accounts.createTitle")}</h3>
      <div className="form-grid account-form-grid">
        {!account && (
          <Field path={`${prefix}-username`} label={t("accounts.username")} error={error("username")} hint={t("accounts.usernameHint")}>
            {(control) => (
              <input
                {...control}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                value={values.username}
                onChange={(e) => set("username", e.target.value.toLowerCase())}
              />
            )}
          </Field>
        )}
        <Field path={`${prefix}-displayName`} label={t("accounts.displayName")} error={error("displayName")}>
          {(control) => <input {...control} autoComplete="off" value={values.displayName} onChange={(e) => set("displayName", e.target.value)} />}
        </Field>
        <Field path={`${prefix}-role`} label={t("accounts.role")} error={error("role")}>
          {(control) => (
            <select {...control} value={values.role} onChange={(e) => set("role", e.target.value as Role)}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {!account && (
        <fieldset className="account-password-choice">
          <legend>{t("accounts.passwordChoice")}</legend>
          {(["generate", "type", ...(ssoAvailable ? (["none"] as const) : [])] as const).map((choice) => (
            <label key={choice} className="check-field">
              <input type="radio" name={`${prefix}-password-choice`} value={choice} checked={values.passwordChoice === choice} onChange={() => set("passwordChoice", choice)} />
              {t(choice === "generate" ? "accounts.passwordGenerate" : choice === "type" ? "accounts.passwordType" : "accounts.passwordNone")}
            </label>
          ))}
          {values.passwordChoice === "type" && (
            <Field path={`${prefix}-password`} label={t("accounts.password")} error={error("password")} hint={t("password.rules", { min: minPasswordLength })}>
              {(control) => <input {...control} type="password" autoComplete="new-password" value={values.password} onChange={(e) => set("password", e.target.value)} />}
            </Field>
          )}
        </fieldset>
      )}
      {formError && (
        <p className="form-error" role="alert">
          {t(formError.key, formError.params)}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {account ? t("accounts.save") : t("accounts.createSubmit")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("accounts.cancel")}
        </button>
      </div>
    </form>
  );
}
