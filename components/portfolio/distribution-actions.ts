"use server";

import { z } from "zod";
import { txHashField } from "@/lib/chain/tx-hash-field";
import { defineAction, unwrap } from "@/lib/actions";
import { claimsOfWallet, recordInvestorClaim } from "@/lib/distributions";

/*
 * An investor's entitlements in the distributions anchored on-chain, with the Merkle proof of each: exactly the
 * arguments of `Distributor.claim` / `claimMany` for the signed-in wallet (whether it may claim now is the chain's
 * `claimCode`, read by the page before signing).
 */
export const myDistributionClaimsAction = defineAction()({
  name: "distributions.myClaims",
  input: z.object({}),
  auth: "signedIn",
  messages: "distributions.errors",
  run: async (_input, { session, db }) => ({ claims: await claimsOfWallet(db, session.address) }),
});

/*
 * After the investor's `claim` / `claimMany`: the server reads the transaction itself (sent by the signed-in wallet to
 * the distributor, mined, paying this wallet) and audits what it paid, once per transaction.
 */
export const recordDistributionClaimAction = defineAction()({
  name: "distributions.recordClaim",
  input: z.object({
    txHash: txHashField,
  }),
  auth: "signedIn",
  messages: "distributions.errors",
  run: async ({ txHash }, { session, db }) => {
    const { claims, already } = unwrap(await recordInvestorClaim(db, { wallet: session.address, txHash }));
    return { claimed: claims.length, already };
  },
});
