import { getTranslations } from "next-intl/server";
import type { Address } from "viem";
import { SalePanel } from "@/components/sale/sale-panel";
import { Section } from "@/components/ui/section";
import { PAYMENT_DECIMALS } from "@/lib/distributions/client";
import { loadSaleOfToken } from "@/lib/sale";
import { LazySaleForm, LazySweepDust } from "../listing-lazy";

/**
 * The issuer's "Offer to sell the artwork": the token's sale as recorded (voting or sold) or, when there is none (or
 * the last was rejected), the form (plan → preview → approve + openSale), which stays in place while its own vote
 * is being opened. Once the holders approved, the issuer takes back the rounding dust there (`SweepDust`).
 */
export async function IssuerSaleSection({ token, account, live }: { token: Address; account: Address; live: boolean }) {
  const t = await getTranslations("sale.issuer");
  const { saleContract, chainTime, sale } = live
    ? await loadSaleOfToken(token)
    : { saleContract: null, chainTime: 0, sale: null };
  if (!live || !saleContract)
    return (
      <Section id="sale-offer" title={t("title")} intro={t("intro")} look="display">
        <p className="text-sm text-ink-muted">{live ? t("noContract") : t("notLive")}</p>
      </Section>
    );
  return (
    <div className="flex flex-col gap-6">
      {sale ? (
        <SalePanel sale={sale} decimals={PAYMENT_DECIMALS} chainTime={chainTime}>
          {sale.status === "approved" ? (
            <LazySweepDust sale={{ contract: saleContract, onChainId: sale.onChainId }} issuer={account} />
          ) : null}
        </SalePanel>
      ) : null}
      <LazySaleForm
        token={token}
        account={account}
        canOffer={!sale || sale.status === "rejected"}
        title={t("title")}
        intro={t("intro")}
      />
    </div>
  );
}
