"use client";

import { useTranslations } from "next-intl";
import { useConfig } from "wagmi";
import { loadTxActions } from "@/components/wallet/wallet-tx-actions";
import { Button } from "@/components/ui/button";
import type { TradeSetup } from "./types";
import { AmountFields, ChoiceGroup, ExpiryField, TradeTotals } from "./trade-form-fields";
import { toText, useTradeForm, type TradeFormState } from "./trade-form-state";
import { MarketChecklist, TxStatus } from "./trade-form-status";
import { LazyTradeChainReader } from "./trade-reads-lazy";
import { WalletMismatch } from "./trade-wallet-mismatch";

export { MarketChecklist, TxStatus } from "./trade-form-status";

const DAY_SECONDS = 86_400n;

/** Limit order or take-the-best-offer, with the pre-trade checks in words before any wallet prompt. */
export function TradeForm({ setup }: { setup: TradeSetup }) {
  const t = useTranslations("market");
  const config = useConfig();
  const f = useTradeForm(setup);
  const { side, take, best, shares, price, approve, ready, money } = f;
  const { step, setStep, run, outcome } = f.tx;
  const d = setup.decimals;

  function reset() {
    if (step.kind === "confirmed" || step.kind === "failed") setStep({ kind: "idle" });
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!ready) return;
    if (take && best) {
      void run({
        approve,
        // The fee shown is the highest the taker accepts: if the platform raised it since, the fill is refused.
        call: { functionName: "fill", args: [best.id, shares, price, setup.feeBps] },
        what: "filled",
        shares,
      });
    } else {
      // The expiry counts from the chain's clock, so that "90 days" is never beyond what the contract allows.
      const { getBlock } = await loadTxActions();
      const { timestamp } = await getBlock(config);
      const expiresAt = timestamp + BigInt(f.expiryDays) * DAY_SECONDS;
      void run({
        approve,
        call: {
          functionName: side === "buy" ? "placeBid" : "placeAsk",
          // The fee shown is the highest the placer accepts for what trades on placement.
          args: [setup.token, shares, price, expiresAt, setup.feeBps],
        },
        what: "placed",
        shares,
      });
    }
  }

  // Not lazily loaded: a lazy part suspends the first server render of the page, and a wallet reconnecting while its
  // streamed HTML is still on its way made React draw the notice again beside a hidden stale copy.
  if (!f.sameWallet) return <WalletMismatch setup={setup} />;

  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="flex flex-col gap-5"
      aria-label={t("form.label")}
      aria-describedby="trade-explain"
    >
      <ChoiceGroup
        name="side"
        legend={t("form.side")}
        options={(["buy", "sell"] as const).map((s) => ({ value: s, label: t(`form.${s}`) }))}
        value={side}
        onChoose={(s) => {
          f.setSide(s);
          const b = s === "buy" ? setup.bestAsk : setup.bestBid;
          if (b) f.setPriceText(toText(b.price, d));
          else f.setMode("limit");
          reset();
        }}
      />
      <ChoiceGroup
        name="mode"
        legend={t("form.mode")}
        options={(["take", "limit"] as const).map((m) => ({ value: m, label: t(`form.${m}`) }))}
        value={f.mode}
        wrap
        onChoose={(m) => {
          f.setMode(m);
          reset();
        }}
      >
        {take ? (
          <p className="text-sm text-ink-muted" data-testid="best-offer">
            {best ? t("form.best", { shares: Number(best.shares), price: money(best.price) }) : t("form.noBest")}
          </p>
        ) : null}
      </ChoiceGroup>
      <AmountFields f={f} onEdit={reset} />
      {f.preview && f.match ? (
        <f.match.MatchSummary preview={f.preview} side={side} limit={price} money={money} />
      ) : null}
      {!take ? <ExpiryField f={f} onEdit={reset} /> : null}
      <TradeTotals f={f} feeBps={setup.feeBps} />
      <MarketChecklist checks={f.checks} />
      {/* Said only when the wallet will really ask for an approval: the order can go ahead and the allowance is short. */}
      <p id="trade-explain" className="text-sm text-ink-muted empty:hidden">
        {f.approvalNeeded ? approvalText(t, f) : null}
      </p>
      {!ready && f.fresh && !f.inFlight && f.checks.some((c) => c.state === "failed") ? (
        <p className="text-sm font-medium text-danger" role="alert">
          {t("form.blocked")}
        </p>
      ) : null}
      {/* Busy while the match preview's code loads (a limit order just chosen): the button keeps its place. */}
      <Button type="submit" disabled={!ready} loading={f.previewLoading}>
        {take ? t("form.submitTake") : side === "buy" ? t("form.submitLimitBuy") : t("form.submitLimitSell")}
      </Button>
      <TxStatus step={step} outcome={outcome} explorerUrl={setup.explorerUrl} />
      <LazyTradeChainReader {...f.reader} />
    </form>
  );
}

/** What the wallet will be asked to approve before the order, in words. */
function approvalText(t: ReturnType<typeof useTranslations<"market">>, f: TradeFormState) {
  return t("form.explainApprove", {
    what:
      f.side === "buy"
        ? t("form.approveHkd", { amount: f.money(f.approve.amount) })
        : (f.openAskShares ?? 0n) > 0n
          ? t("form.approveAllAsks", { shares: Number(f.askNeed) })
          : t("form.approveShares", { shares: Number(f.shares) }),
  });
}
