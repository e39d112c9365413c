import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getAddress } from "viem";
import { LinkInvitation } from "@/components/account/link-invitation";
import { LinkWalletCard } from "@/components/account/link-wallet-card";
import { CancelUnlinkButton, UnlinkWalletButton } from "@/components/account/wallet-unlink";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonStyles } from "@/components/ui/button";
import { TitledCard } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth";
import { getAccountWalletsView, getWalletInvitationView } from "@/lib/account";
import { formatDayTime } from "@/lib/format/date";
import { titleMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = titleMetadata("walletLinks");

/** The investor's wallets, and linking another one (two signatures, then compliance registers it on-chain). */
export default async function WalletsPage() {
  const [ctx, t, locale] = await Promise.all([
    requirePageSession({ next: "/account/wallets" }),
    getTranslations("walletLinks"),
    getLocale(),
  ]);
  const header = (
    <div className="flex flex-col gap-2">
      <p className="text-sm tracking-[0.18em] text-ink-muted uppercase">
        <Link href="/account" className="underline-offset-4 hover:underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="font-display text-4xl font-normal tracking-tight sm:text-5xl">{t("title")}</h1>
      <p className="text-ink-muted">{t("intro")}</p>
      <p className="text-sm text-ink-muted">{t("publicNote")}</p>
    </div>
  );
  if (!ctx.investor || !ctx.roles.verified) {
    // A wallet not linked yet may have been named by a compliance officer: its holder confirms it here.
    const invitation = ctx.investor ? null : await getWalletInvitationView({ wallet: ctx.address });
    return (
      <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 pt-12 pb-16 sm:px-6">
        {header}
        {invitation ? (
          <TitledCard title={t("invite.title")}>
            <LinkInvitation
              id={invitation.id}
              wallet={ctx.address}
              message={invitation.newMessage ?? ""}
              signed={invitation.status === "submitted"}
              signBefore={formatDayTime(invitation.signBefore, locale)}
            />
          </TitledCard>
        ) : null}
        <Alert
          tone="warn"
          title={t("notVerifiedTitle")}
          action={
            <Link href="/onboarding" className={buttonStyles({ size: "sm" })}>
              {t("toOnboarding")}
            </Link>
          }
        >
          {t("notVerifiedBody")}
        </Alert>
      </div>
    );
  }
  const view = await getAccountWalletsView({ investorId: ctx.investor.id, address: ctx.address });
  const { wallets, unlinkOf, verified, me } = view;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 pt-12 pb-16 sm:px-6">
      {header}
      <TitledCard title={t("yourWallets")}>
        <ul className="flex flex-col divide-y divide-line" aria-label={t("yourWallets")}>
          {wallets.map((w) => (
            <li
              key={w.address}
              className="flex flex-wrap items-center justify-between gap-3 py-3"
              data-wallet={w.address}
            >
              <div className="flex flex-col gap-1">
                <Address address={getAddress(w.address)} full />
                <span className="text-xs text-ink-muted">
                  {t("linkedOn", { date: formatDayTime(w.linkedAt, locale) })}
                </span>
              </div>
              <div className="flex flex-wrap gap-2">
                {w.address === me ? (
                  <Badge tone="neutral" icon="dot">
                    {t("thisWallet")}
                  </Badge>
                ) : null}
                {w.isPrimary ? (
                  <Badge tone="neutral" icon="none">
                    {t("primary")}
                  </Badge>
                ) : null}
                {verified[w.address] ? (
                  <Badge tone="success" icon="check">
                    {t("verified")}
                  </Badge>
                ) : (
                  <Badge tone="warn" icon="warn">
                    {t("notVerifiedBadge")}
                  </Badge>
                )}
                {unlinkOf.has(w.address) ? (
                  <Badge tone="warn" icon="dot">
                    {t("unlink.requested")}
                  </Badge>
                ) : null}
              </div>
              {w.address === me ? null : unlinkOf.has(w.address) ? (
                <CancelUnlinkButton id={unlinkOf.get(w.address)!.id} />
              ) : (
                <UnlinkWalletButton wallet={w.address} />
              )}
            </li>
          ))}
        </ul>
        {wallets.length > 1 ? <p className="mt-3 text-sm text-ink-muted">{t("unlink.rule")}</p> : null}
      </TitledCard>

      <LinkWalletCard v={view} />
    </div>
  );
}
