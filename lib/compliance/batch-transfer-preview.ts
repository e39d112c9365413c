import "server-only";

/**
 * The preview of a batch forced transfer, computed on the server from the chain at one block: every sender's balance,
 * freezes and lock-up, every receiver's verification, the investors behind both wallets, and each row's outcome as
 * the token itself decides it. The token is asked, as the enforcement desk (the one holder of its ENFORCER power),
 * to run each row alone and then the whole batch in order (eth_call, nothing is sent); a row it refuses gets the
 * token's reason. A forced transfer skips the sender's own rules (freeze, lock-up, the sender's KYC) but keeps every
 * receiver rule, so frozen and locked shares are shown as facts, not as problems.
 *
 * Used twice: before the proposal is signed (from the pasted list) and by the second officer before executing (from
 * the proposal's calldata, read from the desk).
 */
import { type Address, getAddress, type Hex } from "viem";
import { artworkShareTokenAbi, enforcementDeskAbi, identityRegistryAbi } from "@/lib/chain/abis";
import { findErrorByName } from "@/lib/chain/errors";
import { getDeployments, getMulticallOptions, getPublicClient } from "@/lib/chain/server";
import type { Database } from "@/lib/db/connect";
import { decodeBatchTransfer } from "./batch-transfer-calldata";
import {
  parseTransferList,
  senderShortfalls,
  type TransferLineError,
  type TransferProblem,
  type TransferRow,
} from "./batch-transfer";
import { getDeskAddress } from "./enforcement";
import { loadIdentities } from "./register-identities";
import { isShareToken } from "./share-token";

type Party = { name: string | null; investorId: string | null };

export type TransferPreviewRow = TransferRow & {
  fromParty: Party;
  toParty: Party;
  fromBalance: bigint;
  fromFrozen: boolean;
  fromFrozenAmount: bigint;
  fromLockedAmount: bigint;
  toBalance: bigint;
  toVerified: boolean;
  problem: TransferProblem | null;
};

export type TransferPreview = { token: Address; blockNumber: bigint; rows: TransferPreviewRow[] };

export type TransferPreviewResult =
  | { ok: true; preview: TransferPreview }
  | { ok: false; code: "not_a_token" | "no_desk" | "empty" | "not_pending" | "not_a_batch_transfer" }
  | { ok: false; code: "bad_lines"; errors: TransferLineError[] };

/**
 * The contract's revert inside a failed `eth_call`, found by walking the error's causes by name: in the server
 * bundle viem's error classes may exist twice, so `instanceof` (describeChainError) can miss a plain revert.
 */
function revertOf(error: unknown): { errorName: string | null; args: readonly unknown[] } | null {
  const e = findErrorByName<{ data?: { errorName?: string; args?: readonly unknown[] }; reason?: string }>(
    error,
    "ContractFunctionRevertedError",
  );
  return e ? { errorName: e.data?.errorName ?? e.reason ?? null, args: e.data?.args ?? [] } : null;
}

/** A refusal of `eth_call` as a row problem; anything that is not a revert (the chain is down) is thrown. */
function problemOf(error: unknown, together: boolean): TransferProblem {
  const d = revertOf(error);
  if (!d) throw error;
  if (d.errorName === "ShareTransferRefused") return { kind: "rule", code: Number(d.args[0]), together };
  if (d.errorName === "ERC20InsufficientBalance")
    return { kind: "balance", balance: BigInt(String(d.args[1] ?? 0)), together };
  return { kind: "other", error: d.errorName ?? "unknown", together };
}

/** Computes every row of `rows` on `token` against the chain now. */
export async function previewTransferRows(
  db: Database,
  { token: raw, rows }: { token: string; rows: readonly TransferRow[] },
): Promise<TransferPreviewResult> {
  const token = getAddress(raw);
  const desk = getDeskAddress();
  if (!desk) return { ok: false, code: "no_desk" };
  const client = getPublicClient();
  const d = getDeployments();
  const isToken = await isShareToken(client, token);
  if (!isToken) return { ok: false, code: "not_a_token" };
  if (rows.length === 0) return { ok: false, code: "empty" };
  const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
  const c = { address: token, abi: artworkShareTokenAbi } as const;
  const senders = [...new Set(rows.map((r) => r.from))];
  const receivers = [...new Set(rows.map((r) => r.to))];
  const [reads, identities] = await Promise.all([
    client.multicall({
      ...getMulticallOptions(),
      blockNumber,
      allowFailure: false,
      contracts: [
        ...senders.flatMap((w) => [
          { ...c, functionName: "balanceOf" as const, args: [w] as const },
          { ...c, functionName: "walletState" as const, args: [w] as const },
        ]),
        ...receivers.flatMap((w) => [
          { ...c, functionName: "balanceOf" as const, args: [w] as const },
          { address: d.identityRegistry, abi: identityRegistryAbi, functionName: "isVerified" as const, args: [w] },
        ]),
      ],
    }),
    loadIdentities(db, { investorIds: [], wallets: [...senders, ...receivers] }),
  ]);
  const sender = new Map<string, { balance: bigint; frozen: boolean; frozenAmount: bigint; locked: bigint }>();
  senders.forEach((w, i) => {
    const [frozen, frozenAmount, locked] = reads[2 * i + 1] as readonly [boolean, bigint, bigint, bigint];
    sender.set(w, { balance: reads[2 * i] as bigint, frozen, frozenAmount, locked });
  });
  const receiver = new Map<string, { balance: bigint; verified: boolean }>();
  const base = 2 * senders.length;
  receivers.forEach((w, i) => {
    receiver.set(w, { balance: reads[base + 2 * i] as bigint, verified: reads[base + 2 * i + 1] as boolean });
  });

  const simulate = (part: readonly TransferRow[]) =>
    part.length === 1
      ? client.simulateContract({
          ...c,
          account: desk,
          blockNumber,
          functionName: "forcedTransfer",
          args: [part[0]!.from, part[0]!.to, part[0]!.amount],
        })
      : client.simulateContract({
          ...c,
          account: desk,
          blockNumber,
          functionName: "batchForcedTransfer",
          args: [part.map((r) => r.from), part.map((r) => r.to), part.map((r) => r.amount)],
        });
  // Each row alone: the token's own reason for the rows it refuses whatever the others do.
  const problems = new Map<number, TransferProblem>();
  await Promise.all(
    rows.map(async (r) => {
      try {
        await simulate([r]);
      } catch (error) {
        problems.set(r.line, problemOf(error, false));
      }
    }),
  );
  // The rows in order: two rows from one sender draw on one balance (counted here for every row the token accepts
  // alone); a receiver filled by an earlier row may hit its limit, which only the whole batch shows: when every row
  // passes alone and the batch does not, the first row that fails after the ones before it is found by halving (a
  // few calls, not one per row).
  const balances = new Map<string, bigint>();
  for (const [w, s] of receiver) balances.set(w.toLowerCase(), s.balance);
  for (const [w, s] of sender) balances.set(w.toLowerCase(), s.balance);
  for (const [line, s] of senderShortfalls(rows, balances))
    if (!problems.has(line)) problems.set(line, { kind: "balance", balance: s.balance, together: true });
  if (problems.size === 0 && rows.length > 1) {
    let whole: unknown = null;
    try {
      await simulate(rows);
    } catch (error) {
      whole = error ?? new Error("refused");
    }
    if (whole) {
      let ok = 1;
      let bad = rows.length;
      let error: unknown = whole;
      while (bad - ok > 1) {
        const mid = Math.floor((ok + bad) / 2);
        try {
          await simulate(rows.slice(0, mid));
          ok = mid;
        } catch (e) {
          bad = mid;
          error = e;
        }
      }
      problems.set(rows[bad - 1]!.line, problemOf(error, true));
    }
  }

  const party = (w: Address): Party => {
    const id = identities.get(w.toLowerCase());
    return { name: id?.name ?? null, investorId: id?.id ?? null };
  };
  return {
    ok: true,
    preview: {
      token,
      blockNumber,
      rows: rows.map((r) => {
        const s = sender.get(r.from)!;
        const t = receiver.get(r.to)!;
        return {
          ...r,
          fromParty: party(r.from),
          toParty: party(r.to),
          fromBalance: s.balance,
          fromFrozen: s.frozen,
          fromFrozenAmount: s.frozenAmount,
          fromLockedAmount: s.locked,
          toBalance: t.balance,
          toVerified: t.verified,
          problem: problems.get(r.line) ?? null,
        };
      }),
    },
  };
}

/** Parses the pasted `list` and previews it on `token`. */
export async function previewTransferList(
  db: Database,
  { token, list }: { token: string; list: string },
): Promise<TransferPreviewResult> {
  const parsed = parseTransferList(list);
  if (parsed.errors.length) return { ok: false, code: "bad_lines", errors: parsed.errors };
  return previewTransferRows(db, { token, rows: parsed.rows });
}

/**
 * The rows of pending desk proposal `id`, decoded from the calldata the desk holds (not from anything the portal
 * remembers), previewed against the chain now: what the second officer checks before executing.
 */
export async function previewTransferProposal(
  db: Database,
  { id }: { id: bigint },
): Promise<TransferPreviewResult & { proposer?: Address; data?: Hex }> {
  const desk = getDeskAddress();
  if (!desk) return { ok: false, code: "no_desk" };
  const [token, proposer, , status, data] = await getPublicClient().readContract({
    address: desk,
    abi: enforcementDeskAbi,
    functionName: "proposal",
    args: [id],
  });
  if (status !== 1) return { ok: false, code: "not_pending" };
  const rows = decodeBatchTransfer(data);
  if (!rows) return { ok: false, code: "not_a_batch_transfer" };
  const result = await previewTransferRows(db, { token, rows });
  return { ...result, proposer: getAddress(proposer), data };
}

/**
 * The rows of each pending batch forced transfer among `proposals`, decoded from its calldata, with the names of the
 * investors behind both wallets: what the pending list shows every officer.
 */
export async function loadProposalTransferRows(
  db: Database,
  proposals: readonly { id: string; data: Hex }[],
): Promise<
  Record<string, { from: Address; to: Address; amount: string; fromName: string | null; toName: string | null }[]>
> {
  const decoded = proposals
    .map((p) => ({ id: p.id, rows: decodeBatchTransfer(p.data) }))
    .filter((p): p is { id: string; rows: TransferRow[] } => p.rows !== null);
  if (decoded.length === 0) return {};
  const wallets = [...new Set(decoded.flatMap((p) => p.rows.flatMap((r) => [r.from, r.to])))];
  const identities = await loadIdentities(db, { investorIds: [], wallets });
  const name = (w: Address) => identities.get(w.toLowerCase())?.name ?? null;
  return Object.fromEntries(
    decoded.map((p) => [
      p.id,
      p.rows.map((r) => ({
        from: r.from,
        to: r.to,
        amount: r.amount.toString(),
        fromName: name(r.from),
        toName: name(r.to),
      })),
    ]),
  );
}
