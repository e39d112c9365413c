"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionOutcome, type Result } from "./action-outcome";

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
      <ActionOutcome state={state} />
    </form>
  );
}
