import type { Hex } from "viem";
import { getLocale, getTranslations } from "next-intl/server";
import { GoOnChain } from "@/components/issuer/go-on-chain";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { countryShortNameFromNumeric } from "@/lib/i18n/countries";
import type { IssuerArtworkView } from "@/lib/issuer";
import { loadTokenRuleDefaults } from "@/lib/settings";
import { LISTING_COUNTRIES } from "@/lib/settings/client";

/** Taking the listing on chain, step by step (or why the chain could not be read). */
export async function OnChainSection({ id, account, v }: { id: string; account: `0x${string}`; v: IssuerArtworkView }) {
  const [t, locale, ruleDefaults] = await Promise.all([
    getTranslations("issuer.detail"),
    getLocale(),
    loadTokenRuleDefaults(),
  ]);
  const data = v;
  const { artwork, progress } = v;
  const decimals = progress?.decimals ?? 6;
  return (
    <>
      {data.chainError ? (
        <Section id="on-chain" title={t("onChainTitle")} look="display">
          <Alert tone="warn" title={t("chainErrorTitle")}>
            {t("chainErrorBody")}
          </Alert>
        </Section>
      ) : null}

      {progress && artwork.metadataUri && artwork.metadataHash ? (
        <Section id="on-chain" title={t("onChainTitle")} intro={t("onChainIntro")} look="display">
          <GoOnChain
            id={id}
            account={account}
            contracts={v.contracts}
            appOrigin={v.appOrigin}
            tokenName={`Atelier ${artwork.title}`.slice(0, 64)}
            symbol={v.symbol}
            metadataUri={artwork.metadataUri}
            metadataHash={artwork.metadataHash as Hex}
            decimals={decimals}
            chainNow={progress.chainNow}
            token={progress.token}
            documents={progress.documents}
            offeringId={progress.offeringId?.toString() ?? null}
            deployTx={v.deployTx}
            offeringTx={v.offeringTx}
            anchorTxs={v.anchorTxs}
            countries={LISTING_COUNTRIES.map((code) => ({ code, name: countryShortNameFromNumeric(code, locale) }))}
            ruleDefaults={ruleDefaults}
          />
        </Section>
      ) : null}
    </>
  );
}
