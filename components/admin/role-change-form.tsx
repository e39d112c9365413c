"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { AddressField } from "@/components/ui/address-field";
import { ReasonField } from "@/components/ui/reason-field";
import { SignedTxForm, SignedTxStatus } from "@/components/wallet/signed-tx-dialog";
import type { WalletTxStep } from "@/components/wallet/use-wallet-tx";
import { GRANTABLE_ROLES, type GrantableRole } from "@/lib/admin/client";
import type { RoleContracts } from "./role-change-dialog";

export type RoleChangeValues = { role: GrantableRole; account: `0x${string}`; reason: string };

type Errors = Partial<Record<"account" | "reason", string>>;

/**
 * The role change's fields (role and wallet for a grant; the reason always), checked before anything is sent: a
 * malformed wallet or a missing reason is said beside its field and in the summary, and nothing typed is lost.
 */
export function RoleChangeForm({
  fixed,
  initial,
  contracts,
  step,
  busy,
  disabled,
  onSubmit,
  onCancel,
}: {
  fixed: { role: GrantableRole; account: string } | null;
  /** A grant's fields filled in beforehand (an approved issuer application's wallet and reason); all stay editable. */
  initial?: RoleChangeValues;
  contracts: RoleContracts;
  step: WalletTxStep;
  busy: boolean;
  disabled: boolean;
  onSubmit: (values: RoleChangeValues) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("admin.change");
  const roles = GRANTABLE_ROLES.filter((r) => contracts[r] !== null);
  const [role, setRole] = useState<GrantableRole>(fixed?.role ?? initial?.role ?? roles[0] ?? "identityAgent");
  const [account, setAccount] = useState(fixed?.account ?? initial?.account ?? "");
  const [reason, setReason] = useState(initial?.reason ?? "");
  const [errors, setErrors] = useState<{ at: number; fields: Errors } | null>(null);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const fields: Errors = {};
    if (!/^0x[0-9a-fA-F]{40}$/.test(account.trim())) fields.account = t("accountInvalid");
    if (reason.trim().length < 5) fields.reason = t("reasonRequired");
    if (Object.keys(fields).length) return setErrors({ at: Date.now(), fields });
    setErrors(null);
    onSubmit({ role, account: account.trim() as `0x${string}`, reason: reason.trim() });
  }

  return (
    <SignedTxForm
      t={t}
      errors={errors}
      onSubmit={submit}
      submit={
        <Button type="submit" variant={fixed ? "danger" : "primary"} loading={busy} disabled={disabled}>
          {fixed ? t("confirmRevoke") : t("confirmGrant")}
        </Button>
      }
      onCancel={onCancel}
      busy={busy}
    >
      {(field) => (
        <>
          {fixed ? (
            <p className="text-sm">
              {t("revokeSummary", { role: t(`roles.${fixed.role}`) })}{" "}
              <code className="font-mono text-xs break-all">{fixed.account}</code>
            </p>
          ) : (
            <>
              <Field {...field("role")} hint={t(`roleHints.${role}`)}>
                {(p) => (
                  <Select {...p} name="role" value={role} onChange={(e) => setRole(e.target.value as GrantableRole)}>
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <AddressField {...field("account")} hint={t("accountHint")} value={account} set={setAccount} />
            </>
          )}
          <ReasonField {...field("reason")} hint={t("reasonHint")} value={reason} onChange={setReason} />
          <p className="text-xs text-ink-muted">{fixed ? t("revokeWarning") : t("grantWarning")}</p>
          <SignedTxStatus step={step} t={t} testId="role-change-status" />
        </>
      )}
    </SignedTxForm>
  );
}
