/**
 * A modal dialog around one table of records with actions per row: an intro, the error of the last
 * action (an alert) and its outcome (a status line, always present so it is announced), what goes
 * above the table (forms, confirmations), the table itself with a caption and a hidden-named
 * actions column, and a footer. Used by the Accounts view and My sessions.
 */
import type { ReactNode } from "react";
import type { Message } from "../api/failure-message";
import { useT } from "../i18n/use-t";
import { Dialog } from "./Dialog";

export function TableDialog({
  title,
  onClose,
  className,
  intro,
  error,
  notice,
  loadingText,
  above,
  caption,
  tableClassName,
  columns,
  actionsLabel,
  rows,
  footer,
}: {
  title: string;
  onClose: () => void;
  className?: string;
  intro: string;
  /** The failure to show; null for none. */
  error: Message | null;
  /** The last action's outcome; null for none. */
  notice: Message | null;
  /** While the records load: what to say instead of the table (nothing when the load failed). */
  loadingText: string | null;
  above?: ReactNode;
  caption: string;
  tableClassName: string;
  /** The column headers before the actions column. */
  columns: readonly string[];
  actionsLabel: string;
  /** The table's rows (`<tr>` elements). */
  rows: ReactNode;
  /** Shown under the table once it is loaded. */
  footer?: ReactNode;
}) {
  const { t } = useT();
  return (
    <Dialog title={title} closeLabel={t("details.close")} onClose={onClose} className={className}>
      <p className="field-hint">{intro}</p>
      {error && (
        <p className="form-error" role="alert">
          {t(error.key, error.params)}
        </p>
      )}
      <p role="status" className="import-done">
        {notice ? t(notice.key, notice.params) : ""}
      </p>
      {above}
      {loadingText !== null ? (
        !error && <p role="status">{loadingText}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className={`lots-table ${tableClassName}`}>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">{actionsLabel}</span>
                  </th>
                </tr>
              </thead>
              <tbody>{rows}</tbody>
            </table>
          </div>
          {footer}
        </>
      )}
    </Dialog>
  );
}

/** A row's action: a small button showing a short word, named in full ("Edit kari", "End the session from Firefox"). */
export function RowAction({ label, text, danger = false, onClick }: { label: string; text: string; danger?: boolean; onClick: () => void }) {
  return (
    <button type="button" className={`button button-small${danger ? " button-danger" : ""}`} aria-label={label} onClick={onClick}>
      {text}
    </button>
  );
}
