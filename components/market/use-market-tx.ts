"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Address, Hex } from "viem";
import { useConfig } from "wagmi";
import { loadTxActions } from "@/components/wallet/wallet-tx-actions";
import { useSettleTx } from "@/components/wallet/use-settle-tx";
import { useWalletTx, type WalletCall, type WalletTxStep } from "@/components/wallet/use-wallet-tx";
import { loadMarketChain, type MarketChain } from "./load-market-chain";

/** The market's own steps within the one wallet flow: an approval, the market call, lowering an allowance after it. */
export type MarketPhase = "approve" | "call" | "lower";
export type TxStep = WalletTxStep<MarketPhase>;

/** What a confirmed market call did, said with the confirmation. */
export type MarketOutcome = {
  what: "placed" | "filled" | "cancelled";
  shares: bigint;
  /** After cancelling an ask: the share allowance was lowered to what the remaining open asks need. */
  allowanceLoweredTo?: bigint;
  /** A placement: shares traded on placement against the book, and shares placed as a resting order. */
  matched?: { traded: bigint; rested: bigint };
};

/** A call on this market (its ABI comes with ./market-chain, loaded when the call is sent). */
export type MarketCall = { functionName: "fill" | "placeBid" | "placeAsk" | "cancel"; args: readonly unknown[] };

/**
 * One market action (the shared `useWalletTx`): approve the market first when its allowance is short (share token
 * for an ask or a sale into a bid, HKD for a bid or a purchase), then simulate and send the call; after
 * confirmation the server catches up with its block, the chain reads are invalidated and the server components
 * refreshed.
 */
export function useMarketTx(account: Address, market: Address) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const settle = useSettleTx();
  const tx = useWalletTx<MarketPhase>();
  const [outcome, setOutcome] = useState<MarketOutcome | null>(null);

  /** A placement may trade against the book first: what traded and what rests, from the market's own events. */
  async function matchedBy(chain: MarketChain, hash: Hex) {
    const { getTransactionReceipt } = await loadTxActions();
    return chain.matchedIn(await getTransactionReceipt(config, { hash }), market);
  }

  /**
   * After cancelling an ask: lower the market's allowance on this share token to what the maker's remaining open
   * asks need, so that no needless permission stays behind. The allowance it was lowered to, if it was.
   */
  async function lowerAllowance(
    chain: MarketChain,
    token: Address,
    send: (call: WalletCall, o: { phase: MarketPhase }) => Promise<Hex>,
  ) {
    const [need, allowance] = await chain.readAskNeed(config, market, token, account);
    if (allowance <= need) return undefined;
    const abi = chain.approvalAbi("shares");
    await send({ address: token, abi, functionName: "approve", args: [market, need], account }, { phase: "lower" });
    return need;
  }

  async function run(opts: {
    approve?: { token: Address; kind: "shares" | "hkd"; amount: bigint };
    call: MarketCall;
    what: "placed" | "filled" | "cancelled";
    shares: bigint;
    /** After the call (cancelling an ask): lower the market's allowance on this share token (see lowerAllowance). */
    lowerShareAllowance?: Address;
  }) {
    const done: MarketOutcome = { what: opts.what, shares: opts.shares };
    setOutcome(done);
    const settled = await tx.run(
      async ({ send }) => {
        const chain = await loadMarketChain();
        if (opts.approve) {
          const { token, kind, amount } = opts.approve;
          const allowance = await chain.readAllowance(config, opts.approve, account, market);
          if (allowance < amount)
            await send(
              {
                address: token,
                abi: chain.approvalAbi(kind),
                functionName: "approve",
                args: [market, amount],
                account,
              },
              { phase: "approve" },
            );
        }
        const call = { address: market, abi: chain.marketAbi, ...opts.call, account } as WalletCall;
        const hash = await send(call, { phase: "call" });
        if (opts.what === "placed") done.matched = await matchedBy(chain, hash);
        if (opts.lowerShareAllowance)
          done.allowanceLoweredTo = await lowerAllowance(chain, opts.lowerShareAllowance, send);
        setOutcome({ ...done });
        return hash;
      },
      // Confirmed once the server has caught up with this block (and the indexer with its events): the book, my
      // orders and the trade history then include it.
      async (hash) => {
        if (hash) await settle(hash);
        return null;
      },
    );
    // Every chain read of the page is read again (the trade form's checks after a placement or a cancel), whatever
    // its key: also one still under way, started before the write (an order cancelled before the form's reader had
    // answered), which is started again.
    if (settled) await queryClient.invalidateQueries({ queryKey: ["atelier.read"] });
  }

  return { step: tx.step, setStep: tx.setStep, run, outcome };
}
