import type { ReactNode } from "react";
import { cn } from "./cn";

export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

export type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** A message or list of messages (e.g. zod fieldErrors[name]). */
  error?: string | string[];
  className?: string;
  /** Render prop receives the ids to spread on the control. */
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * Label + control + hint + error. The error region is always rendered with aria-live so that a
 * message appearing after submit is announced; the control is tied to hint and error through
 * aria-describedby.
 */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  const errors = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, errors.length ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="text-sm font-medium text-ink">
        {label}
      </label>
      {children({
        id,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(errors.length ? { "aria-invalid": true as const } : {}),
      })}
      {hint ? (
        <p id={hintId} className="text-xs text-ink-muted">
          {hint}
        </p>
      ) : null}
      <div id={errorId} aria-live="polite" className="text-xs font-medium text-danger empty:hidden">
        {errors.map((e) => (
          <p key={e}>{e}</p>
        ))}
      </div>
    </div>
  );
}
