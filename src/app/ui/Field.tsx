import type { ReactNode } from "react";

/** The accessibility attributes a field's control takes from its `Field`. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** A DOM id for a field path ("lots.new-1.quantity.value" → "f-lots-new-1-quantity-value"). */
export function fieldDomId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/**
 * A labelled form control with its hint and its error beside it: the control is named by the
 * label, described by the hint and the error (`aria-describedby`), and marked `aria-invalid`
 * while the error shows. The error is text, so it reads the same to everyone.
 */
export function Field({
  path,
  label,
  error,
  hint,
  className,
  children,
}: {
  /** The field's path, which also makes its DOM id (focus moves there on a failed save). */
  path: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = fieldDomId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-field${error ? " has-error" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
