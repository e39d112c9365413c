/**
 * A distribution claim's chain work — the `claimCode` reads and the claim call, with the Distributor's ABI and viem's
 * read path — loaded on the first press (./load-claim-chain), not with the portfolio page.
 */
import type { Address } from "viem";
import type { Config } from "wagmi";
import { readContract } from "wagmi/actions";
import { distributorAbi } from "@/lib/chain/abis";
import type { ClaimRow } from "@/lib/portfolio/client";

const argsOf = (r: ClaimRow) => [BigInt(r.onChainId), BigInt(r.index), r.holder, BigInt(r.amount), r.proof] as const;

/** The chain's `claimCode` for each row (0: claimable by `account` now). */
export function readClaimCodes(config: Config, distributor: Address, account: Address, rows: readonly ClaimRow[]) {
  return Promise.all(
    rows.map((r) => {
      const [id, index, holder, amount, proof] = argsOf(r);
      return readContract(config, {
        address: distributor,
        abi: distributorAbi,
        functionName: "claimCode",
        args: [id, index, holder, account, amount, proof],
      });
    }),
  );
}

/** One entitlement (`claim`) or several at once (`claimMany`, one signature). */
export function claimCall(distributor: Address, account: Address, rows: readonly ClaimRow[]) {
  const base = { address: distributor, abi: distributorAbi, account } as const;
  if (rows.length === 1) return { ...base, functionName: "claim", args: argsOf(rows[0]!) } as const;
  return {
    ...base,
    functionName: "claimMany",
    args: [
      rows.map((r) => BigInt(r.onChainId)),
      rows.map((r) => BigInt(r.index)),
      rows.map((r) => r.holder),
      rows.map((r) => BigInt(r.amount)),
      rows.map((r) => r.proof),
    ],
  } as const;
}
