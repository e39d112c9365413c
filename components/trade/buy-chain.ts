/**
 * The buy form's chain work — its contract reads and the purchase's calls — with the ABIs and viem's read path, loaded
 * on first use (./load-buy-chain), after the page shows: none of it is in the buy page's first-load JavaScript.
 */
import type { Address, Hex } from "viem";
import { zeroAddress } from "viem";
import type { Config } from "wagmi";
import { readContract, readContracts } from "wagmi/actions";
import { artworkShareTokenAbi, hKDStablecoinAbi, identityRegistryAbi, primaryOfferingAbi } from "@/lib/chain/abis";
import type { BuyOffering } from "./types";

const hkdOf = (o: BuyOffering) => ({ address: o.contracts.paymentToken, abi: hKDStablecoinAbi }) as const;
const poOf = (o: BuyOffering) => ({ address: o.contracts.primaryOffering, abi: primaryOfferingAbi }) as const;

/** What does not depend on the amount: HKD balance and allowance, registry identity, shares bought, the offering. */
export function readWallet(config: Config, o: BuyOffering) {
  const { account, contracts, offeringId, investorId } = o;
  return readContracts(config, {
    allowFailure: false,
    contracts: [
      { ...hkdOf(o), functionName: "balanceOf", args: [account] },
      { ...hkdOf(o), functionName: "allowance", args: [account, contracts.primaryOffering] },
      { address: contracts.identityRegistry, abi: identityRegistryAbi, functionName: "identityOf", args: [account] },
      { ...poOf(o), functionName: "purchasedBy", args: [offeringId, investorId ?? `0x${"0".repeat(64)}`] },
      { ...poOf(o), functionName: "offering", args: [offeringId] },
    ],
  });
}

/** What does: `canBuy` and the token's `canTransfer` for the mint of `probe` shares. */
export function readAmount(config: Config, o: BuyOffering, probe: bigint) {
  return readContracts(config, {
    allowFailure: false,
    contracts: [
      { ...poOf(o), functionName: "canBuy", args: [o.offeringId, o.account, probe] },
      {
        address: o.token,
        abi: artworkShareTokenAbi,
        functionName: "canTransfer",
        args: [zeroAddress, o.account, probe],
      },
    ],
  });
}

/** What a purchase now would do to the buyer's lock-ups (`lockMergePreview`). */
export function readLockMerge(config: Config, token: Address, account: Address) {
  return readContract(config, {
    address: token,
    abi: artworkShareTokenAbi,
    functionName: "lockMergePreview",
    args: [account],
  });
}

export function readAllowance(config: Config, o: BuyOffering) {
  return readContract(config, {
    ...hkdOf(o),
    functionName: "allowance",
    args: [o.account, o.contracts.primaryOffering],
  });
}

/** The HKD token's EIP-712 domain and the buyer's permit nonce. */
export function readPermitInputs(config: Config, o: BuyOffering) {
  return Promise.all([
    readContract(config, { ...hkdOf(o), functionName: "eip712Domain" }),
    readContract(config, { ...hkdOf(o), functionName: "nonces", args: [o.account] }),
  ]);
}

/** The purchase's calls, as the one wallet flow sends them. */
export const buyCalls = {
  buy: (o: BuyOffering, shares: bigint) =>
    ({ ...poOf(o), functionName: "buy", args: [o.offeringId, shares], account: o.account }) as const,
  buyWithPermit: (o: BuyOffering, shares: bigint, p: { deadline: bigint; v: number; r: Hex; s: Hex }) =>
    ({
      ...poOf(o),
      functionName: "buyWithPermit",
      args: [o.offeringId, shares, p.deadline, p.v, p.r, p.s],
      account: o.account,
    }) as const,
  approve: (o: BuyOffering, cost: bigint) =>
    ({ ...hkdOf(o), functionName: "approve", args: [o.contracts.primaryOffering, cost], account: o.account }) as const,
  faucet: (o: BuyOffering, amount: bigint) =>
    ({ ...hkdOf(o), functionName: "faucet", args: [amount], account: o.account }) as const,
};
