"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { claimsOfWallet } from "@/lib/distributions/server";

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
