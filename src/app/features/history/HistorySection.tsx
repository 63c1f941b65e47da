/**
 * A project's history ("Historikk" / "History") in its details: who changed what and when,
 * newest first, its lots' changes included. Loaded when opened, and again after each change.
 */
import { useEffect, useId, useState } from "react";
import type { AuditEntry } from "../../../core/domain/registry-api";
import { fetchAudit } from "../../api/client";
import { failureMessage, type Message } from "../../api/failure-message";
import type { Translator } from "../../i18n/use-t";
import { historyLine, historySentence } from "./audit-diff";

type Loaded = { status: "loading" } | { status: "ready"; entries: AuditEntry[] } | { status: "error"; message: Message };
/** An answer, and which request (project, version, attempt) it answers. */
type Answer = { key: string; loaded: Loaded };

export function HistorySection({ projectId, version, tr }: { projectId: string; version: string; tr: Translator }) {
  const { t } = tr;
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const regionId = useId();
  const key = `${projectId}|${version}|${attempt}`;
  // An answer to an earlier request (another project, an older version) counts as still loading.
  const loaded: Loaded = answer?.key === key ? answer.loaded : { status: "loading" };

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    void fetchAudit("project", projectId).then((result) => {
      if (cancelled) return;
      setAnswer({
        key,
        loaded: result.ok ? { status: "ready", entries: result.value } : { status: "error", message: failureMessage(result.failure) },
      });
    });
    return () => {
      cancelled = true;
    };
  }, [open, projectId, key]);

  return (
    <section className="history-section">
      <h3 className="section-title">
        <button type="button" className="disclosure" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((o) => !o)}>
          <span className="disclosure-icon" aria-hidden="true" />
          {t("history.title")}
        </button>
      </h3>
      <div id={regionId} hidden={!open}>
        {open && loaded.status === "loading" && (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> {t("history.loading")}
          </p>
        )}
        {open && loaded.status === "error" && (
          <p className="field-error" role="alert">
            {t(loaded.message.key, loaded.message.params)}{" "}
            <button type="button" className="button button-small" onClick={() => setAttempt((n) => n + 1)}>
              {t("data.retry")}
            </button>
          </p>
        )}
        {open && loaded.status === "ready" && loaded.entries.length === 0 && <p className="muted">{t("history.noEntries")}</p>}
        {open && loaded.status === "ready" && loaded.entries.length > 0 && (
          <ol className="history-list">
            {loaded.entries.map((entry) => (
              <li key={entry.id}>{historySentence(historyLine(entry, tr), tr)}</li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
