/**
 * The holder's sale actions' chain work — the sale contract's ABI and the code reads before each signature — with
 * viem's read path, loaded on the first press (./load-sale-chain): none of it is in the trade page's first load.
 */
import type { Address, Hex } from "viem";
import type { Config } from "wagmi";
import { readContract } from "wagmi/actions";
import { artworkSaleAbi } from "@/lib/chain/abis";

export { artworkSaleAbi };

/** The contract's code for this vote (0 when it would be accepted). */
export function readVoteCode(
  config: Config,
  sale: Address,
  args: readonly [bigint, bigint, Address, Address, bigint, readonly Hex[]],
) {
  return readContract(config, { address: sale, abi: artworkSaleAbi, functionName: "voteCode", args });
}

/** The contract's code for redeeming (0 when it would be accepted). */
export async function readRedeemCode(config: Config, sale: Address, saleId: bigint, account: Address) {
  const [code] = await readContract(config, {
    address: sale,
    abi: artworkSaleAbi,
    functionName: "redeemCode",
    args: [saleId, account],
  });
  return code;
}
