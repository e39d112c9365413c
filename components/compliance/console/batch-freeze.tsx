"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Address } from "viem";
import { type BatchLineError, type BatchMode, batchCall, modeTakesAmount } from "@/lib/compliance/client";
import { type BatchPreviewRowDto, previewBatchAction } from "./batch-actions";
import { BatchDialog, useBatchDialog } from "./batch-dialog";
import { ReasonNote, useBatchPreview } from "./batch-parts";
import { FreezeFormFields, FreezePreview, FreezeRefusal, useFreezeCheck } from "./batch-freeze-parts";
import { BATCH_SELECT_FORM, selectedWallets } from "./batch-select";
import { useAgentTx } from "./use-agent-tx";

/**
 * Batch freeze and unfreeze on one token: the holders ticked in the register or a pasted list → a preview of every
 * row computed on the server from the chain (holder, wallet, balance, frozen now, frozen after, problem) → one
 * transaction through the token's batch function, signed by the officer's own wallet → audited with every row.
 */
export function BatchFreezeAction({
  token,
  symbol,
  officer,
  openRequest,
}: {
  token: Address;
  symbol: string;
  officer: Address;
  /** Counts the presses of the opener (`LazyBatchFreezeAction`): each one opens the dialog afresh. */
  openRequest: number;
}) {
  const t = useTranslations("complianceBatch");
  const check = useFreezeCheck();
  const uid = useId();
  const [mode, setMode] = useState<BatchMode>("freeze");
  const [source, setSource] = useState<"selected" | "list">("selected");
  const [selected, setSelected] = useState<Address[]>([]);
  const [amount, setAmount] = useState("");
  const [list, setList] = useState("");
  const [reason, setReason] = useState("");
  const state = useBatchPreview<{ rows: BatchPreviewRowDto[]; blockNumber: string }, BatchLineError>();
  const { errors, lineErrors, formError, refused, loading, preview } = state;
  const tx = useAgentTx();
  const amounts = modeTakesAmount(mode);

  const dialog = useBatchDialog({
    officer,
    reset: state.reset,
    tx,
    onOpen() {
      const picked = selectedWallets();
      setSelected(picked);
      setSource(picked.length ? "selected" : "list");
    },
    onConfirmedClose() {
      for (const el of document.querySelectorAll<HTMLInputElement>(`input[form="${BATCH_SELECT_FORM}"]:checked`))
        el.checked = false;
    },
  });

  const runPreview = (text: string) =>
    state.load(() => previewBatchAction({ token, mode, list: text }), t("errors.unavailable"));

  async function review(e: React.FormEvent) {
    e.preventDefault();
    const { found, lines, text } = check({ mode, source, selected, amounts, amount, list, reason });
    if (state.refuse(found, lines)) return;
    await runPreview(text);
  }

  /** Leaves out the rows with a problem and computes the preview again from the chain. */
  async function dropProblems() {
    if (!preview) return;
    const keep = preview.rows.filter((r) => !r.problem);
    if (keep.length === 0) return;
    await runPreview(keep.map((r) => (r.amount !== null ? `${r.wallet},${r.amount}` : r.wallet)).join("\n"));
  }

  async function sign() {
    if (!preview) return;
    const call = batchCall(
      mode,
      preview.rows.map((r) => ({ wallet: r.wallet, amount: r.amount === null ? null : BigInt(r.amount) })),
    );
    await tx.run(
      ({ artworkShareTokenAbi }) => ({
        address: token,
        abi: artworkShareTokenAbi,
        account: officer,
        functionName: call.functionName,
        args: call.args,
      }),
      reason,
    );
  }

  return (
    <>
      <BatchDialog
        ns="complianceBatch"
        symbol={symbol}
        className="sm:w-[min(96vw,52rem)]"
        {...dialog}
        openRequest={openRequest}
        sign={{
          label: t("sign", { count: preview?.rows.length ?? 0 }),
          danger: mode === "freeze" || mode === "freezeShares",
          problems: state.problems,
          onSign: sign,
          onBack: () => state.setPreview(null),
        }}
        form={
          preview
            ? null
            : {
                onSubmit: review,
                loading,
                summary: <FreezeRefusal {...{ uid, source, amounts, errors, lineErrors, formError, refused }} />,
                fields: (
                  <FreezeFormFields
                    {...{ uid, mode, source, selected, amounts, amount, list, reason, errors, lineErrors }}
                    onModeChange={(m) => {
                      setMode(m);
                      state.setErrors({});
                      state.setLineErrors([]);
                    }}
                    onSourceChange={setSource}
                    onAmountChange={setAmount}
                    onListChange={setList}
                    onReasonChange={setReason}
                  />
                ),
              }
        }
      >
        {preview ? (
          <>
            <FreezePreview
              mode={mode}
              symbol={symbol}
              rows={preview.rows}
              blockNumber={preview.blockNumber}
              loading={loading}
              onDropProblems={dropProblems}
            />
            <ReasonNote reason={reason} />
          </>
        ) : null}
      </BatchDialog>
    </>
  );
}
