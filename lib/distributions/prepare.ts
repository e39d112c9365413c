/**
 * Builds a distribution from the indexer's register at the record block and stores it: the entitlement list, the
 * tree, the document and every proof. What the issuer then signs is `createDistribution(token, terms, treeURI)`
 * with the terms returned here ({@link distributionTerms}). Plain module.
 */
import type { Address, Hex } from "viem";
import type { Deployments } from "@/lib/chain/deployments";
import type { Database } from "@/lib/db/connect";
import { DistributionInputError, readRecordRegister, type RecordRegister } from "./holders";
import { saveDistribution } from "./store";
import { buildDistribution, type BuiltDistribution, type DistributionKind, kindIndex } from "./tree";

export type PreparedDistribution = {
  id: string;
  built: BuiltDistribution;
  register: RecordRegister;
};

export async function prepareDistribution({
  db,
  deployments,
  token,
  recordBlock,
  recordBlockTime,
  kind,
  amount,
  claimDeadline,
  createdBy,
}: {
  db: Database;
  deployments: Deployments;
  token: Address;
  recordBlock: bigint;
  recordBlockTime: number;
  kind: DistributionKind;
  amount: bigint;
  claimDeadline: number;
  createdBy: Address;
}): Promise<PreparedDistribution> {
  if (!deployments.distributor)
    throw new DistributionInputError("No distributor is deployed on this chain", "no_distributor");
  const register = await readRecordRegister({ db, deployments, token, recordBlock, blockTime: recordBlockTime });
  if (register.holders.length === 0)
    throw new DistributionInputError("The token had no holders at the record block", "no_holders");
  const input = {
    chainId: deployments.chainId,
    distributor: deployments.distributor,
    paymentToken: deployments.paymentToken,
    token: register.token,
    recordBlock,
    kind,
    amount,
    claimDeadline,
  };
  const built = buildDistribution({ ...input, holders: register.holders, excluded: register.excluded });
  const id = await saveDistribution(db, { input, built, createdBy });
  return { id, built, register };
}

/** The `Terms` struct of `Distributor.createDistribution` for a built distribution. */
export function distributionTerms(d: {
  kind: DistributionKind;
  amount: bigint;
  recordBlock: bigint;
  claimDeadline: number;
  root: Hex;
  treeHash: Hex;
  leafCount: number;
}) {
  return {
    kind: kindIndex(d.kind),
    amount: d.amount,
    recordBlock: d.recordBlock,
    claimDeadline: BigInt(d.claimDeadline),
    root: d.root,
    treeHash: d.treeHash,
    leafCount: BigInt(d.leafCount),
  };
}
