import { getLocale, getTranslations } from "next-intl/server";
import { Address } from "@/components/ui/address";
import { FactList } from "@/components/ui/fact-list";
import { Section } from "@/components/ui/section";
import type { TokenRules as Rules } from "@/lib/assets";
import { categoriesFromMask } from "@/lib/assets/client";
import { countryNameFromNumeric } from "@/lib/i18n/countries";
import { formatCount } from "@/lib/format/money";

/** The token's on-chain rules in words, its address (copyable) and an explorer link when configured. */
export async function TokenRules({
  token,
  rules,
  totalSupply,
  explorerUrl,
}: {
  token: string;
  rules: Rules;
  totalSupply: bigint;
  explorerUrl: string | null;
}) {
  const [t, tc, locale] = await Promise.all([
    getTranslations("artwork.rules"),
    getTranslations("artwork.category"),
    getLocale(),
  ]);
  const sep = locale === "zh-HK" ? "、" : ", ";
  return (
    <Section id="rules" title={t("title")} look="display">
      <p className="text-sm text-ink-muted">{t("intro")}</p>
      <FactList
        dense={false}
        stackOnPhones
        facts={[
          {
            label: t("countries"),
            value:
              rules.allowedCountries.length === 0
                ? t("anyCountry")
                : rules.allowedCountries.map((c) => countryNameFromNumeric(c, locale)).join(sep),
          },
          {
            label: t("categories"),
            value: categoriesFromMask(rules.eligibleCategories)
              .map((c) => tc(c))
              .join(sep),
          },
          {
            label: t("maxHolders"),
            value: (
              <span className="tabular">
                {rules.maxHolders === 0 ? t("unlimited") : formatCount(rules.maxHolders, locale)}
              </span>
            ),
          },
          {
            label: t("maxPerInvestor"),
            value: (
              <span className="tabular">
                {rules.maxBalancePerInvestor === 0n ? t("unlimited") : formatCount(rules.maxBalancePerInvestor, locale)}
              </span>
            ),
          },
          { label: t("supply"), value: <span className="tabular">{formatCount(totalSupply, locale)}</span> },
          {
            label: t("token"),
            value: (
              <span className="flex flex-wrap items-center gap-3">
                <Address address={token} chars={6} />
                {explorerUrl ? (
                  <a
                    href={explorerUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="text-accent underline-offset-4 hover:underline"
                  >
                    {t("explorer")}
                  </a>
                ) : null}
              </span>
            ),
          },
        ]}
      />
    </Section>
  );
}
