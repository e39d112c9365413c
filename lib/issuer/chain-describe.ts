import "server-only";

/** Which of a listing's on-chain steps a verified call is, and what confirming it records (`chain-steps.ts`). */
import { and, eq, sql } from "drizzle-orm";
import { getAddress, type Hex, hexToString, parseEventLogs } from "viem";
import { primaryOfferingAbi, shareTokenFactoryAbi } from "@/lib/chain/abis";
import type { VerifiedCall } from "@/lib/chain/verify-tx";
import type { Database } from "@/lib/db/connect";
import {
  type Artwork,
  artworkDocuments,
  artworks,
  artworkUpdates,
  type ListingTxKind,
  offerings,
} from "@/lib/db/schema";
import type { ChainDeps } from "./chain-deps";
import { ListingError } from "./listing-core";

export type Step = {
  kind: ListingTxKind;
  details: Record<string, unknown>;
  /** The change the step makes to the listing, inside the recording transaction; returns extra audit fields. */
  apply?: (tx: Database) => Promise<Record<string, unknown>>;
};

/** Which of this listing's steps a verified call is, with what it records. Refuses a call about something else. */
export async function describeStep(db: Database, deps: ChainDeps, listing: Artwork, call: VerifiedCall): Promise<Step> {
  const token = listing.tokenAddress ? getAddress(listing.tokenAddress) : null;
  const logs = call.receipt.logs;
  switch (call.functionName) {
    case "deployToken": {
      if (!listing.metadataHash || String(call.named.metadataHash).toLowerCase() !== listing.metadataHash.toLowerCase())
        throw new ListingError("tx_wrong_call");
      const [event] = parseEventLogs({ abi: shareTokenFactoryAbi, logs, eventName: "TokenDeployed" }).filter(
        (l) => getAddress(l.address) === getAddress(deps.contracts.shareTokenFactory),
      );
      if (!event?.args.token) throw new ListingError("tx_wrong_call");
      const deployed = event.args.token.toLowerCase();
      return {
        kind: "deploy",
        details: {
          token: deployed,
          name: call.named.name,
          symbol: call.named.symbol,
          maxSupply: call.named.maxSupply,
          rules: call.named.rules,
          metadataHash: listing.metadataHash,
        },
        apply: async (tx) => {
          const moved = await tx
            .update(artworks)
            .set({ tokenAddress: deployed, status: "deployed" })
            .where(
              and(eq(artworks.id, listing.id), eq(artworks.status, "approved"), sql`${artworks.tokenAddress} IS NULL`),
            )
            .returning({ id: artworks.id });
          // A second token for the same listing (two tabs racing) is audited, but the first one stays the listing's.
          return { recorded: moved.length > 0 || listing.tokenAddress === deployed };
        },
      };
    }
    case "setDocument": {
      const [docName, uri, documentHash] = call.args as [Hex, string, Hex];
      const name = hexToString(docName, { size: 32 });
      const [doc] = await db
        .select()
        .from(artworkDocuments)
        .where(and(eq(artworkDocuments.artworkId, listing.id), eq(artworkDocuments.name, name)))
        .limit(1);
      if (!doc || doc.sha256.toLowerCase() !== documentHash.toLowerCase()) throw new ListingError("tx_wrong_call");
      const [update] = await db
        .select({ id: artworkUpdates.id })
        .from(artworkUpdates)
        .where(
          and(
            eq(artworkUpdates.artworkId, listing.id),
            sql`${artworkUpdates.documentIds} @> jsonb_build_array(${doc.id}::text)`,
          ),
        )
        .limit(1);
      return {
        kind: update ? "update_anchor" : "anchor",
        details: {
          token: token!.toLowerCase(),
          documentId: doc.id,
          name,
          sha256: doc.sha256,
          uri,
          ...(update ? { updateId: update.id } : {}),
        },
      };
    }
    case "createOffering": {
      if (!token || call.named.token !== token.toLowerCase()) throw new ListingError("tx_wrong_call");
      const [event] = parseEventLogs({ abi: primaryOfferingAbi, logs, eventName: "OfferingCreated" }).filter(
        (l) => getAddress(l.address) === getAddress(deps.contracts.primaryOffering),
      );
      if (event?.args.id === undefined) throw new ListingError("tx_wrong_call");
      const offeringId = event.args.id.toString();
      return {
        kind: "offering",
        details: { token: token.toLowerCase(), offeringId, terms: call.named.terms },
        apply: async (tx) => {
          const inserted = await tx
            .insert(offerings)
            .values({ artworkId: listing.id, onChainId: offeringId })
            .onConflictDoNothing()
            .returning({ id: offerings.id });
          await tx
            .update(artworks)
            .set({ status: "offering" })
            .where(and(eq(artworks.id, listing.id), sql`${artworks.status} IN ('approved', 'deployed')`));
          return { recorded: inserted.length > 0 };
        },
      };
    }
    case "closeOffering":
    case "withdrawProceeds": {
      const [offeringId] = call.args as [bigint];
      if (!token) throw new ListingError("tx_wrong_call");
      const ids = await deps.client.readContract({
        address: deps.contracts.primaryOffering,
        abi: primaryOfferingAbi,
        functionName: "offeringsOf",
        args: [token],
      });
      if (!ids.includes(offeringId)) throw new ListingError("tx_wrong_call");
      if (call.functionName === "closeOffering") {
        return { kind: "close", details: { token: token.toLowerCase(), offeringId: offeringId.toString() } };
      }
      const [event] = parseEventLogs({ abi: primaryOfferingAbi, logs, eventName: "ProceedsWithdrawn" }).filter(
        (l) => getAddress(l.address) === getAddress(deps.contracts.primaryOffering),
      );
      return {
        kind: "withdraw",
        details: {
          token: token.toLowerCase(),
          offeringId: offeringId.toString(),
          amount: event?.args.amount?.toString() ?? "0",
          treasury: event?.args.treasury?.toLowerCase() ?? null,
        },
      };
    }
    default:
      throw new ListingError("tx_wrong_call");
  }
}
