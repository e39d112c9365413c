/**
 * The demo people of the local default, by anvil dev-account index (default mnemonic). Seeded on first
 * start and offered by the demo wallet on the local chain only; never used against a real chain.
 */
export const DEMO_MNEMONIC = "test test test test test test test test test test test junk";

export type DemoRole = "admin" | "compliance" | "issuer" | "investor" | "newcomer";

export type KycState = "approved" | "submitted" | "rejected" | "expired" | "none";

export type DemoPerson = {
  /** anvil dev account index (default mnemonic) */
  account: number;
  key: string;
  name: string;
  role: DemoRole;
  description: string;
  email?: string;
  investor?: {
    kyc: KycState;
    category: "retail" | "professional" | "institutional";
    nationality: string; // alpha-2
    residence: string; // alpha-2
    residenceNumeric: number; // ISO 3166 numeric, as on-chain
    rejectionReason?: string;
  };
};

export const people: DemoPerson[] = [
  {
    account: 0,
    key: "admin",
    name: "Platform Admin",
    role: "admin",
    description: "Platform admin: grants issuer and compliance roles",
  },
  {
    account: 1,
    key: "grace",
    name: "Grace Leung",
    role: "compliance",
    description: "Compliance officer: KYC queue, holder registers, token actions",
    email: "grace.leung@atelier.example",
  },
  {
    account: 2,
    key: "marcus",
    name: "Marcus Tsang",
    role: "compliance",
    description: "Compliance officer (second approver for professional investors)",
    email: "marcus.tsang@atelier.example",
  },
  {
    account: 3,
    key: "lumen",
    name: "Lumen Art Partners Ltd",
    role: "issuer",
    description: "Issuer: lists artworks and runs offerings",
    email: "listings@lumen-art.example",
  },
  {
    account: 4,
    key: "harbourfront",
    name: "Harbourfront Fine Art Ltd",
    role: "issuer",
    description: "Issuer: lists artworks and runs offerings",
    email: "listings@harbourfront-art.example",
  },
  {
    account: 5,
    key: "mei",
    name: "Mei Chan",
    role: "investor",
    email: "mei.chan@example.hk",
    description: "Verified retail investor, Hong Kong resident, holds shares",
    investor: { kyc: "approved", category: "retail", nationality: "HK", residence: "HK", residenceNumeric: 344 },
  },
  {
    account: 6,
    key: "david",
    name: "David Wong",
    role: "investor",
    email: "david.wong@example.hk",
    description: "Verified professional investor (HK$8m+ portfolio), holds shares",
    investor: { kyc: "approved", category: "professional", nationality: "HK", residence: "HK", residenceNumeric: 344 },
  },
  {
    account: 7,
    key: "priya",
    name: "Priya Raman",
    role: "investor",
    email: "priya.raman@example.sg",
    description: "Verified retail investor resident in Singapore (some tokens are HK-only)",
    investor: { kyc: "approved", category: "retail", nationality: "SG", residence: "SG", residenceNumeric: 702 },
  },
  {
    account: 8,
    key: "tom",
    name: "Tom Lee",
    role: "investor",
    email: "tom.lee@example.hk",
    description: "KYC submitted, waiting for compliance review",
    investor: { kyc: "submitted", category: "retail", nationality: "HK", residence: "HK", residenceNumeric: 344 },
  },
  {
    account: 9,
    key: "sarah",
    name: "Sarah Ng",
    role: "investor",
    email: "sarah.ng@example.hk",
    description: "KYC rejected (proof of address unreadable)",
    investor: {
      kyc: "rejected",
      category: "retail",
      nationality: "HK",
      residence: "HK",
      residenceNumeric: 344,
      rejectionReason:
        "The proof of address was unreadable. Please upload a clear utility bill or bank statement dated within the last 3 months.",
    },
  },
  {
    account: 10,
    key: "kenji",
    name: "Kenji Sato",
    role: "investor",
    email: "kenji.sato@example.jp",
    description: "KYC expired while holding shares (must renew before trading)",
    investor: { kyc: "expired", category: "professional", nationality: "JP", residence: "HK", residenceNumeric: 344 },
  },
  {
    account: 11,
    key: "alice",
    name: "Alice Cheung",
    role: "investor",
    email: "alice.cheung@example.hk",
    description: "Verified retail investor, Hong Kong resident, holds shares and trades on the market",
    investor: { kyc: "approved", category: "retail", nationality: "HK", residence: "HK", residenceNumeric: 344 },
  },
  {
    account: 12,
    key: "newcomer",
    name: "New visitor",
    role: "newcomer",
    description: "A fresh wallet with no KYC: try onboarding",
  },
];
