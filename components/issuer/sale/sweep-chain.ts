/**
 * The dust sweep's chain work — the sale contract's ABI and wagmi's read action (viem's call and ABI coding) — loaded
 * with the first read of what is sweepable (./sweep-dust), after the page shows: none of it is in the issuer's
 * artwork page's first-load JavaScript.
 */
import type { Address } from "viem";
import type { Config } from "wagmi";
import { readContract } from "wagmi/actions";
import { artworkSaleAbi } from "@/lib/chain/abi/artwork-sale";

export { artworkSaleAbi };

/** The contract's `sweepable(id)`: the rounding dust left after every holder's full share, at `blockNumber` if given. */
export function readSweepable(config: Config, contract: Address, id: bigint, blockNumber?: bigint) {
  return readContract(config, {
    address: contract,
    abi: artworkSaleAbi,
    functionName: "sweepable",
    args: [id],
    ...(blockNumber !== undefined ? { blockNumber } : {}),
  });
}
