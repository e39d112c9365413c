import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { MarketFeeDialog } from "@/components/admin/market-fee-dialog";
import { KycValidityForm, TokenRuleDefaultsForm } from "@/components/admin/portal-settings-forms";
import { SettingRow } from "@/components/admin/setting-row";
import { Address } from "@/components/ui/address";
import { Alert } from "@/components/ui/alert";
import { FactList } from "@/components/ui/fact-list";
import { requirePageSession } from "@/lib/auth";
import { checksumAddress } from "@/lib/format/address";
import { formatDayTime } from "@/lib/format/date";
import { countryShortNameFromNumeric } from "@/lib/i18n/countries";
import { loadSettingsView, type SettingStamp } from "@/lib/settings";
import { bpsToPercent, LISTING_COUNTRIES } from "@/lib/settings/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.settings");
  return { title: t("title") };
}

export const dynamic = "force-dynamic";

/**
 * The platform's settings, each with where it is enforced: the Market's fee and recipient (on chain, changed by the
 * admin's own wallet), the KYC validity period and the token rules new listings start from (the portal, changed by
 * an audited action), and the payment token (fixed per deployment, read only).
 */
export default async function AdminSettingsPage() {
  const ctx = await requirePageSession({ role: "admin", next: "/admin/settings" });
  const [v, t, locale] = await Promise.all([loadSettingsView(), getTranslations("admin.settings"), getLocale()]);
  const stampText = (stamp: SettingStamp) =>
    stamp
      ? t("changedBy", { date: formatDayTime(stamp.updatedAt, locale), admin: checksumAddress(stamp.updatedBy) })
      : t("neverChanged");
  const countries = LISTING_COUNTRIES.map((code) => ({ code, name: countryShortNameFromNumeric(code, locale) }));
  const market = v.market;
  const token = v.paymentToken;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
      <AdminHeader current="settings" />

      <SettingRow id="setting-fee" title={t("fee.title")} enforced={t("enforced.market")} intro={t("fee.intro")}>
        {market === "unavailable" ? (
          <Alert tone="error" title={t("chainUnavailableTitle")}>
            {t("chainUnavailableBody")}
          </Alert>
        ) : market === null ? (
          <p className="text-sm text-ink-muted">{t("fee.noMarket")}</p>
        ) : (
          <>
            <FactList
              stackOnPhones
              facts={[
                {
                  label: t("fee.current"),
                  value: <span data-testid="market-fee">{bpsToPercent(market.feeBps)}%</span>,
                },
                { label: t("fee.recipient"), value: <Address address={market.feeRecipient} full /> },
                { label: t("fee.cap"), value: t("fee.capValue", { max: bpsToPercent(market.maxFeeBps) }) },
                { label: t("fee.contract"), value: <Address address={market.market} /> },
              ]}
            />
            <p className="text-sm text-ink-muted">{t("fee.howChanged")}</p>
            <MarketFeeDialog
              admin={ctx.address}
              market={market.market}
              feeBps={market.feeBps}
              feeRecipient={market.feeRecipient}
              maxFeeBps={market.maxFeeBps}
            />
          </>
        )}
      </SettingRow>

      <SettingRow id="setting-kyc" title={t("kyc.title")} enforced={t("enforced.portal")} intro={t("kyc.intro")}>
        {v.portal ? (
          <>
            <FactList
              stackOnPhones
              facts={[
                {
                  label: t("kyc.current"),
                  value: (
                    <span data-testid="kyc-validity">
                      {t("kyc.months", { months: v.portal.kycValidityMonths.value })}
                    </span>
                  ),
                },
                { label: t("lastChange"), value: stampText(v.portal.kycValidityMonths.stamp) },
              ]}
            />
            <p className="text-sm text-ink-muted">{t("kyc.existing")}</p>
            <KycValidityForm months={v.portal.kycValidityMonths.value} />
          </>
        ) : (
          <Alert tone="error" title={t("dbUnavailableTitle")}>
            {t("dbUnavailableBody")}
          </Alert>
        )}
      </SettingRow>

      <SettingRow id="setting-rules" title={t("rules.title")} enforced={t("enforced.token")} intro={t("rules.intro")}>
        {v.portal ? (
          <>
            <FactList
              stackOnPhones
              facts={[
                {
                  label: t("rules.countries"),
                  value: v.portal.tokenRuleDefaults.value.allowedCountries.length
                    ? v.portal.tokenRuleDefaults.value.allowedCountries
                        .map((c) => countryShortNameFromNumeric(c, locale))
                        .join(", ")
                    : t("rules.anyCountry"),
                },
                {
                  label: t("rules.categories"),
                  value: v.portal.tokenRuleDefaults.value.categories.map((c) => t(`rules.category.${c}`)).join(", "),
                },
                {
                  label: t("rules.maxHolders"),
                  value: v.portal.tokenRuleDefaults.value.maxHolders || t("rules.noLimit"),
                },
                {
                  label: t("rules.lockupDays"),
                  value: t("rules.days", { days: v.portal.tokenRuleDefaults.value.lockupDays }),
                },
                { label: t("lastChange"), value: stampText(v.portal.tokenRuleDefaults.stamp) },
              ]}
            />
            <p className="text-sm text-ink-muted">{t("rules.existing")}</p>
            <TokenRuleDefaultsForm rules={v.portal.tokenRuleDefaults.value} countries={countries} />
          </>
        ) : (
          <Alert tone="error" title={t("dbUnavailableTitle")}>
            {t("dbUnavailableBody")}
          </Alert>
        )}
      </SettingRow>

      <SettingRow
        id="setting-token"
        title={t("token.title")}
        enforced={t("enforced.deployment")}
        intro={t("token.intro")}
      >
        {token === "unavailable" ? (
          <Alert tone="error" title={t("chainUnavailableTitle")}>
            {t("chainUnavailableBody")}
          </Alert>
        ) : (
          <>
            <FactList
              stackOnPhones
              facts={[
                { label: t("token.address"), value: <Address address={token.address} full /> },
                { label: t("token.symbol"), value: token.symbol },
                { label: t("token.decimals"), value: token.decimals },
              ]}
            />
            <p className="text-sm text-ink-muted">{t("token.howChanged")}</p>
          </>
        )}
      </SettingRow>
    </div>
  );
}
