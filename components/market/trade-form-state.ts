"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useDebounced } from "@/components/ui/use-debounced";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { formatDay } from "@/lib/format/date";
import { describeAmountError, parseMoneyAmount, parseShareAmount, type AmountResult } from "@/lib/format/amount";
import { formatMoney } from "@/lib/format/money";
import { type MatchPreview, allChecksPass, evaluateMarketChecks, tradeCost, type OrderSide } from "@/lib/market/client";
import { shapeTradeReads, type TradeReadsAnswer, type TradeReadsRequest } from "./trade-reads";
import type { TradeSetup } from "./types";
import { useMarketTx } from "./use-market-tx";
import { useMatchModule } from "./use-match-module";

export const toText = (v: bigint, decimals: number) => (Number(v) / 10 ** decimals).toFixed(2);

/** Order lifetimes offered in the form (the contract allows at most 90 days). */
export const EXPIRY_DAYS = [1, 7, 30, 90] as const;
export type ExpiryDays = (typeof EXPIRY_DAYS)[number];

/** What the trade form typed, read and worked out: the order, its cost, the checks and the approval it needs. */
export function useTradeForm(setup: TradeSetup) {
  const tAmount = useTranslations("amounts");
  const locale = useLocale();
  const [expiryDays, setExpiryDays] = useState<ExpiryDays>(30);
  const { address, isConnected } = useWalletConnection();
  const [side, setSide] = useState<OrderSide>("buy");
  const [mode, setMode] = useState<"limit" | "take">(setup.bestAsk ? "take" : "limit");
  const best = side === "buy" ? setup.bestAsk : setup.bestBid;
  const [sharesText, setSharesText] = useState("1");
  const [priceText, setPriceText] = useState(best ? toText(best.price, setup.decimals) : "");
  const [now] = useState(() => BigInt(Math.floor(Date.now() / 1000)));
  const d = setup.decimals;
  const take = mode === "take";
  // Typed amounts are never rewritten: a refusal is said under the field (empty ones by the checks) and counts as 0.
  const sharesParse = parseShareAmount(sharesText);
  const priceParse = parseMoneyAmount(priceText, d);
  const fieldError = (text: string, r: AmountResult) =>
    r.ok || text.trim() === "" ? undefined : describeAmountError(r.error, tAmount, locale);
  const requested = sharesParse.ok ? sharesParse.value : 0n;
  // A take fills at most the best order's size: cost, funds, allowance and the fill all use that number.
  const shares = take && best && requested > best.shares ? best.shares : requested;
  const price = priceParse.ok ? priceParse.value : 0n;
  const debouncedShares = useDebounced(shares, 250);
  const sameWallet = isConnected && address?.toLowerCase() === setup.account.toLowerCase();
  // The chain reads: a lazily loaded reader (./trade-reads-lazy) answers `request` (the form mounts it).
  const request: TradeReadsRequest = {
    setup,
    side,
    take,
    best,
    readShares: debouncedShares > 0n ? debouncedShares : 1n,
    enabled: sameWallet,
  };
  const [answer, setAnswer] = useState<TradeReadsAnswer | null>(null);
  const reads = shapeTradeReads(answer, request);
  const [
    identity,
    hkdBalance,
    shareBalance,
    walletState,
    canTransfer,
    fillableBy,
    hkdAllowance,
    shareAllowance,
    openAskShares,
  ] = reads.data ?? [];
  const tx = useMarketTx(setup.account, setup.market);
  const money = (v: bigint) => formatMoney(v, d, locale);
  const effectivePrice = take ? (best?.price ?? 0n) : price;
  // A limit order that crosses the book trades first against the resting orders, at their prices, exactly as the
  // contract matches it (lib/market/match.ts); only the rest rests. That code loads once a limit order is chosen:
  // until it is in, the checks are not final (`fresh`) and the order waits (`previewLoading`).
  const match = useMatchModule(sameWallet && !take);
  const previewWanted = !take && shares > 0n && price > 0n;
  const previewLoading = previewWanted && !match;
  const preview: MatchPreview | null =
    previewWanted && match
      ? match.previewMatch({
          side,
          shares,
          limit: price,
          book: setup.book,
          account: setup.account,
          feeBps: setup.feeBps,
          decimals: d,
          now: Number(now),
        })
      : null;
  const matches = !!preview && (preview.traded > 0n || preview.cleaned > 0 || !preview.restPlaced);
  const cost = tradeCost(shares, effectivePrice, setup.feeBps, take, d);
  const { value, fee } =
    preview && matches
      ? { value: preview.value + (preview.restPlaced ? preview.rest * price : 0n), fee: preview.fee }
      : cost;
  const spend = side === "buy" ? (match && preview && matches ? match.buyerSpend(preview, price) : value + fee) : 0n;
  const fresh = debouncedShares === shares && !reads.isFetching && !previewLoading;
  const registered = identity ? identity[0] !== `0x${"0".repeat(64)}` : undefined;
  const expiry = identity ? BigInt(identity[3]) : undefined;
  const fillCode = take && best && fillableBy ? fillableBy[1] : undefined;
  const ws = walletState;
  const checks = evaluateMarketChecks(
    {
      side,
      platformStopped: setup.platformStopped,
      shares,
      price: effectivePrice,
      feeBps: setup.feeBps,
      decimals: d,
      registered,
      kycExpiry: expiry,
      now,
      tokenCode: fresh ? canTransfer : undefined,
      balance: side === "buy" ? hkdBalance : shareBalance,
      unavailable: ws ? (ws[0] ? (shareBalance ?? 0n) : ws[1] + ws[2]) : undefined,
      inOpenAsks: side === "sell" ? openAskShares : undefined,
      spend: side === "buy" ? spend : undefined,
      take: take ? { fillCode: fresh ? fillCode : undefined, requested, limit: price, noOffer: !best } : undefined,
      match: preview && matches ? { traded: preview.traded, rest: preview.restPlaced ? preview.rest : 0n } : undefined,
    },
    {
      kycValidUntil: expiry ? formatDay(new Date(Number(expiry) * 1000), locale) : "—",
      kycExpiredOn: expiry ? formatDay(new Date(Number(expiry) * 1000), locale) : "—",
      balance: formatMoney(hkdBalance ?? 0n, d, locale, { balance: true }),
      needed: money(side === "buy" ? spend : value + fee),
      available: "",
      price: money(effectivePrice),
      limit: money(price),
    },
  );
  const priceOk = take ? !!best && (side === "buy" ? price >= best.price : price <= best.price) : price > 0n;
  const inFlight = !["idle", "confirmed", "failed"].includes(tx.step.kind);
  const ready = sameWallet && fresh && shares > 0n && priceOk && allChecksPass(checks) && !inFlight;
  // A sale must leave my open asks backed, and a new ask must be covered together with them: the market's share
  // allowance has to reach everything my open asks need plus this order.
  const askNeed = (openAskShares ?? 0n) + shares;
  // What the market must be allowed to move for this order (a take pays the fee too).
  const approve =
    side === "buy"
      ? { token: setup.paymentToken, kind: "hkd" as const, amount: take ? value + fee : spend }
      : { token: setup.token, kind: "shares" as const, amount: askNeed };
  const allowance = side === "buy" ? hkdAllowance : shareAllowance;
  const approvalNeeded = ready && allowance !== undefined && allowance < approve.amount;
  return {
    ...{ side, setSide, mode, setMode, take, best, now, expiryDays, setExpiryDays, money },
    ...{ sharesText, setSharesText, priceText, setPriceText, sharesParse, priceParse, fieldError },
    ...{
      shares,
      price,
      preview: preview && matches ? preview : null,
      match,
      previewLoading,
      value,
      fee,
      checks,
      fresh,
    },
    ...{ ready, inFlight, sameWallet, approve, askNeed, approvalNeeded, openAskShares, tx },
    reader: { request, onAnswer: setAnswer },
  };
}

export type TradeFormState = ReturnType<typeof useTradeForm>;
