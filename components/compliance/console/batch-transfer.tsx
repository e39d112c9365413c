"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { Address } from "viem";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { parseTransferList, type TransferLineError } from "@/lib/compliance/client";
import { shortAddress } from "@/lib/format/address";
import { selectedWallets } from "./batch-select";
import { BatchDialog, useBatchDialog } from "./batch-dialog";
import { ReasonField, ReasonNote, reasonIsValid, useBatchPreview } from "./batch-parts";
import {
  previewBatchTransferAction,
  previewTransferProposalAction,
  type TransferPreviewRowDto,
} from "./batch-transfer-actions";
import { BatchRefusal } from "./batch-refusal";
import { TransferChecks, TransferFormFields } from "./batch-transfer-parts";
import { OfficerSignFooter } from "./officer-sign";
import type { AgentChain } from "./load-agent-chain";
import { type AgentCall, useAgentTx } from "./use-agent-tx";

/**
 * "Batch forced transfer" on one token: pasted `from,to,amount` rows (or the holders ticked in the register as
 * senders) → a preview of every row computed on the server from the chain → a confirmation that says what will move
 * and that a second officer must execute → ONE enforcement-desk proposal of the token's batchForcedTransfer calldata,
 * signed by the officer's own wallet → audited with every row and both investors.
 */
export function BatchTransferAction({
  token,
  symbol,
  officer,
  desk,
  openRequest,
}: {
  token: Address;
  symbol: string;
  officer: Address;
  desk: Address;
  /** Counts the presses of the opener (`LazyBatchTransferAction`): each one opens the dialog afresh. */
  openRequest: number;
}) {
  const t = useTranslations("complianceBatchTransfer");
  const ta = useTranslations("complianceConsole.actions");
  const uid = useId();
  const [list, setList] = useState("");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const state = useBatchPreview<{ rows: TransferPreviewRowDto[]; blockNumber: string }, TransferLineError>();
  const { errors, lineErrors, formError, refused, loading, preview, problems } = state;
  const tx = useAgentTx();

  const dialog = useBatchDialog({
    officer,
    reset: state.reset,
    tx,
    onOpen: () => setNote(null),
    onConfirmedClose() {
      setList("");
      setReason("");
    },
  });

  function addTicked() {
    const picked = selectedWallets();
    if (picked.length === 0) return setNote(t("addTickedNone"));
    const lines = picked.map((w) => `${w},`);
    setList((prev) => [prev.trimEnd(), ...lines].filter(Boolean).join("\n"));
    setNote(t("addTickedDone", { count: picked.length }));
  }

  async function review(e: React.FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    const parsed = parseTransferList(list);
    if (parsed.errors.length === 0 && parsed.rows.length === 0) found.list = t("emptyList");
    if (!reasonIsValid(reason)) found.reason = ta("validation.reason");
    if (state.refuse(found, parsed.errors)) return;
    await state.load(() => previewBatchTransferAction({ token, list }), t("errors.unavailable"));
  }

  async function sign() {
    if (!preview) return;
    await tx.run(
      deskCall(desk, officer, "propose", ({ calldataOf }) => [token, calldataOf(preview.rows)]),
      reason,
    );
  }

  return (
    <>
      <BatchDialog
        ns="complianceBatchTransfer"
        symbol={symbol}
        className="sm:w-[min(96vw,56rem)]"
        {...dialog}
        openRequest={openRequest}
        sign={{ label: t("sign"), danger: true, problems, onSign: sign, onBack: () => state.setPreview(null) }}
        form={
          preview
            ? null
            : {
                onSubmit: review,
                loading,
                summary: (
                  <BatchRefusal
                    ns="complianceBatchTransfer"
                    {...{ uid, errors, formError, refused }}
                    firstBadLine={lineErrors[0]}
                  />
                ),
                fields: (
                  <TransferFormFields
                    {...{ uid, list, note, reason, errors, lineErrors }}
                    onListChange={setList}
                    onAddTicked={addTicked}
                    onReasonChange={setReason}
                  />
                ),
              }
        }
      >
        {preview ? (
          <>
            <p className="text-sm text-ink-muted">
              {t("forcedNote")} {t("atBlock", { block: preview.blockNumber })}
            </p>
            <TransferChecks rows={preview.rows} problems={problems} focusKey={preview} symbol={symbol} uid={uid}>
              <p className="text-sm font-medium">{t("confirmSecond")}</p>
              <ReasonNote reason={reason} />
            </TransferChecks>
          </>
        ) : null}
      </BatchDialog>
    </>
  );
}

/**
 * A second officer's review of a pending batch forced transfer: the rows are read from the proposal's calldata on
 * the desk and checked again against the chain when the dialog opens (and on request); executing repeats the exact
 * token and calldata the desk holds. Not offered to the proposer (the page explains why instead). Rendered by the
 * proposals section, outside the proposal's row, so it stays open with its outcome when the refresh after the
 * execution removes that row.
 */
export function BatchTransferReview({
  id,
  desk,
  officer,
  symbol,
  onClosed,
}: {
  id: string;
  desk: Address;
  officer: Address;
  symbol: string;
  onClosed: () => void;
}) {
  const t = useTranslations("complianceBatchTransfer");
  const ta = useTranslations("complianceConsole.actions");
  const router = useRouter();
  const uid = useId();
  const [open, setOpen] = useState(true);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  // The dialog mounts open, loading: the rows are read once when it opens (and again on request).
  const state = useBatchPreview<
    {
      rows: TransferPreviewRowDto[];
      blockNumber: string;
      token: Address;
      proposer?: Address;
      data?: `0x${string}`;
    },
    TransferLineError
  >(true);
  const { formError, refused, preview, loading, problems } = state;
  const tx = useAgentTx();

  function check() {
    void state.load(() => previewTransferProposalAction({ id }), t("errors.unavailable"), true);
  }

  useEffect(() => {
    check();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function close(next: boolean) {
    if (!next && tx.busy) return;
    setOpen(next);
    if (!next) {
      if (tx.step.kind === "confirmed") router.refresh();
      onClosed();
    }
  }

  async function execute() {
    if (!preview) return;
    if (!reasonIsValid(reason)) {
      setReasonError(ta("validation.reason"));
      state.setRefused({});
      return;
    }
    setReasonError(null);
    // The desk compares these with the proposal it holds: the exact calldata read from it, whose rows are shown.
    await tx.run(
      deskCall(desk, officer, "execute", ({ calldataOf }) => [
        BigInt(id),
        preview.token,
        preview.data ?? calldataOf(preview.rows),
      ]),
      reason,
    );
  }

  return (
    <>
      <Dialog
        open={open}
        onOpenChange={close}
        closeLabel={ta("close")}
        title={t("reviewTitle", { id })}
        description={t("reviewIntro")}
        className="sm:w-[min(96vw,56rem)]"
      >
        <div className="flex flex-col gap-4">
          <BatchRefusal
            ns="complianceBatchTransfer"
            {...{ uid, formError, refused }}
            list={false}
            errors={reasonError ? { reason: reasonError } : {}}
          />
          {!preview ? (
            <p role="status" className="text-sm text-ink-muted">
              {loading ? t("loading") : null}
            </p>
          ) : (
            <>
              <p className="text-sm text-ink-muted">
                {preview.proposer ? t("proposedBy", { proposer: shortAddress(preview.proposer) }) : null}{" "}
                {t("atBlock", { block: preview.blockNumber })}
              </p>
              <TransferChecks rows={preview.rows} problems={problems} focusKey={preview} symbol={symbol} uid={uid}>
                <p className="text-sm font-medium">{t("confirmExecute")}</p>
              </TransferChecks>
              <div>
                <Button size="sm" variant="secondary" onClick={check} loading={loading} disabled={tx.busy}>
                  {t("recheck")}
                </Button>
              </div>
              <ReasonField
                id={`${uid}-reason`}
                value={reason}
                onChange={setReason}
                error={reasonError ?? undefined}
                rows={2}
              />
              <OfficerSignFooter
                officer={officer}
                tx={tx}
                signLabel={t("execute")}
                danger
                disabled={problems > 0}
                onSign={execute}
                onBack={() => close(false)}
                onDone={() => close(false)}
              />
            </>
          )}
        </div>
      </Dialog>
    </>
  );
}

/** A call to the enforcement desk from the officer's wallet: `propose` a batch, or `execute` one proposed. */
function deskCall(
  desk: Address,
  officer: Address,
  functionName: "propose" | "execute",
  args: (chain: AgentChain) => readonly unknown[],
) {
  return (chain: AgentChain): AgentCall => ({
    address: desk,
    abi: chain.enforcementDeskAbi,
    account: officer,
    functionName,
    args: args(chain),
  });
}
