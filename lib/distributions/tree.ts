/**
 * The Merkle tree of a distribution's entitlements and the document that publishes it.
 *
 * Leaves are those of the standard OpenZeppelin Merkle tree (`@openzeppelin/merkle-tree`) over
 * `(uint256 index, address wallet, uint256 amount)`, exactly what `Distributor.claim` verifies:
 * leaf = keccak256(bytes.concat(keccak256(abi.encode(index, wallet, amount)))). Indexes run 0..n−1 over the holders
 * with a non-zero entitlement, in wallet-address order.
 *
 * The document is JSON: the terms, the token, the record block, every holder's shares and entitlement (zero ones
 * too, so the allocation can be recomputed), the wallets left out and why, and the tree itself (OpenZeppelin's
 * `dump()`). Its SHA-256 — of the exact UTF-8 text — is the `treeHash` anchored on-chain with the root.
 *
 * Pure module (no database, no chain): the server, the verifier and the tests share it.
 */
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { type Address, getAddress, type Hex } from "viem";
import { z } from "zod";
import { sha256Hex } from "@/lib/format/hash";
import { AllocationError, allocateProRata, CENT, type Holding } from "./allocate";
import { DISTRIBUTION_KINDS, type DistributionKind } from "./kinds";

export const LEAF_ENCODING = ["uint256", "address", "uint256"] as const;
export const DOCUMENT_FORMAT = "atelier-distribution/1";
export const ALLOCATION_RULE =
  "floor(amount × shares ÷ supply at the record block) in whole cents; the dust returns to the issuer at close";

export { DISTRIBUTION_KINDS, type DistributionKind };
export const kindIndex = (kind: DistributionKind): number => DISTRIBUTION_KINDS.indexOf(kind);

export type ExcludedWallet = { wallet: Address; shares: bigint; reason: string };

export type DistributionInput = {
  chainId: number;
  distributor: Address;
  paymentToken: Address;
  token: Address;
  recordBlock: bigint;
  kind: DistributionKind;
  /** Payment-token base units (6 decimals), a whole number of cents. */
  amount: bigint;
  /** Unix seconds. */
  claimDeadline: number;
  /** Holders at the record block, any order (sorted here by wallet address). */
  holders: readonly Holding[];
  /** Wallets that held shares but take no part, with the reason (recorded in the document). */
  excluded?: readonly ExcludedWallet[];
};

export type Entitlement = { index: number; wallet: Address; shares: bigint; amount: bigint; proof: Hex[] };

export type BuiltDistribution = {
  root: Hex;
  treeHash: Hex;
  leafCount: number;
  totalShares: bigint;
  /** The exact document text (its SHA-256 is `treeHash`). */
  document: string;
  /** Holders with a non-zero entitlement, by index, with their proofs. */
  entitlements: Entitlement[];
  /** Holders whose share rounds to zero cents (in the document, not in the tree). */
  zero: { wallet: Address; shares: bigint }[];
};

export const byWallet = (a: { wallet: string }, b: { wallet: string }) => {
  const x = a.wallet.toLowerCase();
  const y = b.wallet.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

export type WeightTree = {
  root: Hex;
  /** OpenZeppelin's `dump()` of the tree (published in the document). */
  dump: ReturnType<StandardMerkleTree<string[]>["dump"]>;
  /** The proof of leaf i (index order). */
  proofs: Hex[][];
};

/**
 * The standard tree over `(uint256 index, address wallet, uint256 weight)` with leaf i = `leaves[i]`: a distribution's
 * entitlements (weight = amount) and a sale vote's voting weights (weight = shares) are both such trees, verified
 * on-chain the same way.
 */
export function buildWeightTree(leaves: readonly { wallet: Address; weight: bigint }[]): WeightTree {
  const values = leaves.map((l, i) => [i.toString(), l.wallet, l.weight.toString()]);
  const tree = StandardMerkleTree.of(values, [...LEAF_ENCODING]);
  return { root: tree.root as Hex, dump: tree.dump(), proofs: values.map((_, i) => tree.getProof(i) as Hex[]) };
}

/** Loads a dumped standard tree, validates it and returns its root (throws when it is not a valid standard tree). */
export function dumpedTreeRoot(dump: unknown): Hex {
  const tree = StandardMerkleTree.load(dump as Parameters<typeof StandardMerkleTree.load>[0]);
  tree.validate();
  return tree.root as Hex;
}

/** The holders with shares at the record block, checksummed, in wallet-address order: the order of the leaves. */
export const holdersInTreeOrder = (holders: readonly Holding[]): { wallet: Address; balance: bigint }[] =>
  holders
    .filter((h) => h.balance > 0n)
    .map((h) => ({ wallet: getAddress(h.wallet), balance: h.balance }))
    .sort(byWallet);

/** The shares of some holders together. */
export const sumShares = (holders: readonly { balance: bigint }[]): bigint =>
  holders.reduce((s, h) => s + h.balance, 0n);

/** A tree document's exact text (indented JSON, one final newline) and its SHA-256, the `treeHash` anchored on-chain. */
export function publishDocument(doc: object): { document: string; treeHash: Hex } {
  const document = JSON.stringify(doc, null, 2) + "\n";
  return { document, treeHash: sha256Hex(document) };
}

/** The wallets left out as a tree document lists them: checksummed, shares in decimal, in wallet order. */
export const documentExcluded = (excluded: readonly ExcludedWallet[] | undefined) =>
  (excluded ?? [])
    .map((e) => ({ wallet: getAddress(e.wallet), shares: e.shares.toString(), reason: e.reason }))
    .sort(byWallet);

/**
 * What does not hold together between a tree rebuilt from a document's holders and what the document says: its root,
 * its leaf count, and the standard tree dumped in it (which must be valid and have the rebuilt root).
 */
export function treeProblems(
  rebuilt: { root: Hex; leafCount: number },
  written: { root: string; leafCount: number },
  dump: unknown,
): string[] {
  const problems: string[] = [];
  if (rebuilt.root !== written.root)
    problems.push(`the tree rebuilt from the holders has root ${rebuilt.root}, the document says ${written.root}`);
  if (rebuilt.leafCount !== written.leafCount)
    problems.push(`the tree has ${rebuilt.leafCount} leaves, the document says ${written.leafCount}`);
  try {
    const dumped = dumpedTreeRoot(dump);
    if (dumped !== rebuilt.root) problems.push(`the tree in the document has another root (${dumped})`);
  } catch (error) {
    problems.push(`the tree in the document is not a valid standard tree (${(error as Error).message})`);
  }
  return problems;
}

/** Builds the entitlements, the tree and the document of a distribution. */
export function buildDistribution(input: DistributionInput): BuiltDistribution {
  const holders = holdersInTreeOrder(input.holders);
  const totalShares = sumShares(holders);
  // The supply at the record block: the holders' shares and the left-out wallets' together.
  const supply = totalShares + (input.excluded ?? []).reduce((s, e) => s + e.shares, 0n);
  const allocation = allocateProRata(holders, input.amount, { unit: CENT, supply });
  const paid = allocation.filter((a) => a.amount > 0n);
  if (paid.length === 0)
    throw new AllocationError("The amount is too small: every holder's share rounds down to 0 cents");
  const tree = buildWeightTree(paid.map((a) => ({ wallet: a.wallet as Address, weight: a.amount })));
  const root = tree.root;
  const { document, treeHash } = publishDocument({
    format: DOCUMENT_FORMAT,
    chainId: input.chainId,
    distributor: getAddress(input.distributor),
    paymentToken: getAddress(input.paymentToken),
    token: getAddress(input.token),
    recordBlock: input.recordBlock.toString(),
    terms: {
      kind: input.kind,
      amount: input.amount.toString(),
      claimDeadline: input.claimDeadline,
      root,
      leafCount: paid.length,
    },
    allocation: {
      rule: ALLOCATION_RULE,
      unit: CENT.toString(),
      totalShares: totalShares.toString(),
      excluded: documentExcluded(input.excluded),
    },
    holders: allocation.map((a) => ({ wallet: a.wallet, shares: a.balance.toString(), amount: a.amount.toString() })),
    tree: tree.dump,
  });
  return {
    root,
    treeHash,
    leafCount: paid.length,
    totalShares,
    document,
    entitlements: paid.map((a, i) => ({
      index: i,
      wallet: a.wallet as Address,
      shares: a.balance,
      amount: a.amount,
      proof: tree.proofs[i]!,
    })),
    zero: allocation.filter((a) => a.amount === 0n).map((a) => ({ wallet: a.wallet as Address, shares: a.balance })),
  };
}

/** A tree document's fields: a whole number in decimal, an address (any case), 32 bytes in lowercase hex. */
export const docUint = z.string().regex(/^\d+$/);
export const docAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
export const docHex32 = z.string().regex(/^0x[0-9a-f]{64}$/);
/** The wallets left out, as {@link documentExcluded} writes them. */
export const DocumentExcludedSchema = z.array(z.object({ wallet: docAddress, shares: docUint, reason: z.string() }));
/** OpenZeppelin's `dump()` of a standard tree, as published in a document. */
export const StandardTreeDumpSchema = z.object({
  format: z.literal("standard-v1"),
  leafEncoding: z.array(z.string()),
  tree: z.array(docHex32),
  values: z.array(z.object({ value: z.array(z.string()), treeIndex: z.number().int() })),
});

/** What every anchored tree document names first: its format, the chain, the share token and the record block. */
export const treeDocumentHead = <F extends string>(format: F) => ({
  format: z.literal(format),
  chainId: z.number().int().positive(),
  token: docAddress,
  recordBlock: docUint,
});

export const DistributionDocumentSchema = z.object({
  ...treeDocumentHead(DOCUMENT_FORMAT),
  distributor: docAddress,
  paymentToken: docAddress,
  terms: z.object({
    kind: z.enum(DISTRIBUTION_KINDS),
    amount: docUint,
    claimDeadline: z.number().int().nonnegative(),
    root: docHex32,
    leafCount: z.number().int().nonnegative(),
  }),
  allocation: z.object({
    rule: z.string(),
    unit: docUint,
    totalShares: docUint,
    excluded: DocumentExcludedSchema,
  }),
  holders: z.array(z.object({ wallet: docAddress, shares: docUint, amount: docUint })),
  tree: StandardTreeDumpSchema,
});
export type DistributionDocument = z.infer<typeof DistributionDocumentSchema>;

/** A tree document read back and checked on its own (a distribution's by default, a sale's weights). */
export type DocumentCheck<D = DistributionDocument> = {
  document: D;
  treeHash: Hex;
  /** The root of the tree rebuilt from the document's holders (a distribution's allocation recomputed first). */
  rebuiltRoot: Hex;
  /** What in the document does not hold together (empty when all does). */
  problems: string[];
};

/**
 * Reads a distribution document and checks it on its own: the allocation recomputed from the holders' shares gives
 * the amounts written, the tree rebuilt from them gives the root written, and the tree dumped in it is that tree.
 * Throws when the text is not a distribution document at all.
 */
export function checkDistributionDocument(text: string): DocumentCheck {
  const document = DistributionDocumentSchema.parse(JSON.parse(text));
  const problems: string[] = [];
  const rebuilt = buildDistribution({
    chainId: document.chainId,
    distributor: document.distributor as Address,
    paymentToken: document.paymentToken as Address,
    token: document.token as Address,
    recordBlock: BigInt(document.recordBlock),
    kind: document.terms.kind,
    amount: BigInt(document.terms.amount),
    claimDeadline: document.terms.claimDeadline,
    holders: document.holders.map((h) => ({ wallet: h.wallet, balance: BigInt(h.shares) })),
    excluded: document.allocation.excluded.map((e) => ({
      wallet: e.wallet as Address,
      shares: BigInt(e.shares),
      reason: e.reason,
    })),
  });
  const written = new Map(document.holders.map((h) => [h.wallet.toLowerCase(), BigInt(h.amount)]));
  const recomputed = [...rebuilt.entitlements, ...rebuilt.zero.map((z) => ({ ...z, amount: 0n }))];
  const wrong = recomputed.filter((e) => written.get(e.wallet.toLowerCase()) !== e.amount);
  if (wrong.length)
    problems.push(
      `${wrong.length} holder(s) have an amount that the allocation rule does not give (first: ${wrong[0]!.wallet})`,
    );
  problems.push(...treeProblems(rebuilt, document.terms, document.tree));
  return { document, treeHash: sha256Hex(text), rebuiltRoot: rebuilt.root, problems };
}
