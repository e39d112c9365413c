"use client";

import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatDay, formatDayTime } from "@/lib/format/date";
import { formatCount } from "@/lib/format/money";
import { LockMergeNote } from "./lock-merge";
import type { BuyOffering } from "./types";
import type { BuyFormState } from "./use-buy-form";

/** Before signing: the purchase in figures, what the wallet will ask for, and the last word. */
export function ConfirmPurchase({ f, offering }: { f: BuyFormState; offering: BuyOffering }) {
  const t = useTranslations("trade");
  const tDialog = useTranslations("ui.dialog");
  const locale = useLocale();
  const { shares, cost, money, lockupEnd, lockMerge, allowanceReady, twoStep, setTwoStep, deadline } = f;
  const { confirmOpen, setConfirmOpen, setConfirmed, purchase } = f;
  return (
    <Dialog
      closeLabel={tDialog("close")}
      open={confirmOpen}
      onOpenChange={setConfirmOpen}
      returnFocusRef={f.statusRef}
      preferReturnFocus={f.confirmed}
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
  );
}
