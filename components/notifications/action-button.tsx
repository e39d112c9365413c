"use client";

import { useActionState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

type Result = { ok: true } | { ok: false; message: string };

/**
 * A one-button form posting to a server action (`defineFormAction`), with its outcome said in a live region: the
 * success words, or the refusal in the action's words. Works without JavaScript (a plain form post).
 */
export function ActionButton({
  action,
  fields,
  label,
  accessibleLabel,
  done,
  variant = "secondary",
  className,
}: {
  action: (previous: unknown, form: FormData) => Promise<Result>;
  fields: Record<string, string>;
  label: string;
  /** The button's full name when `label` alone is ambiguous (it starts with `label`: WCAG 2.5.3). */
  accessibleLabel?: string;
  done?: string;
  variant?: ButtonVariant;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={cn("flex flex-col items-start gap-1", className)}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} size="sm" disabled={pending} aria-label={accessibleLabel}>
        {label}
      </Button>
      <p role="status" className={cn("text-sm", state && !state.ok ? "text-danger" : "sr-only")}>
        {state ? (state.ok ? (done ?? "") : state.message) : ""}
      </p>
    </form>
  );
}
