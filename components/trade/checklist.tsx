"use client";

import { CheckIcon, ClockIcon, ErrorIcon, InfoIcon } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";
import type { MessageValues, Reason } from "@/lib/trade/client";

/** A pre-sign check as computed by lib/trade and lib/market. */
export type ChecklistItem = { id: string; state: "ok" | "failed" | "unknown" | "input"; message: Reason };

const icon = { ok: CheckIcon, failed: ErrorIcon, unknown: ClockIcon, input: InfoIcon };
const tone = { ok: "text-success", failed: "text-danger", unknown: "text-ink-subtle", input: "text-ink-muted" };

/**
 * The pre-sign checks, each with its state in words (never colour alone), in the words of `t`: the buy form's
 * (namespace "trade", labels `checks.<id>.label`) or the market's trade form's (namespace "market", labels
 * `checks.label.<id>`). The caller translates, so a page carries only its own namespace's messages.
 */
export function Checklist({
  checks,
  t,
  labelKey = (id) => `checks.${id}.label`,
}: {
  checks: readonly ChecklistItem[];
  t: (key: string, values?: MessageValues) => string;
  labelKey?: (id: string) => string;
}) {
  return (
    <ul aria-label={t("form.checksTitle")} className="flex flex-col divide-y divide-line rounded-xl border border-line">
      {checks.map((c) => {
        const Icon = icon[c.state];
        return (
          <li key={c.id} data-check={c.id} data-state={c.state} className="flex gap-3 px-4 py-3">
            <Icon className={cn("mt-0.5 size-4 shrink-0", tone[c.state])} />
            <div className="flex min-w-0 flex-1 flex-col gap-0.5">
              <p className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm font-medium">
                <span>{t(labelKey(c.id))}</span>
                <span className={cn("text-xs", tone[c.state])}>{t(`checks.state.${c.state}`)}</span>
              </p>
              <p className={cn("text-sm", c.state === "failed" ? "text-ink" : "text-ink-muted")}>
                {t(c.message.key, c.message.values)}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
