/**
 * A modal dialog: named by its title, focus moved in on opening and kept inside (Tab wraps),
 * Escape or the close button closes it, and the page behind cannot be clicked. On closing, focus
 * goes back to where it was before the dialog opened (the opener) unless `onClose` moved it on.
 */
import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";

const focusable = 'button:not([disabled]), [href], summary, input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({
  title,
  closeLabel,
  onClose,
  className,
  children,
}: {
  title: string;
  closeLabel: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialogNode = dialogRef.current;
    headingRef.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      const dialog = dialogRef.current;
      if (!dialog) return;
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        onCloseRef.current();
        return;
      }
      if (event.key !== "Tab") return;
      const items = [...dialog.querySelectorAll<HTMLElement>(focusable)].filter((el) => !el.closest("[hidden]"));
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) return;
      if (event.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (document.activeElement === last || !dialog.contains(document.activeElement))) {
        event.preventDefault();
        first.focus();
      }
    };
    // Capture: the dialog sees Escape before the form or details panel underneath.
    document.addEventListener("keydown", onKeyDown, true);
    return () => {
      document.removeEventListener("keydown", onKeyDown, true);
      // Focus left on the dialog (now gone) or dropped to the page: back to the opener.
      const lost = !document.activeElement || document.activeElement === document.body || dialogNode?.contains(document.activeElement);
      if (lost && opener?.isConnected) opener.focus();
    };
  }, []);

  return createPortal(
    <div className="dialog-backdrop">
      <div ref={dialogRef} className={`dialog${className ? ` ${className}` : ""}`} role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <div className="dialog-header">
          <h2 id={titleId} ref={headingRef} tabIndex={-1} className="details-title">
            {title}
          </h2>
          <button type="button" className="button button-close" onClick={onClose}>
            {closeLabel}
          </button>
        </div>
        <div className="dialog-body">{children}</div>
      </div>
    </div>,
    document.body,
  );
}
