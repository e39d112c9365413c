import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import type { Address } from "viem";
import { DistributionClaims } from "@/components/portfolio/distribution-claims";
import { Section } from "@/components/ui/section";
import { Skeleton } from "@/components/ui/skeleton";
import { claimsOf } from "./claims-cache";

async function Claims({
  wallet,
  decimals,
  explorerUrl,
}: {
  wallet: Address;
  decimals: number;
  explorerUrl: string | null;
}) {
  const view = await claimsOf(wallet);
  return <DistributionClaims view={view} decimals={decimals} explorerUrl={explorerUrl} />;
}

/**
 * Distributions of the signed-in wallet (the wallet that signs a claim): what it may claim, with the chain's word on
 * each, and what it received. Streams in after the rest of the portfolio (its own placeholder meanwhile).
 */
export async function DistributionsSection(props: { wallet: Address; decimals: number; explorerUrl: string | null }) {
  const t = await getTranslations("portfolio.distributions");
  return (
    <Section id="distributions-title" title={t("title")} look="display" intro={t("intro")}>
      <Suspense
        fallback={
          <div role="status" aria-busy="true" aria-label={t("loading")} className="flex flex-col gap-3">
            <Skeleton className="h-28 rounded-2xl" />
            <Skeleton className="h-10 rounded-2xl" />
          </div>
        }
      >
        <Claims {...props} />
      </Suspense>
    </Section>
  );
}
