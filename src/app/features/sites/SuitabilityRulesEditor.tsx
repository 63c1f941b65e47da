/**
 * The suitability rules (which zoning is allowed, conditional or excluded, the buffer distances)
 * as the admin edits them: the JSON configuration of data/suitability-rules.json, checked by the
 * server's schema on save. A JSON text area, because the rules are a documented configuration
 * with comments per entry, not a form a planner fills in every day.
 */
import { useEffect, useId, useState } from "react";
import { failureMessage, type Message } from "../../api/failure-message";
import { useT } from "../../i18n/use-t";
import { fetchSuitabilityRules, saveSuitabilityRules } from "../../api/client";

/** The JSON text parsed, or where it is broken ("Unexpected token … at position 12"). */
export function parseRulesText(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

export function SuitabilityRulesEditor({ onSaved }: { onSaved: () => void }) {
  const { t } = useT();
  const fieldId = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<Message | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open || text !== null) return;
    void fetchSuitabilityRules().then((result) => {
      if (result.ok) setText(JSON.stringify(result.value, null, 2));
      else setProblem(failureMessage(result.failure));
    });
  }, [open, text]);

  const save = async () => {
    setSaved(false);
    const parsed = parseRulesText(text ?? "");
    if (!parsed.ok) {
      setProblem({ key: "suitabilityRules.invalidJson", params: { problem: parsed.problem } });
      return;
    }
    setSaving(true);
    const result = await saveSuitabilityRules(parsed.value);
    setSaving(false);
    if (!result.ok) {
      setProblem(failureMessage(result.failure));
      return;
    }
    setProblem(null);
    setSaved(true);
    setText(JSON.stringify(result.value, null, 2));
    onSaved();
  };

  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t("suitabilityRules.edit")}
      </button>
    );
  }
  return (
    <section className="rules-editor" aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`}>{t("suitabilityRules.title")}</h3>
      <p className="muted">{t("suitabilityRules.help")}</p>
      {text === null && !problem && <p role="status">{t("suitabilityRules.loading")}</p>}
      {text !== null && (
        <>
          <label htmlFor={fieldId}>{t("suitabilityRules.label")}</label>
          <textarea
            id={fieldId}
            className="rules-text"
            rows={16}
            spellCheck={false}
            value={text}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${fieldId}-problem` : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setSaved(false);
            }}
          />
        </>
      )}
      {problem && (
        <p id={`${fieldId}-problem`} className="field-error" role="alert">
          {t(problem.key, problem.params)}
        </p>
      )}
      {saved && <p role="status">{t("suitabilityRules.saved")}</p>}
      <div className="button-row">
        <button type="button" className="button primary" disabled={text === null || saving} onClick={() => void save()}>
          {t("suitabilityRules.save")}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t("suitabilityRules.close")}
        </button>
      </div>
    </section>
  );
}
