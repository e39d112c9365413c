"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Result = { ok: true } | { ok: false; message: string };

/** The unsubscribe confirmation: one button (a mail scanner opening the link unsubscribes nobody). */
export function UnsubscribeForm({
  action,
  token,
  labels,
}: {
  action: (previous: unknown, form: FormData) => Promise<Result>;
  token: string;
  labels: { confirm: string; done: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <Alert tone="success">{labels.done}</Alert>;
  return (
    <form action={formAction} className="flex flex-col items-start gap-3">
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending}>
        {labels.confirm}
      </Button>
      <div aria-live="polite">
        {state && !state.ok ? (
          <Alert tone="error" role="none">
            {state.message}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
