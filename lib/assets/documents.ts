import "server-only";

import { eq } from "drizzle-orm";
import { hexToString, stringToHex, type Address, type Hex } from "viem";
import { getDb, schema } from "@/lib/db";
import { artworkShareTokenAbi } from "@/lib/chain/abis";
import { readStoredFile } from "@/lib/storage";

export type DocumentVerification =
  | { state: "verified"; anchoredAt: Date }
  | { state: "mismatch"; anchoredHash: Hex; servedHash: Hex; anchoredAt: Date }
  | { state: "not_anchored" }
  | { state: "missing_file" };

/** An artwork document as the artwork page and its updates list it, with the check of the file served. */
export type ArtworkDocumentView = {
  id: string;
  name: string;
  title: string;
  kind: schema.ArtworkDocument["kind"];
  sizeBytes: number;
  sha256: Hex;
  href: string;
  verification: DocumentVerification;
};

export function documentView(doc: schema.ArtworkDocument, verification: DocumentVerification): ArtworkDocumentView {
  const { id, name, title, kind, sizeBytes } = doc;
  return { id, name, title, kind, sizeBytes, sha256: doc.sha256 as Hex, href: `/documents/${id}`, verification };
}

/** A public artwork document (appraisal, condition report…) by id, with its stored bytes. */
export async function getArtworkDocumentFile({ id }: { id: string }) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const [doc] = await db.select().from(schema.artworkDocuments).where(eq(schema.artworkDocuments.id, id)).limit(1);
  if (!doc) return null;
  // Public documents live under files/artworks; nothing else is served by /documents.
  const bytes = await readStoredFile(doc.filePath, { area: "artworks" });
  return { doc, bytes };
}

export function documentNameToBytes32(name: string): Hex {
  return stringToHex(name, { size: 32 });
}

export function bytes32ToDocumentName(value: Hex): string {
  return hexToString(value, { size: 32 }).replace(/\0+$/, "");
}

/** The on-chain document contract calls for a token, to batch with other reads. */
export function documentReadContracts(token: Address, names: string[]) {
  return names.map((name) => ({
    address: token,
    abi: artworkShareTokenAbi,
    functionName: "getDocument" as const,
    args: [documentNameToBytes32(name)] as const,
  }));
}

/**
 * Compares the SHA-256 of the bytes the portal serves (`hashStoredFile`) with the hash anchored on chain.
 * "verified" only when they are equal.
 */
export function verifyDocument(
  servedHash: Hex | null,
  anchored: readonly [string, Hex, bigint] | undefined,
): DocumentVerification {
  if (!servedHash) return { state: "missing_file" };
  if (!anchored || /^0x0{64}$/.test(anchored[1])) return { state: "not_anchored" };
  const anchoredAt = new Date(Number(anchored[2]) * 1000);
  return servedHash.toLowerCase() === anchored[1].toLowerCase()
    ? { state: "verified", anchoredAt }
    : { state: "mismatch", anchoredHash: anchored[1], servedHash, anchoredAt };
}
