import "server-only";

/**
 * The server's sale calls for the actions, routes and pages: the domain calls bound to the server's chain client and
 * deployments. The weights document is served at `/api/sales/<id>/weights` (its URI anchored on-chain with its
 * SHA-256).
 */
import type { Address, Hex, PublicClient } from "viem";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { isNotFound } from "@/lib/chain/verify-tx";
import { getDb } from "@/lib/db";
import type { Database } from "@/lib/db/connect";
import { planSale, type PlanSaleArgs, recordSaleOpened, weightsDocumentPath } from "./plan";
import { holderSale, loadTokenSale } from "./reads";
import { recordSaleStep, type SaleStep } from "./record";
import { getSale } from "./store";

const serverChain = () => ({ client: getPublicClient() as PublicClient, deployments: getDeployments() });

/** Plans as the issuer asked; `origin` is the portal's address the weights document is served from. */
export function planIssuerSale(
  db: Database,
  args: Omit<PlanSaleArgs, "client" | "deployments" | "offerURI"> & { origin: string },
) {
  const { origin, ...rest } = args;
  return planSale(db, {
    ...rest,
    ...serverChain(),
    offerURI: (id) => new URL(weightsDocumentPath(id), origin).toString(),
  });
}

/**
 * How long to wait for a transaction's receipt: up to 15 s when the node knows it (the wallet's node may be a moment
 * ahead of ours), not at all for a hash it has never seen (answered at once: tx_not_found).
 */
async function waitFor(txHash: Hex): Promise<number> {
  const known = await (getPublicClient() as PublicClient).getTransaction({ hash: txHash }).then(
    () => true,
    (error: unknown) => {
      if (isNotFound(error)) return false;
      throw error;
    },
  );
  return known ? 15_000 : 0;
}

export async function recordIssuerSaleOpened(db: Database, args: { issuer: Address; id: string; txHash: Hex }) {
  return recordSaleOpened(db, { ...args, ...serverChain(), waitMs: await waitFor(args.txHash) });
}

export async function recordWalletSaleStep(db: Database, args: { wallet: Address; step: SaleStep; txHash: Hex }) {
  const waitMs = await waitFor(args.txHash);
  if (waitMs === 0) return { ok: false as const, code: "tx_not_found" as const };
  return recordSaleStep(db, { ...args, ...serverChain(), waitMs });
}

/** The token's sale for the artwork and issuer pages, with the chain's latest block time (the close is by time). */
export async function loadSaleOfToken(token: Address) {
  const [sale, head] = await Promise.all([loadTokenSale(await getDb(), token), getPublicClient().getBlock()]);
  return { saleContract: getDeployments().artworkSale ?? null, chainTime: Number(head.timestamp), sale };
}

/** A wallet's place in the token's sale (null: no sale), with the contract's answers now. */
export async function loadHolderSale(db: Database, token: Address, wallet: Address) {
  const sale = await loadTokenSale(db, token);
  if (!sale) return null;
  return holderSale(db, { ...serverChain(), sale, wallet });
}

/** The signed-in wallet's place in the token's sale for its pages (null: no sale). */
export async function loadMySale(token: Address, wallet: Address) {
  return loadHolderSale(await getDb(), token, wallet);
}

/** The exact weights document and whether a sale on-chain anchors it yet; null when there is none. */
export async function loadWeightsDocument(id: string): Promise<{ document: string; anchored: boolean } | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const row = await getSale(await getDb(), id);
  return row ? { document: row.document, anchored: row.onChainId !== null } : null;
}
