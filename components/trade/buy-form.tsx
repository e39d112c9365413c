"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { Alert } from "@/components/ui/alert";
import { Address } from "@/components/ui/address";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Money } from "@/components/ui/money";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { useChainErrorText } from "@/components/wallet/use-chain-error";
import { describeAmountError, parseShareAmount } from "@/lib/format/amount";
import { formatDay, formatDayTime } from "@/lib/format/date";
import { formatCount, formatMoney } from "@/lib/format/money";
import { describeTradeError } from "@/lib/trade/errors";
import { canProceed, evaluateBuyChecks, type ReasonContext } from "@/lib/trade/reasons";
import { Checklist } from "./checklist";
import { LockMergeNote, useLockMerge } from "./lock-merge";
import { PurchaseStatus } from "./purchase-status";
import type { BuyOffering } from "./types";
import { useBuyReads, useDebounced } from "./use-buy-reads";
import { usePurchase } from "./use-purchase";

const FAUCET_AMOUNT_HKD = 100_000n;

/** Choose shares → see cost and the pre-sign checks → confirm → sign (permit + buy, or approve + buy). */
export function BuyForm({ offering }: { offering: BuyOffering }) {
  const t = useTranslations("trade");
  const tAmount = useTranslations("amounts");
  const chainErrorText = useChainErrorText();
  const tDialog = useTranslations("ui.dialog");
  const locale = useLocale();
  const { address, isConnected, status } = useWalletConnection();
  const [connectOpen, setConnectOpen] = useState(false);
  const initial = offering.remaining < offering.minTicket ? offering.remaining : offering.minTicket;
  const [text, setText] = useState(initial.toString());
  // What was typed is never rewritten: a refusal is shown in words and nothing can be bought with it.
  const parsed = parseShareAmount(text);
  const shares = parsed.ok ? parsed.value : null;
  const amountError = parsed.ok ? undefined : describeAmountError(parsed.error, tAmount, locale);
  const debounced = useDebounced(shares, 250);
  const sameWallet = isConnected && address?.toLowerCase() === offering.account.toLowerCase();
  const reads = useBuyReads(offering, debounced, sameWallet);
  const { step, setStep, purchase, faucet, shares: buying, fallback } = usePurchase(offering, reads.queryKeys);
  const [confirmOpen, setConfirmOpen] = useState(false);
  // Where focus goes when the confirmation closes on "Confirm": the purchase's status (the Review button is busy).
  const statusRef = useRef<HTMLDivElement>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [twoStep, setTwoStep] = useState(false);
  const [faucetState, setFaucetState] = useState<"idle" | "pending" | "done" | "failed">("idle");
  const [now] = useState(() => BigInt(Math.floor(Date.now() / 1000)));

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
  const lockupEnd =
    offering.lockupSeconds > 0n ? new Date((Number(now) + Number(offering.lockupSeconds)) * 1000) : null;
  // A fifth running lock-up lot merges two releases into the later one: said before signing (and waited for).
  const lockMerge = useLockMerge(offering.token, address, confirmOpen && lockupEnd !== null);
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

  return (
    <div className="flex flex-col gap-6">
      {!sameWallet && address ? (
        <Alert tone="warn" title={t("form.wrongWalletTitle")}>
          {t("form.wrongWalletBody", {
            expected: `${offering.account.slice(0, 6)}…${offering.account.slice(-4)}`,
            actual: `${address.slice(0, 6)}…${address.slice(-4)}`,
          })}
        </Alert>
      ) : null}

      <div className="grid gap-6 sm:grid-cols-2">
        <Field
          id="shares"
          label={t("form.shares")}
          error={amountError}
          hint={
            left > 0n
              ? t("form.sharesHint", { min: Number(offering.minTicket), left: Number(left) })
              : t("form.sharesHintNone", { max: Number(offering.maxTicket) })
          }
        >
          {(control) => (
            <div className="flex items-center gap-2">
              <Button
                variant="secondary"
                size="md"
                aria-label={t("form.decrease")}
                onClick={() => adjust(-1)}
                disabled={inFlight || shares === null || shares <= 1n}
              >
                −
              </Button>
              <Input
                {...control}
                inputMode="numeric"
                autoComplete="off"
                value={text}
                disabled={inFlight}
                onChange={(e) => {
                  setText(e.target.value);
                  if (step.kind === "confirmed" || step.kind === "failed") setStep({ kind: "idle" });
                }}
                className="h-10 text-center text-base tabular"
              />
              <Button
                variant="secondary"
                size="md"
                aria-label={t("form.increase")}
                onClick={() => adjust(1)}
                disabled={inFlight || shares === null}
              >
                +
              </Button>
            </div>
          )}
        </Field>
        {/* A term and its value (not a styled paragraph that reads like a heading). */}
        <dl className="flex flex-col gap-1.5">
          <dt className="text-sm font-medium">{t("form.cost")}</dt>
          <dd className="font-display text-3xl tracking-tight" data-testid="buy-cost">
            <Money value={cost} decimals={d} />
          </dd>
          <dd className="text-xs text-ink-muted">
            {t("form.costHint", { shares: Number(shares ?? 0n), price: money(offering.pricePerShare) })}
          </dd>
        </dl>
      </div>

      {isConnected ? (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-surface-muted/60 px-4 py-3 text-sm">
          <span className="flex flex-col">
            <span className="text-ink-muted">{t("form.balance")}</span>
            <span className="font-medium tabular" data-testid="hkd-balance">
              {reads.balance !== undefined ? <Money value={reads.balance} decimals={d} balance /> : "—"}
            </span>
          </span>
          {address ? <Address address={address} chars={4} /> : null}
          {offering.localChain && sameWallet ? (
            <div className="flex w-full flex-col gap-1 sm:w-auto sm:items-end">
              <Button
                variant="secondary"
                size="sm"
                onClick={getTestHkd}
                loading={faucetState === "pending"}
                loadingLabel={t("form.faucetPending")}
                disabled={inFlight}
              >
                {t("form.faucet")}
              </Button>
              <span className="text-xs text-ink-muted" aria-live="polite">
                {faucetState === "done"
                  ? t("form.faucetDone")
                  : faucetState === "failed"
                    ? t("errors.faucetUnavailable")
                    : t("form.faucetBody")}
              </span>
            </div>
          ) : null}
        </div>
      ) : null}

      {!isConnected ? (
        <div className="flex flex-col items-start gap-3">
          <Alert tone="info" title={t("form.connectTitle")} className="w-full">
            {t("form.connectBody", {
              address: `${offering.account.slice(0, 6)}…${offering.account.slice(-4)}`,
            })}
          </Alert>
          <Button onClick={() => setConnectOpen(true)} loading={status === "connecting" || status === "reconnecting"}>
            {t("form.connect")}
          </Button>
          <ConnectDialog open={connectOpen} onOpenChange={setConnectOpen} />
        </div>
      ) : null}

      {isConnected ? (
        <section aria-labelledby="checks-title" className="flex flex-col gap-3">
          <div>
            <h2 id="checks-title" className="font-display text-xl">
              {t("form.checksTitle")}
            </h2>
            <p className="text-sm text-ink-muted">{t("form.checksIntro")}</p>
          </div>
          <Checklist checks={checks} />
        </section>
      ) : null}

      <PurchaseStatus
        step={step}
        shares={buying}
        fallback={fallback}
        failure={failure}
        explorerUrl={offering.explorerUrl}
        focusRef={statusRef}
      />

      <div className="flex flex-col gap-2">
        <Button
          size="lg"
          className="w-full sm:w-auto"
          disabled={!ready || inFlight}
          loading={inFlight}
          onClick={() => {
            setConfirmed(false);
            setConfirmOpen(true);
          }}
        >
          {t("form.review")}
        </Button>
        {!ready && fresh && sameWallet && checks.some((c) => c.state === "failed") ? (
          <p className="text-sm text-ink-muted">{t("form.blocked")}</p>
        ) : null}
        {!fresh && sameWallet ? <p className="text-sm text-ink-muted">{t("form.checking")}</p> : null}
      </div>

      <Dialog
        closeLabel={tDialog("close")}
        open={confirmOpen}
        onOpenChange={setConfirmOpen}
        returnFocusRef={statusRef}
        preferReturnFocus={confirmed}
        title={t("confirm.title")}
        description={t("confirm.description")}
      >
        <div className="flex flex-col gap-5">
          <dl className="divide-y divide-line rounded-xl border border-line text-sm">
            {[
              [t("confirm.shares"), formatCount(shares ?? 0n, locale)],
              [t("confirm.price"), money(offering.pricePerShare)],
              [t("confirm.total"), money(cost)],
              [
                t("confirm.lockupUntil"),
                lockupEnd
                  ? formatDay(lockMerge.merge?.kind === "purchase" ? lockMerge.merge.to : lockupEnd, locale)
                  : t("confirm.noLockup"),
              ],
            ].map(([label, value]) => (
              <div key={label} className="flex justify-between gap-4 px-4 py-2.5">
                <dt className="text-ink-muted">{label}</dt>
                <dd className="font-medium tabular">{value}</dd>
              </div>
            ))}
          </dl>
          <LockMergeNote merge={lockMerge.merge} />
          <div className="flex flex-col gap-2 text-sm">
            <h3 className="font-medium">{t("confirm.whatTitle")}</h3>
            <ol className="list-decimal space-y-1.5 pl-5 text-ink-muted">
              {allowanceReady ? (
                <li>{t("confirm.allowanceReady")}</li>
              ) : twoStep ? (
                <li>{t("confirm.approveStep", { total: money(cost) })}</li>
              ) : (
                <li>
                  {t("confirm.permitStep", {
                    total: money(cost),
                    // The date too: a permit signed near midnight expires on the next day.
                    deadline: formatDayTime(deadline, locale),
                  })}
                </li>
              )}
              <li>{t("confirm.buyStep", { total: money(cost), shares: Number(shares ?? 0n) })}</li>
            </ol>
            {!allowanceReady ? (
              <label className="mt-1 flex items-start gap-2 text-xs text-ink-muted">
                <input
                  type="checkbox"
                  checked={twoStep}
                  onChange={(e) => setTwoStep(e.target.checked)}
                  className="mt-0.5"
                />
                {t("form.twoStep")}
              </label>
            ) : null}
          </div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="ghost" onClick={() => setConfirmOpen(false)}>
              {t("confirm.cancel")}
            </Button>
            <Button
              disabled={lockMerge.loading}
              onClick={() => {
                setConfirmed(true);
                setConfirmOpen(false);
                if (shares !== null) void purchase({ shares, cost, twoStep });
              }}
            >
              {t("confirm.submit")}
            </Button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}
