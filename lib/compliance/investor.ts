import "server-only";

/** One investor across every token and wallet: identity, on-chain record, holdings, share movements. */
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { type Address, getAddress, type Hex } from "viem";
import { artworkShareTokenAbi, identityRegistryAbi } from "@/lib/chain/abis";
import { getDeployments, getMulticallOptions, getPublicClient, getLatestBlockNumber } from "@/lib/chain/server";
import type { Database } from "@/lib/db/connect";
import { chainEvents } from "@/lib/db/schema";
import { getInvestorById, getInvestorWallets, type Investor } from "@/lib/investors";
import { listTokens, type TokenSummary } from "./register";
import type { ChainHolder } from "./register-chain";

export type InvestorWalletView = {
  address: Address;
  isPrimary: boolean;
  onChainInvestorId: Hex;
  verified: boolean;
  expiry: number;
  country: number;
  category: number;
};
export type InvestorHolding = { token: TokenSummary } & Pick<
  ChainHolder,
  "wallet" | "shares" | "frozen" | "frozenAmount" | "lockedAmount" | "lockedUntil"
>;
export type InvestorMovement = {
  at: Date;
  token: string;
  symbol: string;
  wallet: string;
  direction: "in" | "out";
  shares: bigint;
  counterparty: string;
  txHash: string;
};

export async function getInvestorView(
  db: Database,
  id: string,
): Promise<{
  investor: Investor;
  wallets: InvestorWalletView[];
  holdings: InvestorHolding[];
  movements: InvestorMovement[];
  record: { country: number; category: number; expiry: number } | null;
} | null> {
  const investor = await getInvestorById(db, id);
  if (!investor) return null;
  const walletRows = await getInvestorWallets(db, { investorId: id });
  const client = getPublicClient();
  const d = getDeployments();
  const blockNumber = await getLatestBlockNumber();
  const tokens = await listTokens(db);
  const addrs = walletRows.map((w) => getAddress(w.address));
  const [identities, verified, record, states] = await Promise.all([
    Promise.all(
      addrs.map((w) =>
        client.readContract({
          address: d.identityRegistry,
          abi: identityRegistryAbi,
          functionName: "identityOf",
          args: [w],
          blockNumber,
        }),
      ),
    ),
    Promise.all(
      addrs.map((w) =>
        client.readContract({
          address: d.identityRegistry,
          abi: identityRegistryAbi,
          functionName: "isVerified",
          args: [w],
          blockNumber,
        }),
      ),
    ),
    investor.onChainId
      ? client.readContract({
          address: d.identityRegistry,
          abi: identityRegistryAbi,
          functionName: "investor",
          args: [investor.onChainId as Hex],
          blockNumber,
        })
      : Promise.resolve(null),
    client.multicall({
      ...getMulticallOptions(),
      blockNumber,
      allowFailure: false,
      contracts: tokens.flatMap((tk) =>
        addrs.flatMap((w) => [
          { address: tk.token, abi: artworkShareTokenAbi, functionName: "balanceOf" as const, args: [w] as const },
          { address: tk.token, abi: artworkShareTokenAbi, functionName: "walletState" as const, args: [w] as const },
        ]),
      ),
    }),
  ]);
  const wallets = addrs.map((address, i) => {
    const [onChainInvestorId, country, category, expiry] = identities[i]!;
    return {
      address,
      isPrimary: walletRows[i]!.isPrimary,
      onChainInvestorId,
      verified: verified[i]!,
      expiry: Number(expiry),
      country: Number(country),
      category: Number(category),
    };
  });
  const holdings: InvestorHolding[] = [];
  let k = 0;
  for (const token of tokens) {
    for (const wallet of addrs) {
      const shares = states[k++] as bigint;
      const [frozen, frozenAmount, lockedAmount, lockedUntil] = states[k++] as readonly [
        boolean,
        bigint,
        bigint,
        bigint,
      ];
      if (shares > 0n || frozen)
        holdings.push({ token, wallet, shares, frozen, frozenAmount, lockedAmount, lockedUntil: Number(lockedUntil) });
    }
  }
  const lower = addrs.map((a) => a.toLowerCase());
  const events = lower.length
    ? await db
        .select()
        .from(chainEvents)
        .where(
          and(
            eq(chainEvents.eventName, "Transfer"),
            or(inArray(sql`${chainEvents.args}->>'from'`, lower), inArray(sql`${chainEvents.args}->>'to'`, lower)),
          ),
        )
        .orderBy(desc(chainEvents.blockNumber), desc(chainEvents.logIndex))
        .limit(200)
    : [];
  const symbolOf = new Map(tokens.map((tk) => [tk.token.toLowerCase(), tk.symbol]));
  const movements: InvestorMovement[] = events.map((e) => {
    const from = String(e.args.from);
    const to = String(e.args.to);
    const incoming = lower.includes(to);
    return {
      at: e.blockTime,
      token: e.token ?? e.contract,
      symbol: symbolOf.get(e.token ?? e.contract) ?? "",
      wallet: incoming ? to : from,
      direction: incoming ? "in" : "out",
      shares: BigInt(String(e.args.value)),
      counterparty: incoming ? from : to,
      txHash: e.txHash,
    };
  });
  const rec =
    record && (record as readonly unknown[])[0] !== undefined
      ? (record as unknown as readonly [number, number, bigint, number])
      : null;
  return {
    investor,
    wallets,
    holdings,
    movements,
    record:
      rec && Number(rec[2]) > 0 ? { country: Number(rec[0]), category: Number(rec[1]), expiry: Number(rec[2]) } : null,
  };
}
