"use client";

import { lazy, Suspense } from "react";
import { useTranslations } from "next-intl";
import type { Address, Hex } from "viem";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import type { AnchorDocument } from "./go-on-chain-anchor";
import type { DeployStepProps } from "./go-on-chain-deploy";
import type { OfferStepProps } from "./go-on-chain-offer";
import { type StepContext, type StepState, TxHash } from "./go-on-chain-parts";
import { ChainStep, StepItem } from "./go-on-chain-step";

/**
 * The three steps of going on chain as they stand. Each step's form (its fields, checks and transaction) is fetched
 * only when the step is the one to send: a listing whose steps are done, or not yet reached, does not load them.
 * Rendered on the server with the page, a form's HTML is there at once and becomes interactive when its code is in.
 */
const DeployForm = lazy(() => import("./go-on-chain-deploy").then((m) => ({ default: m.DeployForm })));
const AnchorAction = lazy(() => import("./go-on-chain-anchor").then((m) => ({ default: m.AnchorAction })));
const OfferForm = lazy(() => import("./go-on-chain-offer").then((m) => ({ default: m.OfferForm })));

/** The place of a step's form while its code arrives (after an earlier step was just made on this page). */
function FormLoading() {
  return <Skeleton className="h-48 w-full rounded-xl" />;
}

/** Step 1: deploy the artwork's share token with its rules, or show the token once deployed. */
export function DeployStep(props: DeployStepProps) {
  const t = useTranslations("issuer.chain");
  return (
    <ChainStep
      n={1}
      title={t("deployTitle")}
      state={props.waiting ? "sent" : props.token !== null ? "done" : "current"}
      done={
        props.token !== null
          ? {
              text: (
                <>
                  {t("deployedAt")} <code className="font-mono break-all">{props.token}</code>
                </>
              ),
              testId: "token-address",
              foundText: t("foundExisting"),
              txLabel: t("deployedIn"),
              tx: props.deployTx,
            }
          : null
      }
      waiting={
        props.waiting
          ? {
              tx: props.waiting,
              title: t("deployWaitingTitle"),
              body: (time) => t("deployWaitingBody", { time }),
              testId: "deploy-waiting",
            }
          : null
      }
    >
      {(onFound) => (
        <Suspense fallback={<FormLoading />}>
          <DeployForm {...props} onFound={onFound} />
        </Suspense>
      )}
    </ChainStep>
  );
}

/** Step 2: each document's fingerprint, anchored or not, and (on a deployed token) the action that anchors the rest. */
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
  const pendingDocs = documents.filter((d) => !d.anchored && !anchoredNow.includes(d.id));
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
        <Suspense fallback={<Skeleton className="h-32 w-full rounded-xl" />}>
          <AnchorAction
            ctx={ctx}
            token={token}
            appOrigin={appOrigin}
            pendingDocs={pendingDocs}
            onAnchored={onAnchored}
          />
        </Suspense>
      ) : null}
    </StepItem>
  );
}

/** Step 3: create the primary offering for the token, or show it once created. */
export function OfferStep(props: OfferStepProps) {
  const t = useTranslations("issuer.chain");
  return (
    <ChainStep
      n={3}
      title={t("offerTitle")}
      state={props.state}
      done={
        props.offeringId !== null
          ? {
              text: t("offerCreated", { id: props.offeringId ?? "" }),
              testId: "offering-created",
              foundText: t("offerExisting"),
              txLabel: t("createdIn"),
              tx: props.offeringTx,
            }
          : null
      }
      waiting={
        props.waiting
          ? {
              tx: props.waiting,
              title: t("offerWaitingTitle"),
              body: (time) => t("offerWaitingBody", { time }),
              testId: "offer-waiting",
            }
          : null
      }
    >
      {(onFound) =>
        props.ready ? (
          <Suspense fallback={<FormLoading />}>
            <OfferForm {...props} onFound={onFound} />
          </Suspense>
        ) : (
          <p className="text-sm text-ink-muted">{t("offerWaiting")}</p>
        )
      }
    </ChainStep>
  );
}
