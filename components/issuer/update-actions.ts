"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getAddress } from "viem";
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { getDb } from "@/lib/db";
import { type Anchor, chainAnchorReader, type ReadAnchors } from "@/lib/issuer/anchors";
import { confirmListingTx } from "@/lib/issuer/chain-steps";
import { getOwnedListing, ListingError } from "@/lib/issuer/listings";
import { getChainDeps } from "@/lib/issuer/queries";
import { getOwnedUpdate, publishUpdate } from "@/lib/issuer/updates";
import type { IssuerActionState } from "./actions";

/*
 * Update server actions: zod parse → issuer session → ownership (inside lib/issuer/updates, on every call)
 * → act → audit (inside lib/issuer/updates). Publishing reads the chain on the server: the browser's word
 * that a document was anchored is never taken.
 */

const uuid = z.string().regex(/^[0-9a-f-]{36}$/i);

async function fail(code: string, fieldErrors?: Record<string, string>): Promise<IssuerActionState & { ok: false }> {
  const t = await getTranslations("issuer.errors");
  return {
    ok: false,
    code,
    message: t(`codes.${code}` as never),
    ...(fieldErrors ? { fieldErrors } : {}),
    at: Date.now(),
  };
}

async function handle(error: unknown) {
  if (error instanceof AuthError) return fail(error.code);
  if (error instanceof ListingError) return fail(error.code);
  console.error("[issuer] update action failed:", error instanceof Error ? error.message : error);
  return fail("unavailable");
}

async function revalidateListing(id: string) {
  revalidatePath(`/issuer/artworks/${id}`);
  try {
    const ctx = await requireSession({ role: "issuer" });
    const listing = await getOwnedListing(await getDb(), { id, issuer: ctx.address });
    revalidatePath(`/artworks/${listing.slug}`);
  } catch {
    // Revalidation is best effort; the action's outcome stands.
  }
}

export type PublishResult = { ok: true } | { ok: false; code: string; message: string };

export type UnanchoredResult = { ok: true; documentIds: string[] } | { ok: false; code: string; message: string };

/**
 * Before the wallet opens for an update's documents: which of them the token's registry does not hold with
 * their fingerprint yet (a document anchored by an interrupted run is not sent again).
 */
export async function unanchoredUpdateDocumentsAction(input: { updateId: string }): Promise<UnanchoredResult> {
  const parsed = uuid.safeParse(input?.updateId);
  if (!parsed.success) {
    const f = await fail("not_found");
    return { ok: false, code: f.code, message: f.message };
  }
  try {
    const ctx = await requireSession({ role: "issuer" });
    const { update, tokenAddress } = await getOwnedUpdate(await getDb(), { id: parsed.data, issuer: ctx.address });
    if (!tokenAddress) throw new ListingError("not_on_chain");
    const anchors = await chainAnchorReader({ client: getPublicClient(), transactions: false })(
      getAddress(tokenAddress),
      update.documents.map((d) => d.name),
    );
    return {
      ok: true,
      documentIds: update.documents
        .filter((d, i) => anchors[i]?.hash.toLowerCase() !== d.sha256.toLowerCase())
        .map((d) => d.id),
    };
  } catch (error) {
    const f = await handle(error);
    return { ok: false, code: f.code, message: f.message };
  }
}

/**
 * Publishes an update after reading each of its documents' hashes back from the token's registry. Anchoring
 * transactions found there that were not recorded yet (the page was closed before it confirmed them) are
 * verified and audited on the way.
 */
export async function publishUpdateAction(input: { updateId: string }): Promise<PublishResult> {
  const parsed = uuid.safeParse(input?.updateId);
  if (!parsed.success) {
    const f = await fail("not_found");
    return { ok: false, code: f.code, message: f.message };
  }
  let artworkId: string;
  try {
    const ctx = await requireSession({ role: "issuer" });
    const db = await getDb();
    const read = chainAnchorReader({ client: getPublicClient(), fromBlock: getDeployments().startBlock });
    let seen: Anchor[] = [];
    const readAnchors: ReadAnchors = async (token, names) => (seen = await read(token, names));
    const update = await publishUpdate(db, { id: parsed.data, issuer: ctx.address, readAnchors });
    artworkId = update.artworkId;
    const deps = getChainDeps();
    for (const txHash of new Set(seen.map((a) => a.txHash).filter((h): h is `0x${string}` => !!h))) {
      await confirmListingTx(db, deps, { id: artworkId, issuer: ctx.address, txHash }).catch((error: unknown) => {
        if (!(error instanceof ListingError)) throw error;
      });
    }
  } catch (error) {
    const f = await handle(error);
    return { ok: false, code: f.code, message: f.message };
  }
  await revalidateListing(artworkId);
  return { ok: true };
}
