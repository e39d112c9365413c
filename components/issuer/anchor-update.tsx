"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { Address, Hex } from "viem";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { Alert } from "@/components/ui/alert";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Button } from "@/components/ui/button";
import { ConnectPrompt } from "@/components/wallet/connect-prompt";
import { documentNameToBytes32Plain } from "@/lib/issuer/client";
import { TxStatus } from "./tx-status";
import { confirmChainTxAction } from "./chain-actions";
import { publishUpdateAction, unanchoredUpdateDocumentsAction } from "./update-actions";
import { useTx } from "./use-tx";

export type AnchorUpdateProps = {
  /** The listing (artwork) id. */
  id: string;
  updateId: string;
  title: string;
  account: Address;
  token: Address;
  appOrigin: string;
  documents: { id: string; name: string; title: string; sha256: Hex; anchored: boolean }[];
};

/**
 * Anchors an update's documents from the issuer's own wallet — one setDocument(name, link, SHA-256) each,
 * explained before the wallet opens — then asks the server to publish, which reads every hash back from the
 * chain. Documents already anchored (an interrupted run) are not sent again: the registry is read first. Each
 * anchoring is verified from its receipt by the server and audited with its hash.
 */
export function AnchorUpdate(props: AnchorUpdateProps) {
  const t = useTranslations("issuer.updates");
  const tc = useTranslations("issuer.chain");
  const router = useRouter();
  const { address, isConnected, isReconnecting } = useWalletConnection();
  const [anchoredNow, setAnchoredNow] = useState<string[]>([]);
  const [publishing, setPublishing] = useState(false);
  // An object per refusal: the error summary takes focus again even when the words are the same.
  const [publishError, setPublishError] = useState<{ message: string } | null>(null);
  const anchor = useTx();
  const pending = props.documents.filter((d) => !d.anchored && !anchoredNow.includes(d.id));
  const wrongWallet = isConnected && address?.toLowerCase() !== props.account.toLowerCase();

  async function publish() {
    setPublishing(true);
    setPublishError(null);
    const result = await publishUpdateAction({ updateId: props.updateId });
    setPublishing(false);
    if (!result.ok) setPublishError({ message: result.message });
    router.refresh();
  }

  const record = async (hash: Hex) => {
    const result = await confirmChainTxAction({ id: props.id, txHash: hash });
    return result.ok ? null : result.message;
  };

  async function onAnchor() {
    anchor.setStep({ kind: "checking" });
    const check = await unanchoredUpdateDocumentsAction({ updateId: props.updateId });
    if (!check.ok) {
      anchor.setStep({ kind: "failed", rejected: false, message: check.message });
      return;
    }
    anchor.setStep({ kind: "idle" });
    const todo = pending.filter((d) => check.documentIds.includes(d.id));
    // The contract's ABI loads when the issuer signs, not with the page.
    const { artworkShareTokenAbi } = await import("@/lib/chain/abi/artwork-share-token");
    setAnchoredNow((a) => [...a, ...pending.filter((d) => !todo.includes(d)).map((d) => d.id)]);
    for (const doc of todo) {
      const hash = await anchor.send(
        {
          address: props.token,
          abi: artworkShareTokenAbi,
          functionName: "setDocument",
          args: [documentNameToBytes32Plain(doc.name), `${props.appOrigin}/documents/${doc.id}`, doc.sha256],
          account: props.account,
        },
        { record },
      );
      if (!hash) return;
      setAnchoredNow((a) => [...a, doc.id]);
    }
    await publish();
  }

  if (pending.length === 0) {
    // Everything is on chain already (e.g. the page was left after anchoring): publishing needs no wallet.
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm text-ink-muted">{t("readyToPublish")}</p>
        {publishError ? <ErrorSummary title={publishError.message} focusKey={publishError} /> : null}
        <div>
          <Button onClick={publish} loading={publishing} aria-label={t("publishLabel", { title: props.title })}>
            {t("publish")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-3">
      {!isConnected ? (
        <ConnectPrompt body={tc("connectBody")} label={tc("connect")} loading={isReconnecting} />
      ) : wrongWallet ? (
        <Alert tone="warn" title={tc("wrongWalletTitle")}>
          {tc("wrongWalletBody")}
        </Alert>
      ) : null}
      <Alert tone="info" role="none" title={tc("willSign")}>
        {tc("anchorSigns", { count: pending.length })}
      </Alert>
      <TxStatus
        step={anchor.step}
        confirmed={t("anchoredConfirmed")}
        testId={`anchor-update-status-${props.updateId}`}
      />
      {publishError ? <ErrorSummary title={publishError.message} focusKey={publishError} /> : null}
      <div>
        <Button
          onClick={onAnchor}
          disabled={!isConnected || wrongWallet}
          loading={anchor.busy || publishing}
          aria-label={t("anchorLabel", { count: pending.length, title: props.title })}
        >
          {t("anchorAndPublish", { count: pending.length })}
        </Button>
      </div>
    </div>
  );
}
