"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Hex } from "viem";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ConnectDialog } from "@/components/wallet/connect-dialog";
import { useSignerWallet } from "@/components/wallet/use-signer-wallet";
import { TxRefused, useWalletTx, type WalletCall } from "@/components/wallet/use-wallet-tx";
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
  const router = useRouter();
  const uid = useId();
  const { address, wrongWallet, askToConnect, connect } = useSignerWallet(admin);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const tx = useWalletTx({ rejected: t("rejectedInWallet"), reverted: t("reverted") });
  const change = revoke ? "revoke" : "grant";

  async function submit(values: RoleChangeValues) {
    if (!address) return askToConnect();
    const target = contracts[values.role];
    if (!target) return;
    setDone(null);
    const call = {
      address: target,
      abi: ABIS[values.role],
      functionName: change === "grant" ? "grantRole" : "revokeRole",
      args: [ROLE_IDS[values.role], values.account],
      account: address,
    } as unknown as WalletCall;
    const hash = await tx.run(
      async ({ send }) => {
        // The portal's own check before the wallet opens: no grant twice, never the last agent.
        const check = await checkRoleChangeAction({ change, role: values.role, account: values.account });
        if (!check.ok) throw new TxRefused(check.message);
        return send(call);
      },
      async (txHash) => {
        if (!txHash) return t("reverted");
        const r = await recordRoleChangeAction({ change, ...values, txHash });
        return r.ok ? null : r.message;
      },
    );
    if (hash === false) return;
    setDone(t(change === "grant" ? "doneGrant" : "doneRevoke", { role: t(`roles.${values.role}`) }));
    setOpen(false);
    router.refresh();
  }

  if (revoke && lastHolder)
    return <p className="text-xs text-ink-muted">{t("lastHolder", { role: t(`roles.${revoke.role}`) })}</p>;

  return (
    <div className="flex flex-col items-start gap-2">
      {done ? (
        <Alert tone="success" title={done} role="status">
          {t("sessionNote")}
        </Alert>
      ) : null}
      <Dialog
        open={open}
        onOpenChange={setOpen}
        locked={tx.busy}
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
        closeLabel={t("close")}
      >
        {wrongWallet ? <Alert tone="warn" role="none" title={t("wrongWallet")} /> : null}
        <RoleChangeForm
          uid={uid}
          fixed={revoke ?? null}
          initial={grant}
          contracts={contracts}
          step={tx.step}
          busy={tx.busy}
          disabled={wrongWallet}
          onSubmit={submit}
          onCancel={() => setOpen(false)}
        />
      </Dialog>
      <ConnectDialog {...connect} />
    </div>
  );
}
