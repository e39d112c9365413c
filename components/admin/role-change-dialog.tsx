"use client";

import { useTranslations } from "next-intl";
import type { Hex } from "viem";
import { Button } from "@/components/ui/button";
import { SignedTxDialog, useSignedTx } from "@/components/wallet/signed-tx-dialog";
import type { WalletCall } from "@/components/wallet/use-wallet-tx";
import { enforcementDeskAbi, identityRegistryAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import { type GrantableRole, ROLE_IDS } from "@/lib/admin/client";
import { checkRoleChangeAction, recordRoleChangeAction } from "./role-actions";
import { RoleChangeForm, type RoleChangeValues } from "./role-change-form";

export type RoleContracts = Record<GrantableRole, Hex | null>;

const ABIS = { identityAgent: identityRegistryAbi, issuer: shareTokenFactoryAbi, enforcementAgent: enforcementDeskAbi };

/**
 * Grant a platform role to a wallet, or revoke one (`revoke` names the holder): a dialog says what the change does and
 * asks for the reason; the portal checks the change (no grant twice, never the last agent) before the admin's own
 * wallet signs `grantRole` / `revokeRole`; the server then verifies and audits it. The chain refuses the last agent
 * too.
 */
export function RoleChangeDialog({
  contracts,
  admin,
  revoke,
  grant,
  lastHolder = false,
}: {
  contracts: RoleContracts;
  admin: string;
  revoke?: { role: GrantableRole; account: string };
  /** A grant prepared elsewhere (an approved issuer application): its fields filled in, its button named. */
  grant?: RoleChangeValues & { label: string; ariaLabel: string };
  /** The revoke would take the last agent: the button explains instead of opening the wallet. */
  lastHolder?: boolean;
}) {
  const t = useTranslations("admin.change");
  const signed = useSignedTx(admin, t);
  const { tx, setOpen, setDone } = signed;
  const change = revoke ? "revoke" : "grant";

  async function submit(values: RoleChangeValues) {
    const target = contracts[values.role];
    if (!target) return;
    setDone(null);
    const recorded = await signed.sign(
      {
        address: target,
        abi: ABIS[values.role],
        functionName: change === "grant" ? "grantRole" : "revokeRole",
        args: [ROLE_IDS[values.role], values.account],
      } as Omit<WalletCall, "account">,
      (txHash) => recordRoleChangeAction({ change, ...values, txHash }),
      // The portal's own check before the wallet opens: no grant twice, never the last agent.
      () => checkRoleChangeAction({ change, role: values.role, account: values.account }),
    );
    if (recorded) setDone(t(change === "grant" ? "doneGrant" : "doneRevoke", { role: t(`roles.${values.role}`) }));
  }

  if (revoke && lastHolder)
    return <p className="text-xs text-ink-muted">{t("lastHolder", { role: t(`roles.${revoke.role}`) })}</p>;

  return (
    <SignedTxDialog
      signed={signed}
      doneNote={t("sessionNote")}
      trigger={
        <Button
          variant={revoke ? "secondary" : "primary"}
          size={revoke ? "sm" : "md"}
          onClick={() => tx.setStep({ kind: "idle" })}
          aria-label={
            revoke ? t("revokeNamed", { role: t(`roles.${revoke.role}`), account: revoke.account }) : grant?.ariaLabel
          }
        >
          {revoke ? t("revoke") : (grant?.label ?? t("grant"))}
        </Button>
      }
      title={revoke ? t("revokeTitle") : t("grantTitle")}
      description={revoke ? t("revokeBody") : t("grantBody")}
    >
      <RoleChangeForm
        fixed={revoke ?? null}
        initial={grant}
        contracts={contracts}
        step={tx.step}
        busy={tx.busy}
        disabled={signed.wallet.wrongWallet}
        onSubmit={submit}
        onCancel={() => setOpen(false)}
      />
    </SignedTxDialog>
  );
}
