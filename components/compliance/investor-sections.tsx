import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { OfficerLinkForm } from "@/components/compliance/officer-link-form";
import { Address } from "@/components/ui/address";
import { Badge } from "@/components/ui/badge";
import { Cell, DataTable, keyColumns, RIGHT, Row, RowHeader } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import type { InvestorPageView } from "@/lib/compliance";
import { directionLooks, walletVerifiedLooks } from "@/lib/compliance/client";
import { formatDay, formatDayTime } from "@/lib/format/date";
import { formatCount } from "@/lib/format/money";

/* Sections of one investor's compliance page (app/(wallet)/compliance/investors/[id]), fed by getInvestorPageView. */

/** The investor's wallets, verified or not, and the officer's form to link another. */
export async function InvestorWallets({ v }: { v: InvestorPageView }) {
  const t = await getTranslations("complianceConsole.investor");
  const { investor: inv, wallets, record } = v.view;
  return (
    <Section id="inv-wallets" title={t("wallets")}>
      <DataTable caption={t("walletsCaption")} columns={[{ label: t("columns.wallet") }, { label: t("status") }]}>
        {wallets.map((w) => (
          <Row key={w.address}>
            <RowHeader>
              <Address address={w.address} full /> {w.isPrimary ? <Badge>{t("primary")}</Badge> : null}
            </RowHeader>
            <Cell>
              <StatusBadge looks={walletVerifiedLooks} status={w.verified ? "verified" : "notVerified"}>
                {t(w.verified ? "verified" : "notVerified")}
              </StatusBadge>
            </Cell>
          </Row>
        ))}
      </DataTable>
      {record && inv.onChainId ? <OfficerLinkForm investorId={inv.id} /> : null}
    </Section>
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
  return (
    <Section id="inv-holdings" title={t("holdings")} empty={holdings.length === 0 ? t("noHoldings") : null}>
      <DataTable
        caption={t("holdingsCaption")}
        minWidth="40rem"
        columns={keyColumns(["token", "wallet", "shares", "frozen", "lockup"], (c) => t(`columns.${c}`), {
          shares: RIGHT,
          frozen: RIGHT,
          lockup: RIGHT,
        })}
      >
        {holdings.map((h) => (
          <Row key={`${h.token.token}-${h.wallet}`}>
            <RowHeader>
              <Link
                href={`/compliance/tokens/${h.token.token}?q=${h.wallet}`}
                className="underline-offset-4 hover:underline"
              >
                {h.token.title ?? h.token.name}
              </Link>{" "}
              <span className="text-xs text-ink-muted">{h.token.symbol}</span>
            </RowHeader>
            <Cell>
              <Address address={h.wallet} />
            </Cell>
            <Cell align="right">{formatCount(h.shares, locale)}</Cell>
            <Cell className="text-right">
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
            </Cell>
            <Cell align="right" className="text-xs">
              {h.lockedAmount > 0n
                ? tc("register.lockedUntil", {
                    amount: Number(h.lockedAmount),
                    date: formatDay(new Date(h.lockedUntil * 1000), locale),
                  })
                : "—"}
            </Cell>
          </Row>
        ))}
      </DataTable>
    </Section>
  );
}

/** The investor's share movements across tokens and wallets. */
export async function InvestorMovements({ v }: { v: InvestorPageView }) {
  const [t, locale] = await Promise.all([getTranslations("complianceConsole.investor"), getLocale()]);
  const { movements } = v.view;
  return (
    <Section id="inv-history" title={t("history")} empty={movements.length === 0 ? t("noHistory") : null}>
      {/* A long history scrolls inside its box: focusable and named, so keyboard users can scroll it too. */}
      <DataTable
        caption={t("historyCaption")}
        regionLabel={t("historyCaption")}
        maxHeight="50vh"
        minWidth="48rem"
        columns={(["when", "token", "direction", "shares", "wallet", "counterparty", "tx"] as const).map((c) => ({
          label: t(`columns.${c}`),
        }))}
      >
        {movements.map((m) => (
          <Row key={`${m.txHash}-${m.wallet}-${m.direction}`}>
            <Cell className="whitespace-nowrap">{formatDayTime(m.at, locale)}</Cell>
            <Cell>{m.symbol}</Cell>
            <Cell>
              <StatusBadge looks={directionLooks} status={m.direction}>
                {t(m.direction)}
              </StatusBadge>
            </Cell>
            <Cell align="right">{formatCount(m.shares, locale)}</Cell>
            <Cell>
              <Address address={m.wallet} copy={false} />
            </Cell>
            <Cell>
              <Address address={m.counterparty} copy={false} />
            </Cell>
            <Cell className="font-mono text-xs">{m.txHash.slice(0, 12)}…</Cell>
          </Row>
        ))}
      </DataTable>
    </Section>
  );
}
