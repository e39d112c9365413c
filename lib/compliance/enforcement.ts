import "server-only";

/**
 * The enforcement desk as the console reads it: the proposals still pending (forced transfers, recoveries, burns
 * proposed by one officer, waiting for a second to review the exact arguments and execute, or to cancel), and who
 * can act on a token (the desk and its agents) for the issuer's read-only view.
 */
import { type Address, getAddress, type Hex, keccak256, stringToHex, zeroAddress } from "viem";
import { artworkShareTokenAbi, enforcementDeskAbi, hKDStablecoinAbi, marketAbi } from "@/lib/chain/abis";
import { getDeployments, getPublicClient } from "@/lib/chain/server";
import { DESK_TOKEN_CALLS } from "./agent-audit";
import { decodeDeskCall } from "./desk-history";

export type DeskTokenCall = (typeof DESK_TOKEN_CALLS)[number];

export type PendingProposal = {
  id: string;
  token: Address;
  proposer: Address;
  /** Unix seconds; after it the proposal can only be cancelled. */
  expiresAt: number;
  expired: boolean;
  functionName: DeskTokenCall;
  /** The bound arguments by name; addresses checksummed, amounts as decimal strings, arrays as lists. */
  args: Record<string, string | string[]>;
  /** The exact calldata the executor repeats. */
  data: Hex;
};

/** The desk's address, or null on a deployment made before it existed. */
export function getDeskAddress(): Address | null {
  const d = getDeployments();
  return d.enforcementDesk ? getAddress(d.enforcementDesk) : null;
}

/** Pending proposals (oldest first), optionally of one token only. */
export async function getPendingProposals(token?: Address): Promise<PendingProposal[]> {
  const desk = getDeskAddress();
  if (!desk) return [];
  const client = getPublicClient();
  const ids = await client.readContract({ address: desk, abi: enforcementDeskAbi, functionName: "pendingProposals" });
  if (ids.length === 0) return [];
  const block = await client.getBlock();
  const rows = await Promise.all(
    ids.map((id) =>
      client.readContract({ address: desk, abi: enforcementDeskAbi, functionName: "proposal", args: [id] }),
    ),
  );
  const out: PendingProposal[] = [];
  rows.forEach(([pToken, proposer, expiresAt, , data], i) => {
    if (token && getAddress(pToken) !== getAddress(token)) return;
    const call = decodeDeskCall(data);
    if (!call || !(DESK_TOKEN_CALLS as readonly string[]).includes(call.action)) return;
    out.push({
      id: ids[i]!.toString(),
      token: getAddress(pToken),
      proposer: getAddress(proposer),
      expiresAt: Number(expiresAt),
      expired: block.timestamp >= expiresAt,
      functionName: call.action as DeskTokenCall,
      args: call.args,
      data,
    });
  });
  return out.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
}

/**
 * Who can act on `token` besides its issuer, for the issuer's read-only view: the enforcement desk when the token
 * recognises it (`deskHoldsPowers`), and the desk's agents (the platform's compliance officers), who pause and freeze
 * alone and move or burn shares only two together. Null on a deployment without a desk.
 */
export async function getTokenPowers(
  token: Address,
): Promise<{ desk: Address; deskHoldsPowers: boolean; agents: Address[] } | null> {
  const desk = getDeskAddress();
  if (!desk) return null;
  const client = getPublicClient();
  const [agents, deskHoldsPowers] = await Promise.all([
    client.readContract({ address: desk, abi: enforcementDeskAbi, functionName: "agents" }),
    client.readContract({
      address: token,
      abi: artworkShareTokenAbi,
      functionName: "hasRole",
      args: [keccak256(stringToHex("ENFORCER_ROLE")), desk],
    }),
  ]);
  return { desk, deskHoldsPowers, agents: agents.map((a) => getAddress(a)) };
}

export type WalletOpenOrder = {
  id: string;
  side: "ask" | "bid";
  /** Price per share in the payment token's base units. */
  price: bigint;
  remaining: bigint;
  /** Payment tokens escrowed for the order (bids; 0 for asks). */
  escrow: bigint;
};

/**
 * A wallet's open orders on `token` in the market, read from the chain (the token's open-orders index), with the
 * escrow they hold: what a recovery of that wallet will cancel, and the escrow that goes to the recovered wallet
 * (`Market.cancelRecovered`). Empty on a deployment without a market.
 */
export async function getWalletOpenOrders({
  token,
  wallet,
}: {
  token: Address;
  wallet: Address;
}): Promise<{ orders: WalletOpenOrder[]; escrow: bigint }> {
  const market = getDeployments().market;
  if (!market) return { orders: [], escrow: 0n };
  const client = getPublicClient();
  const m = { address: market, abi: marketAbi } as const;
  const count = await client.readContract({ ...m, functionName: "openOrderCount", args: [token] });
  if (count === 0n) return { orders: [], escrow: 0n };
  const ids = await client.readContract({ ...m, functionName: "openOrders", args: [token, 0n, count] });
  const views = await client.multicall({
    contracts: ids.map((id) => ({ ...m, functionName: "order", args: [id] }) as const),
    allowFailure: false,
  });
  const me = getAddress(wallet);
  const orders: WalletOpenOrder[] = [];
  views.forEach((o, i) => {
    if (getAddress(o.maker) !== me || o.remaining === 0n) return;
    const side = o.side === 0 ? "ask" : "bid";
    orders.push({
      id: ids[i]!.toString(),
      side,
      price: o.price,
      remaining: o.remaining,
      escrow: side === "bid" ? o.remaining * o.price : 0n,
    });
  });
  orders.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
  return { orders, escrow: orders.reduce((s, o) => s + o.escrow, 0n) };
}

/** Decimals of the platform payment token (HKD), to format escrow. */
export async function getPaymentDecimals(): Promise<number> {
  return getPublicClient().readContract({
    address: getDeployments().paymentToken,
    abi: hKDStablecoinAbi,
    functionName: "decimals",
  });
}

export type RecoveredWalletOrders = {
  /** The lost wallet, whose orders are still open on the market. */
  lostWallet: Address;
  /** The wallet the token recovered it to, which receives the bid escrow. */
  recoveredTo: Address;
  orders: WalletOpenOrder[];
  /** Payment tokens held by the bids, returned to `recoveredTo` when the orders are cancelled. */
  escrow: bigint;
};

/**
 * The wallets of `token` that were recovered to another wallet (`recoveredTo(wallet) != 0`) and still have open
 * orders on the market, read from the chain (the token's open-orders index and the token itself), each with its
 * orders and their escrow: what `Market.cancelRecovered` of those order ids would cancel and return. Empty on a
 * deployment without a market.
 */
export async function getRecoveredWalletOrders({ token }: { token: Address }): Promise<RecoveredWalletOrders[]> {
  const market = getDeployments().market;
  if (!market) return [];
  const client = getPublicClient();
  const m = { address: market, abi: marketAbi } as const;
  const count = await client.readContract({ ...m, functionName: "openOrderCount", args: [token] });
  if (count === 0n) return [];
  const ids = await client.readContract({ ...m, functionName: "openOrders", args: [token, 0n, count] });
  const views = await client.multicall({
    contracts: ids.map((id) => ({ ...m, functionName: "order", args: [id] }) as const),
    allowFailure: false,
  });
  const makers = [...new Set(views.filter((o) => o.remaining > 0n).map((o) => getAddress(o.maker)))];
  if (makers.length === 0) return [];
  const recovered = await client.multicall({
    contracts: makers.map(
      (w) => ({ address: token, abi: artworkShareTokenAbi, functionName: "recoveredTo", args: [w] }) as const,
    ),
    allowFailure: false,
  });
  const byMaker = new Map<Address, RecoveredWalletOrders>();
  makers.forEach((w, i) => {
    const to = recovered[i]!;
    if (to !== zeroAddress) byMaker.set(w, { lostWallet: w, recoveredTo: getAddress(to), orders: [], escrow: 0n });
  });
  views.forEach((o, i) => {
    const row = byMaker.get(getAddress(o.maker));
    if (!row || o.remaining === 0n) return;
    const side = o.side === 0 ? "ask" : "bid";
    const escrow = side === "bid" ? o.remaining * o.price : 0n;
    row.orders.push({ id: ids[i]!.toString(), side, price: o.price, remaining: o.remaining, escrow });
    row.escrow += escrow;
  });
  const rows = [...byMaker.values()];
  for (const r of rows) r.orders.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
  return rows;
}
