import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { FeesPayoutDialog } from "@/components/admin/fees-payout-dialog";
import { MarketFeeDialog } from "@/components/admin/market-fee-dialog";
import { KycValidityForm, TokenRuleDefaultsForm } from "@/components/admin/portal-settings-forms";
import { SettingRow } from "@/components/admin/setting-row";
import { Address } from "@/components/ui/address";
import { requirePageSession } from "@/lib/auth";
import { checksumAddress } from "@/lib/format/address";
import { formatMoney } from "@/lib/format/money";
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
 * The platform's settings, each with where it is enforced: the Market's fee, recipient and accrued fees (on chain, changed
 * and paid out by the admin's own wallet), the KYC validity period and the token rules new listings start from (the portal, changed by
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
  const market = v.market === "unavailable" ? null : v.market;
  const feeSettings = market && { ...market, accruedFees: market.accruedFees.toString() };
  const token = v.paymentToken === "unavailable" ? null : v.paymentToken;
  const portal = v.portal;
  const rules = portal?.tokenRuleDefaults.value;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 pt-8 pb-20 sm:px-6 lg:px-8">
      <AdminHeader current="settings" />

      <SettingRow
        name="fee"
        unavailable={v.market === "unavailable" && "chain"}
        facts={
          market
            ? [
                {
                  label: t("fee.current"),
                  value: <span data-testid="market-fee">{bpsToPercent(market.feeBps)}%</span>,
                },
                { label: t("fee.recipient"), value: <Address address={market.feeRecipient} full /> },
                {
                  label: t("fee.accrued"),
                  value: (
                    <span data-testid="accrued-fees" className="tabular">
                      {token ? formatMoney(market.accruedFees, token.decimals, locale, { balance: true }) : "—"}
                    </span>
                  ),
                },
                { label: t("fee.cap"), value: t("fee.capValue", { max: bpsToPercent(market.maxFeeBps) }) },
                { label: t("fee.contract"), value: <Address address={market.market} /> },
              ]
            : undefined
        }
      >
        {feeSettings ? (
          <div className="flex flex-col gap-4">
            <MarketFeeDialog admin={ctx.address} settings={feeSettings} />
            {token ? <FeesPayoutDialog admin={ctx.address} settings={feeSettings} decimals={token.decimals} /> : null}
          </div>
        ) : (
          <p className="text-sm text-ink-muted">{t("fee.noMarket")}</p>
        )}
      </SettingRow>

      <SettingRow
        name="kyc"
        unavailable={!portal && "db"}
        facts={
          portal && [
            {
              label: t("kyc.current"),
              value: (
                <span data-testid="kyc-validity">{t("kyc.months", { months: portal.kycValidityMonths.value })}</span>
              ),
            },
            { label: t("lastChange"), value: stampText(portal.kycValidityMonths.stamp) },
          ]
        }
      >
        {portal ? <KycValidityForm months={portal.kycValidityMonths.value} /> : null}
      </SettingRow>

      <SettingRow
        name="rules"
        unavailable={!portal && "db"}
        facts={
          portal &&
          rules && [
            {
              label: t("rules.countries"),
              value: rules.allowedCountries.length
                ? rules.allowedCountries.map((c) => countryShortNameFromNumeric(c, locale)).join(", ")
                : t("rules.anyCountry"),
            },
            {
              label: t("rules.categories"),
              value: rules.categories.map((c) => t(`rules.category.${c}`)).join(", "),
            },
            { label: t("rules.maxHolders"), value: rules.maxHolders || t("rules.noLimit") },
            { label: t("rules.lockupDays"), value: t("rules.days", { days: rules.lockupDays }) },
            { label: t("lastChange"), value: stampText(portal.tokenRuleDefaults.stamp) },
          ]
        }
      >
        {rules ? <TokenRuleDefaultsForm rules={rules} countries={countries} /> : null}
      </SettingRow>

      <SettingRow
        name="token"
        unavailable={!token && "chain"}
        facts={
          token
            ? [
                { label: t("token.address"), value: <Address address={token.address} full /> },
                { label: t("token.symbol"), value: token.symbol },
                { label: t("token.decimals"), value: token.decimals },
              ]
            : undefined
        }
      />
    </div>
  );
}
