/**
 * The one verifier of a user's wallet transaction: the server's own reading of it, never the browser's word. Read
 * the receipt and the transaction, check it succeeded, was sent by the signed-in wallet to one of the expected
 * contracts, and decode which allowed function it called with which arguments. Callers then check the arguments
 * against their own records (the listing's metadata hash, the planned registry record, the wallet to link) and map
 * the refusal onto their own codes: the issuer steps (`verifyContractCall`), the compliance console's agent actions
 * (`decodeAgentTx`), KYC registration (`verifyRegistration`, `verifyProposal`) and wallet links (`confirmWalletLink`).
 *
 * Plain module taking a client, so it is tested against a real anvil.
 */
import {
  type Abi,
  type Address,
  decodeFunctionData,
  getAddress,
  type Hex,
  type PublicClient,
  type Transaction,
  type TransactionReceipt,
  TransactionNotFoundError,
  TransactionReceiptNotFoundError,
} from "viem";
import { findErrorByName } from "./errors";

export type TxRefusal =
  /** Neither mined nor known to the node. */
  | "tx_not_found"
  /** Known to the node but not mined yet. */
  | "tx_pending"
  /** Mined and reverted. */
  | "tx_failed"
  | "tx_wrong_sender"
  | "tx_wrong_target"
  | "tx_wrong_call";

type PlainJson = null | boolean | string | PlainJson[] | { [key: string]: PlainJson };

export type VerifiedCall = {
  to: Address;
  functionName: string;
  /** Arguments as decoded (bigints, checksummed addresses). */
  args: readonly unknown[];
  /** Arguments by name as plain JSON (addresses lowercase, numbers as strings), for the audit log. */
  named: Record<string, PlainJson>;
  receipt: TransactionReceipt;
  transaction: Transaction;
};

/** Plain JSON of a decoded value: addresses lowercase, bigints and numbers as decimal strings, structs by name. */
export function plainJson(value: unknown): PlainJson {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value;
  if (typeof value === "bigint" || typeof value === "number") return value.toString();
  if (typeof value === "string") return /^0x[0-9a-fA-F]{40}$/.test(value) ? value.toLowerCase() : value;
  if (Array.isArray(value)) return value.map(plainJson);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainJson(v)]));
  return String(value);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Null when the node answers that it does not know the transaction (or its receipt); any other failure (the node
 * does not answer) is thrown, so that an unreachable chain is never reported, or acted on, as an unknown transaction.
 */
const orNotFound = <T>(p: Promise<T>): Promise<T | null> =>
  p.catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });

/**
 * The node does not know the transaction (or its receipt). Also by the error's name: a server bundle may hold more
 * than one copy of viem's error classes (its layers bundle viem apart), and `instanceof` fails across them.
 */
export function isNotFound(error: unknown): boolean {
  if (error instanceof TransactionNotFoundError || error instanceof TransactionReceiptNotFoundError) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === "TransactionNotFoundError" || name === "TransactionReceiptNotFoundError";
}

/**
 * Whether the node knows the transaction, asked before waiting for its receipt: a hash it does not know is refused at
 * once, not after the wait. A node that does not answer is thrown, never reported as an unknown transaction.
 */
export async function isKnownTx(client: PublicClient, hash: Hex): Promise<boolean> {
  return client.getTransaction({ hash }).then(
    () => true,
    (error: unknown) => {
      if (findErrorByName(error, "TransactionNotFoundError")) return false;
      throw error;
    },
  );
}

/**
 * A refusal as a console answers it: failed and wrong sender as they are, not found and pending as `tx_not_found`
 * (the caller asks again later), any other (a wrong target or call) as the caller's `wrongCall`.
 */
export const callRefusal = <W extends string>(code: TxRefusal, wrongCall: W) =>
  code === "tx_failed" || code === "tx_wrong_sender"
    ? code
    : code === "tx_not_found" || code === "tx_pending"
      ? ("tx_not_found" as const)
      : wrongCall;

/** The receipt, or null when the transaction is not mined (yet). Waits up to `waitMs`, polling. */
export async function readReceipt({
  client,
  txHash,
  waitMs = 0,
  pollMs = 500,
}: {
  client: PublicClient;
  txHash: Hex;
  waitMs?: number;
  pollMs?: number;
}): Promise<TransactionReceipt | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const receipt = await orNotFound(client.getTransactionReceipt({ hash: txHash }));
    if (receipt || Date.now() + pollMs > deadline) return receipt;
    await sleep(pollMs);
  }
}

/** A contract the transaction may call, and which of its functions (omitted: any function of its ABI). */
export type AllowedCall = { address: Address; abi: Abi; functions?: readonly string[] };

/**
 * The contracts a transaction may call: a list, or a lookup by the transaction's target (for targets known only
 * by asking the chain, such as a factory's tokens); null when the target is not one of them.
 */
export type AllowedTargets =
  readonly AllowedCall[] | ((to: Address) => Promise<AllowedCall | null> | AllowedCall | null);

/**
 * Verifies that `txHash` is a successful call by `sender` to one of the `allowed` contracts and functions. The checks
 * run in a fixed order (found, sender, target, function, success) so each refusal says the first thing wrong; by
 * default a reverted call is reported as such only once it is known to be one of the expected calls, while
 * `revertedFirst` reports a revert before anything else. `waitMs` waits for a transaction that is not mined yet (a
 * wallet's node may be a moment ahead of ours). An unreachable node is thrown, never reported as an unknown hash.
 */
export async function verifyUserTx({
  client,
  txHash,
  sender,
  allowed,
  waitMs = 0,
  revertedFirst = false,
}: {
  client: PublicClient;
  txHash: Hex;
  sender: Address;
  allowed: AllowedTargets;
  waitMs?: number;
  revertedFirst?: boolean;
}): Promise<{ ok: true; call: VerifiedCall } | { ok: false; code: TxRefusal }> {
  const receipt = await readReceipt({ client, txHash, waitMs });
  if (!receipt) {
    const pending = await orNotFound(client.getTransaction({ hash: txHash }));
    return { ok: false, code: pending ? "tx_pending" : "tx_not_found" };
  }
  const transaction = await orNotFound(client.getTransaction({ hash: txHash }));
  if (!transaction) return { ok: false, code: "tx_not_found" };
  if (revertedFirst && receipt.status !== "success") return { ok: false, code: "tx_failed" };
  if (getAddress(receipt.from) !== getAddress(sender)) return { ok: false, code: "tx_wrong_sender" };
  let targets: readonly AllowedCall[];
  if (typeof allowed === "function") {
    if (!transaction.to) return { ok: false, code: "tx_wrong_target" };
    const target = await allowed(getAddress(transaction.to));
    targets = target ? [target] : [];
  } else targets = allowed;
  const check = decodeCall({ transaction, allowed: targets });
  if (!check.ok) return check;
  if (receipt.status !== "success") return { ok: false, code: "tx_failed" };
  return { ok: true, call: { ...check.call, receipt, transaction } };
}

/** The issuer steps' verifier: `verifyUserTx` with a list of contracts, a revert reported last. */
export function verifyContractCall(args: {
  client: PublicClient;
  txHash: Hex;
  sender: Address;
  allowed: readonly AllowedCall[];
  waitMs?: number;
}): Promise<{ ok: true; call: VerifiedCall } | { ok: false; code: TxRefusal }> {
  return verifyUserTx(args);
}

/** Decodes a transaction (mined or pending) as a call to one of the `allowed` contracts and functions. */
export function decodeCall({
  transaction,
  allowed,
}: {
  transaction: Pick<Transaction, "to" | "input">;
  allowed: readonly AllowedCall[];
}):
  | { ok: true; call: Omit<VerifiedCall, "receipt" | "transaction"> }
  | { ok: false; code: "tx_wrong_target" | "tx_wrong_call" } {
  if (!transaction.to) return { ok: false, code: "tx_wrong_target" };
  const to = getAddress(transaction.to);
  const target = allowed.find((a) => getAddress(a.address) === to);
  if (!target) return { ok: false, code: "tx_wrong_target" };
  let decoded: { functionName: string; args?: readonly unknown[] };
  try {
    decoded = decodeFunctionData({ abi: target.abi, data: transaction.input }) as typeof decoded;
  } catch {
    return { ok: false, code: "tx_wrong_call" };
  }
  if (target.functions && !target.functions.includes(decoded.functionName)) return { ok: false, code: "tx_wrong_call" };
  const item = target.abi.find((x) => x.type === "function" && x.name === decoded.functionName) as
    { inputs: readonly { name?: string }[] } | undefined;
  const args = decoded.args ?? [];
  const named: Record<string, PlainJson> = {};
  args.forEach((v, i) => {
    named[item?.inputs[i]?.name || `arg${i}`] = plainJson(v);
  });
  return { ok: true, call: { to, functionName: decoded.functionName, args, named } };
}

export type TxState =
  | { state: "mined"; receipt: TransactionReceipt }
  | { state: "pending"; nonce: number | null; seen: boolean }
  | { state: "dropped"; reason: "dropped" | "replaced" };

/**
 * Where a transaction the wallet returned stands now. Mined (success or reverted) as the receipt says; pending
 * while the node knows it and the sender's nonce has not moved past it; replaced when the sender's mined nonce
 * has moved past it without it (speed-up, cancel, or another transaction); dropped when the node has not known
 * it for `dropAfterMs` since it was sent. A transaction the node still holds is never given up on, so a new
 * one is not offered while the first could still be mined.
 */
export async function readTxState({
  client,
  txHash,
  sender,
  nonce,
  sentAt,
  now = Date.now(),
  dropAfterMs,
  waitMs = 0,
}: {
  client: PublicClient;
  txHash: Hex;
  sender: Address;
  /** The nonce seen when the transaction was recorded, if it was. */
  nonce: number | null;
  sentAt: Date;
  now?: number;
  dropAfterMs: number;
  waitMs?: number;
}): Promise<TxState> {
  const receipt = await readReceipt({ client, txHash, waitMs });
  if (receipt) return { state: "mined", receipt };
  const [transaction, mined] = await Promise.all([
    orNotFound(client.getTransaction({ hash: txHash })),
    client.getTransactionCount({ address: sender, blockTag: "latest" }),
  ]);
  // Re-read the receipt: the transaction may have been mined between the two reads.
  const late = await orNotFound(client.getTransactionReceipt({ hash: txHash }));
  if (late) return { state: "mined", receipt: late };
  const knownNonce = transaction ? transaction.nonce : nonce;
  if (knownNonce !== null && mined > knownNonce) return { state: "dropped", reason: "replaced" };
  if (transaction) return { state: "pending", nonce: transaction.nonce, seen: true };
  if (now - sentAt.getTime() >= dropAfterMs) return { state: "dropped", reason: "dropped" };
  return { state: "pending", nonce, seen: false };
}
