"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { useDebounced } from "@/components/ui/use-debounced";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { useChainErrorText } from "@/components/wallet/use-chain-error";
import { describeAmountError, parseShareAmount } from "@/lib/format/amount";
import { formatDay } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";
import { describeTradeError } from "@/lib/trade/errors";
import { canProceed, evaluateBuyChecks, type ReasonContext } from "@/lib/trade/client";
import type { BuyOffering } from "./types";
import { type BuyReadsAnswer, type BuyReadsRequest, shapeBuyReads, shapeLockMerge } from "./use-buy-reads";
import { usePurchase } from "./use-purchase";

const FAUCET_AMOUNT_HKD = 100_000n;

/** The buy form's state: the shares typed, the chain's reads, the pre-sign checks, the purchase and the faucet. */
export function useBuyForm(offering: BuyOffering) {
  const t = useTranslations("trade");
  const tAmount = useTranslations("amounts");
  const chainErrorText = useChainErrorText();
  const locale = useLocale();
  const { address, isConnected, status } = useWalletConnection();
  const initial = offering.remaining < offering.minTicket ? offering.remaining : offering.minTicket;
  const [text, setText] = useState(initial.toString());
  // What was typed is never rewritten: a refusal is shown in words and nothing can be bought with it.
  const parsed = parseShareAmount(text);
  const shares = parsed.ok ? parsed.value : null;
  const amountError = parsed.ok ? undefined : describeAmountError(parsed.error, tAmount, locale);
  const debounced = useDebounced(shares, 250);
  const sameWallet = isConnected && address?.toLowerCase() === offering.account.toLowerCase();
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [now] = useState(() => BigInt(Math.floor(Date.now() / 1000)));
  const lockupEnd =
    offering.lockupSeconds > 0n ? new Date((Number(now) + Number(offering.lockupSeconds)) * 1000) : null;
  // The chain's answers come from `LazyBuyChainReader` (its code loads once the investor's wallet is connected).
  const [answer, setAnswer] = useState<BuyReadsAnswer | null>(null);
  const readsRequest: BuyReadsRequest = {
    offering,
    shares: debounced,
    enabled: sameWallet,
    account: address,
    // A fifth running lock-up lot merges two releases into the later one: said before signing (and waited for).
    lockMergeEnabled: confirmOpen && lockupEnd !== null,
  };
  const reads = shapeBuyReads(answer, readsRequest);
  const { step, setStep, purchase, faucet, shares: buying, fallback } = usePurchase(offering, reads.queryKeys);
  // Where focus goes when the confirmation closes on "Confirm": the purchase's status (the Review button is busy).
  const statusRef = useRef<HTMLDivElement>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [twoStep, setTwoStep] = useState(false);
  const [faucetState, setFaucetState] = useState<"idle" | "pending" | "done" | "failed">("idle");

  const d = offering.decimals;
  const cost = (shares ?? 0n) * offering.pricePerShare;
  const money = (v: bigint) => formatMoney(v, d, locale);
  const purchased = reads.purchased ?? offering.purchased;
  const remaining = reads.remaining ?? offering.remaining;
  const left = offering.maxTicket > purchased ? offering.maxTicket - purchased : 0n;
  const expiry = reads.identity ? reads.identity.expiry : undefined;
  const kycExpiryDate = expiry !== undefined && expiry > 0n ? new Date(Number(expiry) * 1000) : offering.kycExpiresAt;

  const ctx: ReasonContext = {
    residence: offering.names.residence,
    allowedCountries: offering.names.allowedCountries,
    locale,
    category: offering.names.category,
    eligibleCategories: offering.names.eligibleCategories,
    minTicket: offering.minTicket,
    maxTicket: offering.maxTicket,
    purchased,
    remaining,
    maxHolders: offering.maxHolders,
    maxBalancePerInvestor: offering.maxBalancePerInvestor,
    opensOn: formatDay(offering.opensAt, locale),
    closedOn: formatDay(offering.closesAt, locale),
    offeringUpcoming: offering.upcoming,
    offeringClosed: reads.closed ?? false,
    kycExpiredOn: kycExpiryDate ? formatDay(kycExpiryDate, locale) : null,
    balance: formatMoney(reads.balance ?? 0n, d, locale, { balance: true }),
    cost: money(cost),
    shortfall: money(reads.balance !== undefined && reads.balance < cost ? cost - reads.balance : 0n),
  };
  const fresh = debounced === shares && !reads.isFetching;
  const checks = evaluateBuyChecks(
    {
      shares,
      registered: reads.identity ? reads.identity.investorId !== `0x${"0".repeat(64)}` : undefined,
      kycExpiry: expiry,
      now,
      kycValidUntil: kycExpiryDate ? formatDay(kycExpiryDate, locale) : null,
      canBuy: fresh ? reads.canBuy : undefined,
      tokenCode: fresh ? reads.tokenCode : undefined,
      balance: reads.balance,
      cost,
    },
    ctx,
  );
  const ready = sameWallet && fresh && shares !== null && canProceed(checks, reads.canBuy);
  const inFlight = !["idle", "confirmed", "failed"].includes(step.kind);
  const failure = useMemo(
    () => (step.kind === "failed" ? describeTradeError(step.error, ctx, (k, v) => t(k, v), chainErrorText) : null),
    // ctx is rebuilt every render; the failure only needs words once per failed step.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [step],
  );
  const lockMerge = shapeLockMerge(answer, readsRequest);
  const deadline = new Date((Number(now) + 20 * 60) * 1000);
  const allowanceReady = reads.allowance !== undefined && reads.allowance >= cost;

  function adjust(delta: number) {
    if (shares === null) return;
    const next = shares + BigInt(delta);
    setText((next < 1n ? 1n : next).toString());
    if (step.kind === "confirmed" || step.kind === "failed") setStep({ kind: "idle" });
  }

  async function getTestHkd() {
    setFaucetState("pending");
    try {
      await faucet(FAUCET_AMOUNT_HKD * 10n ** BigInt(d));
      setFaucetState("done");
    } catch {
      setFaucetState("failed");
    }
  }

  return {
    ...{ address, isConnected, status, text, setText, shares, amountError, sameWallet, reads },
    ...{ step, setStep, purchase, buying, fallback },
    ...{ confirmOpen, setConfirmOpen, statusRef, confirmed, setConfirmed, twoStep, setTwoStep, faucetState },
    ...{ cost, money, left, checks, ready, inFlight, fresh, failure, lockupEnd, lockMerge, deadline, allowanceReady },
    ...{ adjust, getTestHkd },
    /** What the lazily loaded chain reader reads, and where it hands its answers. */
    reader: { request: readsRequest, onAnswer: setAnswer },
  };
}

export type BuyFormState = ReturnType<typeof useBuyForm>;
