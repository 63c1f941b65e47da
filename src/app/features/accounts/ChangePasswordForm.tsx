/**
 * Changing one's own password: the current one, the new one twice. The rules of
 * `checkPassword` (core) are checked here for a quick answer; the server checks them again and
 * adds the breach list, and its refusal shows beside the field it is about.
 */
import { useState, type FormEvent } from "react";
import { checkPassword, minPasswordLength, type MeDetails } from "../../../core/domain/users-api";
import type { Message } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { Field } from "../../ui/Field";
import { accountFailureMessage, failureField, passwordProblemMessage } from "./account-messages";
import { changeOwnPassword } from "./accounts-api";

type FieldName = "currentPassword" | "newPassword" | "repeatPassword";

export function ChangePasswordForm({
  username,
  submitLabel,
  onChanged,
}: {
  username: string;
  submitLabel?: string;
  /** After the server accepted the new password, with who is signed in now. */
  onChanged: (me: MeDetails) => void;
}) {
  const { t } = useT();
  const [values, setValues] = useState<Record<FieldName, string>>({ currentPassword: "", newPassword: "", repeatPassword: "" });
  const [errors, setErrors] = useState<Partial<Record<FieldName, Message>>>({});
  const [formError, setFormError] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: FieldName) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<FieldName, Message>> = {};
    if (values.currentPassword === "") found.currentPassword = { key: "validation.required" };
    const problem = checkPassword(values.newPassword, { username });
    if (problem) found.newPassword = passwordProblemMessage(problem);
    else if (values.repeatPassword !== values.newPassword) found.repeatPassword = { key: "password.mismatch" };
    setErrors(found);
    setFormError(null);
    const first = (["currentPassword", "newPassword", "repeatPassword"] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(`f-password-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const result = await changeOwnPassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    setBusy(false);
    if (result.ok) {
      onChanged(result.value);
      return;
    }
    const message = accountFailureMessage(result.failure);
    const field = failureField(result.failure);
    if (field === "currentPassword" || field === "newPassword") {
      setErrors({ [field]: message });
      document.getElementById(`f-password-${field}`)?.focus();
    } else setFormError(message);
  };

  const fieldError = (field: FieldName) => {
    const message = errors[field];
    return message ? t(message.key, message.params) : undefined;
  };
  const input = (field: FieldName, autoComplete: string) => (
    <Field
      path={`password-${field}`}
      label={t(field === "currentPassword" ? "password.current" : field === "newPassword" ? "password.new" : "password.repeat")}
      error={fieldError(field)}
      hint={field === "newPassword" ? t("password.rules", { min: minPasswordLength }) : undefined}
    >
      {(control) => (
        <input {...control} type="password" autoComplete={autoComplete} value={values[field]} onChange={(e) => set(field)(e.target.value)} />
      )}
    </Field>
  );

  return (
    <form className="password-form" onSubmit={onSubmit} noValidate>
      {/* A hidden username lets password managers store the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      {input("currentPassword", "current-password")}
      {input("newPassword", "new-password")}
      {input("repeatPassword", "new-password")}
      {formError && (
        <p className="form-error" role="alert">
          {t(formError.key, formError.params)}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
        {submitLabel ?? t("password.submit")}
      </button>
    </form>
  );
}
