/** What an investor's portfolio is made of, as the pages and the statement show it (`queries.ts` builds it). */
import type { Address, Hex } from "viem";
import type { DistributionKind } from "@/lib/distributions";
import type { ArtworkReference, PriceSource } from "./insights";
import type { Totals } from "./math";

export type Lockup = { wallet: Address; shares: bigint; until: Date };

export type Holding = {
  slug: string;
  title: string;
  titleZh: string | null;
  artist: string;
  image: string | null;
  token: Address;
  balance: bigint;
  totalSupply: bigint;
  /** 0..1 */
  share: number;
  /**
   * Price used for the value: the last market trade when there is one, else the latest appraisal ÷ the artwork's number of shares,
   * else the offering price (`insights.ts`, `priceAt`).
   */
  price: bigint;
  priceSource: PriceSource;
  /** Gains realised by selling this artwork's shares on the market (fees included). */
  realised: bigint;
  value: bigint;
  costBasis: bigint;
  gain: bigint;
  gainBps: number | null;
  lockups: Lockup[];
  frozen: boolean;
};

export type HistoryKind =
  | "purchase"
  | "transferIn"
  | "transferOut"
  | "allocation"
  | "redemption"
  | "marketBuy"
  | "marketSell"
  | "bidPlaced"
  | "askPlaced"
  | "bidCancelled"
  | "askCancelled"
  /** A distribution paid to the wallet (income, sale proceeds or return of capital): HKD in, no shares. */
  | "distributionReceived";
/** Why an order was cancelled: by the investor, because it expired, because its wallet was recovered, or otherwise. */
export type CancelledBecause = "own" | "expired" | "recovered" | "other";
export type HistoryEntry = {
  kind: HistoryKind;
  at: Date;
  slug: string;
  title: string;
  titleZh: string | null;
  token: Address;
  wallet: Address;
  shares: bigint;
  /** HKD paid (purchases, market buys with any fee) or received (market sales, net of any fee). */
  amount: bigint | null;
  counterparty: Address | null;
  /** Market order rows (placed, cancelled): the order, its limit price per share and, when cancelled, why. */
  order: { id: string; price: bigint; because: CancelledBecause | null } | null;
  /** Market buys and sales: the fee the investor paid (included in `amount`; 0 when their order was the maker). */
  fee?: bigint;
  /** Distribution rows: the distribution's kind (null when the portal has no record of it). */
  distributionKind?: DistributionKind | null;
  txHash: Hex;
  blockNumber: bigint;
  logIndex: number;
};

export type Portfolio = {
  wallets: Address[];
  decimals: number;
  hkdBalance: bigint;
  holdings: Holding[];
  history: HistoryEntry[];
  totals: Totals;
  /** Gains realised by market sales, all artworks, fees included (average-cost method). */
  realised: bigint;
  /** What values each listed artwork's shares (offering price, number of shares, appraisals). */
  references: ArtworkReference[];
  blockNumber: bigint;
};
