"use client";

import { useEffect, useId, useRef, type MouseEvent, type ReactNode } from "react";
import { cn } from "./cn";
import { ErrorIcon } from "./icons";

export type ErrorSummaryItem = {
  /** id of the control the message is about (the link moves focus there). */
  field: string;
  label: ReactNode;
  message: string;
};

export type ErrorSummaryProps = {
  /** What happened, in words ("The listing was not saved"). */
  title: ReactNode;
  /** The reason, when the refusal is not about one field. */
  children?: ReactNode;
  /** One line per refused field, each linking to its control. */
  items?: ErrorSummaryItem[];
  /**
   * Changes on every refused submission (the action's returned state object): each change moves focus to
   * the summary and scrolls it into view, so a person using a screen reader or a keyboard — or who is
   * looking further down the form — learns at once that the form was refused and why.
   */
  focusKey: unknown;
  className?: string;
};

/** A field's messages as forms hold them: one string, zod's list (`fieldErrors[name]`), or nothing. */
export type FieldMessages = string | readonly string[] | undefined;

/**
 * The summary's lines from a form's field errors, in the form's order when `order` is given (else as the errors
 * come): `control` maps a field name to its control's id (the `Field` id), `label` to its visible label. Fields
 * without a message are left out; a list of messages shows its first.
 */
export function errorItems(
  fieldErrors: Partial<Record<string, FieldMessages>> | null | undefined,
  {
    control = (name) => name,
    label,
    order,
  }: { control?: (name: string) => string; label: (name: string) => ReactNode; order?: readonly string[] },
): ErrorSummaryItem[] {
  if (!fieldErrors) return [];
  const names = order
    ? [...order.filter((n) => n in fieldErrors), ...Object.keys(fieldErrors).filter((n) => !order.includes(n))]
    : Object.keys(fieldErrors);
  return names.flatMap((name) => {
    const messages = fieldErrors[name];
    const message = typeof messages === "string" ? messages : messages?.[0];
    return message ? [{ field: control(name), label: label(name), message }] : [];
  });
}

/**
 * The one error summary of every form (WCAG 3.3.1, 4.1.3): role="alert" announces it, focus moves to it
 * after each refused submission, and each field's message links to that field.
 */
export function ErrorSummary({ title, children, items = [], focusKey, className }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (!focusKey || !ref.current) return;
    ref.current.focus({ preventScroll: true });
    ref.current.scrollIntoView({ block: "center", behavior: "auto" });
  }, [focusKey]);

  const goTo = (field: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    const control = document.getElementById(field);
    if (!control) return;
    e.preventDefault();
    control.scrollIntoView({ block: "center" });
    control.focus({ preventScroll: true });
  };

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      data-error-summary=""
      className={cn(
        "flex gap-3 rounded-xl border border-danger/30 bg-danger-soft px-4 py-3 text-sm text-ink outline-none",
        "focus-visible:ring-2 focus-visible:ring-focus focus:ring-2 focus:ring-focus",
        className,
      )}
    >
      <ErrorIcon className="mt-0.5 size-4 shrink-0 text-danger" />
      <div className="flex min-w-0 flex-col gap-1">
        <p id={titleId} className="font-medium">
          {title}
        </p>
        {children ? <div className="text-ink-muted">{children}</div> : null}
        {items.length > 0 ? (
          <ul className="mt-1 flex flex-col gap-1">
            {items.map((item) => (
              <li key={item.field}>
                <a
                  href={`#${item.field}`}
                  onClick={goTo(item.field)}
                  className="inline-flex min-h-6 items-center text-danger underline underline-offset-4"
                >
                  {item.label}: {item.message}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
