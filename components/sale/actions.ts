"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addressField, digitsField, recordBlockField } from "@/components/issuer/plan-fields";
import { defineAction, unwrap } from "@/lib/actions";
import { txHashField } from "@/lib/chain/tx-hash-field";
import { getServerEnv } from "@/lib/env";
import { getRequestIp } from "@/lib/http/request-ip";
import { enforceRateLimits } from "@/lib/rate-limit";
import {
  planIssuerSale,
  recordIssuerSaleOpened,
  recordWalletSaleStep,
  type SaleRefusal,
  type SaleStepRefusal,
} from "@/lib/sale";

/*
 * The sale vote's steps through the action pipeline (lib/actions): zod → session (+ issuer role) → the domain
 * (lib/sale: the token's owner checked on-chain, the transaction read from the chain) → audited. The browser passes
 * what the person chose; the weights, the tree and the terms to sign are the server's.
 */

const messages = "sale.errors";
const bytes32 = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/)
  .transform((h) => h.toLowerCase() as `0x${string}`);

/** Builds the weights at the record block and returns the terms the issuer signs (approve, then openSale). */
export const planSaleAction = defineAction<SaleRefusal>()({
  name: "sale.plan",
  input: z.object({
    token: addressField,
    buyer: addressField,
    /** Payment-token base units (6 decimals), whole cents. */
    price: digitsField,
    offerHash: bytes32,
    offerName: z.string().trim().min(1).max(200),
    recordBlock: recordBlockField,
    votingDays: z.number().int(),
    quorumBps: z.number().int(),
    approvalBps: z.number().int(),
  }),
  auth: "issuer",
  messages,
  run: async (input, { session, db }) => {
    await enforceRateLimits(db, { name: "salePlan", subjects: { ip: await getRequestIp(), address: session.address } });
    const plan = unwrap(
      await planIssuerSale(db, {
        ...input,
        issuer: session.address,
        price: BigInt(input.price),
        recordBlock: input.recordBlock === "now" ? "now" : BigInt(input.recordBlock),
        // The weights document's address is anchored on-chain for good: the configured origin, never request headers.
        origin: getServerEnv().appOrigin,
      }),
    );
    const t = plan.terms;
    return {
      id: plan.id,
      saleContract: plan.saleContract,
      paymentToken: plan.paymentToken,
      token: plan.token,
      offerURI: plan.offerURI,
      terms: {
        buyer: t.buyer,
        price: t.price.toString(),
        recordBlock: t.recordBlock.toString(),
        supply: t.supply.toString(),
        votingEnds: t.votingEnds.toString(),
        quorumBps: t.quorumBps,
        approvalBps: t.approvalBps,
        weightsRoot: t.weightsRoot,
        leafCount: t.leafCount.toString(),
        offerHash: t.offerHash,
        treeHash: t.treeHash,
      },
      holders: plan.holders,
      totalWeight: plan.totalWeight.toString(),
      weights: plan.weights.map((w) => ({ wallet: w.wallet, weight: w.weight.toString() })),
      leftOut: plan.leftOut.map((e) => ({ wallet: e.wallet, shares: e.shares.toString(), reason: e.reason })),
    };
  },
});

/** After the issuer's openSale: verified against the stored terms, the contract's sale id recorded. */
export const recordSaleOpenedAction = defineAction<SaleRefusal>()({
  name: "sale.recordOpen",
  input: z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/i), txHash: txHashField }),
  auth: "issuer",
  messages,
  run: async ({ id, txHash }, { session, db, publicPagesChanged }) => {
    const { onChainId } = unwrap(await recordIssuerSaleOpened(db, { issuer: session.address, id, txHash }));
    revalidatePath("/issuer", "layout");
    publicPagesChanged();
    return { onChainId: onChainId.toString() };
  },
});

/**
 * After a vote, a finalize (anyone), a redemption or the issuer's dust sweep: the transaction read from the chain (sent
 * by the signed-in wallet to this deployment's sale contract, the named call, mined and successful) and audited once.
 * A sweep's event is the contract's own (only the sale's issuer can cause it); `amount` is what it paid, in base units.
 */
export const recordSaleStepAction = defineAction<SaleStepRefusal>()({
  name: "sale.recordStep",
  input: z.object({ step: z.enum(["vote", "finalize", "redeem", "sweepDust"]), txHash: txHashField }),
  auth: "signedIn",
  messages,
  run: async ({ step, txHash }, { session, db, publicPagesChanged }) => {
    const { recorded } = unwrap(await recordWalletSaleStep(db, { wallet: session.address, step, txHash }));
    if (step === "sweepDust") revalidatePath("/issuer", "layout");
    publicPagesChanged();
    return { onChainId: recorded.onChainId, already: recorded.already, amount: String(recorded.detail.amount ?? "") };
  },
});
