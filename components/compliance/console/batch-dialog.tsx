"use client";

// i18n-namespaces: complianceBatch, complianceBatchTransfer (besides its literal ones: the namespaces it reads by variable or from the root)

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { OfficerSignFooter } from "./officer-sign";
import type { useAgentTx } from "./use-agent-tx";

/**
 * A batch dialog's officer, transaction and open state: opening starts afresh (`onOpen` first: what the dialog starts from), closing is
 * refused while the officer's transaction is under way, and closing after a confirmed one refreshes the page
 * (`onConfirmedClose` first: what the dialog clears).
 */
export function useBatchDialog({
  officer,
  reset,
  tx,
  onOpen,
  onConfirmedClose,
}: {
  /** The signed-in officer: the only wallet the dialog's transaction may come from. */
  officer: string;
  /** Clears the preview and every refusal. */
  reset: () => void;
  tx: ReturnType<typeof useAgentTx>;
  onOpen?: () => void;
  onConfirmedClose?: () => void;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return {
    officer,
    tx,
    open,
    onOpen() {
      onOpen?.();
      reset();
      tx.setStep({ kind: "idle" });
      setOpen(true);
    },
    onOpenChange(next: boolean) {
      if (!next && tx.busy) return;
      setOpen(next);
      if (!next && tx.step.kind === "confirmed") {
        onConfirmedClose?.();
        router.refresh();
      }
    },
  };
}

/**
 * A batch dialog on a token, opened by each press of its opener (`openRequest`: the button is rendered by the
 * page's light opener in batch-lazy.tsx, so this code loads on the first press), and the dialog (wide enough for the preview's table), worded from
 * the batch's namespace (`open`, `title`, `intro`, `preview`). Its first step is `form`: the refusal (`summary`)
 * first, the fields, then "Preview every row"; once the preview is in (`form` null), `children` (the preview) and
 * the officer's signature (`sign`): Back to the form, Sign while no row has a problem, Done closes.
 */
export function BatchDialog({
  ns,
  symbol,
  className,
  officer,
  tx,
  open,
  onOpen,
  onOpenChange,
  openRequest,
  form,
  sign,
  children,
}: {
  ns: "complianceBatch" | "complianceBatchTransfer";
  symbol: string;
  className: string;
  officer: string;
  tx: ReturnType<typeof useAgentTx>;
  open: boolean;
  onOpen: () => void;
  onOpenChange: (open: boolean) => void;
  /** The opener's presses so far (1 on the first): each new one opens the dialog afresh. */
  openRequest: number;
  form: { onSubmit: (e: React.FormEvent) => void; loading: boolean; summary: ReactNode; fields: ReactNode } | null;
  sign: { label: string; danger: boolean; problems: number; onSign: () => void; onBack: () => void };
  children?: ReactNode;
}) {
  // Both namespaces hold the same dialog words: one type stands for both.
  const t = useTranslations(ns as "complianceBatchTransfer");
  const ta = useTranslations("complianceConsole.actions");
  useEffect(() => {
    if (openRequest > 0) onOpen();
    // Only a new press opens the dialog (onOpen is made anew every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openRequest]);
  return (
    <>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        closeLabel={ta("close")}
        title={t("title", { symbol })}
        description={t("intro")}
        className={className}
      >
        {form ? (
          <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
            {form.summary}
            {form.fields}
            <div className="flex justify-end">
              <Button type="submit" loading={form.loading}>
                {t("preview")}
              </Button>
            </div>
          </form>
        ) : (
          <div className="flex flex-col gap-4">
            {children}
            <OfficerSignFooter
              officer={officer}
              tx={tx}
              signLabel={sign.label}
              danger={sign.danger}
              disabled={sign.problems > 0}
              onSign={sign.onSign}
              onBack={sign.onBack}
              onDone={() => onOpenChange(false)}
            />
          </div>
        )}
      </Dialog>
    </>
  );
}
