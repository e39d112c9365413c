"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, refuse } from "@/lib/actions";
import { checkOnChain, confirmListingStep, recordStepSent, type ListingErrorCode } from "@/lib/issuer";

export type { StepTxView } from "@/lib/issuer";

/*
 * The go-on-chain steps' server side, through the action pipeline (lib/actions): zod → issuer session → ownership
 * (inside lib/issuer, on every call) → act → audit (inside lib/issuer, in the same database transaction as the
 * change). The browser only ever passes a listing id and a transaction hash: what the transaction did is read
 * from the chain here.
 */

const define = defineAction<ListingErrorCode | "symbol_taken">();
const messages = "issuer.errors.codes";
const uuid = z.string().regex(/^[0-9a-f-]{36}$/i);
const txHash = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/)
  .transform((h) => h.toLowerCase() as `0x${string}`);

function revalidateListing(id: string, slug: string, publicPagesChanged: () => void) {
  publicPagesChanged();
  revalidatePath(`/issuer/artworks/${id}`);
  revalidatePath("/issuer");
  revalidatePath(`/artworks/${slug}`);
  revalidatePath("/");
}

/**
 * Where this listing stands on-chain right now, before a step opens the wallet (and while a transaction is
 * waiting): a waiting deploy or offering is settled first (`wait`: up to 15 s for its receipt), then what the
 * chain shows is recorded. The client sends a step only when this says it is still to do and nothing waits.
 */
export const checkOnChainAction = define({
  name: "issuer.checkOnChain",
  input: z.object({ id: uuid, wait: z.boolean().optional(), symbol: z.string().max(32).optional() }),
  auth: "issuer",
  messages,
  run: async ({ id, wait, symbol }, { session, db, publicPagesChanged }) => {
    const r = await checkOnChain(db, { id, issuer: session.address, waitMs: wait ? 15_000 : 0, symbol });
    if (!r.ok) refuse(r.code, r.code === "symbol_taken" ? { values: r.values } : {});
    const { slug, changed, ...check } = r;
    if (changed) revalidateListing(id, slug, publicPagesChanged);
    return check;
  },
});

export type ChainCheck = Awaited<ReturnType<typeof checkOnChainAction>>;

/**
 * The wallet has just returned the hash of a deploy or an offering: it is recorded as waiting (audit
 * "listing.deploy.sent" / "listing.offering.sent") before anything else, so a reload or a closed tab waits for
 * this transaction instead of offering the step again.
 */
export const recordSentTxAction = define({
  name: "issuer.recordSentTx",
  input: z.object({ id: uuid, kind: z.enum(["deploy", "offering"]), txHash }),
  auth: "issuer",
  messages,
  run: async ({ id, kind, txHash }, { session, db }) => {
    await recordStepSent(db, { id, issuer: session.address, kind, txHash });
    // No revalidation: the page sending this transaction is still waiting for it and shows its own state.
    return {};
  },
});

/**
 * After the wallet's transaction is confirmed: the server reads the receipt itself (sender, contract, status,
 * decoded call checked against this listing), records the step and audits it with the hash, once.
 */
export const confirmChainTxAction = define({
  name: "issuer.confirmChainTx",
  input: z.object({ id: uuid, txHash }),
  auth: "issuer",
  messages,
  run: async ({ id, txHash }, { session, db, publicPagesChanged }) => {
    const { kind, slug } = await confirmListingStep(db, { id, issuer: session.address, txHash });
    revalidateListing(id, slug, publicPagesChanged);
    return { kind };
  },
});
