import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { Hex } from "viem";
import { AlertList } from "@/components/compliance/console/alert-list";
import { AuditTable } from "@/components/compliance/console/audit-table";
import { ConsoleHeader } from "@/components/compliance/console/console-nav";
import { InvestorRecordActions } from "@/components/compliance/console/investor-record-actions";
import { InvestorHoldings, InvestorMovements, InvestorWallets } from "@/components/compliance/investor-sections";
import { exposureLines } from "@/components/account/exposure";
import { KycBadge } from "@/components/compliance/console/kyc-badge";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import { requirePageSession, CATEGORY_BY_CODE } from "@/lib/auth";
import { getInvestorPageView } from "@/lib/compliance";
import { getDeployments } from "@/lib/chain/server";
import { countryName, countryNameFromNumeric, listCountries } from "@/lib/i18n/countries";
import { formatDay, formatDayTime } from "@/lib/format/date";
import { titleMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = titleMetadata("complianceConsole.investor");

/** One investor across tokens and wallets: KYC record, on-chain record, holdings, movements, audit trail, alerts. */
export default async function InvestorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requirePageSession({ role: "compliance", next: `/compliance/investors/${id}` });
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const [page, t, tc, te, locale] = await Promise.all([
    getInvestorPageView(id),
    getTranslations("complianceConsole.investor"),
    getTranslations("complianceConsole"),
    getTranslations("walletLinks.exposure"),
    getLocale(),
  ]);
  if (!page) notFound();
  const { view, audit, alerts: mine, ownWallets, exposures, subjects } = page;
  const { investor: inv, record } = view;
  // What each linked wallet still holds, so the unlink action can refuse it in words.
  const inUse = Object.fromEntries(
    exposures
      .map(([w, e]) => [w, exposureLines(te, e, locale).join("; ")] as const)
      .filter(([, lines]) => lines.length > 0),
  );
  const name = inv.legalName ?? tc("register.unknownInvestor");
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-8 px-4 pt-6 pb-20 sm:px-6 lg:px-8">
      <ConsoleHeader
        current="home"
        title={name}
        intro={
          <Link href="/compliance" className="underline underline-offset-4">
            {t("breadcrumb")}
          </Link>
        }
      >
        <div className="flex flex-wrap items-center gap-2">
          <KycBadge status={inv.kycStatus} />
          {inv.category ? <Badge>{tc(`categories.${inv.category}`)}</Badge> : null}
        </div>
      </ConsoleHeader>

      <section aria-labelledby="inv-alerts" className="flex flex-col gap-3">
        <h2 id="inv-alerts" className="text-xl font-medium">
          {t("alerts")}
        </h2>
        {mine.length ? (
          <AlertList alerts={mine} locale={locale} headingId="inv-alerts" />
        ) : (
          <p className="text-sm text-ink-muted">{t("noAlerts")}</p>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="inv-kyc" className="flex flex-col gap-3 rounded-xl border border-line p-4">
          <h2 id="inv-kyc" className="text-lg font-medium">
            {t("kycRecord")}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
            <dt className="text-ink-muted">{t("status")}</dt>
            <dd>
              <KycBadge status={inv.kycStatus} />
            </dd>
            <dt className="text-ink-muted">{t("email")}</dt>
            <dd className="break-all">{inv.email ?? "—"}</dd>
            <dt className="text-ink-muted">{t("nationality")}</dt>
            <dd>{inv.nationality ? countryName(inv.nationality, locale) : "—"}</dd>
            <dt className="text-ink-muted">{t("residence")}</dt>
            <dd>{inv.residence ? countryName(inv.residence, locale) : "—"}</dd>
            <dt className="text-ink-muted">{t("category")}</dt>
            <dd>{inv.category ? tc(`categories.${inv.category}`) : "—"}</dd>
            <dt className="text-ink-muted">{t("approvedAt")}</dt>
            <dd>{inv.kycApprovedAt ? formatDay(inv.kycApprovedAt, locale) : "—"}</dd>
            <dt className="text-ink-muted">{t("expiresAt")}</dt>
            <dd>{inv.kycExpiresAt ? formatDay(inv.kycExpiresAt, locale) : "—"}</dd>
          </dl>
        </section>
        <section aria-labelledby="inv-chain" className="flex flex-col gap-3 rounded-xl border border-line p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="inv-chain" className="text-lg font-medium">
              {t("onChain")}
            </h2>
            {record && inv.onChainId ? (
              <InvestorRecordActions
                registry={getDeployments().identityRegistry}
                officer={ctx.address}
                investorId={inv.onChainId as Hex}
                name={name}
                record={record}
                wallets={ownWallets}
                inUse={inUse}
                countries={listCountries(locale).map((c) => ({ value: String(c.numeric), label: c.name }))}
              />
            ) : null}
          </div>
          {record && inv.onChainId ? (
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
              <dt className="text-ink-muted">{t("onChainId")}</dt>
              <dd className="font-mono text-xs break-all">{inv.onChainId}</dd>
              <dt className="text-ink-muted">{t("residence")}</dt>
              <dd>{countryNameFromNumeric(record.country, locale)}</dd>
              <dt className="text-ink-muted">{t("category")}</dt>
              <dd>
                {CATEGORY_BY_CODE[record.category]
                  ? tc(`categories.${CATEGORY_BY_CODE[record.category]!}`)
                  : record.category}
              </dd>
              <dt className="text-ink-muted">{t("expiresAt")}</dt>
              <dd>{formatDayTime(new Date(record.expiry * 1000), locale)}</dd>
            </dl>
          ) : (
            <p className="text-sm text-ink-muted">{t("notRegistered")}</p>
          )}
        </section>
      </div>

      <InvestorWallets v={page} />
      <InvestorHoldings v={page} />
      <InvestorMovements v={page} />

      <Section id="inv-audit" title={t("auditTrail")} empty={audit.rows.length === 0 ? t("noAudit") : null}>
        <AuditTable rows={audit.rows} locale={locale} caption={t("auditCaption")} subjects={subjects} />
      </Section>
    </div>
  );
}
