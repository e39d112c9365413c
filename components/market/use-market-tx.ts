"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { parseEventLogs, type Abi, type Address, type Hex } from "viem";
import { useConfig } from "wagmi";
import { readContract } from "wagmi/actions";
import { loadTxActions } from "@/components/wallet/wallet-tx-actions";
import { useSettleTx } from "@/components/wallet/use-settle-tx";
import { useWalletTx, type WalletCall, type WalletTxStep } from "@/components/wallet/use-wallet-tx";
import { artworkShareTokenAbi, hKDStablecoinAbi, marketAbi } from "@/lib/chain/abis";

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

type Call = { address: Address; abi: Abi; functionName: string; args: readonly unknown[] };

/**
 * One market action (the shared `useWalletTx`): approve the market first when its allowance is short (share token
 * for an ask or a sale into a bid, HKD for a bid or a purchase), then simulate and send the call; after
 * confirmation the server catches up with its block, the reads are invalidated and the server components refreshed.
 */
export function useMarketTx(account: Address, market: Address, queryKey: QueryKey) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const settle = useSettleTx();
  const tx = useWalletTx<MarketPhase>();
  const [outcome, setOutcome] = useState<MarketOutcome | null>(null);

  /** A placement may trade against the book first: what traded and what rests, from the market's own events. */
  async function matchedBy(hash: Hex) {
    const { getTransactionReceipt } = await loadTxActions();
    const receipt = await getTransactionReceipt(config, { hash });
    const logs = parseEventLogs({ abi: marketAbi, logs: receipt.logs });
    const matched = { traded: 0n, rested: 0n };
    for (const l of logs) {
      if (l.address.toLowerCase() !== market.toLowerCase()) continue;
      if (l.eventName === "OrderFilled") matched.traded += l.args.shares;
      else if (l.eventName === "OrderPlaced") matched.rested += l.args.shares;
    }
    return matched;
  }

  /**
   * After cancelling an ask: lower the market's allowance on this share token to what the maker's remaining open
   * asks need, so that no needless permission stays behind. The allowance it was lowered to, if it was.
   */
  async function lowerAllowance(token: Address, send: (call: WalletCall, o: { phase: MarketPhase }) => Promise<Hex>) {
    const [need, allowance] = await Promise.all([
      readContract(config, { address: market, abi: marketAbi, functionName: "openAskShares", args: [token, account] }),
      readContract(config, {
        address: token,
        abi: artworkShareTokenAbi,
        functionName: "allowance",
        args: [account, market],
      }),
    ]);
    if (allowance <= need) return undefined;
    await send(
      { address: token, abi: artworkShareTokenAbi, functionName: "approve", args: [market, need], account },
      { phase: "lower" },
    );
    return need;
  }

  async function run(opts: {
    approve?: { token: Address; kind: "shares" | "hkd"; amount: bigint };
    call: Call;
    what: "placed" | "filled" | "cancelled";
    shares: bigint;
    /** After the call (cancelling an ask): lower the market's allowance on this share token (see lowerAllowance). */
    lowerShareAllowance?: Address;
  }) {
    const done: MarketOutcome = { what: opts.what, shares: opts.shares };
    setOutcome(done);
    const settled = await tx.run(
      async ({ send }) => {
        if (opts.approve) {
          const abi = opts.approve.kind === "shares" ? artworkShareTokenAbi : hKDStablecoinAbi;
          const { token, amount } = opts.approve;
          const allowance = (await readContract(config, {
            address: token,
            abi,
            functionName: "allowance",
            args: [account, market],
          })) as bigint;
          if (allowance < amount)
            await send(
              { address: token, abi, functionName: "approve", args: [market, amount], account },
              {
                phase: "approve",
              },
            );
        }
        const hash = await send({ ...opts.call, account } as WalletCall, { phase: "call" });
        if (opts.what === "placed") done.matched = await matchedBy(hash);
        if (opts.lowerShareAllowance) done.allowanceLoweredTo = await lowerAllowance(opts.lowerShareAllowance, send);
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
    if (settled) await queryClient.invalidateQueries({ queryKey });
  }

  return { step: tx.step, setStep: tx.setStep, run, outcome };
}
