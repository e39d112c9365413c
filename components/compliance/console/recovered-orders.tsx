"use client";

import { useTranslations } from "next-intl";
import type { Address as Addr } from "viem";
import { Section } from "@/components/ui/section";
import { shortAddress } from "@/lib/format/address";
import { type ActionSpec, AgentActionButton } from "./agent-action-dialog";

/** One recovered wallet with open orders, formatted on the server (ids read there from the chain). */
export type RecoveredOrdersRow = {
  lostWallet: Addr;
  recoveredTo: Addr;
  orders: { id: string; side: "bid" | "ask"; remaining: string; price: string; escrow: string }[];
  /** The bids' escrow, formatted (HK$…), and whether there is any. */
  escrow: string;
  hasEscrow: boolean;
};

/**
 * Wallets of this token that were recovered to another wallet and still have open orders: each with its orders and
 * one button that cancels them all in one `Market.cancelRecovered` transaction the officer signs; the market returns
 * the bids' escrow to the recovered wallet, and the server verifies and audits the transaction.
 */
export function RecoveredOrders({
  market,
  symbol,
  officer,
  rows,
}: {
  market: Addr;
  symbol: string;
  officer: Addr;
  rows: RecoveredOrdersRow[];
}) {
  const t = useTranslations("recoveryOrders");
  return (
    <Section
      id="recovered-orders-title"
      look="console"
      title={t("sectionTitle")}
      intro={t("sectionIntro")}
      className="rounded-xl border border-line-strong p-4"
    >
      <ul className="flex flex-col gap-3">
        {rows.map((r) => {
          const words = {
            lost: r.lostWallet,
            next: shortAddress(r.recoveredTo),
            escrow: r.escrow,
            hasEscrow: r.hasEscrow ? "yes" : "no",
          };
          const spec: ActionSpec = {
            id: "cancelRecovered",
            label: t("dialogTitle"),
            fields: [],
            validate: () => ({}),
            confirm: () => t("confirm", { ...words, next: r.recoveredTo, symbol, count: r.orders.length }),
            call: (_, c) => ({
              address: market,
              abi: c.marketAbi,
              account: officer,
              functionName: "cancelRecovered",
              args: [r.orders.map((o) => BigInt(o.id))],
            }),
          };
          return (
            <li
              key={r.lostWallet}
              className="flex flex-col gap-2 rounded-lg border border-line p-3"
              data-testid="recovered-wallet"
              data-wallet={r.lostWallet.toLowerCase()}
            >
              <p className="text-sm font-medium [overflow-wrap:anywhere]">
                {t("walletTitle", { lost: r.lostWallet, next: r.recoveredTo })}
              </p>
              <ul aria-label={t("ordersCaption", { lost: r.lostWallet })} className="flex flex-col gap-1 text-sm">
                {r.orders.map((o) => (
                  <li key={o.id} className="tabular">
                    {t("orderLine", {
                      side: o.side,
                      id: o.id,
                      remaining: Number(o.remaining),
                      price: o.price,
                      escrow: o.escrow,
                    })}
                  </li>
                ))}
              </ul>
              <div>
                <AgentActionButton
                  id={`recovered:${r.lostWallet}`.toLowerCase()}
                  label={t("cancelButton", words)}
                  variant="danger"
                  request={{ title: t("dialogTitle"), officer, specs: [spec] }}
                  className="h-auto! min-h-8 py-1.5 text-left whitespace-normal!"
                />
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
