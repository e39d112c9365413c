import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Cell, DataTable, keyColumns, RIGHT, Row, RowHeader } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { PAYMENT_DECIMALS, distributionStatusLooks } from "@/lib/distributions/client";
import type { TokenDistribution } from "@/lib/distributions";
import { formatDayTime } from "@/lib/format/date";
import { formatMoney } from "@/lib/format/money";

/**
 * A token's distributions as the indexer projected them (the issuer's page and compliance's token page): kind,
 * amount, record block, claimed so far and by how many, deadline, status (with the hold's reason or what came back
 * at close), and the caller's action per row.
 */
export async function DistributionsTable({
  items,
  caption,
  action,
  testId,
}: {
  items: TokenDistribution[];
  caption: string;
  action?: (item: TokenDistribution) => ReactNode;
  testId?: string;
}) {
  const [t, tk, ts, locale] = await Promise.all([
    getTranslations("distributions.issuer"),
    getTranslations("distributions.kinds"),
    getTranslations("distributions.status"),
    getLocale(),
  ]);
  const money = (v: string) => formatMoney(BigInt(v), PAYMENT_DECIMALS, locale);
  return (
    <DataTable
      caption={caption}
      minWidth="52rem"
      regionLabel={caption}
      testId={testId}
      columns={keyColumns(
        ["colId", "colKind", "colRecord", "colClaimed", "colDeadline", "colStatus", ...(action ? ["colActions"] : [])],
        t,
        { colRecord: RIGHT, colClaimed: RIGHT, colActions: { srOnly: true, align: "right" } },
      )}
    >
      {items.map((d) => (
        <Row key={d.onChainId} data-testid={`distribution-${d.onChainId}`}>
          <RowHeader className="tabular">{d.onChainId}</RowHeader>
          <Cell>{tk(d.kind)}</Cell>
          <Cell align="right">{d.recordBlock}</Cell>
          <Cell align="right">
            <span className="block">
              {t("claimedOf", { claimed: money(d.claimedAmount), amount: money(d.amount) })}
            </span>
            <span className="block text-xs text-ink-muted">
              {t("claimCount", { count: d.claimCount, leaves: d.leafCount })}
            </span>
          </Cell>
          <Cell>{formatDayTime(new Date(d.claimDeadline), locale)}</Cell>
          <Cell>
            <StatusBadge looks={distributionStatusLooks} status={d.status}>
              {ts(d.status)}
            </StatusBadge>
            {d.status === "held" && d.holdReason ? (
              <span className="mt-1 block text-xs text-ink-muted">{t("heldReason", { reason: d.holdReason })}</span>
            ) : null}
            {d.status === "closed" && d.returnedAmount !== null ? (
              <span className="mt-1 block text-xs text-ink-muted">
                {t("returned", { amount: money(d.returnedAmount) })}
              </span>
            ) : null}
          </Cell>
          {action ? <Cell align="right">{action(d)}</Cell> : null}
        </Row>
      ))}
    </DataTable>
  );
}
