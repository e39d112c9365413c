"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";

/**
 * A small button that runs one server action (withdraw a request, say) and refreshes the page; a refusal is the
 * focused error summary. `layout` places the summary before the button (inside the caller's column) or under it.
 */
export function RefreshActionButton({
  label,
  action,
  layout = "stacked",
}: {
  label: ReactNode;
  action: () => Promise<{ ok: true } | { ok: false; message: string }>;
  layout?: "errorFirst" | "stacked";
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string } | null>(null);
  const summary = error ? <ErrorSummary title={error.message} focusKey={error} /> : null;
  const button = (
    <Button
      variant="ghost"
      size="sm"
      loading={busy}
      onClick={async () => {
        setBusy(true);
        const r = await action();
        setBusy(false);
        if (!r.ok) return setError({ message: r.message });
        router.refresh();
      }}
    >
      {label}
    </Button>
  );
  if (layout === "errorFirst")
    return (
      <>
        {summary}
        <div>{button}</div>
      </>
    );
  return (
    <div className="flex flex-col gap-2">
      {button}
      {summary}
    </div>
  );
}
