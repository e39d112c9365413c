import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { Hex } from "viem";
import { AlertList } from "@/components/compliance/console/alert-list";
import { AuditTable } from "@/components/compliance/console/audit-table";
import { ConsoleHeader } from "@/components/compliance/console/console-nav";
import { InvestorRecordActions } from "@/components/compliance/console/investor-record-actions";
import { OfficerLinkForm } from "@/components/compliance/officer-link-form";
import { exposureLines } from "@/components/account/exposure";
import { KycBadge } from "@/components/compliance/console/kyc-badge";
import { Address } from "@/components/ui/address";
import { Badge } from "@/components/ui/badge";
import { requirePageSession } from "@/lib/auth/guard";
import { CATEGORY_BY_CODE } from "@/lib/auth/roles";
import { getDeployments } from "@/lib/chain/server";
import { getInvestorPageView } from "@/lib/compliance/views";
import { countryName, countryNameFromNumeric, listCountries } from "@/lib/i18n/countries";
import { formatDay, formatDayTime } from "@/lib/format/date";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complianceConsole.investor");
  return { title: t("title") };
}

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
  const { investor: inv, wallets, holdings, movements, record } = view;
  // What each linked wallet still holds, so the unlink action can refuse it in words.
  const inUse = Object.fromEntries(
    exposures
      .map(([w, e]) => [w, exposureLines(te, e, locale).join("; ")] as const)
      .filter(([, lines]) => lines.length > 0),
  );
  const name = inv.legalName ?? tc("register.unknownInvestor");
  const nf = new Intl.NumberFormat(locale === "en" ? "en-HK" : locale);
  const th = "border-b border-line px-3 py-2 font-medium";
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

      <section aria-labelledby="inv-wallets" className="flex flex-col gap-3">
        <h2 id="inv-wallets" className="text-xl font-medium">
          {t("wallets")}
        </h2>
        <div className="overflow-x-auto rounded-xl border border-line">
          <table className="w-full min-w-[32rem] text-sm">
            <caption className="sr-only">{t("walletsCaption")}</caption>
            <thead className="bg-surface-muted text-left text-xs text-ink-muted">
              <tr>
                <th scope="col" className={th}>
                  {t("columns.wallet")}
                </th>
                <th scope="col" className={th}>
                  {t("status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {wallets.map((w) => (
                <tr key={w.address} className="border-b border-line last:border-0">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Address address={w.address} full /> {w.isPrimary ? <Badge>{t("primary")}</Badge> : null}
                  </th>
                  <td className="px-3 py-2">
                    {w.verified ? (
                      <Badge tone="success" icon="check">
                        {t("verified")}
                      </Badge>
                    ) : (
                      <Badge tone="danger" icon="warn">
                        {t("notVerified")}
                      </Badge>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {record && inv.onChainId ? <OfficerLinkForm investorId={inv.id} /> : null}
      </section>

      <section aria-labelledby="inv-holdings" className="flex flex-col gap-3">
        <h2 id="inv-holdings" className="text-xl font-medium">
          {t("holdings")}
        </h2>
        {holdings.length === 0 ? (
          <p className="text-sm text-ink-muted">{t("noHoldings")}</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-line">
            <table className="w-full min-w-[40rem] text-sm">
              <caption className="sr-only">{t("holdingsCaption")}</caption>
              <thead className="bg-surface-muted text-left text-xs text-ink-muted">
                <tr>
                  <th scope="col" className={th}>
                    {t("columns.token")}
                  </th>
                  <th scope="col" className={th}>
                    {t("columns.wallet")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("columns.shares")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("columns.frozen")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("columns.lockup")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {holdings.map((h) => (
                  <tr key={`${h.token.token}-${h.wallet}`} className="border-b border-line last:border-0">
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <Link
                        href={`/compliance/tokens/${h.token.token}?q=${h.wallet}`}
                        className="underline-offset-4 hover:underline"
                      >
                        {h.token.title ?? h.token.name}
                      </Link>{" "}
                      <span className="text-xs text-ink-muted">{h.token.symbol}</span>
                    </th>
                    <td className="px-3 py-2">
                      <Address address={h.wallet} />
                    </td>
                    <td className="px-3 py-2 text-right tabular">{nf.format(h.shares)}</td>
                    <td className="px-3 py-2 text-right">
                      {h.frozen ? (
                        <Badge tone="danger" icon="lock">
                          {tc("register.walletFrozen")}
                        </Badge>
                      ) : h.frozenAmount > 0n ? (
                        <Badge tone="warn" icon="lock">
                          {tc("register.partFrozen", { amount: Number(h.frozenAmount) })}
                        </Badge>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="px-3 py-2 text-right text-xs tabular">
                      {h.lockedAmount > 0n
                        ? tc("register.lockedUntil", {
                            amount: Number(h.lockedAmount),
                            date: formatDay(new Date(h.lockedUntil * 1000), locale),
                          })
                        : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="inv-history" className="flex flex-col gap-3">
        <h2 id="inv-history" className="text-xl font-medium">
          {t("history")}
        </h2>
        {movements.length === 0 ? (
          <p className="text-sm text-ink-muted">{t("noHistory")}</p>
        ) : (
          // A long history scrolls inside its box: focusable and named, so keyboard users can scroll it too.
          <div
            className="max-h-[50vh] overflow-auto rounded-xl border border-line"
            tabIndex={0}
            role="region"
            aria-label={t("historyCaption")}
          >
            <table className="w-full min-w-[48rem] text-sm">
              <caption className="sr-only">{t("historyCaption")}</caption>
              <thead className="sticky top-0 bg-surface-muted text-left text-xs text-ink-muted">
                <tr>
                  {(["when", "token", "direction", "shares", "wallet", "counterparty", "tx"] as const).map((c) => (
                    <th key={c} scope="col" className={th}>
                      {t(`columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {movements.map((m) => (
                  <tr key={`${m.txHash}-${m.wallet}-${m.direction}`} className="border-b border-line last:border-0">
                    <td className="px-3 py-2 whitespace-nowrap">{formatDayTime(m.at, locale)}</td>
                    <td className="px-3 py-2">{m.symbol}</td>
                    <td className="px-3 py-2">
                      <Badge tone={m.direction === "in" ? "success" : "warn"} icon="swap">
                        {t(m.direction)}
                      </Badge>
                    </td>
                    <td className="px-3 py-2 text-right tabular">{nf.format(m.shares)}</td>
                    <td className="px-3 py-2">
                      <Address address={m.wallet} copy={false} />
                    </td>
                    <td className="px-3 py-2">
                      <Address address={m.counterparty} copy={false} />
                    </td>
                    <td className="px-3 py-2 font-mono text-xs">{m.txHash.slice(0, 12)}…</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="inv-audit" className="flex flex-col gap-3">
        <h2 id="inv-audit" className="text-xl font-medium">
          {t("auditTrail")}
        </h2>
        {audit.rows.length === 0 ? (
          <p className="text-sm text-ink-muted">{t("noAudit")}</p>
        ) : (
          <AuditTable rows={audit.rows} locale={locale} caption={t("auditCaption")} subjects={subjects} />
        )}
      </section>
    </div>
  );
}
