import "server-only";

import { cache } from "react";
import { getAddress } from "viem";
import { getDb } from "@/lib/db";
import { chainAnchorReader } from "@/lib/issuer/client";
import { listPublishedUpdates, updateViewFields, type UpdateViewFields } from "@/lib/issuer";
import { hashStoredFile } from "@/lib/storage";
import { getPublicClient, readAtLatestBlock } from "@/lib/chain/server";
import { documentView, verifyDocument, type ArtworkDocumentView } from "./documents";

export type ArtworkUpdateView = UpdateViewFields & {
  publishedAt: Date;
  documents: ArtworkDocumentView[];
};

/**
 * An artwork's published updates, newest first, each document checked as on the artwork's own list: the
 * SHA-256 of the file the portal serves, compared with the hash the token's registry holds now.
 */
export const getArtworkUpdates = cache(
  async ({ artworkId, token }: { artworkId: string; token: string }): Promise<ArtworkUpdateView[]> => {
    const db = await getDb();
    const updates = await listPublishedUpdates(db, { artworkId });
    const docs = updates.flatMap((u) => u.documents);
    const address = getAddress(token);
    const anchors = docs.length
      ? await readAtLatestBlock({
          key: `updates:${address}:${docs.map((d) => d.name).join(",")}`,
          read: () =>
            chainAnchorReader({ client: getPublicClient(), transactions: false })(
              address,
              docs.map((d) => d.name),
            ),
        })
      : [];
    const files = await Promise.all(docs.map((d) => hashStoredFile(d.filePath)));
    const byId = new Map(
      docs.map((d, i) => {
        const a = anchors[i];
        return [d.id, documentView(d, verifyDocument(files[i] ?? null, a ? ["", a.hash, a.anchoredAt] : undefined))];
      }),
    );
    return updates.map((u) => ({
      ...updateViewFields(u),
      publishedAt: u.publishedAt!,
      documents: u.documents.map((d) => byId.get(d.id)!),
    }));
  },
);
