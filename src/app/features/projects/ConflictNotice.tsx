/**
 * Shown when someone else saved the record first (409): who and when, what they changed, and
 * "Reload", which takes their version and lays the user's changes on top — nothing typed is lost.
 */
import { useEffect, useRef, useState } from "react";
import type { Lot, Project } from "../../../core/domain/records";
import type { Translator } from "../../i18n/use-t";
import { changeText, formatAuditTime, lotChanges, projectChanges } from "../history/audit-diff";
import { reloadAfterConflict } from "./editor-actions";
import type { Conflict } from "../../state/editor-slice";

/** What the other person changed, as text lines ("quantity 1 200 → 1 500 t"). */
export function theirChanges(conflict: Conflict, base: Project | null, tr: Translator): string[] {
  if (!base) return [];
  if (conflict.entity === "project") {
    return projectChanges(base, conflict.current as Project, tr).map((c) => changeText(c, tr));
  }
  const lot = conflict.current as Lot;
  const before = base.lots.find((l) => l.id === lot.id);
  return before ? lotChanges(before, lot, tr).map((c) => changeText(c, tr)) : [];
}

export function ConflictNotice({ conflict, base, tr }: { conflict: Conflict; base: Project | null; tr: Translator }) {
  const { t } = tr;
  const [reloading, setReloading] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  // The user was most likely further down the form: bring the notice into view and focus it.
  useEffect(() => {
    // jsdom has no scrollIntoView.
    noticeRef.current?.scrollIntoView?.({ block: "nearest" });
    noticeRef.current?.focus({ preventScroll: true });
  }, [conflict]);
  const who = conflict.current.updatedBy ?? t("conflict.someone");
  const when = formatAuditTime(conflict.current.updatedAt);
  const changes = theirChanges(conflict, base, tr);
  return (
    <div className="conflict-notice" role="alert" ref={noticeRef} tabIndex={-1}>
      <p className="conflict-title">
        {t(conflict.entity === "project" ? "conflict.project" : "conflict.lot", { who, when })}
      </p>
      {changes.length > 0 && (
        <>
          <p>{t("conflict.theirChanges")}</p>
          <ul>
            {changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <p>{t("conflict.explain")}</p>
      <button
        type="button"
        className="button"
        disabled={reloading}
        aria-busy={reloading}
        onClick={async () => {
          setReloading(true);
          await reloadAfterConflict();
          setReloading(false);
        }}
      >
        {t("conflict.reload")}
      </button>
    </div>
  );
}
