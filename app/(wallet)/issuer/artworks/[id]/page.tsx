import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { getAddress } from "viem";
import { HistorySkeleton } from "@/components/compliance/indexed-history";
import { TokenRoleHistory } from "@/components/compliance/token-role-history";
import { ArtworkHeader, ArtworkSummary } from "@/components/issuer/artwork/artwork-overview";
import { ListingFiles } from "@/components/issuer/artwork/listing-files";
import { LiveOffering } from "@/components/issuer/artwork/live-offering";
import { OnChainSection } from "@/components/issuer/artwork/on-chain-section";
import { IssuerDistributionsSection } from "@/components/issuer/distributions/distributions-section";
import { IssuerSaleSection } from "@/components/issuer/sale/sale-section";
import { TokenPowers } from "@/components/issuer/token-powers";
import { IssuerUpdatesSection } from "@/components/issuer/updates-section";
import { ClientMessages } from "@/components/layout/client-messages";
import { requirePageSession } from "@/lib/auth";
import { getIssuerArtworkView } from "@/lib/issuer";
import { titleMetadata } from "@/lib/i18n/metadata";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = titleMetadata("issuer.detail", "metaTitle");

/** One listing for its issuer: overview, live offering, files, the steps on chain, updates and the token's roles. */
export default async function IssuerListingPage({ params }: Props) {
  const { id } = await params;
  const ctx = await requirePageSession({ role: "issuer", next: `/issuer/artworks/${id}` });
  const [v, t] = await Promise.all([getIssuerArtworkView({ id, issuer: ctx.address }), getTranslations("tokenRoles")]);
  if (!v) notFound();
  const account = getAddress(ctx.address);
  const token = v.artwork.tokenAddress;
  const live = v.artwork.status === "offering" || v.artwork.status === "trading";

  // The listing's client components get only the messages they read (lib/i18n/client-messages.ts): its own provider,
  // not its folder's layout's, which would sit above the edit form's too.
  return (
    <ClientMessages scope="issuer/artworks/[id]/page">
      <div className="mx-auto flex max-w-5xl flex-col gap-10 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
        <ArtworkHeader id={id} v={v} />
        <ArtworkSummary v={v} />
        <LiveOffering id={id} account={account} v={v} />
        <ListingFiles id={id} v={v} />
        <OnChainSection id={id} account={account} v={v} />
        {v.powers ? <TokenPowers powers={v.powers} /> : null}
        {token ? (
          <>
            <IssuerUpdatesSection
              id={id}
              updates={v.updates}
              account={account}
              token={getAddress(token)}
              appOrigin={v.appOrigin}
            />
            <IssuerDistributionsSection token={getAddress(token)} account={account} live={live} />
            <IssuerSaleSection token={getAddress(token)} account={account} live={live} />
            <Suspense fallback={<HistorySkeleton label={t("title")} />}>
              <TokenRoleHistory token={token} />
            </Suspense>
          </>
        ) : null}
      </div>
    </ClientMessages>
  );
}
