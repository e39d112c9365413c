import { getLocale, getTranslations } from "next-intl/server";
import { Address } from "@/components/ui/address";
import type { TokenRules as Rules } from "@/lib/assets/artwork";
import { categoriesFromMask } from "@/lib/assets/categories";
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
    <section aria-labelledby="rules" className="flex flex-col gap-3">
      <h2 id="rules" className="font-display text-2xl">
        {t("title")}
      </h2>
      <p className="text-sm text-ink-muted">{t("intro")}</p>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-ink-muted">{t("countries")}</dt>
        <dd>
          {rules.allowedCountries.length === 0
            ? t("anyCountry")
            : rules.allowedCountries.map((c) => countryNameFromNumeric(c, locale)).join(sep)}
        </dd>
        <dt className="text-ink-muted">{t("categories")}</dt>
        <dd>
          {categoriesFromMask(rules.eligibleCategories)
            .map((c) => tc(c))
            .join(sep)}
        </dd>
        <dt className="text-ink-muted">{t("maxHolders")}</dt>
        <dd className="tabular">{rules.maxHolders === 0 ? t("unlimited") : formatCount(rules.maxHolders, locale)}</dd>
        <dt className="text-ink-muted">{t("maxPerInvestor")}</dt>
        <dd className="tabular">
          {rules.maxBalancePerInvestor === 0n ? t("unlimited") : formatCount(rules.maxBalancePerInvestor, locale)}
        </dd>
        <dt className="text-ink-muted">{t("supply")}</dt>
        <dd className="tabular">{formatCount(totalSupply, locale)}</dd>
        <dt className="text-ink-muted">{t("token")}</dt>
        <dd className="flex flex-wrap items-center gap-3">
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
        </dd>
      </dl>
    </section>
  );
}
