"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { parseEventLogs, type Abi, type Address, type Hex } from "viem";
import { useConfig } from "wagmi";
import { readContract, simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { useSettleTx } from "@/components/wallet/use-settle-tx";
import { artworkShareTokenAbi, hKDStablecoinAbi, marketAbi } from "@/lib/chain/abis";

export type TxStep =
  | { kind: "idle" }
  | { kind: "approving" }
  | { kind: "approvalPending"; hash: Hex }
  | { kind: "signing" }
  | { kind: "pending"; hash: Hex }
  | {
      kind: "confirmed";
      hash: Hex;
      what: "placed" | "filled" | "cancelled";
      shares: bigint;
      /** After cancelling an ask: the share allowance was lowered to what the remaining open asks need. */
      allowanceLoweredTo?: bigint;
      /** A placement: shares traded on placement against the book, and shares placed as a resting order. */
      matched?: { traded: bigint; rested: bigint };
    }
  | { kind: "failed"; error: unknown };

type Call = { address: Address; abi: Abi; functionName: string; args: readonly unknown[] };

/**
 * One market action: approve the market first when its allowance is short (share token for an ask or a
 * sale into a bid, HKD for a bid or a purchase), then simulate and send the call; after confirmation the
 * reads are invalidated and the server components refreshed.
 */
export function useMarketTx(account: Address, market: Address, queryKey: QueryKey) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const settle = useSettleTx();
  const [step, setStep] = useState<TxStep>({ kind: "idle" });

  async function confirm(hash: Hex) {
    const receipt = await waitForTransactionReceipt(config, { hash });
    if (receipt.status !== "success") throw new Error("The transaction was reverted.");
    return receipt;
  }

  async function run(opts: {
    approve?: { token: Address; kind: "shares" | "hkd"; amount: bigint };
    call: Call;
    what: "placed" | "filled" | "cancelled";
    shares: bigint;
    /**
     * After the call (cancelling an ask): lower the market's allowance on this share token to what the maker's
     * remaining open asks need, so that no needless permission stays behind.
     */
    lowerShareAllowance?: Address;
  }) {
    try {
      if (opts.approve) {
        const abi = opts.approve.kind === "shares" ? artworkShareTokenAbi : hKDStablecoinAbi;
        const allowance = (await readContract(config, {
          address: opts.approve.token,
          abi,
          functionName: "allowance",
          args: [account, market],
        })) as bigint;
        if (allowance < opts.approve.amount) {
          setStep({ kind: "approving" });
          const { request } = await simulateContract(config, {
            address: opts.approve.token,
            abi,
            functionName: "approve",
            args: [market, opts.approve.amount],
            account,
          });
          const hash = await writeContract(config, request);
          setStep({ kind: "approvalPending", hash });
          await confirm(hash);
        }
      }
      setStep({ kind: "signing" });
      const { request } = await simulateContract(config, { ...opts.call, account } as Parameters<
        typeof simulateContract
      >[1]);
      const hash = await writeContract(config, request as Parameters<typeof writeContract>[1]);
      setStep({ kind: "pending", hash });
      const receipt = await confirm(hash);
      // A placement may trade against the book first: what traded and what rests, from the market's own events.
      let matched: { traded: bigint; rested: bigint } | undefined;
      if (opts.what === "placed") {
        const logs = parseEventLogs({ abi: marketAbi, logs: receipt.logs });
        matched = { traded: 0n, rested: 0n };
        for (const l of logs) {
          if (l.address.toLowerCase() !== market.toLowerCase()) continue;
          if (l.eventName === "OrderFilled") matched.traded += l.args.shares;
          else if (l.eventName === "OrderPlaced") matched.rested += l.args.shares;
        }
      }
      let allowanceLoweredTo: bigint | undefined;
      if (opts.lowerShareAllowance) {
        const token = opts.lowerShareAllowance;
        const [need, allowance] = await Promise.all([
          readContract(config, {
            address: market,
            abi: marketAbi,
            functionName: "openAskShares",
            args: [token, account],
          }),
          readContract(config, {
            address: token,
            abi: artworkShareTokenAbi,
            functionName: "allowance",
            args: [account, market],
          }),
        ]);
        if (allowance > need) {
          setStep({ kind: "approving" });
          const lower = await simulateContract(config, {
            address: token,
            abi: artworkShareTokenAbi,
            functionName: "approve",
            args: [market, need],
            account,
          });
          const approveHash = await writeContract(config, lower.request);
          setStep({ kind: "approvalPending", hash: approveHash });
          await confirm(approveHash);
          allowanceLoweredTo = need;
        }
      }
      // Confirmed once the server has caught up with this block (and the indexer with its events): the book, my
      // orders and the trade history then include it.
      await settle(hash);
      setStep({ kind: "confirmed", hash, what: opts.what, shares: opts.shares, allowanceLoweredTo, matched });
      await queryClient.invalidateQueries({ queryKey });
    } catch (error) {
      setStep({ kind: "failed", error });
    }
  }

  return { step, setStep, run };
}
