"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getAddress, type Hex } from "viem";
import { z } from "zod";
import { AuthError } from "@/lib/auth/errors";
import { requireSession } from "@/lib/auth/guard";
import { getDeployments } from "@/lib/chain/server";
import { getDb } from "@/lib/db";
import {
  type GuardedKind,
  confirmListingTx,
  getStepTxs,
  recordChainProgress,
  recordSentTx,
  resolvePendingTxs,
  type StepTx,
} from "@/lib/issuer/chain-steps";
import { getListingDocuments, getOwnedListing, ListingError } from "@/lib/issuer/listings";
import { deriveGoOnChainProgress } from "@/lib/issuer/progress";
import { getChainDeps } from "@/lib/issuer/queries";
import { listPlatformSymbols } from "@/lib/issuer/symbol-registry";
import { findSymbolHolder } from "@/lib/issuer/symbols";

/*
 * The go-on-chain steps' server side. Each is a public POST endpoint: zod parse → issuer session → ownership
 * (inside lib/issuer, on every call) → act → audit (inside lib/issuer, in the same database transaction as the
 * change). The browser only ever passes a listing id and a transaction hash: what the transaction did is read
 * from the chain here.
 */

const uuid = z.string().regex(/^[0-9a-f-]{36}$/i);
const txHash = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/)
  .transform((h) => h.toLowerCase() as Hex);

export type StepTxView = { status: StepTx["status"]; txHash: Hex; failure: string | null; sentAt: string };
const view = (t: StepTx | null): StepTxView | null =>
  t ? { status: t.status, txHash: t.txHash, failure: t.failure, sentAt: t.sentAt.toISOString() } : null;

export type ChainFailure = { ok: false; code: string; message: string };

async function fail(code: string): Promise<ChainFailure> {
  const t = await getTranslations("issuer.errors");
  return { ok: false, code, message: t(`codes.${code}` as never) };
}

async function handle(error: unknown): Promise<ChainFailure> {
  if (error instanceof AuthError) return fail(error.code);
  if (error instanceof ListingError) return fail(error.code);
  console.error("[issuer] chain action failed:", error instanceof Error ? error.message : error);
  return fail("unavailable");
}

function revalidateListing(id: string, slug: string) {
  revalidatePath(`/issuer/artworks/${id}`);
  revalidatePath("/issuer");
  revalidatePath(`/artworks/${slug}`);
  revalidatePath("/");
}

export type ChainCheck =
  | {
      ok: true;
      token: string | null;
      offeringId: string | null;
      /** The latest deploy and offering transaction (waiting, confirmed or failed). */
      deploy: StepTxView | null;
      offering: StepTxView | null;
      /** Listing documents not anchored with their fingerprint yet, as the token's registry says now. */
      unanchored: string[];
    }
  | ChainFailure;

/**
 * Where this listing stands on-chain right now, before a step opens the wallet (and while a transaction is
 * waiting): a waiting deploy or offering is settled first (`wait`: up to 15 s for its receipt), then what the
 * chain shows is recorded. The client sends a step only when this says it is still to do and nothing waits.
 */
export async function checkOnChainAction(input: { id: string; wait?: boolean; symbol?: string }): Promise<ChainCheck> {
  const parsed = z
    .object({ id: uuid, wait: z.boolean().optional(), symbol: z.string().max(32).optional() })
    .safeParse(input);
  if (!parsed.success) return fail("not_found");
  const { id, wait, symbol } = parsed.data;
  try {
    const ctx = await requireSession({ role: "issuer" });
    const db = await getDb();
    const deps = getChainDeps();
    let listing = await getOwnedListing(db, { id, issuer: ctx.address });
    if (!listing.metadataHash) return fail("not_approved");
    const settled = await resolvePendingTxs(db, deps, { id, issuer: ctx.address, waitMs: wait ? 15_000 : 0 });
    listing = await getOwnedListing(db, { id, issuer: ctx.address });
    const documents = await getListingDocuments(db, { artworkId: id });
    const progress = await deriveGoOnChainProgress({
      client: deps.client,
      contracts: getDeployments(),
      issuer: getAddress(ctx.address),
      metadataHash: listing.metadataHash as Hex,
      knownToken: listing.tokenAddress ? getAddress(listing.tokenAddress) : null,
      documents,
    });
    const recorded = await recordChainProgress(db, deps, { id, issuer: ctx.address, progress });
    const steps = await getStepTxs(db, { artworkId: id });
    if (settled || recorded) revalidateListing(id, listing.slug);
    // Before a deploy is signed: the symbol must not be used by any other token on the platform.
    if (symbol !== undefined && !progress.token) {
      const holder = findSymbolHolder(
        symbol,
        await listPlatformSymbols(
          db,
          { client: deps.client, factory: deps.contracts.shareTokenFactory },
          {
            exceptArtworkId: id,
          },
        ),
      );
      if (holder) {
        const t = await getTranslations("issuer.errors");
        return {
          ok: false,
          code: "symbol_taken",
          message: holder.title
            ? t("symbolTakenBy", { symbol: holder.symbol, title: holder.title })
            : t("symbolTaken", { symbol: holder.symbol }),
        };
      }
    }
    return {
      ok: true,
      token: progress.token,
      offeringId: progress.offeringId?.toString() ?? null,
      deploy: view(steps.deploy),
      offering: view(steps.offering),
      unanchored: progress.documents.filter((d) => !d.anchored).map((d) => d.id),
    };
  } catch (error) {
    return handle(error);
  }
}

export type SentResult = { ok: true } | ChainFailure;

/**
 * The wallet has just returned the hash of a deploy or an offering: it is recorded as waiting (audit
 * "listing.deploy.sent" / "listing.offering.sent") before anything else, so a reload or a closed tab waits for
 * this transaction instead of offering the step again.
 */
export async function recordSentTxAction(input: {
  id: string;
  kind: GuardedKind;
  txHash: string;
}): Promise<SentResult> {
  const parsed = z.object({ id: uuid, kind: z.enum(["deploy", "offering"]), txHash }).safeParse(input);
  if (!parsed.success) return fail("invalid");
  try {
    const ctx = await requireSession({ role: "issuer" });
    await recordSentTx(await getDb(), getChainDeps(), {
      id: parsed.data.id,
      issuer: ctx.address,
      kind: parsed.data.kind,
      txHash: parsed.data.txHash,
    });
    // No revalidation: the page sending this transaction is still waiting for it and shows its own state.
    return { ok: true };
  } catch (error) {
    return handle(error);
  }
}

export type ConfirmResult = { ok: true; kind: string } | ChainFailure;

/**
 * After the wallet's transaction is confirmed: the server reads the receipt itself (sender, contract, status,
 * decoded call checked against this listing), records the step and audits it with the hash, once.
 */
export async function confirmChainTxAction(input: { id: string; txHash: string }): Promise<ConfirmResult> {
  const parsed = z.object({ id: uuid, txHash }).safeParse(input);
  if (!parsed.success) return fail("invalid");
  try {
    const ctx = await requireSession({ role: "issuer" });
    const db = await getDb();
    const result = await confirmListingTx(db, getChainDeps(), {
      id: parsed.data.id,
      issuer: ctx.address,
      txHash: parsed.data.txHash,
      waitMs: 30_000,
    });
    const listing = await getOwnedListing(db, { id: parsed.data.id, issuer: ctx.address });
    revalidateListing(listing.id, listing.slug);
    return { ok: true, kind: result.kind };
  } catch (error) {
    return handle(error);
  }
}
