/**
 * The Merkle tree of a sale vote's weights and the document that publishes it: the standard tree of the distributions
 * (`buildWeightTree`, leaves `(uint256 index, address wallet, uint256 weight)`), weight = the wallet's shares at the
 * record block, indexes 0..n−1 over the holders in wallet-address order — exactly what `ArtworkSale.vote` verifies.
 * The document (JSON) holds the terms it was built for, every holder's weight, the wallets left out and why, and the
 * tree; its SHA-256 (of the exact UTF-8 text) is the `treeHash` anchored with the root. Pure module.
 */
import { type Address, getAddress, type Hex } from "viem";
import { z } from "zod";
import {
  buildWeightTree,
  docAddress,
  docHex32,
  documentExcluded,
  DocumentExcludedSchema,
  docUint,
  holdersInTreeOrder,
  publishDocument,
  sumShares,
  treeProblems,
  type DocumentCheck,
  type ExcludedWallet,
  StandardTreeDumpSchema,
  treeDocumentHead,
} from "@/lib/distributions/client";
import { sha256Hex } from "@/lib/format/hash";

export const SALE_DOCUMENT_FORMAT = "atelier-sale-weights/1";

export type SaleWeightsInput = {
  chainId: number;
  saleContract: Address;
  token: Address;
  recordBlock: bigint;
  /** The token's total supply at the record block (the quorum's base). */
  supply: bigint;
  holders: readonly { wallet: Address; balance: bigint }[];
  excluded?: readonly ExcludedWallet[];
};

export type SaleWeight = { index: number; wallet: Address; weight: bigint; proof: Hex[] };

export type BuiltSaleWeights = {
  root: Hex;
  treeHash: Hex;
  leafCount: number;
  /** Shares of the holders in the tree (the supply less the left-out wallets' shares). */
  totalWeight: bigint;
  document: string;
  weights: SaleWeight[];
};

export function buildSaleWeights(input: SaleWeightsInput): BuiltSaleWeights {
  const holders = holdersInTreeOrder(input.holders);
  if (holders.length === 0) throw new Error("No holder had shares at the record block");
  // A holder's weight is its shares.
  const tree = buildWeightTree(holders.map((h) => ({ wallet: h.wallet, weight: h.balance })));
  const { document, treeHash } = publishDocument({
    format: SALE_DOCUMENT_FORMAT,
    chainId: input.chainId,
    saleContract: getAddress(input.saleContract),
    token: getAddress(input.token),
    recordBlock: input.recordBlock.toString(),
    supply: input.supply.toString(),
    root: tree.root,
    leafCount: holders.length,
    excluded: documentExcluded(input.excluded),
    holders: holders.map((h) => ({ wallet: h.wallet, weight: h.balance.toString() })),
    tree: tree.dump,
  });
  return {
    root: tree.root,
    treeHash,
    leafCount: holders.length,
    totalWeight: sumShares(holders),
    document,
    weights: holders.map((h, i) => ({ index: i, wallet: h.wallet, weight: h.balance, proof: tree.proofs[i]! })),
  };
}

export const SaleDocumentSchema = z.object({
  ...treeDocumentHead(SALE_DOCUMENT_FORMAT),
  saleContract: docAddress,
  supply: docUint,
  root: docHex32,
  leafCount: z.number().int().positive(),
  excluded: DocumentExcludedSchema,
  holders: z.array(z.object({ wallet: docAddress, weight: docUint })),
  tree: StandardTreeDumpSchema,
});
export type SaleDocument = z.infer<typeof SaleDocumentSchema>;

/**
 * Reads a weights document and checks it holds together: the tree rebuilt from its holders has the root written, and
 * the dumped tree is that tree. Throws when the text is not a weights document at all.
 */
export function checkSaleDocument(text: string): DocumentCheck<SaleDocument> {
  const document = SaleDocumentSchema.parse(JSON.parse(text));
  const rebuilt = buildSaleWeights({
    chainId: document.chainId,
    saleContract: document.saleContract as Address,
    token: document.token as Address,
    recordBlock: BigInt(document.recordBlock),
    supply: BigInt(document.supply),
    holders: document.holders.map((h) => ({ wallet: h.wallet as Address, balance: BigInt(h.weight) })),
  });
  const problems = treeProblems(rebuilt, document, document.tree);
  return { document, treeHash: sha256Hex(text), rebuiltRoot: rebuilt.root, problems };
}
