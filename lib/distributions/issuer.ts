/**
 * The issuer's two steps of a distribution, and the investor's proofs, as domain calls the server actions wrap:
 * 1. {@link planDistribution}: the issuer of a token asks for a distribution (kind, amount, record block or "now",
 *    claim window); the server builds the tree from the indexer's register at the record block, stores it and
 *    returns the terms to sign (`createDistribution(token, terms, treeURI)`) with the preview (holders, total, dust).
 * 2. {@link recordDistributionCreated}: after the issuer's transaction, the server verifies it called the
 *    distributor with exactly the stored terms and records the distributor's id. Both are audited.
 * Plain module taking the chain client and deployments, so it is tested against a real anvil.
 */
import { type Address, getAddress, type Hex, type PublicClient } from "viem";
import type { Deployments } from "@/lib/chain/deployments";
import { writeAudit } from "@/lib/audit";
import type { Database } from "@/lib/db/connect";
import { AllocationError, CENT } from "./allocate";
import { readDistributorCall } from "./distributor-call";
import { DistributionInputError } from "./holders";
import { distributionTerms, prepareDistribution } from "./prepare";
import {
  auditingRefusal,
  type PlanRefusal,
  type PlanToSign,
  PREVIEW_ROWS,
  type RecordBlockPlanArgs,
  recordableRow,
  resolveRecordBlock,
  tokenOwnerRefusal,
} from "./record-block";
import { emitDistributionToClaim } from "@/lib/notifications";
import { getDistribution, listClaimProofs, listEntitledWallets, recordOnChain } from "./store";
import type { DistributionKind } from "./tree";

/** The distributor's minimum window is 7 days from creation; one more day leaves the issuer time to sign. */
export const MIN_CLAIM_DAYS = 8;
export const MAX_CLAIM_DAYS = 3_650;

export type DistributionRefusal =
  "no_distributor" | "invalid_amount" | "invalid_window" | "amount_too_small" | PlanRefusal;

type Refused = { ok: false; code: DistributionRefusal };

export type PlannedDistribution = PlanToSign & {
  distributor: Address;
  terms: ReturnType<typeof distributionTerms>;
  treeURI: string;
  holders: number;
  entitled: number;
  totalShares: bigint;
  /** What the floors leave over (and the left-out wallets' part): it returns to the issuer when the distribution closes. */
  dust: bigint;
  /** The preview: the paid holders (index order), at most {@link PREVIEW_ROWS}; the rest are in the tree document. */
  entitlements: { wallet: Address; shares: bigint; amount: bigint }[];
  /** Wallets left out, with why: platform contracts (by name) and holders whose part is under one cent. */
  leftOut: { wallet: Address; shares: bigint; reason: "platform" | "token" | "under_a_cent"; contract?: string }[];
};

type PlanArgs = RecordBlockPlanArgs & {
  kind: DistributionKind;
  /** Payment-token base units. */
  amount: bigint;
  claimDays: number;
  /** Where the document will be served, given the server's id. */
  treeURI: (id: string) => string;
};

/**
 * Plans a distribution (see {@link planOrRefuse}); a refusal is audited too (`distribution.prepare.refused`, with
 * what was asked and why), so compliance sees attempts on tokens the caller does not issue.
 */
export const planDistribution: (db: Database, args: PlanArgs) => Promise<PlannedDistribution | Refused> =
  auditingRefusal(
    "distribution.prepare.refused",
    (a) => ({
      kind: a.kind,
      amount: a.amount.toString(),
      recordBlock: a.recordBlock.toString(),
      claimDays: a.claimDays,
    }),
    planOrRefuse,
  );

async function planOrRefuse(
  db: Database,
  { client, deployments, issuer, token, kind, amount, recordBlock, claimDays, treeURI }: PlanArgs,
): Promise<PlannedDistribution | Refused> {
  const distributor = deployments.distributor;
  if (!distributor) return { ok: false, code: "no_distributor" };
  if (amount <= 0n || amount % CENT !== 0n) return { ok: false, code: "invalid_amount" };
  if (!Number.isInteger(claimDays) || claimDays < MIN_CLAIM_DAYS || claimDays > MAX_CLAIM_DAYS)
    return { ok: false, code: "invalid_window" };
  token = getAddress(token);
  const refused = await tokenOwnerRefusal(client, deployments, token, issuer);
  if (refused) return { ok: false, code: refused };
  const resolved = await resolveRecordBlock(db, client, recordBlock);
  if (!resolved.ok) return resolved;
  const { block, blockTime: recordBlockTime } = resolved;
  const claimDeadline = resolved.headTime + claimDays * 86_400;

  let prepared;
  try {
    prepared = await prepareDistribution({
      db,
      deployments,
      token,
      recordBlock: block,
      recordBlockTime,
      kind,
      amount,
      claimDeadline,
      createdBy: issuer,
    });
  } catch (error) {
    if (error instanceof AllocationError)
      return { ok: false, code: /too small/.test(error.message) ? "amount_too_small" : "no_holders" };
    if (error instanceof DistributionInputError) return { ok: false, code: error.code };
    throw error;
  }
  const { built, register, id } = prepared;
  await writeAudit(db, {
    actor: issuer.toLowerCase(),
    actorRole: "issuer",
    action: "distribution.prepare",
    subjectType: "distribution",
    subjectId: id,
    after: {
      token: token.toLowerCase(),
      kind,
      amount: amount.toString(),
      recordBlock: block.toString(),
      claimDeadline,
      root: built.root,
      treeHash: built.treeHash,
      leafCount: built.leafCount,
      excluded: register.excluded.map((e) => e.wallet.toLowerCase()),
    },
  });
  return {
    ok: true,
    id,
    token,
    distributor,
    paymentToken: deployments.paymentToken,
    terms: distributionTerms({
      kind,
      amount,
      recordBlock: block,
      claimDeadline,
      root: built.root,
      treeHash: built.treeHash,
      leafCount: built.leafCount,
    }),
    treeURI: treeURI(id),
    holders: register.holders.length,
    entitled: built.leafCount,
    totalShares: built.totalShares,
    dust: amount - built.entitlements.reduce((s, e) => s + e.amount, 0n),
    entitlements: built.entitlements
      .slice(0, PREVIEW_ROWS)
      .map((e) => ({ wallet: e.wallet, shares: e.shares, amount: e.amount })),
    leftOut: [
      ...register.excluded.map((e) => {
        const contract = /^platform contract \((\w+)\)$/.exec(e.reason)?.[1];
        return contract
          ? { wallet: e.wallet, shares: e.shares, reason: "platform" as const, contract }
          : { wallet: e.wallet, shares: e.shares, reason: "token" as const };
      }),
      ...built.zero.map((z) => ({ wallet: z.wallet, shares: z.shares, reason: "under_a_cent" as const })),
    ].slice(0, PREVIEW_ROWS),
  };
}

/** After the issuer's `createDistribution`: checks it anchored exactly the stored distribution and records its id. */
export async function recordDistributionCreated(
  db: Database,
  {
    client,
    deployments,
    issuer,
    id,
    txHash,
    waitMs = 0,
  }: { client: PublicClient; deployments: Deployments; issuer: Address; id: string; txHash: Hex; waitMs?: number },
): Promise<{ ok: true; onChainId: bigint } | Refused> {
  const distributor = deployments.distributor;
  if (!distributor) return { ok: false, code: "no_distributor" };
  const found = recordableRow(await getDistribution(db, id), issuer);
  if (!found.ok) return found;
  const row = found.row;
  const read = await readDistributorCall({
    client,
    deployments,
    txHash,
    sender: issuer,
    functions: ["createDistribution"],
    eventName: "DistributionCreated",
    waitMs,
  });
  if (!read.ok) return read;
  const [token, terms] = read.call.args as [Address, ReturnType<typeof distributionTerms>, string];
  const expected = distributionTerms({
    kind: row.kind,
    amount: BigInt(row.amount),
    recordBlock: row.recordBlock,
    claimDeadline: Math.floor(row.claimDeadline.getTime() / 1000),
    root: row.root as Hex,
    treeHash: row.treeHash as Hex,
    leafCount: row.leafCount,
  });
  const same =
    token.toLowerCase() === row.token &&
    Number(terms.kind) === expected.kind &&
    terms.amount === expected.amount &&
    terms.recordBlock === expected.recordBlock &&
    terms.claimDeadline === expected.claimDeadline &&
    terms.root.toLowerCase() === expected.root &&
    terms.treeHash.toLowerCase() === expected.treeHash &&
    terms.leafCount === expected.leafCount;
  const [created] = read.events;
  if (!same || !created) return { ok: false, code: "tx_mismatch" };
  const onChainId = created.args.id;
  // Recorded once: the row moves only while it has no on-chain id, and its audit entry is written with it.
  const recorded = await db.transaction(async (tx) => {
    if (!(await recordOnChain(tx as unknown as Database, id, onChainId, txHash))) return false;
    await writeAudit(tx as unknown as Database, {
      actor: issuer.toLowerCase(),
      actorRole: "issuer",
      action: "distribution.create",
      subjectType: "distribution",
      subjectId: id,
      after: { onChainId: onChainId.toString(), token: row.token, amount: row.amount, root: row.root },
      txHash: txHash.toLowerCase(),
    });
    // Each entitled holder is told there is something to claim, with the deadline.
    await emitDistributionToClaim(tx as unknown as Database, {
      distributionId: id,
      token: row.token,
      wallets: await listEntitledWallets(tx as unknown as Database, id),
      claimDeadline: row.claimDeadline,
    });
    return true;
  });
  if (!recorded) return { ok: false, code: "already_recorded" };
  return { ok: true, onChainId };
}

/** What a wallet may claim: its entitlements in anchored distributions, with the arguments of `claim`. */
export async function claimsOf(db: Database, wallet: Address) {
  const proofs = await listClaimProofs(db, wallet);
  return proofs.map((p) => ({
    distributionId: p.distributionId,
    onChainId: p.onChainId!.toString(),
    index: p.index,
    holder: p.holder,
    amount: p.amount.toString(),
    proof: p.proof,
  }));
}
