/**
 * The trade form's chain work — its contract reads, the market's events and the calls' ABIs — with viem's read path,
 * loaded on first use (./load-market-chain), after the page shows: none of it is in the trade page's first load.
 */
import { parseEventLogs, zeroAddress, type Address, type TransactionReceipt } from "viem";
import type { Config } from "wagmi";
import { readContract, readContracts } from "wagmi/actions";
import { artworkShareTokenAbi, hKDStablecoinAbi, identityRegistryAbi, marketAbi } from "@/lib/chain/abis";
import { describeChainError } from "@/lib/chain/errors";
import { marketErrorReason, type OrderSide } from "@/lib/market/client";
import type { Reason } from "@/lib/trade/client";
import type { BestOrder, TradeSetup } from "./types";

export { marketAbi };

/** The chain reads behind the trade form's checks, for the connected account. */
export function readTradeState(
  config: Config,
  setup: TradeSetup,
  o: { side: OrderSide; take: boolean; best: BestOrder | null; readShares: bigint },
) {
  const account = setup.account;
  const token = { address: setup.token, abi: artworkShareTokenAbi } as const;
  const { readShares } = o;
  return readContracts(config, {
    allowFailure: false,
    contracts: [
      { address: setup.identityRegistry, abi: identityRegistryAbi, functionName: "identityOf", args: [account] },
      { address: setup.paymentToken, abi: hKDStablecoinAbi, functionName: "balanceOf", args: [account] },
      { ...token, functionName: "balanceOf", args: [account] },
      { ...token, functionName: "walletState", args: [account] },
      // Buying: may I receive these shares (`canTransfer` from 0: my rules as receiver, from any seller)? Taking a
      // bid: may they go from me to that bidder? Placing an ask: only my side as sender (paused, frozen, free balance, verified, lock-up) —
      // `canSend` skips the receiver rules, which would otherwise test me as a buyer (and `canTransfer` to the
      // zero address now refuses that receiver with its own code).
      // Nothing entered yet: the rules for one share, so that the checks can already speak.
      o.side === "buy"
        ? { ...token, functionName: "canTransfer", args: [zeroAddress, account, readShares] }
        : o.take && setup.bestBid
          ? { ...token, functionName: "canTransfer", args: [account, setup.bestBid.maker, readShares] }
          : { ...token, functionName: "canSend", args: [account, readShares] },
      { address: setup.market, abi: marketAbi, functionName: "fillableBy", args: [o.best?.id ?? 0n, account] },
      // What the market may already move: an approval is asked for (and announced) only when short.
      { address: setup.paymentToken, abi: hKDStablecoinAbi, functionName: "allowance", args: [account, setup.market] },
      { ...token, functionName: "allowance", args: [account, setup.market] },
      // What my open asks on this token already need: a new ask's approval must cover them too.
      { address: setup.market, abi: marketAbi, functionName: "openAskShares", args: [setup.token, account] },
    ],
  });
}

/** The failed transaction or wallet request in words (market reason codes and custom errors). */
export function describeMarketError(error: unknown): Reason {
  const d = describeChainError(error);
  if (d.kind === "user_rejected") return { key: "errors.rejected", values: {} };
  if (d.kind === "revert" && d.errorName) {
    const reason = marketErrorReason(d.errorName, d.args);
    if (reason) return reason;
  }
  return { key: "errors.generic", values: {} };
}

/** A placement may trade against the book first: what traded and what rests, from the market's own events. */
export function matchedIn(receipt: TransactionReceipt, market: Address) {
  const logs = parseEventLogs({ abi: marketAbi, logs: receipt.logs });
  const matched = { traded: 0n, rested: 0n };
  for (const l of logs) {
    if (l.address.toLowerCase() !== market.toLowerCase()) continue;
    if (l.eventName === "OrderFilled") matched.traded += l.args.shares;
    else if (l.eventName === "OrderPlaced") matched.rested += l.args.shares;
  }
  return matched;
}

/** What the maker's open asks on this token need, and the market's allowance on it. */
export function readAskNeed(config: Config, market: Address, token: Address, account: Address) {
  return Promise.all([
    readContract(config, { address: market, abi: marketAbi, functionName: "openAskShares", args: [token, account] }),
    readContract(config, {
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "allowance",
      args: [account, market],
    }),
  ]);
}

/** The ABI of what an approval is asked on: the share token or the HKD token. */
export const approvalAbi = (kind: "shares" | "hkd") => (kind === "shares" ? artworkShareTokenAbi : hKDStablecoinAbi);

export async function readAllowance(
  config: Config,
  a: { token: Address; kind: "shares" | "hkd" },
  account: Address,
  market: Address,
) {
  return (await readContract(config, {
    address: a.token,
    abi: approvalAbi(a.kind),
    functionName: "allowance",
    args: [account, market],
  })) as bigint;
}
