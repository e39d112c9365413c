/**
 * Checks a distribution against the chain, trusting nothing the server says:
 * 1. the document holds together (allocation recomputed from the shares, tree rebuilt, see
 *    {@link checkDistributionDocument});
 * 2. its SHA-256 is the `treeHash` and the rebuilt root is the `root` the distributor stores, with the same token,
 *    record block, amount and leaf count;
 * 3. the shares in it are the token's balances at the record block, rebuilt from the token's Transfer logs alone
 *    (from `fromBlock`, the deployment's start block, through the record block).
 * Plain module: the `verify-distribution` script and tests call it with their own client.
 */
import { type Address, getAddress, type Hex, type PublicClient, zeroAddress } from "viem";
import { artworkShareTokenAbi, distributorAbi } from "@/lib/chain/abis";
import { checkDistributionDocument } from "./tree";

export type VerifyResult = {
  ok: boolean;
  /** One sentence per check, in order; failures say what differs. */
  lines: string[];
};

/**
 * What a verifier is given: a client of the chain, the exact document text, the contract's id for it and where the
 * token's Transfer logs start (the deployment's start block).
 */
export type VerifyArgs = { client: PublicClient; document: string; onChainId?: bigint | undefined; fromBlock: bigint };

/** A verification's sentences as it goes, ✓ or ✗ each: `result` is ok until a check fails. */
export function verificationLines(): { result: VerifyResult; say: (good: boolean, line: string) => void } {
  const result: VerifyResult = { ok: true, lines: [] };
  const say = (good: boolean, line: string) => {
    if (!good) result.ok = false;
    result.lines.push(`${good ? "✓" : "✗"} ${line}`);
  };
  return { result, say };
}

const TRANSFER = artworkShareTokenAbi.find((x) => x.type === "event" && x.name === "Transfer")!;
/** Blocks per getLogs call (providers cap the range). */
const LOG_RANGE = 10_000n;

/** Balances of `token` at `toBlock` from its Transfer logs (mints from the zero address, burns to it). */
export async function balancesFromTransferLogs(
  client: PublicClient,
  token: Address,
  fromBlock: bigint,
  toBlock: bigint,
): Promise<Map<string, bigint>> {
  const balances = new Map<string, bigint>();
  for (let start = fromBlock; start <= toBlock; start += LOG_RANGE) {
    const end = start + LOG_RANGE - 1n < toBlock ? start + LOG_RANGE - 1n : toBlock;
    const logs = await client.getLogs({ address: token, event: TRANSFER as never, fromBlock: start, toBlock: end });
    for (const log of logs as unknown as { args: { from: Address; to: Address; value: bigint } }[]) {
      const { from, to, value } = log.args;
      if (from !== zeroAddress) balances.set(from.toLowerCase(), (balances.get(from.toLowerCase()) ?? 0n) - value);
      if (to !== zeroAddress) balances.set(to.toLowerCase(), (balances.get(to.toLowerCase()) ?? 0n) + value);
    }
  }
  for (const [w, b] of balances) if (b === 0n) balances.delete(w);
  return balances;
}

/**
 * Whether the shares a document lists (holders and left-out wallets) are the token's balances at `record`, rebuilt
 * from its Transfer logs alone; the sentence says so, or what differs.
 */
export async function sharesMatchTransferLogs(
  client: PublicClient,
  token: Address,
  fromBlock: bigint,
  record: bigint,
  rows: readonly { wallet: string; shares: string }[],
): Promise<{ ok: boolean; line: string }> {
  const balances = await balancesFromTransferLogs(client, token, fromBlock, record);
  const listed = new Map<string, bigint>();
  for (const r of rows) listed.set(r.wallet.toLowerCase(), BigInt(r.shares));
  const wrong: string[] = [];
  for (const [w, b] of balances)
    if (listed.get(w) !== b) wrong.push(`${getAddress(w)} held ${b}, listed ${listed.get(w) ?? "not at all"}`);
  for (const [w, b] of listed) if (b > 0n && !balances.has(w)) wrong.push(`${getAddress(w)} held nothing, listed ${b}`);
  if (wrong.length)
    return {
      ok: false,
      line: `The shares differ from the token's Transfer logs at block ${record}: ${wrong.slice(0, 5).join("; ")}${wrong.length > 5 ? ` and ${wrong.length - 5} more` : ""}.`,
    };
  return {
    ok: true,
    line: `Every holder's shares are the token's balances at block ${record}, rebuilt from its Transfer logs (${balances.size} wallet(s)).`,
  };
}

/** Finds the on-chain id of the distribution anchoring `treeHash` for `token` (from DistributionCreated logs). */
export async function findOnChainId(
  client: PublicClient,
  {
    distributor,
    token,
    treeHash,
    fromBlock,
  }: { distributor: Address; token: Address; treeHash: Hex; fromBlock: bigint },
): Promise<bigint | null> {
  const logs = await client.getContractEvents({
    address: distributor,
    abi: distributorAbi,
    eventName: "DistributionCreated",
    args: { token },
    fromBlock,
    toBlock: "latest",
  });
  const hit = logs.find((l) => l.args.treeHash?.toLowerCase() === treeHash.toLowerCase());
  return hit?.args.id ?? null;
}

/** Verifies a distribution document; the distributor's id is found from the logs by the document's hash when absent. */
export async function verifyDistribution({
  client,
  document: text,
  onChainId,
  fromBlock,
}: VerifyArgs): Promise<VerifyResult> {
  const { result, say } = verificationLines();
  const fail = (line: string) => say(false, line);
  const pass = (line: string) => say(true, line);

  let check;
  try {
    check = checkDistributionDocument(text);
  } catch (error) {
    return { ok: false, lines: [`✗ The file is not a distribution document: ${(error as Error).message}`] };
  }
  const { document: doc, treeHash, rebuiltRoot, problems } = check;
  if (problems.length) for (const p of problems) fail(`The document does not hold together: ${p}.`);
  else
    pass(
      `The document holds together: ${doc.holders.length} holder(s), ${doc.terms.leafCount} entitlement(s), the amounts follow the rule (${doc.allocation.rule}) and the tree rebuilt from them has root ${rebuiltRoot}.`,
    );

  const distributor = getAddress(doc.distributor);
  const token = getAddress(doc.token);
  const id = onChainId ?? (await findOnChainId(client, { distributor, token, treeHash, fromBlock }).catch(() => null));
  if (id === null || id === undefined) {
    fail(`No distribution on the distributor ${distributor} anchors this document (SHA-256 ${treeHash}).`);
    return result;
  }
  let onChain;
  try {
    onChain = await client.readContract({
      address: distributor,
      abi: distributorAbi,
      functionName: "distribution",
      args: [id],
    });
  } catch (error) {
    fail(`The distributor has no distribution ${id} (${(error as Error).message.split("\n")[0]}).`);
    return result;
  }
  if (onChain.treeHash.toLowerCase() === treeHash)
    pass(`Its SHA-256 ${treeHash} is the tree hash anchored in distribution ${id}.`);
  else fail(`Its SHA-256 is ${treeHash}, but distribution ${id} anchors ${onChain.treeHash}.`);
  if (onChain.root.toLowerCase() === rebuiltRoot) pass(`The rebuilt root is the root distribution ${id} pays against.`);
  else fail(`The rebuilt root ${rebuiltRoot} is not the chain's root ${onChain.root}.`);
  const same: [string, string, string][] = [
    ["token", getAddress(onChain.token), token],
    ["record block", onChain.recordBlock.toString(), doc.recordBlock],
    ["amount", onChain.amount.toString(), doc.terms.amount],
    ["leaf count", onChain.leafCount.toString(), doc.terms.leafCount.toString()],
  ];
  const differ = same.filter(([, a, b]) => a !== b);
  if (differ.length) for (const [what, a, b] of differ) fail(`The chain's ${what} is ${a}, the document says ${b}.`);
  else pass(`Token, record block ${doc.recordBlock}, amount and leaf count are those on the chain.`);

  const shares = await sharesMatchTransferLogs(client, token, fromBlock, BigInt(doc.recordBlock), [
    ...doc.holders.map((h) => ({ wallet: h.wallet, shares: h.shares })),
    ...doc.allocation.excluded,
  ]);
  say(shares.ok, shares.line);
  result.lines.push(
    result.ok
      ? `The distribution ${id} matches the chain: anyone can pay out the same entitlements from this document.`
      : `The distribution ${id} does NOT match the chain.`,
  );
  return result;
}
