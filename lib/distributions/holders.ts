/**
 * Who takes part in a distribution: the holders of the token at the record block, read from the indexer's record of
 * the holder register (`readIndexedRegister`: the token's own balances stored at every block its register changed),
 * not from the node's historical state — so a pruned node can still serve a distribution whose record block is
 * long past. The indexer must have indexed through the record block.
 *
 * Exclusion rules (recorded in the tree document with the reason):
 * - the platform's own contracts (identity registry, factory, token implementation, primary offering, market,
 *   enforcement desk, token migrator, distributor, payment token, Multicall3 reader) and the token itself: they are
 *   no investors, and their shares (normally none) are left out of the total the amount is split over;
 * - wallets with no shares at the record block are not holders.
 * Frozen wallets and wallets whose KYC has lapsed are NOT excluded: the issue reserves their money, and the
 * distributor refuses their claim (reason codes 54, 55) until they may claim. A wallet recovered after the record
 * block stays in the tree under its old address; the distributor pays the wallet it was recovered to.
 *
 * Plain module (no `server-only`): the server and tests call it with their database.
 */
import { type Address, getAddress } from "viem";
import type { Deployments } from "@/lib/chain/deployments";
import { readIndexedRegister } from "@/lib/compliance/projection";
import type { Database } from "@/lib/db/connect";
import { getIndexerCoverage } from "@/lib/indexer/coverage";
import type { Holding } from "./allocate";
import type { ExcludedWallet } from "./tree";

export class DistributionInputError extends Error {
  /** What the issuer is told (`distributions.errors`). */
  readonly code: "no_holders" | "indexer_behind" | "supply_mismatch" | "no_distributor";
  constructor(message: string, code: DistributionInputError["code"] = "indexer_behind") {
    super(message);
    this.name = "DistributionInputError";
    this.code = code;
  }
}

export type RecordHolder = Holding & { wallet: Address; frozen: boolean; verified: boolean };

export type RecordRegister = {
  token: Address;
  recordBlock: bigint;
  totalSupply: bigint;
  holders: RecordHolder[];
  excluded: ExcludedWallet[];
};

const CONTRACT_KEYS = [
  "identityRegistry",
  "shareTokenFactory",
  "shareTokenImplementation",
  "primaryOffering",
  "paymentToken",
  "enforcementDesk",
  "tokenMigrator",
  "market",
  "distributor",
  "artworkSale",
  "multicall3",
] as const;

/** The platform's contract addresses (lowercase) with their names: wallets a distribution leaves out. */
export function platformContracts(deployments: Deployments, token: Address): Map<string, string> {
  const out = new Map<string, string>([[token.toLowerCase(), "the token itself"]]);
  for (const key of CONTRACT_KEYS) {
    const a = deployments[key];
    if (typeof a === "string") out.set(a.toLowerCase(), `platform contract (${key})`);
  }
  return out;
}

export async function readRecordRegister({
  db,
  deployments,
  token,
  recordBlock,
  blockTime,
}: {
  db: Database;
  deployments: Deployments;
  token: Address;
  recordBlock: bigint;
  /** The record block's timestamp (unix seconds): KYC validity is read at that time. */
  blockTime: number;
}): Promise<RecordRegister> {
  const coverage = await getIndexerCoverage(db);
  const through = coverage?.completeThrough ?? null;
  if (through === null || through < recordBlock)
    throw new DistributionInputError(
      `The indexer has recorded the register only through block ${through ?? "none"}; the record block ${recordBlock} is not yet covered`,
    );
  const register = await readIndexedRegister({
    db,
    token: getAddress(token),
    registry: deployments.identityRegistry,
    blockNumber: recordBlock,
    blockTime,
  });
  // The indexer's register must account for every share of the token's own totalSupply at that block: a register
  // missing a holder (or counting one twice) would pay the others more than their part.
  const counted = register.holders.reduce((sum, h) => sum + h.shares, 0n);
  if (counted !== register.totalSupply)
    throw new DistributionInputError(
      `The indexed register at block ${recordBlock} counts ${counted} shares, but the token's totalSupply there is ${register.totalSupply}`,
      "supply_mismatch",
    );
  const skip = platformContracts(deployments, token);
  const holders: RecordHolder[] = [];
  const excluded: ExcludedWallet[] = [];
  for (const h of register.holders) {
    const reason = skip.get(h.wallet.toLowerCase());
    if (reason) excluded.push({ wallet: h.wallet, shares: h.shares, reason });
    else holders.push({ wallet: h.wallet, balance: h.shares, frozen: h.frozen, verified: h.verified });
  }
  return { token: getAddress(token), recordBlock, totalSupply: register.totalSupply, holders, excluded };
}
