import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatDay } from "@/lib/format/date";
import { Badge } from "@/components/ui/badge";
import { buttonStyles } from "@/components/ui/button";

/** ISO 3166-1 numeric → alpha-2 for the markets Atelier meets most; others show the code. */
const NUMERIC_TO_ALPHA2: Record<number, string> = {
  344: "HK",
  446: "MO",
  156: "CN",
  158: "TW",
  702: "SG",
  392: "JP",
  410: "KR",
  826: "GB",
  840: "US",
  36: "AU",
  124: "CA",
  250: "FR",
  276: "DE",
  756: "CH",
};

export type KycState = "draft" | "submitted" | "in_review" | "needs_information" | "approved" | "rejected" | "expired";

export type InvestorStatusView = {
  /** IdentityRegistry.isVerified(wallet) */
  verified: boolean;
  /** Registered on-chain (maybe expired). */
  registered: boolean;
  /** ISO 3166-1 alpha-2 (preferred) or numeric. */
  country?: string | number | null;
  category?: "retail" | "professional" | "institutional" | null;
  kycExpiresAt?: Date | null;
  /** Off-chain onboarding state, when an application exists. */
  kycStatus?: KycState | null;
};

export function InvestorStatus({ status, locale }: { status: InvestorStatusView; locale: string }) {
  const t = useTranslations("account.investor");
  const country = (() => {
    if (status.country === null || status.country === undefined) return null;
    const alpha2 = typeof status.country === "number" ? NUMERIC_TO_ALPHA2[status.country] : status.country;
    if (!alpha2) return t("countryCode", { code: String(status.country) });
    try {
      return new Intl.DisplayNames([locale], { type: "region" }).of(alpha2) ?? alpha2;
    } catch {
      return alpha2;
    }
  })();
  const expired = status.registered && !status.verified;

  const badge = status.verified ? (
    <Badge tone="success" icon="check">
      {t("verified")}
    </Badge>
  ) : expired ? (
    <Badge tone="warn" icon="warn">
      {t("expired")}
    </Badge>
  ) : status.kycStatus && status.kycStatus !== "draft" ? (
    <Badge
      tone={status.kycStatus === "rejected" ? "danger" : status.kycStatus === "needs_information" ? "warn" : "neutral"}
      icon={status.kycStatus === "rejected" ? "error" : "clock"}
    >
      {t(`kyc.${status.kycStatus}`)}
    </Badge>
  ) : (
    <Badge tone="neutral" icon="info">
      {t("notVerified")}
    </Badge>
  );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">{badge}</div>
      {status.verified || status.registered ? (
        <dl className="grid grid-cols-1 gap-x-8 gap-y-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-ink-muted">{t("country")}</dt>
            <dd className="mt-0.5 font-medium">{country ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-ink-muted">{t("category")}</dt>
            <dd className="mt-0.5 font-medium">{status.category ? t(`categories.${status.category}`) : "—"}</dd>
          </div>
          <div>
            <dt className="text-ink-muted">{t("kycExpiry")}</dt>
            <dd className="mt-0.5 font-medium tabular">
              {status.kycExpiresAt ? formatDay(status.kycExpiresAt, locale) : "—"}
            </dd>
          </div>
        </dl>
      ) : null}
      {!status.verified ? (
        <div className="flex flex-col items-start gap-3">
          <p className="text-sm text-ink-muted">{t(expired ? "expiredBody" : "notVerifiedBody")}</p>
          <Link href="/onboarding" className={buttonStyles({ variant: "primary", size: "sm" })}>
            {t(expired ? "renew" : status.kycStatus && status.kycStatus !== "draft" ? "continue" : "start")}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
