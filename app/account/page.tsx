import { getLocale, getTranslations } from "next-intl/server";
import { getAddress } from "viem";
import { InvestorStatus, type InvestorStatusView } from "@/components/account/investor-status";
import { RoleBadge } from "@/components/layout/role-badge";
import type { ViewerRole } from "@/components/layout/viewer";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import Link from "next/link";
import { Button, buttonStyles } from "@/components/ui/button";
import { TitledCard } from "@/components/ui/card";
import { signOutAction, signOutEverywhereAction } from "@/components/wallet/actions";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageSession } from "@/lib/auth";
import { getAccountView } from "@/lib/account";
import { titleMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = titleMetadata("account");

export default async function AccountPage() {
  const [ctx, t, locale] = await Promise.all([
    requirePageSession({ next: "/account" }),
    getTranslations("account"),
    getLocale(),
  ]);
  const roles: ViewerRole[] = [];
  if (ctx.roles.admin) roles.push("admin");
  if (ctx.roles.compliance) roles.push("compliance");
  if (ctx.roles.issuer) roles.push("issuer");
  const identity = ctx.roles.identity;
  const status: InvestorStatusView = {
    verified: ctx.roles.verified,
    registered: ctx.roles.registered,
    country: ctx.investor?.residence ?? identity?.country ?? null,
    category: identity?.category ?? ctx.investor?.category ?? null,
    kycExpiresAt: identity?.expiresAt ?? ctx.investor?.kycExpiresAt ?? null,
    kycStatus: ctx.investor?.kycStatus ?? null,
  };

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8 px-4 pt-12 pb-10 sm:px-6 lg:px-8">
      <PageHeading as="div" eyebrow={t("eyebrow")} title={t("title")} />

      {!ctx.rolesAvailable ? (
        <Alert tone="warn" title={t("chainDownTitle")}>
          {t("chainDownBody")}
        </Alert>
      ) : null}

      <TitledCard title={t("wallet")} bodyClassName="flex flex-col gap-5">
        <div className="flex flex-col gap-1">
          <span className="text-sm text-ink-muted">{t("address")}</span>
          <Address address={getAddress(ctx.address)} full className="text-base" />
        </div>
        <div className="flex flex-col gap-2">
          <span className="text-sm text-ink-muted">{t("roles")}</span>
          <ul className="flex flex-wrap gap-2" aria-label={t("roles")}>
            {roles.map((r) => (
              <li key={r}>
                <RoleBadge role={r} />
              </li>
            ))}
            {ctx.investor || ctx.roles.registered ? (
              <li>
                <RoleBadge role="investor" />
              </li>
            ) : null}
            {roles.length === 0 && !ctx.investor && !ctx.roles.registered ? (
              <li className="text-sm text-ink-muted">{t("noRoles")}</li>
            ) : null}
          </ul>
        </div>
        <p className="text-xs text-ink-muted">{t("sessionExpires", { time: ctx.expiresAt })}</p>
      </TitledCard>

      {roles.length === 0 && !ctx.investor && !ctx.roles.registered ? (
        <TitledCard title={t("issuerApplyTitle")} bodyClassName="flex flex-col items-start gap-3">
          <p className="text-sm text-ink-muted">{t("issuerApplyBody")}</p>
          <Link href="/issuer-application" className={buttonStyles({ variant: "secondary", size: "sm" })}>
            {t("issuerApplyLink")}
          </Link>
        </TitledCard>
      ) : null}

      <TitledCard title={t("investorTitle")}>
        <InvestorStatus status={status} locale={locale} />
      </TitledCard>

      {ctx.investor && ctx.roles.verified ? (
        <TitledCard title={t("walletsTitle")} bodyClassName="flex flex-col items-start gap-3">
          <p className="text-sm text-ink-muted">
            {t("walletsBody", {
              count: (await getAccountView({ investorId: ctx.investor.id })).walletCount,
            })}
          </p>
          <Link href="/account/wallets" className={buttonStyles({ variant: "secondary", size: "sm" })}>
            {t("walletsManage")}
          </Link>
        </TitledCard>
      ) : null}

      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <form action={signOutAction}>
          <Button type="submit" variant="secondary">
            {t("signOut")}
          </Button>
        </form>
        <form action={signOutEverywhereAction} className="flex flex-col items-start gap-1">
          <Button type="submit" variant="secondary" aria-describedby="sign-out-everywhere-hint">
            {t("signOutEverywhere")}
          </Button>
          <p id="sign-out-everywhere-hint" className="max-w-sm text-sm text-ink-muted">
            {t("signOutEverywhereHint")}
          </p>
        </form>
      </div>
    </div>
  );
}
