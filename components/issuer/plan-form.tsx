"use client";

import { type FormEvent, type ReactNode, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";

/** The server's answer to a plan request: the plan, or its refusal in words. */
type Planned<P> = { ok: true; plan: P } | { ok: false; message: string };

/**
 * A form that asks the server for a plan (a distribution, a sale vote): the fields' errors as checked here, the
 * server's refusal, and the plan once prepared. `submit(errors, request)` sends `request` only when `errors` is empty;
 * every refused submission moves focus to the error summary.
 */
export function usePlanForm<K extends string, P>() {
  const [errors, setErrors] = useState<Partial<Record<K, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  // A new object on every refused submission: the summary takes focus each time.
  const [refusedAt, setRefusedAt] = useState<object>({});
  const [busy, setBusy] = useState(false);
  const [plan, setPlan] = useState<P | null>(null);

  async function submit(checked: Partial<Record<K, string>>, request: () => Promise<Planned<P>>) {
    setRefusal(null);
    setErrors(checked);
    if (Object.keys(checked).length > 0) {
      setRefusedAt({});
      return;
    }
    setBusy(true);
    try {
      const result = await request();
      if (result.ok) setPlan(result.plan);
      else {
        setRefusal(result.message);
        setRefusedAt({});
      }
    } finally {
      setBusy(false);
    }
  }

  return { errors, refusal, refusedAt, busy, plan, discard: () => setPlan(null), submit };
}

/** The plan form's frame: title, intro, the error summary (each field's error linked to its control), the submit. */
export function PlanFormFrame<K extends string>({
  ids,
  testId,
  words,
  labels,
  state,
  onSubmit,
  children,
}: {
  ids: string;
  testId: string;
  words: { title: string; intro?: string; notPrepared: string; prepare: string; preparing: string };
  labels: Record<K, string>;
  state: Pick<ReturnType<typeof usePlanForm<K, unknown>>, "errors" | "refusal" | "refusedAt" | "busy">;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { errors, refusal, refusedAt, busy } = state;
  const items = (Object.entries(errors) as [K, string][]).map(([field, message]) => ({
    field: `${ids}-${field}`,
    label: labels[field],
    message,
  }));
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
      aria-labelledby={`${ids}-title`}
      className="flex flex-col gap-4 rounded-2xl border border-line p-5"
      data-testid={testId}
    >
      <h3 id={`${ids}-title`} className="font-medium">
        {words.title}
      </h3>
      {words.intro ? <p className="text-sm text-ink-muted">{words.intro}</p> : null}
      {items.length > 0 || refusal ? (
        <ErrorSummary title={words.notPrepared} items={items} focusKey={refusedAt}>
          {refusal ? <p>{refusal}</p> : null}
        </ErrorSummary>
      ) : null}
      {children}
      <SubmitButton loading={busy}>{busy ? words.preparing : words.prepare}</SubmitButton>
    </form>
  );
}

/**
 * Shown while a plan's preview (its code: the holder table, the signing steps) loads after the server prepared the
 * plan: the preview is fetched only by an issuer who prepares one, not with every listing page.
 */
export function PlanPreviewLoading({ label }: { label: string }) {
  return (
    <p role="status" className="text-sm text-ink-muted">
      {label}
    </p>
  );
}
