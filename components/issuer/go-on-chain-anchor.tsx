"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Address, Hex } from "viem";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { documentNameToBytes32Plain } from "@/lib/issuer/client";
import { precheck, recordStep } from "./go-on-chain-form";
import type { StepContext } from "./go-on-chain-parts";
import { TxStatus } from "./tx-status";
import { useTx } from "./use-tx";

export type AnchorDocument = { id: string; name: string; title: string; sha256: Hex; anchored: boolean };

/**
 * Step 2's action, shown while documents wait to be anchored on a deployed token: one transaction per document, a
 * document anchored meanwhile (another tab, an interrupted run) skipped.
 */
export function AnchorAction({
  ctx,
  token,
  appOrigin,
  pendingDocs,
  onAnchored,
}: {
  ctx: StepContext;
  token: Address;
  appOrigin: string;
  /** The documents not anchored yet (as this page knows). */
  pendingDocs: AnchorDocument[];
  onAnchored: (ids: string[]) => void;
}) {
  const t = useTranslations("issuer.chain");
  const router = useRouter();
  const tx = useTx();

  async function onAnchor() {
    // Read the token's registry first: a document anchored meanwhile (another tab, an interrupted run) is skipped.
    const check = await precheck(tx, ctx.id);
    if (!check) return;
    const todo = pendingDocs.filter((d) => check.unanchored.includes(d.id));
    // The contract's ABI loads when the issuer signs, not with the page.
    const { artworkShareTokenAbi } = await import("@/lib/chain/abi/artwork-share-token");
    onAnchored(pendingDocs.filter((d) => !todo.includes(d)).map((d) => d.id));
    tx.setStep({ kind: "idle" });
    for (const doc of todo) {
      const hash = await tx.send(
        {
          address: token,
          abi: artworkShareTokenAbi,
          functionName: "setDocument",
          args: [documentNameToBytes32Plain(doc.name), `${appOrigin}/documents/${doc.id}`, doc.sha256],
          account: ctx.account,
        },
        { record: recordStep(ctx.id) },
      );
      if (!hash) break;
      onAnchored([doc.id]);
    }
    router.refresh();
  }

  return (
    <>
      <Alert tone="info" role="none" title={t("willSign")}>
        {t("anchorSigns", { count: pendingDocs.length })}
      </Alert>
      <TxStatus step={tx.step} testId="anchor-status" />
      <div>
        <Button onClick={onAnchor} disabled={!ctx.canSign} loading={tx.busy}>
          {t("anchor", { count: pendingDocs.length })}
        </Button>
      </div>
    </>
  );
}
