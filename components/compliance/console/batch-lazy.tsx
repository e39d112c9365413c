"use client";

import { useTranslations } from "next-intl";
import { lazy, type MouseEvent, type ReactNode, Suspense, useState } from "react";
import type { Address } from "viem";
import { Button } from "@/components/ui/button";
import { LoadingSignal } from "@/components/ui/loading-signal";
import { BATCH_SELECT_FORM } from "./batch-select";

/**
 * The register's batch buttons. Each dialog's code (its form, the preview, the list parsing and the officer's wallet
 * transaction) is fetched when the officer points at, tabs to or presses its button, not with the register: the button
 * is part of the page, says it is busy while the code arrives, and the dialog opens from it (focus returns to it).
 */
const loadFreeze = () => import("./batch-freeze");
const loadTransfer = () => import("./batch-transfer");
const BatchFreezeAction = lazy(() => loadFreeze().then((m) => ({ default: m.BatchFreezeAction })));
const BatchTransferAction = lazy(() => loadTransfer().then((m) => ({ default: m.BatchTransferAction })));

/**
 * A batch dialog's opener: a button that counts the presses (each opens the dialog afresh, `children` given the count)
 * and marks itself busy while the dialog's code (`load`) arrives.
 */
function LazyOpener({
  load,
  label,
  children,
}: {
  load: () => Promise<unknown>;
  label: string;
  children: (openRequest: number) => ReactNode;
}) {
  const [openRequest, setOpenRequest] = useState(0);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        aria-haspopup="dialog"
        aria-busy={busy || undefined}
        onPointerEnter={() => void load()}
        onFocus={() => void load()}
        onClick={(event: MouseEvent<HTMLButtonElement>) => {
          // What opened the dialog has focus (Safari does not focus a clicked button): focus returns to it on close.
          event.currentTarget.focus();
          setOpenRequest((n) => n + 1);
        }}
      >
        {label}
      </Button>
      {openRequest > 0 ? (
        <Suspense fallback={<LoadingSignal onLoading={setBusy} />}>{children(openRequest)}</Suspense>
      ) : null}
    </>
  );
}

/** Batch freeze / unfreeze on one token (see `BatchFreezeAction`), with the form the register's checkboxes join. */
export function LazyBatchFreezeAction(props: { token: Address; symbol: string; officer: Address }) {
  const t = useTranslations("complianceBatch");
  return (
    <>
      {/* The register's checkboxes belong to this form (their `form` attribute); it is never submitted. */}
      <form id={BATCH_SELECT_FORM} onSubmit={(e) => e.preventDefault()} />
      <LazyOpener load={loadFreeze} label={t("open")}>
        {(openRequest) => <BatchFreezeAction {...props} openRequest={openRequest} />}
      </LazyOpener>
    </>
  );
}

/** Batch forced transfer on one token (see `BatchTransferAction`). */
export function LazyBatchTransferAction(props: { token: Address; symbol: string; officer: Address; desk: Address }) {
  const t = useTranslations("complianceBatchTransfer");
  return (
    <LazyOpener load={loadTransfer} label={t("open")}>
      {(openRequest) => <BatchTransferAction {...props} openRequest={openRequest} />}
    </LazyOpener>
  );
}
