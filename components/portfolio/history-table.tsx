import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Cell, RIGHT, Row } from "@/components/ui/data-table";
import { Money } from "@/components/ui/money";
import { formatDayTime } from "@/lib/format/date";
import { shortAddress } from "@/lib/format/address";
import type { HistoryEntry, HistoryKind } from "@/lib/portfolio";
import { ArtworkName, TxCell } from "./row-parts";
import { portfolioText } from "./portfolio-text";
import { PortfolioTable } from "./portfolio-table";

const tones: Record<HistoryKind, BadgeTone> = {
  purchase: "accent",
  transferIn: "success",
  transferOut: "warn",
  allocation: "neutral",
  redemption: "neutral",
  marketBuy: "success",
  marketSell: "warn",
  bidPlaced: "neutral",
  askPlaced: "neutral",
  bidCancelled: "neutral",
  askCancelled: "neutral",
  distributionReceived: "success",
};
const outgoing = new Set<HistoryKind>(["transferOut", "redemption", "marketSell"]);
/** Order rows move no shares in or out of the investor's hands: their shares carry no sign. */
const orderRows = new Set<HistoryKind>(["bidPlaced", "askPlaced", "bidCancelled", "askCancelled"]);

/** Transaction history from chain events, newest first. */
export async function HistoryTable({
  history,
  decimals,
  explorerUrl,
}: {
  history: HistoryEntry[];
  decimals: number;
  explorerUrl: string | null;
}) {
  const { t, locale, zh } = await portfolioText();
  return (
    <PortfolioTable
      list="history"
      minWidth="44rem"
      keys={["date", "type", "artwork", "shares", "amount", "tx"]}
      looks={{ shares: RIGHT, amount: RIGHT }}
    >
      {history.map((h) => (
        <Row key={`${h.txHash}:${h.logIndex}`}>
          <Cell className="text-ink-muted tabular sm:whitespace-nowrap">{formatDayTime(h.at, locale)}</Cell>
          <Cell>
            <Badge tone={tones[h.kind]} icon={h.kind === "purchase" ? "check" : "swap"}>
              {t(`history.kinds.${h.kind}`)}
            </Badge>
            {h.distributionKind ? (
              <span className="ml-2 text-xs text-ink-muted">{t(`distributions.kinds.${h.distributionKind}`)}</span>
            ) : null}
            {h.order?.because && h.order.because !== "own" ? (
              <span className="ml-2 text-xs text-ink-muted">
                {t(`history.because.${h.order.because}`, { address: shortAddress(h.counterparty ?? "", 4) })}
              </span>
            ) : h.counterparty ? (
              <span className="ml-2 text-xs text-ink-muted">
                {t(
                  h.kind === "distributionReceived"
                    ? "history.heldBy"
                    : h.kind === "transferIn" || h.kind === "marketBuy"
                      ? "history.from"
                      : "history.to",
                  {
                    address: shortAddress(h.counterparty, 4),
                  },
                )}
              </span>
            ) : null}
          </Cell>
          <Cell className="sm:min-w-[12rem]">
            <ArtworkName artwork={h} zh={zh} />
          </Cell>
          <Cell align="right">
            {h.kind === "distributionReceived" ? (
              <span className="text-ink-subtle">—</span>
            ) : (
              <>
                {orderRows.has(h.kind) ? null : outgoing.has(h.kind) ? "−" : "+"}
                {Number(h.shares).toLocaleString(locale)}
              </>
            )}
            {h.order ? (
              <span className="block text-xs text-ink-muted">
                {t.rich("history.atPrice", {
                  price: () => <Money value={h.order!.price} decimals={decimals} />,
                })}
              </span>
            ) : null}
          </Cell>
          <Cell align="right">
            {h.amount !== null ? (
              <>
                <Money value={h.amount} decimals={decimals} />
                {h.kind === "bidPlaced" || h.kind === "bidCancelled" ? (
                  <span className="block text-xs text-ink-muted">
                    {t(h.kind === "bidPlaced" ? "history.escrowHeld" : "history.escrowReturned")}
                  </span>
                ) : null}
              </>
            ) : (
              <span className="text-ink-subtle">—</span>
            )}
          </Cell>
          <TxCell hash={h.txHash} explorerUrl={explorerUrl} />
        </Row>
      ))}
    </PortfolioTable>
  );
}
