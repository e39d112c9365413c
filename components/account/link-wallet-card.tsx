import { getTranslations } from "next-intl/server";
import { getAddress, zeroAddress } from "viem";
import { OfficerLinkNotice } from "@/components/account/link-invitation";
import { LinkWalletFlow } from "@/components/account/link-wallet-flow";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { TitledCard } from "@/components/ui/card";
import type { AccountWalletsView } from "@/lib/account";

/** Linking another wallet: the last decision's outcome, then the officer's invitation or the two-signature flow. */
export async function LinkWalletCard({ v }: { v: AccountWalletsView }) {
  const t = await getTranslations("walletLinks");
  const { open, lastDecided, me } = v;
  return (
    <TitledCard title={t("linkTitle")} bodyClassName="flex flex-col gap-4">
      {lastDecided && !open && lastDecided.status === "rejected" ? (
        <Alert tone="error" role="status" title={t("rejectedTitle")}>
          {lastDecided.rejectionReason}
        </Alert>
      ) : null}
      {lastDecided && !open && lastDecided.status === "linked" ? (
        <Alert tone="success" title={t("linkedTitle")}>
          <Address address={getAddress(lastDecided.newWallet ?? zeroAddress)} />
        </Alert>
      ) : null}
      {lastDecided && !open && lastDecided.status === "expired" ? <Alert tone="warn">{t("expiredBody")}</Alert> : null}
      {open?.initiatedBy && open.newWallet ? (
        <OfficerLinkNotice id={open.id} newWallet={open.newWallet} />
      ) : (
        <LinkWalletFlow
          currentWallet={me}
          request={
            open
              ? {
                  id: open.id,
                  status: open.status as "awaiting_signatures" | "submitted",
                  currentSigned: !!open.currentSignature,
                  currentMessage: open.currentMessage,
                  newWallet: open.newWallet,
                  signBefore: open.signBefore.toISOString(),
                  submittedAt: open.submittedAt?.toISOString() ?? null,
                }
              : null
          }
        />
      )}
    </TitledCard>
  );
}
