/**
 * The issuer's two steps of a sale vote, as domain calls the server actions wrap:
 * 1. {@link planSale}: the issuer of a token records a buyer's offer (buyer, price, offer document's hash, record block
 *    or "now", voting period, thresholds); the server builds the weights tree from the indexer's register at the
 *    record block, stores it and returns the terms to sign (`approve` the price, then `openSale(token, terms, uri)`)
 *    with the preview (holders, shares, total).
 * 2. {@link recordSaleOpened}: after the issuer's transaction, the server verifies it opened exactly the stored sale and
 *    records the contract's id; each wallet with a weight is told. Both are audited (a refused plan too).
 * Plain module taking the chain client and deployments, so it is tested against a real anvil.
 */
import { type Address, getAddress, type Hex, type PublicClient } from "viem";
import { artworkSaleAbi } from "@/lib/chain/abis";
import type { Deployments } from "@/lib/chain/deployments";
import { writeAudit } from "@/lib/audit";
import { hktInputValue } from "@/lib/format/date";
import { notifyHolders } from "@/lib/notifications";
import type { Database } from "@/lib/db/connect";
import {
  auditingRefusal,
  type PlanRefusal,
  type PlanToSign,
  PREVIEW_ROWS,
  type RecordBlockPlanArgs,
  recordableRow,
  DistributionInputError,
  readRecordRegister,
  resolveRecordBlock,
  tokenOwnerRefusal,
} from "@/lib/distributions";
import { readSaleCall } from "./sale-call";
import { getSale, listSaleVoters, recordSaleOnChain, type SaleVoteTerms, saveSale } from "./store";
import { buildSaleWeights } from "./weights";

export const MIN_VOTING_DAYS = 7;
export const MAX_VOTING_DAYS = 90;
/** Time added to a 7-day vote so that it still closes at least 7 days after the block `openSale` is mined in. */
export const SIGNING_MARGIN_SECONDS = 3_600;
export const DEFAULT_QUORUM_BPS = 5_000;
export const DEFAULT_APPROVAL_BPS = 5_000;
const CENT = 10_000n;
const STATUS_REJECTED = 2;

export type SaleRefusal =
  | "no_sale_contract"
  | "invalid_price"
  | "invalid_buyer"
  | "invalid_period"
  | "invalid_thresholds"
  | "sale_exists"
  | PlanRefusal;

type Refused = { ok: false; code: SaleRefusal };

/** The `Terms` struct of `ArtworkSale.openSale`. */
export type SaleTerms = {
  buyer: Address;
  price: bigint;
  recordBlock: bigint;
  supply: bigint;
  votingEnds: bigint;
  quorumBps: number;
  approvalBps: number;
  weightsRoot: Hex;
  leafCount: bigint;
  offerHash: Hex;
  treeHash: Hex;
};

/** Where the portal serves a sale's weights document (the URI anchored on-chain with its SHA-256). */
export const weightsDocumentPath = (id: string) => `/api/sales/${id}/weights`;

export type PlannedSale = PlanToSign & {
  saleContract: Address;
  terms: SaleTerms;
  offerURI: string;
  holders: number;
  totalWeight: bigint;
  /** The preview: holders by index with their shares (at most {@link PREVIEW_ROWS}). */
  weights: { wallet: Address; weight: bigint }[];
  leftOut: { wallet: Address; shares: bigint; reason: string }[];
};

export type PlanSaleArgs = RecordBlockPlanArgs & {
  buyer: Address;
  /** Payment-token base units, whole cents. */
  price: bigint;
  offerHash: Hex;
  offerName: string;
  votingDays: number;
  quorumBps: number;
  approvalBps: number;
  /** Where the weights document will be served, given the server's id. */
  offerURI: (id: string) => string;
};

/** Plans a sale vote (see {@link planOrRefuse}); a refusal is audited too (`sale.prepare.refused`). */
export const planSale: (db: Database, args: PlanSaleArgs) => Promise<PlannedSale | Refused> = auditingRefusal(
  "sale.prepare.refused",
  (a) => ({ buyer: a.buyer.toLowerCase(), price: a.price.toString(), votingDays: a.votingDays }),
  planOrRefuse,
);

/** The plain checks of what the issuer typed (no chain read). */
function termsRefusal(a: PlanSaleArgs): SaleRefusal | null {
  if (a.price <= 0n || a.price % CENT !== 0n || a.price >= 2n ** 128n) return "invalid_price";
  if (/^0x0{40}$/i.test(a.buyer)) return "invalid_buyer";
  if (!Number.isInteger(a.votingDays) || a.votingDays < MIN_VOTING_DAYS || a.votingDays > MAX_VOTING_DAYS)
    return "invalid_period";
  if (a.quorumBps < 2_500 || a.quorumBps > 10_000 || a.approvalBps < 5_000 || a.approvalBps >= 10_000)
    return "invalid_thresholds";
  return null;
}

async function planOrRefuse(db: Database, a: PlanSaleArgs): Promise<PlannedSale | Refused> {
  const { client, deployments } = a;
  const saleContract = deployments.artworkSale;
  if (!saleContract) return { ok: false, code: "no_sale_contract" };
  const bad = termsRefusal(a);
  if (bad) return { ok: false, code: bad };
  const token = getAddress(a.token);
  const refused = await tokenOwnerRefusal(client, deployments, token, a.issuer);
  if (refused) return { ok: false, code: refused };
  const current = await client.readContract({
    address: saleContract,
    abi: artworkSaleAbi,
    functionName: "saleOf",
    args: [token],
  });
  if (current !== 0n) {
    const s = await client.readContract({
      address: saleContract,
      abi: artworkSaleAbi,
      functionName: "sale",
      args: [current],
    });
    if (s.status !== STATUS_REJECTED) return { ok: false, code: "sale_exists" };
  }
  const resolved = await resolveRecordBlock(db, client, a.recordBlock);
  if (!resolved.ok) return resolved;
  const { block, blockTime, headTime } = resolved;
  const votingEnds = Math.min(
    headTime + a.votingDays * 86_400 + SIGNING_MARGIN_SECONDS,
    headTime + MAX_VOTING_DAYS * 86_400,
  );
  let register;
  try {
    register = await readRecordRegister({ db, deployments, token, recordBlock: block, blockTime });
  } catch (error) {
    if (error instanceof DistributionInputError)
      return { ok: false, code: error.code === "supply_mismatch" ? "supply_mismatch" : "indexer_behind" };
    throw error;
  }
  if (!register.holders.some((h) => h.balance > 0n)) return { ok: false, code: "no_holders" };
  const input = {
    chainId: deployments.chainId,
    saleContract,
    token,
    buyer: getAddress(a.buyer),
    price: a.price,
    recordBlock: block,
    supply: register.totalSupply,
    votingEnds,
    quorumBps: a.quorumBps,
    approvalBps: a.approvalBps,
    offerHash: a.offerHash,
    offerName: a.offerName,
  };
  const built = buildSaleWeights({ ...input, holders: register.holders, excluded: register.excluded });
  const id = await saveSale(db, { input, built, createdBy: a.issuer });
  await writeAudit(db, {
    actor: a.issuer.toLowerCase(),
    actorRole: "issuer",
    action: "sale.prepare",
    subjectType: "sale",
    subjectId: id,
    after: {
      token: token.toLowerCase(),
      buyer: input.buyer.toLowerCase(),
      price: a.price.toString(),
      recordBlock: block.toString(),
      votingEnds,
      quorumBps: a.quorumBps,
      approvalBps: a.approvalBps,
      root: built.root,
      treeHash: built.treeHash,
      offerHash: a.offerHash.toLowerCase(),
      leafCount: built.leafCount,
    },
  });
  return {
    ok: true,
    id,
    token,
    saleContract,
    paymentToken: deployments.paymentToken,
    terms: saleTerms({ ...input, root: built.root, treeHash: built.treeHash, leafCount: built.leafCount }),
    offerURI: a.offerURI(id),
    holders: built.leafCount,
    totalWeight: built.totalWeight,
    weights: built.weights.slice(0, PREVIEW_ROWS).map((w) => ({ wallet: w.wallet, weight: w.weight })),
    leftOut: register.excluded.slice(0, PREVIEW_ROWS),
  };
}

/** The `Terms` of `openSale` for a stored sale. */
export function saleTerms(
  s: Omit<SaleVoteTerms, "buyer"> & {
    buyer: string;
    root: string;
    leafCount: number;
    offerHash: string;
    treeHash: string;
  },
): SaleTerms {
  return {
    buyer: getAddress(s.buyer),
    price: s.price,
    recordBlock: s.recordBlock,
    supply: s.supply,
    votingEnds: BigInt(s.votingEnds),
    quorumBps: s.quorumBps,
    approvalBps: s.approvalBps,
    weightsRoot: s.root.toLowerCase() as Hex,
    leafCount: BigInt(s.leafCount),
    offerHash: s.offerHash.toLowerCase() as Hex,
    treeHash: s.treeHash.toLowerCase() as Hex,
  };
}

/** When a vote closes, in Hong Kong time, as a notice says it in either language: "2026-12-14" and "17:00". */
const closesAt = (votingEnds: Date) => {
  const [date, time] = hktInputValue(Math.floor(votingEnds.getTime() / 1000)).split("T");
  return { date: date!, time: time! };
};

const sameTerms = (x: SaleTerms, y: SaleTerms) =>
  (Object.keys(x) as (keyof SaleTerms)[]).every((k) => String(x[k]).toLowerCase() === String(y[k]).toLowerCase());

/** After the issuer's `openSale`: checks it opened exactly the stored sale and records the contract's id. */
export async function recordSaleOpened(
  db: Database,
  a: { client: PublicClient; deployments: Deployments; issuer: Address; id: string; txHash: Hex; waitMs?: number },
): Promise<{ ok: true; onChainId: bigint } | Refused> {
  const found = recordableRow(await getSale(db, a.id), a.issuer);
  if (!found.ok) return found;
  const row = found.row;
  const read = await readSaleCall({ ...a, sender: a.issuer, functions: ["openSale"], eventName: "SaleOpened" });
  if (!read.ok) return read;
  const [token, terms] = read.call.args as [Address, SaleTerms, string];
  const expected = saleTerms({
    ...row,
    price: BigInt(row.price),
    supply: BigInt(row.supply),
    votingEnds: Math.floor(row.votingEnds.getTime() / 1000),
  });
  const [opened] = read.events;
  if (
    token.toLowerCase() !== row.token ||
    !sameTerms({ ...terms, quorumBps: Number(terms.quorumBps), approvalBps: Number(terms.approvalBps) }, expected) ||
    !opened
  )
    return { ok: false, code: "tx_mismatch" };
  const onChainId = opened.args.saleId;
  const recorded = await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    if (!(await recordSaleOnChain(t, a.id, onChainId, a.txHash))) return false;
    await writeAudit(t, {
      actor: a.issuer.toLowerCase(),
      actorRole: "issuer",
      action: "sale.open",
      subjectType: "sale",
      subjectId: a.id,
      after: { onChainId: onChainId.toString(), token: row.token, price: row.price, buyer: row.buyer, root: row.root },
      txHash: a.txHash.toLowerCase(),
    });
    // Each wallet with a weight is told the vote is open, and until when.
    await notifyHolders(t, {
      token: row.token,
      wallets: await listSaleVoters(t, a.id),
      kind: "sale_vote_open",
      params: closesAt(row.votingEnds),
      place: "trade",
      dedupeKey: `sale:${a.id}:open`,
    });
    return true;
  });
  if (!recorded) return { ok: false, code: "already_recorded" };
  return { ok: true, onChainId };
}
