/**
 * Register snapshots: for every block in which a share token emitted a Transfer or one of its register events, the
 * indexer reads, at that block, the token's own views for the token (supply, holder counts, pause, holder limit) and
 * for every wallet those events name (balance, freeze flag and frozen part, running lock-up lots, the investor id
 * the balance is accounted to), and stores them in `token_states` / `token_wallet_states`.
 *
 * This is a read of the contract's state, never a recomputation of it: the register at a past block is the latest
 * snapshot of each wallet up to that block (`lib/compliance/register-history.ts`), so no TypeScript copy of the
 * token's accounting (holder enumeration, per-investor counting, lock-up lots, trims) has to keep in step with the
 * contract. A wallet's state changes only through the token's own events naming it, so a block without such an
 * event leaves every snapshot valid; lock-ups that end later are told by the stored lots' release times.
 *
 * The reads name the block; live indexing reads confirmed blocks near the head (any node keeps that state); the
 * one-time re-read of older history after an event-set upgrade needs a node that still has the state of those blocks
 * (an archive node, or anvil).
 */
import { sql } from "drizzle-orm";
import type { Address, Chain, ContractFunctionParameters, Hex, PublicClient, Transport } from "viem";
import { artworkShareTokenAbi } from "@/lib/chain/abis";
import type { Database } from "@/lib/db/connect";
import { inJsonBatches } from "@/lib/db/rows";
import { tokenStates, tokenWalletStates } from "@/lib/db/schema";
import { tokenHeaderReads } from "./register-chain";
import { readSnapshotGroupsAggregate3, type SnapshotGroup } from "./snapshot-reads";

/** Arguments of the token's events that name a wallet whose register state the event changes. */
export const WALLET_ARGS = ["from", "to", "wallet", "lostWallet", "newWallet"] as const;
const ZERO = "0x0000000000000000000000000000000000000000";
/**
 * Calldata bytes per deployless eth_call: its results come back from a constructor, at most 24,576 bytes, and a
 * wallet's four reads return up to ~900 bytes with its lots (about 20 wallets per call).
 */
const DEPLOYLESS_BATCH_BYTES = 3_000;
const DEPLOYED_BATCH_BYTES = 64 * 1024;

export type TokenStateRow = typeof tokenStates.$inferInsert;
export type TokenWalletStateRow = typeof tokenWalletStates.$inferInsert;
export type RegisterSnapshots = { tokens: TokenStateRow[]; wallets: TokenWalletStateRow[] };

type RegisterEvent = { blockNumber: bigint; eventName: string; token: string | null; args: Record<string, unknown> };

/**
 * The (token, block) pairs whose state the events changed, each with the wallets they name. `registerEvents`: the
 * event names that change a token's register (Transfer and the token's register events).
 */
export function touchedByEvents(
  events: readonly RegisterEvent[],
  registerEvents: ReadonlySet<string>,
): Map<string, { token: string; blockNumber: bigint; wallets: Set<string> }> {
  const out = new Map<string, { token: string; blockNumber: bigint; wallets: Set<string> }>();
  for (const e of events) {
    if (e.token === null || !registerEvents.has(e.eventName)) continue;
    const key = `${e.token}:${e.blockNumber}`;
    let entry = out.get(key);
    if (!entry) out.set(key, (entry = { token: e.token, blockNumber: e.blockNumber, wallets: new Set() }));
    for (const name of WALLET_ARGS) {
      const v = e.args[name];
      if (typeof v === "string" && v !== ZERO) entry.wallets.add(v.toLowerCase());
    }
  }
  return out;
}

/** The rows of one (token, block) snapshot from its reads' values (viem's multicall order: header, then per wallet). */
function snapshotRows(
  { token, blockNumber, wallets }: SnapshotGroup,
  results: readonly unknown[],
): { tokenRow: TokenStateRow; walletRows: TokenWalletStateRow[] } {
  const [totalSupply, holderCount, holderWalletCount, paused, rules] = results as readonly [
    bigint,
    bigint,
    bigint,
    boolean,
    { maxHolders: number },
  ];
  const state = results.slice(5);
  const tokenRow: TokenStateRow = {
    token,
    blockNumber,
    totalSupply: totalSupply.toString(),
    holderCount: Number(holderCount),
    holderWalletCount: Number(holderWalletCount),
    paused,
    maxHolders: Number(rules.maxHolders),
  };
  const walletRows = wallets.map((wallet, k): TokenWalletStateRow => {
    const [frozen, frozenAmount] = state[k * 4 + 1] as readonly [boolean, bigint, bigint, bigint];
    const [amounts, releases] = state[k * 4 + 2] as readonly [readonly bigint[], readonly bigint[]];
    return {
      token,
      wallet: wallet.toLowerCase(),
      blockNumber,
      balance: (state[k * 4] as bigint).toString(),
      frozen,
      frozenAmount: frozenAmount.toString(),
      lots: amounts.map((a, j): [string, string] => [a.toString(), String(releases[j])]),
      investorId: (state[k * 4 + 3] as Hex).toLowerCase(),
    };
  });
  return { tokenRow, walletRows };
}

/** Without a deployed Multicall3: viem's deployless multicall, one per (token, block), a few at a time. */
async function readGroupsDeployless(
  client: PublicClient<Transport, Chain | undefined>,
  groups: readonly SnapshotGroup[],
): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (let i = 0; i < groups.length; i += 8)
    out.push(
      ...(await Promise.all(
        groups.slice(i, i + 8).map(async ({ token, blockNumber, wallets }) => {
          const c = { address: token as Address, abi: artworkShareTokenAbi } as const;
          // One multicall (one eth_call unless the wallets are many): the header's five reads, then four per wallet.
          return (await client.multicall({
            deployless: true,
            batchSize: DEPLOYLESS_BATCH_BYTES,
            blockNumber,
            allowFailure: false,
            contracts: [
              ...tokenHeaderReads(c.address),
              ...(wallets as Address[]).flatMap((w) => [
                { ...c, functionName: "balanceOf", args: [w] },
                { ...c, functionName: "walletState", args: [w] },
                { ...c, functionName: "lockLots", args: [w] },
                { ...c, functionName: "holderInvestorOf", args: [w] },
              ]),
            ] as readonly ContractFunctionParameters[],
          })) as unknown[];
        }),
      )),
    );
  return out;
}

/**
 * Reads the state the events changed, at each of their blocks: through a deployed Multicall3, one `aggregate3` per
 * block for every token touched in it (`snapshot-reads.ts`); without one, a deployless multicall per token and block.
 */
export async function readRegisterSnapshots({
  client,
  events,
  registerEvents,
  multicall3,
}: {
  client: PublicClient<Transport, Chain | undefined>;
  events: readonly RegisterEvent[];
  registerEvents: ReadonlySet<string>;
  multicall3?: Address | undefined;
}): Promise<RegisterSnapshots> {
  const groups: SnapshotGroup[] = [...touchedByEvents(events, registerEvents).values()].map((g) => ({
    ...g,
    wallets: [...g.wallets],
  }));
  const values = multicall3
    ? await readSnapshotGroupsAggregate3({ client, multicall: multicall3, groups, batchBytes: DEPLOYED_BATCH_BYTES })
    : await readGroupsDeployless(client, groups);
  const out: RegisterSnapshots = { tokens: [], wallets: [] };
  groups.forEach((g, i) => {
    const { tokenRow, walletRows } = snapshotRows(g, values[i]!);
    out.tokens.push(tokenRow);
    out.wallets.push(...walletRows);
  });
  return out;
}

/** Wallet snapshots per INSERT statement. */
const WALLET_ROWS = 5_000;

/** Writes snapshots (a re-read of the same block replaces its rows). */
export async function writeRegisterSnapshots(tx: Database, snapshots: RegisterSnapshots): Promise<void> {
  // One statement of column arrays (`unnest`) per WALLET_ROWS rows, as the wallets' below: a catch-up writes a row per
  // token and block, and a VALUES list costs the query builder and the driver a parameter per field.
  for (let i = 0; i < snapshots.tokens.length; i += WALLET_ROWS) {
    const rows = snapshots.tokens.slice(i, i + WALLET_ROWS);
    const column = <T>(f: (r: TokenStateRow) => T) => sql.param(rows.map(f));
    await tx.execute(sql`
      INSERT INTO ${tokenStates} (token, block_number, total_supply, holder_count, holder_wallet_count, paused, max_holders)
      SELECT * FROM unnest(
        ${column((r) => r.token)}::text[],
        ${column((r) => r.blockNumber.toString())}::bigint[],
        ${column((r) => r.totalSupply)}::numeric[],
        ${column((r) => r.holderCount)}::integer[],
        ${column((r) => r.holderWalletCount)}::integer[],
        ${column((r) => r.paused)}::boolean[],
        ${column((r) => r.maxHolders)}::integer[]
      )
      ON CONFLICT (token, block_number) DO UPDATE SET
        total_supply = excluded.total_supply,
        holder_count = excluded.holder_count,
        holder_wallet_count = excluded.holder_wallet_count,
        paused = excluded.paused,
        max_holders = excluded.max_holders`);
  }
  // A catch-up writes a row per wallet a trade touches.
  await inJsonBatches(
    snapshots.wallets,
    WALLET_ROWS,
    (r) => [r.token, r.wallet, r.blockNumber.toString(), r.balance, r.frozen, r.frozenAmount, r.lots, r.investorId],
    (rows) =>
      tx.execute(sql`
      INSERT INTO ${tokenWalletStates} (token, wallet, block_number, balance, frozen, frozen_amount, lots, investor_id)
      SELECT r->>0, r->>1, (r->>2)::bigint, (r->>3)::numeric, (r->>4)::boolean, (r->>5)::numeric, r->6, r->>7
      FROM jsonb_array_elements(${rows}::jsonb) AS r
      ON CONFLICT (token, wallet, block_number) DO UPDATE SET
        balance = excluded.balance,
        frozen = excluded.frozen,
        frozen_amount = excluded.frozen_amount,
        lots = excluded.lots,
        investor_id = excluded.investor_id`),
  );
}

/** Deletes the snapshots of blocks above `ancestor` (a reorg). */
export async function rollbackRegisterSnapshots(tx: Database, ancestor: bigint): Promise<void> {
  await tx.delete(tokenStates).where(sql`${tokenStates.blockNumber} > ${ancestor}`);
  await tx.delete(tokenWalletStates).where(sql`${tokenWalletStates.blockNumber} > ${ancestor}`);
}

/** Keeps only the snapshots of blocks ≤ `end` (a backfill never writes above its end). */
export function snapshotsThrough(s: RegisterSnapshots, end: bigint): RegisterSnapshots {
  return {
    tokens: s.tokens.filter((r) => r.blockNumber <= end),
    wallets: s.wallets.filter((r) => r.blockNumber <= end),
  };
}
