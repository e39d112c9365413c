"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checklist } from "./checklist";
import { ConnectPrompt, SharesAndCost, WalletPanel, WrongWallet } from "./buy-form-parts";
import { LazyBuyChainReader } from "./buy-reads-lazy";
import { PurchaseStatus } from "./purchase-status";
import type { BuyOffering } from "./types";
import { useBuyForm } from "./use-buy-form";

/** The confirmation's contents (the purchase in figures, the lock-up merge, the wallet's steps): loaded when it opens. */
const ConfirmPurchase = lazy(() => import("./confirm-purchase").then((m) => ({ default: m.ConfirmPurchase })));

/** Choose shares → see cost and the pre-sign checks → confirm → sign (permit + buy, or approve + buy). */
export function BuyForm({ offering }: { offering: BuyOffering }) {
  const t = useTranslations("trade");
  const f = useBuyForm(offering);
  const { address, isConnected, sameWallet, checks, ready, fresh, inFlight } = f;
  // Mounted from its first opening on (its dialog then returns focus when it closes).
  const [confirmUsed, setConfirmUsed] = useState(false);
  if (f.confirmOpen && !confirmUsed) setConfirmUsed(true);
  return (
    <div className="flex flex-col gap-6">
      {!sameWallet && address ? <WrongWallet expected={offering.account} actual={address} /> : null}
      <SharesAndCost f={f} offering={offering} />
      {isConnected ? <WalletPanel f={f} offering={offering} /> : null}
      {!isConnected ? (
        <ConnectPrompt
          account={offering.account}
          connecting={f.status === "connecting" || f.status === "reconnecting"}
        />
      ) : null}
      {isConnected ? (
        <section aria-labelledby="checks-title" className="flex flex-col gap-3">
          <div>
            <h2 id="checks-title" className="font-display text-xl">
              {t("form.checksTitle")}
            </h2>
            <p className="text-sm text-ink-muted">{t("form.checksIntro")}</p>
          </div>
          <Checklist checks={checks} t={t} />
        </section>
      ) : null}

      <PurchaseStatus
        step={f.step}
        shares={f.buying}
        fallback={f.fallback}
        failure={f.failure}
        explorerUrl={offering.explorerUrl}
        focusRef={f.statusRef}
      />

      <div className="flex flex-col gap-2">
        <Button
          size="lg"
          className="w-full sm:w-auto"
          disabled={!ready || inFlight}
          loading={inFlight}
          onClick={() => {
            f.setConfirmed(false);
            f.setConfirmOpen(true);
          }}
        >
          {t("form.review")}
        </Button>
        {!ready && fresh && sameWallet && checks.some((c) => c.state === "failed") ? (
          <p className="text-sm text-ink-muted">{t("form.blocked")}</p>
        ) : null}
        {!fresh && sameWallet ? <p className="text-sm text-ink-muted">{t("form.checking")}</p> : null}
      </div>

      {confirmUsed ? (
        <Suspense fallback={null}>
          <ConfirmPurchase f={f} offering={offering} />
        </Suspense>
      ) : null}
      <LazyBuyChainReader {...f.reader} />
    </div>
  );
}
