"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Address, Hex } from "viem";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { documentNameToBytes32Plain } from "@/lib/issuer/client";
import { precheck, recordStep, type StepContext, type StepState, TxHash } from "./go-on-chain-parts";
import { StepItem } from "./go-on-chain-step";
import { TxStatus } from "./tx-status";
import { useTx } from "./use-tx";

export type AnchorDocument = { id: string; name: string; title: string; sha256: Hex; anchored: boolean };

/**
 * Step 2: anchor each document's fingerprint on the token, one transaction per document; a document anchored
 * meanwhile (another tab, an interrupted run) is skipped.
 */
export function AnchorStep({
  ctx,
  state,
  token,
  appOrigin,
  documents,
  anchorTxs,
  anchoredNow,
  onAnchored,
}: {
  ctx: StepContext;
  state: StepState;
  token: Address | null;
  appOrigin: string;
  documents: AnchorDocument[];
  /** Confirmed anchoring transaction per document id. */
  anchorTxs: Record<string, Hex>;
  /** Documents this page has seen anchored since it loaded. */
  anchoredNow: string[];
  onAnchored: (ids: string[]) => void;
}) {
  const t = useTranslations("issuer.chain");
  const router = useRouter();
  const tx = useTx();
  const pendingDocs = documents.filter((d) => !d.anchored && !anchoredNow.includes(d.id));

  async function onAnchor() {
    if (!token) return;
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
    <StepItem n={2} title={t("anchorTitle")} state={state}>
      <p className="text-sm text-ink-muted">{t("anchorExplain")}</p>
      {documents.length === 0 ? (
        <p className="text-sm">{t("noDocuments")}</p>
      ) : (
        <ul className="divide-y divide-line rounded-xl border border-line text-sm">
          {documents.map((d) => {
            const done = d.anchored || anchoredNow.includes(d.id);
            return (
              <li key={d.id} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-center sm:justify-between">
                <span className="flex min-w-0 flex-col">
                  <span className="font-medium">{d.title}</span>
                  <code className="font-mono text-xs break-all text-ink-muted">SHA-256 {d.sha256}</code>
                  {anchorTxs[d.id] ? <TxHash label={t("anchoredIn")} hash={anchorTxs[d.id]!} /> : null}
                </span>
                <span className="shrink-0">
                  <Badge tone={done ? "success" : "neutral"} icon={done ? "check" : "clock"}>
                    {done ? t("anchored") : t("notAnchored")}
                  </Badge>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {token !== null && pendingDocs.length > 0 ? (
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
      ) : null}
    </StepItem>
  );
}
