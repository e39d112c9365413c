import { getLocale, getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import type { AuthContext } from "@/lib/auth";
import { ONBOARDING_STEPS } from "@/lib/onboarding/client";
import { formatDay } from "@/lib/format/date";
import { countryShortNameFromNumeric } from "@/lib/i18n/countries";

/** The four steps of becoming an investor, the current one marked. */
export async function OnboardingSteps({ step }: { step: number }) {
  const t = await getTranslations("onboarding");
  return (
    <ol aria-label={t("stepsLabel")} className="grid gap-3 sm:grid-cols-4">
      {ONBOARDING_STEPS.map((s, i) => (
        <li
          key={s}
          aria-current={i === step ? "step" : undefined}
          className={cn(
            "flex flex-col gap-1 border-t-2 pt-2 text-sm",
            i < step ? "border-success" : i === step ? "border-accent" : "border-line text-ink-subtle",
          )}
        >
          <span className="font-mono text-xs tabular">0{i + 1}</span>
          <span className="font-medium">{t(`steps.${s}.title`)}</span>
          <span className="text-xs text-ink-muted">{i < step ? t("done") : t(`steps.${s}.body`)}</span>
        </li>
      ))}
    </ol>
  );
}

/** Where the investor stands: application, on-chain identity, expiry, and the registry's residence and category. */
export async function OnboardingFacts({ ctx, expiry }: { ctx: AuthContext; expiry: Date | null }) {
  const [t, tc, locale] = await Promise.all([
    getTranslations("onboarding"),
    getTranslations("account.investor.categories"),
    getLocale(),
  ]);
  const identity = ctx.roles.identity;
  return (
    <dl className="grid gap-4 rounded-2xl border border-line bg-surface p-5 text-sm sm:grid-cols-3">
      <div>
        <dt className="text-ink-muted">{t("facts.application")}</dt>
        <dd className="mt-0.5 font-medium">{ctx.investor ? t(`kyc.${ctx.investor.kycStatus}`) : t("facts.none")}</dd>
      </div>
      <div>
        <dt className="text-ink-muted">{t("facts.onChain")}</dt>
        <dd className="mt-0.5 font-medium">
          {ctx.roles.verified
            ? t("facts.verified")
            : ctx.roles.registered
              ? t("facts.expired")
              : t("facts.notRegistered")}
        </dd>
      </div>
      <div>
        <dt className="text-ink-muted">{t("facts.expiry")}</dt>
        <dd className="mt-0.5 font-medium tabular">{expiry ? formatDay(expiry, locale) : "—"}</dd>
      </div>
      {identity ? (
        <>
          <div>
            <dt className="text-ink-muted">{t("facts.residence")}</dt>
            <dd className="mt-0.5 font-medium">{countryShortNameFromNumeric(identity.country, locale)}</dd>
          </div>
          <div>
            <dt className="text-ink-muted">{t("facts.category")}</dt>
            <dd className="mt-0.5 font-medium">{identity.category ? tc(identity.category) : "—"}</dd>
          </div>
        </>
      ) : null}
    </dl>
  );
}
