import "server-only";

/*
 * The distribution payments the investor's wallets received: the distributor's `Claimed` events whose payee is one
 * of them (a wallet recovered to one of them is paid to it, so its claims are found here too), read from the chain
 * (chunked getLogs, `payee` is an indexed topic). Only ever called with the caller's own wallets.
 */
import { type Address, getAddress, type Hex } from "viem";
import { distributorAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient } from "@/lib/chain/server";

export type DistributionPayment = {
  onChainId: bigint;
  holder: Address;
  payee: Address;
  amount: bigint;
  transactionHash: Hex;
  blockNumber: bigint;
  logIndex: number;
};

const LOG_CHUNK = 50_000n;

export async function readDistributionPayments({
  wallets,
  toBlock,
}: {
  wallets: Address[];
  toBlock: bigint;
}): Promise<DistributionPayment[]> {
  const d = getDeployments();
  if (!d.distributor || wallets.length === 0) return [];
  const client = getPublicClient();
  const ranges: [bigint, bigint][] = [];
  for (let start = d.startBlock; start <= toBlock; start += LOG_CHUNK)
    ranges.push([start, start + LOG_CHUNK - 1n > toBlock ? toBlock : start + LOG_CHUNK - 1n]);
  const logs = (
    await Promise.all(
      ranges.map(([fromBlock, to]) =>
        client.getContractEvents({
          address: d.distributor!,
          abi: distributorAbi,
          eventName: "Claimed",
          args: { payee: wallets },
          fromBlock,
          toBlock: to,
        }),
      ),
    )
  ).flat();
  return logs.map((l) => ({
    onChainId: l.args.id!,
    holder: getAddress(l.args.holder!),
    payee: getAddress(l.args.payee!),
    amount: l.args.amount!,
    transactionHash: l.transactionHash,
    blockNumber: l.blockNumber,
    logIndex: l.logIndex,
  }));
}
