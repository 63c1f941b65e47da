import { useId } from "react";

/**
 * The in-form question before something that cannot be taken back (delete, discard changes): the
 * question, a red button that does it, and a focused button that goes back.
 */
export function ConfirmBar({
  message,
  confirmLabel,
  onConfirm,
  cancelLabel,
  onCancel,
}: {
  message: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  cancelLabel: string;
  onCancel: () => void;
}) {
  const messageId = useId();
  return (
    <div className="confirm-bar" role="alertdialog" aria-labelledby={messageId}>
      <p id={messageId}>{message}</p>
      <div className="button-row">
        <button type="button" className="button button-danger-solid" onClick={() => void onConfirm()}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onCancel} autoFocus>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
