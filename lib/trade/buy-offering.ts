import type { Address, Hex } from "viem";

/** Serialisable props the buy page (server) gives the buy form (client). */
export type BuyOffering = {
  account: Address;
  offeringId: bigint;
  token: Address;
  contracts: { primaryOffering: Address; paymentToken: Address; identityRegistry: Address };
  decimals: number;
  pricePerShare: bigint;
  minTicket: bigint;
  maxTicket: bigint;
  remaining: bigint;
  purchased: bigint;
  investorId: Hex | null;
  lockupSeconds: bigint;
  opensAt: Date;
  closesAt: Date;
  upcoming: boolean;
  maxHolders: number;
  maxBalancePerInvestor: bigint;
  /** Localised words (server-side: country names need a large table). */
  names: {
    residence: string | null;
    allowedCountries: string[];
    category: string | null;
    eligibleCategories: string[];
  };
  kycExpiresAt: Date | null;
  explorerUrl: string | null;
  localChain: boolean;
};
