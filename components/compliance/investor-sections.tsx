import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { OfficerLinkForm } from "@/components/compliance/officer-link-form";
import { Address } from "@/components/ui/address";
import { Badge } from "@/components/ui/badge";
import type { InvestorPageView } from "@/lib/compliance/views";
import { formatDay, formatDayTime } from "@/lib/format/date";

/* Sections of one investor's compliance page (app/(wallet)/compliance/investors/[id]), fed by getInvestorPageView. */

const th = "border-b border-line px-3 py-2 font-medium";

/** The investor's wallets, verified or not, and the officer's form to link another. */
export async function InvestorWallets({ v }: { v: InvestorPageView }) {
  const t = await getTranslations("complianceConsole.investor");
  const { investor: inv, wallets, record } = v.view;
  return (
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
  );
}

/** What the investor holds in each token and wallet, with freezes and lock-ups. */
export async function InvestorHoldings({ v }: { v: InvestorPageView }) {
  const [t, tc, locale] = await Promise.all([
    getTranslations("complianceConsole.investor"),
    getTranslations("complianceConsole"),
    getLocale(),
  ]);
  const { holdings } = v.view;
  const nf = new Intl.NumberFormat(locale === "en" ? "en-HK" : locale);
  return (
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
  );
}

/** The investor's share movements across tokens and wallets. */
export async function InvestorMovements({ v }: { v: InvestorPageView }) {
  const [t, locale] = await Promise.all([getTranslations("complianceConsole.investor"), getLocale()]);
  const { movements } = v.view;
  const nf = new Intl.NumberFormat(locale === "en" ? "en-HK" : locale);
  return (
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
  );
}
