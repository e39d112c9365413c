"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Address } from "@/components/ui/address";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Money } from "@/components/ui/money";
import { ConnectButton } from "@/components/wallet/connect-prompt";
import type { BuyOffering } from "./types";
import type { BuyFormState } from "./use-buy-form";

const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

/** The number of shares (typed, or one up or down) beside what they cost. */
export function SharesAndCost({ f, offering }: { f: BuyFormState; offering: BuyOffering }) {
  const t = useTranslations("trade");
  const { shares, step, setStep, inFlight, left, cost, money, amountError, adjust, text, setText } = f;
  const d = offering.decimals;
  return (
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
  );
}

/** The connected wallet's HKD balance and, on a local chain, test HKD from the faucet. */
export function WalletPanel({ f, offering }: { f: BuyFormState; offering: BuyOffering }) {
  const t = useTranslations("trade");
  const { reads, address, sameWallet, faucetState, inFlight, getTestHkd } = f;
  const d = offering.decimals;
  return (
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
  );
}

/** No wallet yet: which one to connect, and the button that opens the wallet list. */
export function ConnectPrompt({ account, connecting }: { account: string; connecting: boolean }) {
  const t = useTranslations("trade");
  return (
    <div className="flex flex-col items-start gap-3">
      <Alert tone="info" title={t("form.connectTitle")} className="w-full">
        {t("form.connectBody", { address: short(account) })}
      </Alert>
      <ConnectButton loading={connecting}>{t("form.connect")}</ConnectButton>
    </div>
  );
}

/** The wallet is not the signed-in account's: both named, shortened. */
export function WrongWallet({ expected, actual }: { expected: string; actual: string }) {
  const t = useTranslations("trade");
  return (
    <Alert tone="warn" title={t("form.wrongWalletTitle")}>
      {t("form.wrongWalletBody", { expected: short(expected), actual: short(actual) })}
    </Alert>
  );
}
