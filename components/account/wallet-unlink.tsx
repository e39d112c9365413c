"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { getAddress } from "viem";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorSummary } from "@/components/ui/error-summary";
import { exposureLines } from "./exposure";
import { RefreshActionButton } from "./refresh-button";
import { cancelUnlinkAction, requestUnlinkAction } from "./wallet-link-actions";

/**
 * "Ask to unlink…" on one of the investor's other wallets: a confirmation that says what unlinking does, then the
 * request. The server refuses a wallet that still holds shares or has open orders; the refusal lists them.
 */
export function UnlinkWalletButton({ wallet }: { wallet: string }) {
  const t = useTranslations("walletLinks.unlink");
  const te = useTranslations("walletLinks.exposure");
  const tc = useTranslations("ui.dialog");
  const locale = useLocale();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; lines: string[] } | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const r = await requestUnlinkAction({ wallet });
      if (r.ok) {
        setOpen(false);
        router.refresh();
        return;
      }
      setError({ message: r.message, lines: r.exposure ? exposureLines(te, r.exposure, locale) : [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setError(null);
      }}
      trigger={
        <Button variant="secondary" size="sm">
          {t("ask")}
        </Button>
      }
      title={t("confirmTitle")}
      closeLabel={tc("close")}
    >
      <div className="flex flex-col gap-4 text-sm">
        <p className="[overflow-wrap:anywhere]">{t("confirmBody", { wallet: getAddress(wallet) })}</p>
        {error ? (
          <ErrorSummary title={error.lines.length ? t("refusedTitle") : error.message} focusKey={error}>
            {error.lines.length ? (
              <>
                <p>{error.message}</p>
                <ul className="mt-2 list-disc pl-5" aria-label={te("title")}>
                  {error.lines.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </ErrorSummary>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button variant="danger" onClick={confirm} loading={busy}>
            {t("confirm")}
          </Button>
          <Button variant="ghost" onClick={() => setOpen(false)}>
            {t("keep")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

/** Withdraw an open unlink request. */
export function CancelUnlinkButton({ id }: { id: string }) {
  const t = useTranslations("walletLinks.unlink");
  return <RefreshActionButton label={t("cancel")} action={() => cancelUnlinkAction({ id })} />;
}
