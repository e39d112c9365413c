"use client";

import { createContext, type ReactNode, useContext } from "react";
import { useWalletConnection } from "@/components/wallet/use-wallet-connection";
import { Button } from "@/components/ui/button";
import { TxStatus } from "./trade-form";
import type { TradeSetup } from "./types";
import { useMarketTx } from "./use-market-tx";

type CancelOrder = { id: bigint; side: "ask" | "bid"; remaining: bigint };
type Cancel = { disabled: boolean; cancel: (order: CancelOrder) => void };

const CancelContext = createContext<Cancel | null>(null);

/**
 * The interactive part of "My open orders" (the list itself is rendered on the server): one cancel flow shared by the
 * page's Cancel buttons, its progress and outcome under the list. Buttons are disabled while a cancel runs and when
 * the connected wallet is not the signed-in one.
 */
export function OrderCancelFlow({ setup, children }: { setup: TradeSetup; children: ReactNode }) {
  const { address, isConnected } = useWalletConnection();
  const sameWallet = isConnected && address?.toLowerCase() === setup.account.toLowerCase();
  const { step, run, outcome } = useMarketTx(setup.account, setup.market);
  const busy = !["idle", "confirmed", "failed"].includes(step.kind);
  const cancel = (o: CancelOrder) =>
    void run({
      call: { functionName: "cancel", args: [o.id] },
      what: "cancelled",
      shares: o.remaining,
      // Cancelling an ask lowers the market's share allowance to what the other open asks need.
      lowerShareAllowance: o.side === "ask" ? setup.token : undefined,
    });
  return (
    <CancelContext.Provider value={{ disabled: !sameWallet || busy, cancel }}>
      {children}
      <TxStatus step={step} outcome={outcome} explorerUrl={setup.explorerUrl} />
    </CancelContext.Provider>
  );
}

/** One order's Cancel button, inside an `OrderCancelFlow`. */
export function CancelOrderButton({
  order,
  label,
  children,
}: {
  order: CancelOrder;
  label: string;
  children: ReactNode;
}) {
  const flow = useContext(CancelContext);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={!flow || flow.disabled}
      aria-label={label}
      onClick={() => flow?.cancel(order)}
    >
      {children}
    </Button>
  );
}
