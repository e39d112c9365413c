"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { AddressInput } from "@/components/ui/input";
import { officerStartLinkAction } from "./wallet-link-actions";

/**
 * The console's "Link a wallet": opens a link request that the wallet's holder must sign in the portal; another
 * officer then registers it on-chain. Nothing is signed or linked here, and a wallet that cannot be linked is refused
 * before anyone is asked to sign.
 */
export function OfficerLinkForm({ investorId }: { investorId: string }) {
  const t = useTranslations("complianceConsole.actions.linkRequest");
  const tw = useTranslations("complianceConsole.actions");
  const uid = useId();
  const [wallet, setWallet] = useState("");
  const [busy, setBusy] = useState(false);
  // The refusal: its words, and the wallet field's own message when the refusal is about what was typed. A new
  // object per refusal, so the summary takes focus each time.
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await officerStartLinkAction({ investorId, wallet: wallet.trim() });
      if (!r.ok) return setError({ message: r.message, field: r.fieldErrors?.wallet?.[0] });
      setDone(wallet.trim());
      setWallet("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${uid}-title`} className="flex flex-col gap-3 rounded-xl border border-line p-4">
      <h3 id={`${uid}-title`} className="text-base font-medium">
        {t("title")}
      </h3>
      <p className="text-sm text-ink-muted">{t("intro")}</p>
      {error ? (
        <ErrorSummary
          title={error.message}
          focusKey={error}
          items={error.field ? [{ field: `${uid}-wallet`, label: tw("wallet"), message: error.field }] : []}
        />
      ) : null}
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <Field id={`${uid}-wallet`} label={tw("wallet")} error={error ? (error.field ?? error.message) : undefined}>
          {(p) => (
            <AddressInput
              {...p}
              name="wallet"
              value={wallet}
              onChange={(e) => setWallet(e.target.value)}
              placeholder="0x…"
            />
          )}
        </Field>
        <SubmitButton loading={busy}>{t("submit")}</SubmitButton>
      </form>
      <div aria-live="polite">
        {done ? (
          <Alert tone="success" role="none">
            {t("done", { wallet: done })}
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
