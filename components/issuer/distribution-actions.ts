"use server";

import { z } from "zod";
import { addressField, digitsField, recordBlockField } from "./plan-fields";
import { txHashField } from "@/lib/chain/tx-hash-field";
import { getServerEnv } from "@/lib/env";
import { revalidatePath } from "next/cache";
import { defineAction, unwrap } from "@/lib/actions";
import {
  type DistributionRefusal,
  type LifecycleRefusal,
  planIssuerDistribution,
  recordIssuerClose,
  recordIssuerDistribution,
  DISTRIBUTION_KINDS,
} from "@/lib/distributions";
import { getRequestIp } from "@/lib/http/request-ip";
import { enforceRateLimits } from "@/lib/rate-limit";

/*
 * The issuer's distribution steps through the action pipeline (lib/actions): zod → issuer session → the token's
 * owner checked on-chain (lib/distributions) → build, store and audit. The browser passes what the issuer chose;
 * the entitlements, the tree and the terms to sign are the server's, and the transaction is read from the chain.
 */

const define = defineAction<DistributionRefusal>();
const messages = "distributions.errors";

/** Builds the distribution (entitlements at the record block, tree, document) and returns the terms to sign. */
export const planDistributionAction = define({
  name: "distributions.plan",
  input: z.object({
    token: addressField,
    kind: z.enum(DISTRIBUTION_KINDS),
    /** Payment-token base units (6 decimals), whole cents. */
    amount: digitsField,
    /** A block number, or "now" (the latest block the indexer has recorded). */
    recordBlock: recordBlockField,
    claimDays: z.number().int(),
  }),
  auth: "issuer",
  messages,
  run: async ({ token, kind, amount, recordBlock, claimDays }, { session, db }) => {
    // Each plan reads the register and stores a tree: counted per wallet and per IP before any of it.
    await enforceRateLimits(db, {
      name: "distributionPlan",
      subjects: { ip: await getRequestIp(), address: session.address },
    });
    // The tree document's address is anchored on-chain for good: the configured origin, never request headers.
    const origin = getServerEnv().appOrigin;
    const plan = unwrap(
      await planIssuerDistribution(db, {
        issuer: session.address,
        token,
        kind,
        amount: BigInt(amount),
        recordBlock: recordBlock === "now" ? "now" : BigInt(recordBlock),
        claimDays,
        origin,
      }),
    );
    return {
      id: plan.id,
      distributor: plan.distributor,
      paymentToken: plan.paymentToken,
      token: plan.token,
      treeURI: plan.treeURI,
      terms: {
        kind: plan.terms.kind,
        amount: plan.terms.amount.toString(),
        recordBlock: plan.terms.recordBlock.toString(),
        claimDeadline: plan.terms.claimDeadline.toString(),
        root: plan.terms.root,
        treeHash: plan.terms.treeHash,
        leafCount: plan.terms.leafCount.toString(),
      },
      holders: plan.holders,
      entitled: plan.entitled,
      totalShares: plan.totalShares.toString(),
      dust: plan.dust.toString(),
      entitlements: plan.entitlements.map((e) => ({
        wallet: e.wallet,
        shares: e.shares.toString(),
        amount: e.amount.toString(),
      })),
      leftOut: plan.leftOut.map((e) => ({ ...e, shares: e.shares.toString() })),
    };
  },
});

/** After the issuer's createDistribution: verified against the stored terms, the distributor's id recorded. */
export const recordDistributionAction = define({
  name: "distributions.record",
  input: z.object({
    id: z.string().regex(/^[0-9a-f-]{36}$/i),
    txHash: txHashField,
  }),
  auth: "issuer",
  messages,
  run: async ({ id, txHash }, { session, db }) => {
    const { onChainId } = unwrap(await recordIssuerDistribution(db, { issuer: session.address, id, txHash }));
    revalidatePath("/issuer", "layout");
    return { onChainId: onChainId.toString() };
  },
});

/** After the issuer's close: read back from the chain (what came back) and audited. */
export const recordDistributionCloseAction = defineAction<LifecycleRefusal>()({
  name: "distributions.close",
  input: z.object({ onChainId: digitsField, txHash: txHashField }),
  auth: "issuer",
  messages,
  run: async ({ onChainId, txHash }, { session, db }) => {
    const { returned } = unwrap(
      await recordIssuerClose(db, {
        issuer: session.address,
        onChainId: BigInt(onChainId),
        txHash,
      }),
    );
    revalidatePath("/issuer", "layout");
    return { returned: returned.toString() };
  },
});
