import "server-only";

/**
 * The preview of a batch freeze or unfreeze, computed on the server from the chain at the latest block: the list is
 * parsed again here (the browser's parse is only for typing), every wallet's balance and freeze are read from the
 * token in one multicall, and each row gets its holder's name and its outcome or its problem. The officer signs
 * one batch call built from exactly these rows; the contract checks them again.
 */
import { type Address, getAddress } from "viem";
import { artworkShareTokenAbi } from "@/lib/chain/abis";
import { getMulticallOptions, getPublicClient } from "@/lib/chain/server";
import type { Database } from "@/lib/db/connect";
import {
  type BatchLineError,
  type BatchMode,
  type BatchPreviewRow,
  computeBatchPreview,
  parseBatchList,
  type WalletFreezeState,
} from "./batch-list";
import { loadIdentities } from "./register-identities";
import { isShareToken } from "./share-token";

export type BatchPreview = {
  token: Address;
  mode: BatchMode;
  blockNumber: bigint;
  rows: (BatchPreviewRow & { name: string | null; investorId: string | null })[];
};

export type BatchPreviewResult =
  | { ok: true; preview: BatchPreview }
  | { ok: false; code: "not_a_token" }
  | { ok: false; code: "bad_lines"; errors: BatchLineError[] }
  | { ok: false; code: "empty" };

/** Balance, whole-wallet freeze and frozen shares of each wallet at `blockNumber`, in one multicall. */
export async function readFreezeStates(
  client: ReturnType<typeof getPublicClient>,
  token: Address,
  wallets: readonly Address[],
  blockNumber: bigint,
  multicall: ReturnType<typeof getMulticallOptions> = getMulticallOptions(),
): Promise<Map<string, WalletFreezeState>> {
  const c = { address: token, abi: artworkShareTokenAbi } as const;
  const out = wallets.length
    ? await client.multicall({
        ...multicall,
        blockNumber,
        allowFailure: false,
        contracts: wallets.flatMap((w) => [
          { ...c, functionName: "balanceOf" as const, args: [w] as const },
          { ...c, functionName: "walletState" as const, args: [w] as const },
        ]),
      })
    : [];
  const states = new Map<string, WalletFreezeState>();
  wallets.forEach((w, i) => {
    const balance = out[2 * i] as bigint;
    const [frozen, frozenAmount] = out[2 * i + 1] as readonly [boolean, bigint, bigint, bigint];
    states.set(w.toLowerCase(), { balance, frozen, frozenAmount });
  });
  return states;
}

/** Parses `list` for `mode` and computes every row against the token's state now. */
export async function previewBatch(
  db: Database,
  { token: raw, mode, list }: { token: string; mode: BatchMode; list: string },
): Promise<BatchPreviewResult> {
  const token = getAddress(raw);
  const client = getPublicClient();
  const isToken = await isShareToken(client, token);
  if (!isToken) return { ok: false, code: "not_a_token" };
  const parsed = parseBatchList(list, mode);
  if (parsed.errors.length) return { ok: false, code: "bad_lines", errors: parsed.errors };
  if (parsed.rows.length === 0) return { ok: false, code: "empty" };
  const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
  const wallets = parsed.rows.map((r) => r.wallet);
  const [states, identities] = await Promise.all([
    readFreezeStates(client, token, wallets, blockNumber),
    loadIdentities(db, { investorIds: [], wallets }),
  ]);
  const rows = computeBatchPreview(mode, parsed.rows, states).map((r) => {
    const id = identities.get(r.wallet.toLowerCase());
    return { ...r, name: id?.name ?? null, investorId: id?.id ?? null };
  });
  return { ok: true, preview: { token, mode, blockNumber, rows } };
}
