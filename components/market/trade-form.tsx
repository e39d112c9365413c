"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { zeroAddress } from "viem";
import { useConfig, useReadContracts } from "wagmi";
import { getBlock } from "wagmi/actions";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { Checklist } from "@/components/trade/checklist";
import { useDebounced } from "@/components/trade/use-buy-reads";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { artworkShareTokenAbi, hKDStablecoinAbi, identityRegistryAbi, marketAbi } from "@/lib/chain/abis";
import { describeChainError } from "@/lib/chain/errors";
import { formatDay } from "@/lib/format/date";
import { describeAmountError, parseMoneyAmount, parseShareAmount, type AmountResult } from "@/lib/format/amount";
import { formatMoney } from "@/lib/format/money";
import {
  allChecksPass,
  evaluateMarketChecks,
  marketErrorReason,
  tradeCost,
  type MarketCheck,
  type OrderSide,
} from "@/lib/market/reasons";
import { buyerSpend, MAX_MATCH_STEPS, previewMatch, type MatchPreview } from "@/lib/market/match";
import type { Reason } from "@/lib/trade/reasons";
import type { TradeSetup } from "./types";
import { TxStatus as WalletTxStatus, type TxStatusView } from "@/components/wallet/tx-status";
import { type MarketOutcome, useMarketTx, type TxStep } from "./use-market-tx";

const toText = (v: bigint, decimals: number) => (Number(v) / 10 ** decimals).toFixed(2);

export function MarketChecklist({ checks }: { checks: readonly MarketCheck[] }) {
  return <Checklist checks={checks} namespace="market" labelKey={(id) => `checks.label.${id}`} />;
}

/** The failed transaction or wallet request in words (market reason codes and custom errors). */
export function describeMarketError(error: unknown): Reason {
  const d = describeChainError(error);
  if (d.kind === "user_rejected") return { key: "errors.rejected", values: {} };
  if (d.kind === "revert" && d.errorName) {
    const reason = marketErrorReason(d.errorName, d.args);
    if (reason) return reason;
  }
  return { key: "errors.generic", values: {} };
}

/** The words of each in-flight step of a market action (its phase: an approval, the call, lowering an allowance). */
function busyKey(step: TxStep) {
  const approving = step.kind !== "idle" && "phase" in step && step.phase !== "call";
  switch (step.kind) {
    case "checking":
    case "signing":
      return approving ? "approving" : "signing";
    case "pending":
      return approving ? "approvalPending" : "pending";
    // Confirmed on chain; the server is catching up with its block.
    case "recording":
      return "pending";
    default:
      return null;
  }
}

/** What a confirmed market action did, in words. */
function confirmedTitle(t: ReturnType<typeof useTranslations<"market">>, o: MarketOutcome | null) {
  if (o?.what === "placed")
    return o.matched && o.matched.traded > 0n
      ? o.matched.rested > 0n
        ? t("state.confirmedMatched", { shares: Number(o.matched.traded), rest: Number(o.matched.rested) })
        : t("state.confirmedFilled", { shares: Number(o.matched.traded) })
      : o.matched && o.matched.rested === 0n
        ? t("state.confirmedNothing")
        : t("state.confirmedPlaced");
  return o?.what === "filled"
    ? t("state.confirmedFilled", { shares: Number(o.shares) })
    : t("state.confirmedCancelled");
}

/**
 * A market action's status (the shared wallet `TxStatus`): progress and confirmation in a polite live region that is
 * always in the page; a failure in the error summary (role="alert", assertive), which also takes focus.
 */
export function TxStatus({
  step,
  outcome,
  explorerUrl,
}: {
  step: TxStep;
  outcome: MarketOutcome | null;
  explorerUrl: string | null;
}) {
  const t = useTranslations("market");
  const hash = (h: string) => (
    <span className="mt-1 flex flex-wrap items-center gap-x-2 text-xs">
      <span>{t("state.txHash")}</span>
      <code className="font-mono break-all" data-testid="tx-hash">
        {h}
      </code>
      {explorerUrl ? (
        <a
          className="text-accent underline"
          href={`${explorerUrl}/tx/${h}`}
          target="_blank"
          rel="noreferrer"
          aria-label={t("state.explorer")}
          title={t("state.explorer")}
        >
          <span aria-hidden="true">↗</span>
        </a>
      ) : null}
    </span>
  );
  const key = busyKey(step);
  let view: TxStatusView = {};
  if (key) view = { busy: { text: t(`state.${key}`), hash: "hash" in step ? step.hash : null } };
  else if (step.kind === "confirmed")
    view = {
      done: {
        title: confirmedTitle(t, outcome),
        body:
          outcome?.allowanceLoweredTo !== undefined ? (
            <p className="text-sm">{t("mine.allowanceLowered", { shares: Number(outcome.allowanceLoweredTo) })}</p>
          ) : null,
        hash: step.hash,
      },
    };
  else if (step.kind === "failed") {
    const r = describeMarketError(step.error);
    // The refused order in the shared error summary: announced at once and focused, like every refused form.
    view = { failed: { title: t("state.failedTitle"), body: <p>{t(r.key, r.values)}</p>, focusKey: step } };
  }
  return (
    <WalletTxStatus
      step={step.kind}
      view={view}
      testId="trade-status"
      className="flex flex-col gap-3"
      renderHash={hash}
    />
  );
}

/** Limit order or take-the-best-offer, with the pre-trade checks in words before any wallet prompt. */
/** One option of a radio group drawn as a chip (side, mode). */
function Choice(props: { name: string; value: string; checked: boolean; label: string; onChoose: () => void }) {
  return (
    <label
      className={cn(
        "flex cursor-pointer items-center gap-2 rounded-lg border px-4 py-2 text-sm",
        props.checked ? "border-accent bg-accent-soft" : "border-line",
      )}
    >
      <input type="radio" name={props.name} value={props.value} checked={props.checked} onChange={props.onChoose} />
      {props.label}
    </label>
  );
}

/** Order lifetimes offered in the form (the contract allows at most 90 days). */
const EXPIRY_DAYS = [1, 7, 30, 90] as const;
const DAY_SECONDS = 86_400n;

export function TradeForm({ setup }: { setup: TradeSetup }) {
  const t = useTranslations("market");
  const tAmount = useTranslations("amounts");
  const locale = useLocale();
  const config = useConfig();
  const [expiryDays, setExpiryDays] = useState<(typeof EXPIRY_DAYS)[number]>(30);
  const { address, isConnected, isReconnecting } = useWalletConnection();
  const [connectOpen, setConnectOpen] = useState(false);
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
  const account = setup.account;
  const token = { address: setup.token, abi: artworkShareTokenAbi } as const;
  const readShares = debouncedShares > 0n ? debouncedShares : 1n;
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: setup.identityRegistry, abi: identityRegistryAbi, functionName: "identityOf", args: [account] },
      { address: setup.paymentToken, abi: hKDStablecoinAbi, functionName: "balanceOf", args: [account] },
      { ...token, functionName: "balanceOf", args: [account] },
      { ...token, functionName: "walletState", args: [account] },
      // Buying: may I receive these shares (`canTransfer` from 0: my rules as receiver, from any seller)? Taking a
      // bid: may they go from me to that bidder? Placing an ask: only my side as sender (paused, frozen, free balance, verified, lock-up) —
      // `canSend` skips the receiver rules, which would otherwise test me as a buyer (and `canTransfer` to the
      // zero address now refuses that receiver with its own code).
      // Nothing entered yet: the rules for one share, so that the checks can already speak.
      side === "buy"
        ? { ...token, functionName: "canTransfer", args: [zeroAddress, account, readShares] }
        : mode === "take" && setup.bestBid
          ? { ...token, functionName: "canTransfer", args: [account, setup.bestBid.maker, readShares] }
          : { ...token, functionName: "canSend", args: [account, readShares] },
      { address: setup.market, abi: marketAbi, functionName: "fillableBy", args: [best?.id ?? 0n, account] },
      // What the market may already move: an approval is asked for (and announced) only when short.
      { address: setup.paymentToken, abi: hKDStablecoinAbi, functionName: "allowance", args: [account, setup.market] },
      { ...token, functionName: "allowance", args: [account, setup.market] },
      // What my open asks on this token already need: a new ask's approval must cover them too.
      { address: setup.market, abi: marketAbi, functionName: "openAskShares", args: [setup.token, account] },
    ],
    query: { enabled: sameWallet },
  });
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
  const { step, setStep, run, outcome } = useMarketTx(account, setup.market, reads.queryKey);
  const money = (v: bigint) => formatMoney(v, d, locale);
  const effectivePrice = take ? (best?.price ?? 0n) : price;
  // A limit order that crosses the book trades first against the resting orders, at their prices, exactly as the
  // contract matches it (lib/market/match.ts); only the rest rests.
  const preview: MatchPreview | null =
    !take && shares > 0n && price > 0n
      ? previewMatch({
          side,
          shares,
          limit: price,
          book: setup.book,
          account,
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
  const spend = side === "buy" ? (preview && matches ? buyerSpend(preview, price) : value + fee) : 0n;
  const fresh = debouncedShares === shares && !reads.isFetching;
  const registered = identity ? identity[0] !== `0x${"0".repeat(64)}` : undefined;
  const expiry = identity ? BigInt(identity[3]) : undefined;
  const fillCode = take && best && fillableBy ? fillableBy[1] : undefined;
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
      unavailable: walletState ? (walletState[0] ? (shareBalance ?? 0n) : walletState[1] + walletState[2]) : undefined,
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
  const inFlight = !["idle", "confirmed", "failed"].includes(step.kind);
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
        call: {
          address: setup.market,
          abi: marketAbi,
          functionName: "fill",
          args: [best.id, shares, price, setup.feeBps],
        },
        what: "filled",
        shares,
      });
    } else {
      // The expiry counts from the chain's clock, so that "90 days" is never beyond what the contract allows.
      const { timestamp } = await getBlock(config);
      const expiresAt = timestamp + BigInt(expiryDays) * DAY_SECONDS;
      void run({
        approve,
        call: {
          address: setup.market,
          abi: marketAbi,
          functionName: side === "buy" ? "placeBid" : "placeAsk",
          // The fee shown is the highest the placer accepts for what trades on placement.
          args: [setup.token, shares, price, expiresAt, setup.feeBps],
        },
        what: "placed",
        shares,
      });
    }
  }

  if (!sameWallet) {
    return (
      <Alert
        tone="info"
        title={
          isConnected && address
            ? t("form.wrongWallet", { expected: setup.account, actual: address })
            : t("form.connectBody", { address: setup.account })
        }
        action={
          !isConnected ? (
            <Button onClick={() => setConnectOpen(true)} loading={isReconnecting}>
              {t("form.connect")}
            </Button>
          ) : undefined
        }
      >
        {!isConnected ? <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} /> : null}
        <Address address={setup.account} />
      </Alert>
    );
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="flex flex-col gap-5"
      aria-label={t("form.label")}
      aria-describedby="trade-explain"
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("form.side")}</legend>
        <div className="flex gap-2">
          {(["buy", "sell"] as const).map((s) => (
            <Choice
              key={s}
              name="side"
              value={s}
              checked={side === s}
              label={t(`form.${s}`)}
              onChoose={() => {
                setSide(s);
                const b = s === "buy" ? setup.bestAsk : setup.bestBid;
                if (b) setPriceText(toText(b.price, d));
                else setMode("limit");
                reset();
              }}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("form.mode")}</legend>
        <div className="flex flex-wrap gap-2">
          {(["take", "limit"] as const).map((m) => (
            <Choice
              key={m}
              name="mode"
              value={m}
              checked={mode === m}
              label={t(`form.${m}`)}
              onChoose={() => {
                setMode(m);
                reset();
              }}
            />
          ))}
        </div>
        {take ? (
          <p className="text-sm text-ink-muted" data-testid="best-offer">
            {best ? t("form.best", { shares: Number(best.shares), price: money(best.price) }) : t("form.noBest")}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="trade-shares" label={t("form.shares")} error={fieldError(sharesText, sharesParse)}>
          {(p) => (
            <Input
              {...p}
              inputMode="numeric"
              value={sharesText}
              onChange={(e) => {
                setSharesText(e.target.value);
                reset();
              }}
            />
          )}
        </Field>
        <Field
          id="trade-price"
          label={take ? (side === "buy" ? t("form.maxPrice") : t("form.minPrice")) : t("form.price")}
          error={fieldError(priceText, priceParse)}
        >
          {(p) => (
            <Input
              {...p}
              inputMode="decimal"
              value={priceText}
              onChange={(e) => {
                setPriceText(e.target.value);
                reset();
              }}
            />
          )}
        </Field>
      </div>
      {preview && matches ? <MatchSummary preview={preview} side={side} limit={price} money={money} /> : null}
      {!take ? (
        <Field id="trade-expiry" label={t("form.expiry")} hint={t("form.expiryHelp")}>
          {(p) => (
            <Select
              {...p}
              value={expiryDays}
              onChange={(e) => {
                setExpiryDays(Number(e.target.value) as (typeof EXPIRY_DAYS)[number]);
                reset();
              }}
            >
              {EXPIRY_DAYS.map((days) => (
                <option key={days} value={days}>
                  {t("form.expiryOption", {
                    days,
                    date: formatDay(new Date((Number(now) + days * 86_400) * 1000), locale),
                  })}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <dl className="divide-y divide-line border-y border-line text-sm">
        <div className="flex justify-between gap-4 py-2">
          <dt className="text-ink-muted">{t("form.value")}</dt>
          <dd className="tabular">{money(value)}</dd>
        </div>
        {take || (preview && preview.traded > 0n) ? (
          <div className="flex justify-between gap-4 py-2">
            <dt className="text-ink-muted">{t("form.fee", { bps: Number(setup.feeBps) })}</dt>
            <dd className="tabular">{money(fee)}</dd>
          </div>
        ) : null}
        <div className="flex justify-between gap-4 py-2 font-medium">
          <dt>{side === "buy" ? t("form.total") : t("form.receive")}</dt>
          <dd className="tabular" data-testid="trade-total">
            {money(side === "buy" ? value + fee : value - fee)}
          </dd>
        </div>
      </dl>
      {take || (preview && preview.traded > 0n) ? (
        <p className="text-xs text-ink-muted">{t("form.feeRounding")}</p>
      ) : null}
      <MarketChecklist checks={checks} />
      {/* Said only when the wallet will really ask for an approval: the order can go ahead and the allowance is short. */}
      <p id="trade-explain" className="text-sm text-ink-muted empty:hidden">
        {approvalNeeded
          ? t("form.explainApprove", {
              what:
                side === "buy"
                  ? t("form.approveHkd", { amount: money(approve.amount) })
                  : (openAskShares ?? 0n) > 0n
                    ? t("form.approveAllAsks", { shares: Number(askNeed) })
                    : t("form.approveShares", { shares: Number(shares) }),
            })
          : null}
      </p>
      {!ready && fresh && !inFlight && checks.some((c) => c.state === "failed") ? (
        <p className="text-sm font-medium text-danger" role="alert">
          {t("form.blocked")}
        </p>
      ) : null}
      <Button type="submit" disabled={!ready}>
        {take ? t("form.submitTake") : side === "buy" ? t("form.submitLimitBuy") : t("form.submitLimitSell")}
      </Button>
      <TxStatus step={step} outcome={outcome} explorerUrl={setup.explorerUrl} />
    </form>
  );
}

/** Before signing: what a limit order that crosses the book will trade now, at which prices, and what rests. */
function MatchSummary(props: { preview: MatchPreview; side: OrderSide; limit: bigint; money: (v: bigint) => string }) {
  const t = useTranslations("market");
  const { preview: p, money } = props;
  const prices = p.fills.map((f) => f.price);
  const low = prices.reduce((a, b) => (b < a ? b : a), prices[0] ?? 0n);
  const high = prices.reduce((a, b) => (b > a ? b : a), prices[0] ?? 0n);
  const priceText =
    low === high
      ? t("form.matchPriceOne", { price: money(low) })
      : t("form.matchPriceRange", { low: money(low), high: money(high) });
  const rest = Number(p.rest);
  return (
    <Alert tone="info" role="none" className="text-sm">
      <div data-testid="match-preview" className="flex flex-col gap-1">
        {p.traded > 0n ? (
          <p>
            {t("form.matchNow", {
              shares: Number(p.traded),
              prices: priceText,
              value: money(p.value),
              fee: money(p.fee),
            })}
          </p>
        ) : null}
        {p.cleaned > 0 ? <p>{t("form.matchCleaned", { n: p.cleaned })}</p> : null}
        {p.rest > 0n && p.restPlaced ? (
          <p>
            {t(props.side === "buy" ? "form.matchRestBid" : "form.matchRestAsk", { rest, price: money(props.limit) })}
          </p>
        ) : null}
        {p.rest > 0n && !p.restPlaced ? (
          <p>
            {p.stop === "self"
              ? t("form.matchStopSelf", { rest, price: money(p.stopPrice ?? 0n) })
              : p.stop === "limit"
                ? t("form.matchStopLimit", { rest, max: MAX_MATCH_STEPS })
                : t("form.matchStopRefused", { rest, price: money(p.stopPrice ?? 0n) })}
          </p>
        ) : null}
      </div>
    </Alert>
  );
}
