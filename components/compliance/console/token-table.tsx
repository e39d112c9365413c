import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Cell, DataTable, keyColumns, RIGHT, Row, RowHeader } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import type { TokenSummary } from "@/lib/compliance";
import { tokenStatusLooks } from "@/lib/compliance/client";
import { formatCount } from "@/lib/format/money";

/** Dense table of tokens: supply, investors, wallets, holder limit, paused. */
export async function TokenTable({ tokens, locale }: { tokens: TokenSummary[]; locale: string }) {
  const t = await getTranslations("complianceConsole.tokens");
  return (
    <DataTable
      caption={t("caption")}
      minWidth="40rem"
      columns={keyColumns(["token", "supply", "holders", "wallets", "limit", "status"], (c) => t(`columns.${c}`), {
        supply: RIGHT,
        holders: RIGHT,
        wallets: RIGHT,
        limit: RIGHT,
      })}
    >
      {tokens.map((tk) => (
        <Row key={tk.token}>
          <RowHeader>
            <Link href={`/compliance/tokens/${tk.token}`} className="font-medium underline-offset-4 hover:underline">
              {tk.title ?? tk.name}
            </Link>
            <span className="ml-2 text-xs text-ink-muted">{tk.symbol}</span>
          </RowHeader>
          <Cell align="right">{formatCount(tk.totalSupply, locale)}</Cell>
          <Cell align="right">{formatCount(tk.holderCount, locale)}</Cell>
          <Cell align="right">{formatCount(tk.holderWalletCount, locale)}</Cell>
          <Cell align="right">{tk.maxHolders ? formatCount(tk.maxHolders, locale) : t("noLimit")}</Cell>
          <Cell>
            <TokenStatus paused={tk.paused} label={t(tk.paused ? "paused" : "active")} />
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}

/** A token's status (paused or trading) as a badge, alike in the token list and on its register. */
export function TokenStatus({ paused, label }: { paused: boolean; label: string }) {
  return (
    <StatusBadge looks={tokenStatusLooks} status={paused ? "paused" : "active"}>
      {label}
    </StatusBadge>
  );
}
