"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { Address, Hex } from "viem";
import type { TokenRuleDefaults } from "@/lib/settings/client";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { type ChainCheck, checkOnChainAction, type StepTxView } from "./chain-actions";
import type { StepContext, StepState } from "./go-on-chain-parts";
import { AnchorStep, DeployStep, OfferStep } from "./go-on-chain-steps";
import { useTx } from "./use-tx";

export type GoOnChainProps = {
  id: string;
  account: Address;
  contracts: { shareTokenFactory: Address; primaryOffering: Address };
  appOrigin: string;
  tokenName: string;
  symbol: string;
  metadataUri: string;
  metadataHash: Hex;
  decimals: number;
  chainNow: number;
  token: Address | null;
  documents: { id: string; name: string; title: string; sha256: Hex; anchored: boolean }[];
  offeringId: string | null;
  /** The latest deploy / offering transaction as the server recorded it (waiting, confirmed or failed). */
  deployTx: StepTxView | null;
  offeringTx: StepTxView | null;
  /** Confirmed anchoring transaction per document id. */
  anchorTxs: Record<string, Hex>;
  /** Countries the deploy form offers (ISO numeric + name). */
  countries: { code: number; name: string }[];
  /** The token rules the deploy form starts from (the platform's defaults, set by the admin). */
  ruleDefaults: TokenRuleDefaults;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stillWaiting = (c: ChainCheck) => c.ok && (c.deploy?.status === "pending" || c.offering?.status === "pending");

/**
 * Deploy the token → anchor each document → create the offering, from the issuer's own wallet, one component per
 * step. The server derives progress from the chain on every load, so a reload mid-way resumes at the first
 * unfinished step, and the deploy step asks the server to look for an already-deployed token before the wallet is
 * opened.
 */
export function GoOnChain(props: GoOnChainProps) {
  const t = useTranslations("issuer.chain");
  const router = useRouter();
  const { address, isConnected, isReconnecting } = useWalletConnection();
  const [connectOpen, setConnectOpen] = useState(false);
  const deploy = useTx();
  const offer = useTx();
  const [anchoredNow, setAnchoredNow] = useState<string[]>([]);
  const [syncError, setSyncError] = useState<string | null>(null);

  const wrongWallet = isConnected && address?.toLowerCase() !== props.account.toLowerCase();
  const ctx: StepContext = { id: props.id, account: props.account, canSign: isConnected && !wrongWallet };
  const pendingDocs = props.documents.filter((d) => !d.anchored && !anchoredNow.includes(d.id));
  const tokenDone = props.token !== null;
  const docsDone = tokenDone && pendingDocs.length === 0;
  const offerDone = props.offeringId !== null;
  const stateOf = (done: boolean, ready: boolean): StepState => (done ? "done" : ready ? "current" : "waiting");
  const failureText = (tx: StepTxView) =>
    t(`failure.${["reverted", "dropped", "replaced"].includes(tx.failure ?? "") ? tx.failure! : "other"}`);
  // A transaction recorded as sent earlier (another tab, a closed page) that this page is not sending itself.
  const deployWaiting = !tokenDone && props.deployTx?.status === "pending" && !deploy.busy ? props.deployTx : null;
  const offerWaiting =
    tokenDone && !offerDone && props.offeringTx?.status === "pending" && !offer.busy ? props.offeringTx : null;
  // What the deploy and offering steps both take.
  const shared = { ctx, token: props.token, failureText };
  const waitingHash = (deployWaiting ?? offerWaiting)?.txHash ?? null;

  // While such a transaction waits, ask the server (which waits for its receipt) until it is settled, then refresh.
  useEffect(() => {
    if (!waitingHash) return;
    let stopped = false;
    void (async () => {
      while (!stopped) {
        const result = await checkOnChainAction({ id: props.id, wait: true });
        if (stopped) return;
        if (!result.ok) {
          setSyncError(result.message);
          await sleep(5_000);
          continue;
        }
        setSyncError(null);
        if (!stillWaiting(result)) {
          router.refresh();
          return;
        }
      }
    })();
    return () => {
      stopped = true;
    };
  }, [waitingHash, props.id, router]);

  return (
    <div className="flex flex-col gap-8">
      {/* Once every step is done there is nothing left to sign here. */}
      {offerDone ? null : !isConnected ? (
        <>
          <Alert
            tone="info"
            title={t("connectTitle")}
            action={
              <Button onClick={() => setConnectOpen(true)} loading={isReconnecting}>
                {t("connect")}
              </Button>
            }
          >
            {t("connectBody")}
          </Alert>
          <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} />
        </>
      ) : wrongWallet ? (
        <Alert tone="warn" title={t("wrongWalletTitle")}>
          {t("wrongWalletBody")}
        </Alert>
      ) : null}
      {syncError ? <Alert tone="error">{syncError}</Alert> : null}

      <ol className="flex flex-col gap-8">
        <DeployStep
          {...shared}
          tx={deploy}
          factory={props.contracts.shareTokenFactory}
          tokenName={props.tokenName}
          symbol={props.symbol}
          metadataUri={props.metadataUri}
          metadataHash={props.metadataHash}
          deployTx={props.deployTx}
          waiting={deployWaiting}
          countries={props.countries}
          ruleDefaults={props.ruleDefaults}
        />
        <AnchorStep
          ctx={ctx}
          state={stateOf(docsDone, tokenDone)}
          token={props.token}
          appOrigin={props.appOrigin}
          documents={props.documents}
          anchorTxs={props.anchorTxs}
          anchoredNow={anchoredNow}
          onAnchored={(ids) => setAnchoredNow((a) => [...a, ...ids])}
        />
        <OfferStep
          {...shared}
          tx={offer}
          state={offerWaiting ? "sent" : stateOf(offerDone, docsDone)}
          primaryOffering={props.contracts.primaryOffering}
          decimals={props.decimals}
          chainNow={props.chainNow}
          offeringId={props.offeringId}
          offeringTx={props.offeringTx}
          waiting={offerWaiting}
          ready={docsDone}
        />
      </ol>
    </div>
  );
}
