/**
 * Mirroring a confirmed identity-registry change into the investor records the portal reads (wallets, residence,
 * category, KYC expiry), so the register, alerts and sign-in agree with the chain. The caller decodes the call and
 * decides whether a wallet link may be mirrored (it needs the wallet's own signature, which KYC holds).
 *
 * Plain module (no `server-only`): the indexer worker's reconciliation applies changes too.
 */
import type { Database } from "@/lib/db/connect";
import type { InvestorCategory } from "@/lib/db/schema";
import { numericToAlpha2 } from "@/lib/i18n/countries";
import { getInvestorByOnChainId, linkWallet, unlinkWallet, updateInvestor } from "./records";

export type RegistryChange =
  | {
      kind: "linkWallet";
      onChainId: string;
      wallet: string;
      /** Whether the wallet signed a link request to this investor (only then does it become theirs here). */
      signed: (investorId: string, wallet: string) => Promise<boolean>;
    }
  | { kind: "unlinkWallet"; wallet: string }
  | {
      kind: "updateInvestor";
      onChainId: string;
      /** ISO 3166-1 numeric, as registered. */
      country: number;
      /** Null when the registry's code is not one the portal knows (the category is then left as it is). */
      category: InvestorCategory | null;
      /** Seconds since the epoch. */
      kycExpiry: number;
    }
  | { kind: "removeInvestor"; onChainId: string };

export async function applyRegistryChange(db: Database, change: RegistryChange): Promise<void> {
  switch (change.kind) {
    case "linkWallet": {
      const investor = await getInvestorByOnChainId(db, change.onChainId);
      const wallet = change.wallet.toLowerCase();
      if (investor && (await change.signed(investor.id, wallet)))
        await linkWallet(db, { investorId: investor.id, address: wallet });
      return;
    }
    case "unlinkWallet":
      await unlinkWallet(db, { address: change.wallet });
      return;
    case "updateInvestor": {
      const investor = await getInvestorByOnChainId(db, change.onChainId);
      if (!investor) return;
      await updateInvestor(db, investor.id, {
        residenceNumeric: change.country,
        residence: numericToAlpha2(change.country) ?? null,
        ...(change.category ? { category: change.category } : {}),
        kycExpiresAt: new Date(change.kycExpiry * 1000),
      });
      return;
    }
    case "removeInvestor": {
      const investor = await getInvestorByOnChainId(db, change.onChainId);
      if (investor) await updateInvestor(db, investor.id, { kycStatus: "expired", kycExpiresAt: new Date() });
      return;
    }
  }
}
