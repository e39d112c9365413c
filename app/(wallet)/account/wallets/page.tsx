import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getAddress, zeroAddress } from "viem";
import { LinkInvitation, OfficerLinkNotice } from "@/components/account/link-invitation";
import { LinkWalletFlow } from "@/components/account/link-wallet-flow";
import { CancelUnlinkButton, UnlinkWalletButton } from "@/components/account/wallet-unlink";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonStyles } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/guard";
import { getDb } from "@/lib/db";
import { formatDayTime } from "@/lib/format/date";
import { getInvestorWallets } from "@/lib/investors";
import { getInvestorLinkRequests, getInvitationFor, readWalletsVerified } from "@/lib/kyc/wallet-links";
import { getInvestorUnlinkRequests } from "@/lib/kyc/wallet-unlinks";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("walletLinks");
  return { title: t("title") };
}

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
    const invitation = ctx.investor ? null : await getInvitationFor(await getDb(), { wallet: ctx.address });
    return (
      <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 pt-12 pb-16 sm:px-6">
        {header}
        {invitation ? (
          <Card>
            <CardHeader>
              <CardTitle>{t("invite.title")}</CardTitle>
            </CardHeader>
            <CardBody>
              <LinkInvitation
                id={invitation.id}
                wallet={ctx.address}
                message={invitation.newMessage ?? ""}
                signed={invitation.status === "submitted"}
                signBefore={formatDayTime(invitation.signBefore, locale)}
              />
            </CardBody>
          </Card>
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
  const db = await getDb();
  const [wallets, requests, unlinkRequests] = await Promise.all([
    getInvestorWallets(db, { investorId: ctx.investor.id }),
    getInvestorLinkRequests(db, { investorId: ctx.investor.id }),
    getInvestorUnlinkRequests(db, { investorId: ctx.investor.id }),
  ]);
  const unlinkOf = new Map(unlinkRequests.map((u) => [u.wallet, u]));
  const verified = await readWalletsVerified(wallets.map((w) => w.address));
  const me = ctx.address.toLowerCase();
  // An unsigned request opened from another of the investor's wallets is replaced when this one starts.
  const open =
    requests.open &&
    (requests.open.status === "submitted" || requests.open.initiatedBy || requests.open.currentWallet === me)
      ? requests.open
      : null;
  const lastDecided = requests.recent[0];

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 pt-12 pb-16 sm:px-6">
      {header}
      <Card>
        <CardHeader>
          <CardTitle>{t("yourWallets")}</CardTitle>
        </CardHeader>
        <CardBody>
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
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("linkTitle")}</CardTitle>
        </CardHeader>
        <CardBody className="flex flex-col gap-4">
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
          {lastDecided && !open && lastDecided.status === "expired" ? (
            <Alert tone="warn">{t("expiredBody")}</Alert>
          ) : null}
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
        </CardBody>
      </Card>
    </div>
  );
}
