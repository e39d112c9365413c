"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { type ListingErrorCode, publishAnchoredUpdate, unanchoredUpdateDocuments } from "@/lib/issuer";

/*
 * Update server actions, through the action pipeline (lib/actions): zod → issuer session → ownership (inside
 * lib/issuer/updates, on every call) → act → audit (inside lib/issuer/updates). Publishing reads the chain on the
 * server: the browser's word that a document was anchored is never taken.
 */

const define = defineAction<ListingErrorCode>();
const input = z.object({ updateId: z.string().regex(/^[0-9a-f-]{36}$/i) });

/**
 * Before the wallet opens for an update's documents: which of them the token's registry does not hold with
 * their fingerprint yet (a document anchored by an interrupted run is not sent again).
 */
export const unanchoredUpdateDocumentsAction = define({
  name: "issuer.unanchoredUpdateDocuments",
  input,
  auth: "issuer",
  messages: "issuer.errors.codes",
  run: async ({ updateId }, { session, db }) => ({
    documentIds: await unanchoredUpdateDocuments(db, { id: updateId, issuer: session.address }),
  }),
});

/**
 * Publishes an update after reading each of its documents' hashes back from the token's registry. Anchoring
 * transactions found there that were not recorded yet (the page was closed before it confirmed them) are
 * verified and audited on the way.
 */
export const publishUpdateAction = define({
  name: "issuer.publishUpdate",
  input,
  auth: "issuer",
  messages: "issuer.errors.codes",
  run: async ({ updateId }, { session, db, publicPagesChanged }) => {
    const { artworkId, slug } = await publishAnchoredUpdate(db, { id: updateId, issuer: session.address });
    publicPagesChanged();
    revalidatePath(`/issuer/artworks/${artworkId}`);
    revalidatePath(`/artworks/${slug}`);
    return {};
  },
});
