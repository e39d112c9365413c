/**
 * Migrates a share token to a successor clone (the upgrade path for immutable clones): pause the token, start the
 * migration (the factory clones the successor from its current implementation with the same owner, name, symbol,
 * maximum supply, rules and metadata; the token is retired for good in its favour), copy every holder's register
 * entry (balance, investor, wallet freeze, partly frozen shares, lock-up lots with their releases), anchor the same
 * documents, finish (supplies equal: the migrator's power on the successor ends) and reopen the successor.
 *
 * Resumable: every step first reads the chain and does only what is still missing, so running it again after an
 * interruption continues where it stopped (and after a completed run changes nothing). Plain module taking clients,
 * so the same code runs in `npm run migrate-token` and in the anvil test.
 */
import {
  getAddress,
  zeroAddress,
  type Account,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
} from "viem";
import { artworkShareTokenAbi, tokenMigratorAbi } from "./abis";

/** One wallet of a token's register. */
export type RegisterEntry = {
  wallet: Address;
  investorId: Hex;
  balance: bigint;
  frozen: boolean;
  frozenShares: bigint;
  lots: { amount: bigint; releaseAt: bigint }[];
};

/** What the migration compares before and after. */
export type RegisterSnapshot = {
  token: Address;
  totalSupply: bigint;
  maxSupply: bigint;
  holderCount: bigint;
  entries: RegisterEntry[];
  documents: { name: Hex; uri: string; hash: Hex }[];
};

export type MigrationResult = {
  predecessor: Address;
  successor: Address;
  before: RegisterSnapshot;
  after: RegisterSnapshot;
  /** Human-readable differences between the two registers (empty when they are equal). */
  differences: string[];
};

const PAGE = 200n;
/** Wallets per copyHolders transaction (a wallet costs one mint per lock-up lot, ~100–400k gas). */
export const COPY_BATCH = 20;

type Signer = { wallet: WalletClient; account: Account };

async function send(
  client: PublicClient,
  signer: Signer,
  request: { address: Address; abi: readonly unknown[]; functionName: string; args?: readonly unknown[] },
  what: string,
): Promise<Hex> {
  const { request: simulated } = await client.simulateContract({
    ...request,
    account: signer.account,
  } as Parameters<PublicClient["simulateContract"]>[0]);
  // A quarter more than estimated: a lot released between the estimate and the block changes the path taken.
  const gas = await client.estimateContractGas({ ...request, account: signer.account } as Parameters<
    PublicClient["estimateContractGas"]
  >[0]);
  const hash = await signer.wallet.writeContract({
    ...(simulated as Parameters<WalletClient["writeContract"]>[0]),
    gas: (gas * 5n) / 4n,
  });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${what} failed (tx ${hash})`);
  return hash;
}

/**
 * Where a token's register lives now: its successor once retired (the chain's word), else null — also for a token
 * cloned before migrations existed (no `migration()` to ask).
 */
export async function readSuccessor(client: PublicClient, token: Address): Promise<Address | null> {
  let successor: Address;
  try {
    [, successor] = await client.readContract({ address: token, abi: artworkShareTokenAbi, functionName: "migration" });
  } catch {
    return null;
  }
  return successor === zeroAddress ? null : getAddress(successor);
}

/** Reads a token's full register at the latest block: every holding wallet, paged, and its documents. */
export async function readRegister(client: PublicClient, token: Address): Promise<RegisterSnapshot> {
  const t = { address: token, abi: artworkShareTokenAbi } as const;
  const blockNumber = await client.getBlockNumber({ cacheTime: 0 }); // never a cached, older block
  const at = { blockNumber } as const;
  const [totalSupply, maxSupply, holderCount, walletCount, docNames] = await Promise.all([
    client.readContract({ ...t, ...at, functionName: "totalSupply" }),
    client.readContract({ ...t, ...at, functionName: "maxSupply" }),
    client.readContract({ ...t, ...at, functionName: "holderCount" }),
    client.readContract({ ...t, ...at, functionName: "holderWalletCount" }),
    client.readContract({ ...t, ...at, functionName: "getAllDocuments" }),
  ]);
  const wallets: Address[] = [];
  for (let offset = 0n; offset < walletCount; offset += PAGE) {
    wallets.push(
      ...(await client.readContract({ ...t, ...at, functionName: "holders", args: [offset, PAGE] })).map((w) =>
        getAddress(w),
      ),
    );
  }
  const entries = await Promise.all(
    wallets.map(async (wallet): Promise<RegisterEntry> => {
      const [investorId, balance, frozen, frozenShares, [amounts, releases]] = await Promise.all([
        client.readContract({ ...t, ...at, functionName: "holderInvestorOf", args: [wallet] }),
        client.readContract({ ...t, ...at, functionName: "balanceOf", args: [wallet] }),
        client.readContract({ ...t, ...at, functionName: "isFrozen", args: [wallet] }),
        client.readContract({ ...t, ...at, functionName: "frozenShares", args: [wallet] }),
        client.readContract({ ...t, ...at, functionName: "lockLots", args: [wallet] }),
      ]);
      const lots = amounts.map((amount, i) => ({ amount, releaseAt: BigInt(releases[i]!) }));
      return { wallet, investorId, balance, frozen, frozenShares, lots };
    }),
  );
  entries.sort((a, b) => (a.wallet.toLowerCase() < b.wallet.toLowerCase() ? -1 : 1));
  const documents = await Promise.all(
    docNames.map(async (name) => {
      const [uri, hash] = await client.readContract({ ...t, ...at, functionName: "getDocument", args: [name] });
      return { name, uri, hash };
    }),
  );
  documents.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { token, totalSupply, maxSupply, holderCount, entries, documents };
}

/**
 * Differences between two registers, in words. Lock-up lots are compared at the time both were read: a lot whose
 * release passed in between is free on both sides (the releases themselves are compared exactly).
 */
export function compareRegisters(before: RegisterSnapshot, after: RegisterSnapshot): string[] {
  const out: string[] = [];
  const same = (label: string, a: unknown, b: unknown) => {
    const fa = JSON.stringify(a, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    const fb = JSON.stringify(b, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    if (fa !== fb) out.push(`${label}: ${fa} before, ${fb} after`);
  };
  same("total supply", before.totalSupply, after.totalSupply);
  same("maximum supply", before.maxSupply, after.maxSupply);
  same("holders (investors)", before.holderCount, after.holderCount);
  same(
    "holding wallets",
    before.entries.map((e) => e.wallet),
    after.entries.map((e) => e.wallet),
  );
  const next = new Map(after.entries.map((e) => [e.wallet, e]));
  for (const e of before.entries) {
    const n = next.get(e.wallet);
    if (!n) continue;
    same(`${e.wallet} investor`, e.investorId, n.investorId);
    same(`${e.wallet} balance`, e.balance, n.balance);
    same(`${e.wallet} wallet frozen`, e.frozen, n.frozen);
    same(`${e.wallet} frozen shares`, e.frozenShares, n.frozenShares);
    same(`${e.wallet} lock-up lots`, e.lots, n.lots);
  }
  same(
    "documents",
    before.documents.map((d) => [d.name, d.uri, d.hash]),
    after.documents.map((d) => [d.name, d.uri, d.hash]),
  );
  return out;
}

/**
 * Runs (or resumes) the migration of `token`. `issuer` is the token's owner (starts the migration, anchors the
 * documents, sends the copies); `agent` is an enforcement agent (pauses the old token, reopens the successor).
 * With `reopen: false` the successor stays paused at the end (an agent unpauses it later).
 */
export async function migrateToken(opts: {
  client: PublicClient;
  token: Address;
  issuer: Signer;
  agent: Signer;
  reopen?: boolean;
  batchSize?: number;
  log?: (msg: string) => void;
}): Promise<MigrationResult> {
  const { client, issuer, agent } = opts;
  const log = opts.log ?? (() => {});
  const token = getAddress(opts.token);
  const old = { address: token, abi: artworkShareTokenAbi } as const;

  const [migratorAddress, owner, [, recordedSuccessor]] = await Promise.all([
    client.readContract({ ...old, functionName: "migrator" }),
    client.readContract({ ...old, functionName: "owner" }),
    client.readContract({ ...old, functionName: "migration" }),
  ]);
  if (getAddress(owner) !== getAddress(issuer.account.address)) {
    throw new Error(`The issuer key (${issuer.account.address}) is not the token's owner (${owner})`);
  }
  const migrator = { address: getAddress(migratorAddress), abi: tokenMigratorAbi } as const;

  // 1. Pause (skipped once retired: a retired token stays paused for good).
  let successor: Address = getAddress(recordedSuccessor);
  const started = successor !== getAddress("0x0000000000000000000000000000000000000000");
  if (!started) {
    if (!(await client.readContract({ ...old, functionName: "paused" }))) {
      await send(client, agent, { ...old, functionName: "pause" }, "Pausing the token");
      log(`paused ${token}`);
    } else log(`${token} is paused`);
  }
  const before = await readRegister(client, token);
  log(
    `register of ${token}: ${before.totalSupply} shares, ${before.entries.length} wallets, ${before.documents.length} documents`,
  );

  // 2. Start: successor cloned, predecessor retired.
  if (!started) {
    await send(client, issuer, { ...migrator, functionName: "start", args: [token] }, "Starting the migration");
    const m = await client.readContract({ ...migrator, functionName: "migrationOf", args: [token] });
    successor = getAddress(m.successor);
    log(`retired ${token}; successor ${successor}`);
  } else log(`already retired; successor ${successor}`);
  const next = { address: successor, abi: artworkShareTokenAbi } as const;

  // 3. Copy the holders not yet copied.
  let m = await client.readContract({ ...migrator, functionName: "migrationOf", args: [token] });
  if (!m.finished) {
    const copied = await Promise.all(
      before.entries.map((e) =>
        client.readContract({ ...migrator, functionName: "isCopied", args: [token, e.wallet] }),
      ),
    );
    const todo = before.entries.filter((_, i) => !copied[i]).map((e) => e.wallet);
    const size = opts.batchSize ?? COPY_BATCH;
    log(`${before.entries.length - todo.length} of ${before.entries.length} wallets already copied`);
    for (let i = 0; i < todo.length; i += size) {
      const batch = todo.slice(i, i + size);
      await send(client, issuer, { ...migrator, functionName: "copyHolders", args: [token, batch] }, "Copying holders");
      log(`copied ${Math.min(i + size, todo.length)} of ${todo.length} wallets`);
    }
  }

  // 4. Documents: anchor on the successor what the predecessor anchors (same name, uri and content hash).
  for (const d of before.documents) {
    const [uri, hash] = await client.readContract({ ...next, functionName: "getDocument", args: [d.name] });
    if (uri === d.uri && hash === d.hash) continue;
    await send(client, issuer, { ...next, functionName: "setDocument", args: [d.name, d.uri, d.hash] }, "Anchoring");
    log(`anchored document ${d.name} on ${successor}`);
  }

  // 5. Finish: the migrator checks the supplies and renounces its power on the successor.
  m = await client.readContract({ ...migrator, functionName: "migrationOf", args: [token] });
  if (!m.finished) {
    await send(client, issuer, { ...migrator, functionName: "finish", args: [token] }, "Finishing the migration");
    log(`finished: ${before.totalSupply} shares in both tokens; the migrator has no power left on ${successor}`);
  }

  // 6. Reopen the successor.
  if (opts.reopen !== false && (await client.readContract({ ...next, functionName: "paused" }))) {
    await send(client, agent, { ...next, functionName: "unpause" }, "Reopening the successor");
    log(`unpaused ${successor}`);
  }

  const after = await readRegister(client, successor);
  return { predecessor: token, successor, before, after, differences: compareRegisters(before, after) };
}

/** The before/after table the script prints. */
export function formatComparison(r: MigrationResult): string {
  const rows: [string, string, string][] = [
    ["", `before ${r.predecessor}`, `after ${r.successor}`],
    ["total supply", String(r.before.totalSupply), String(r.after.totalSupply)],
    ["maximum supply", String(r.before.maxSupply), String(r.after.maxSupply)],
    ["holders (investors)", String(r.before.holderCount), String(r.after.holderCount)],
    ["holding wallets", String(r.before.entries.length), String(r.after.entries.length)],
    ["documents", String(r.before.documents.length), String(r.after.documents.length)],
  ];
  const after = new Map(r.after.entries.map((e) => [e.wallet, e]));
  const describe = (e: RegisterEntry | undefined) =>
    e
      ? `${e.balance}${e.frozen ? " frozen" : ""}${e.frozenShares ? `, ${e.frozenShares} frozen` : ""}${e.lots
          .map((l) => `, ${l.amount} locked to ${new Date(Number(l.releaseAt) * 1000).toISOString()}`)
          .join("")}`
      : "—";
  for (const e of r.before.entries) rows.push([e.wallet, describe(e), describe(after.get(e.wallet))]);
  const w = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c]!.length)));
  const lines = rows.map((row) => row.map((cell, c) => cell.padEnd(w[c]!)).join("  "));
  lines.push(r.differences.length === 0 ? "registers equal" : `DIFFERENCES:\n  ${r.differences.join("\n  ")}`);
  return lines.join("\n");
}
