import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, type AlertTone } from "@/components/ui/alert";
import { Address } from "@/components/ui/address";
import { buttonStyles } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { requirePageSession } from "@/lib/auth/guard";
import { formatDay } from "@/lib/format/date";
import { countryShortNameFromNumeric } from "@/lib/i18n/countries";
import { currentStep, ONBOARDING_STEPS, onboardingState, type OnboardingState } from "@/lib/onboarding/status";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding");
  return { title: t("title") };
}

const tones: Record<OnboardingState, AlertTone> = {
  verified: "success",
  expired: "warn",
  registering: "info",
  in_review: "info",
  needs_information: "warn",
  rejected: "error",
  not_started: "info",
};

/** Minimal onboarding status: the wallet's KYC state (database + chain) and the next step in plain words. */
export default async function OnboardingPage() {
  const ctx = await requirePageSession({ next: "/onboarding" });
  const [t, tc, locale] = await Promise.all([getTranslations("onboarding"), getTranslations("account.investor.categories"), getLocale()]);
  const identity = ctx.roles.identity;
  const state = onboardingState({ verified: ctx.roles.verified, registered: ctx.roles.registered, kycStatus: ctx.investor?.kycStatus ?? null });
  const expiry = identity?.expiresAt ?? ctx.investor?.kycExpiresAt ?? null;
  const step = currentStep(state);
  const values = {
    date: expiry ? formatDay(expiry, locale) : "—",
    reason: ctx.investor?.rejectionReason ?? t("noReason"),
  };

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 pt-12 pb-20 sm:px-6 lg:px-8">
      <header className="flex flex-col gap-2">
        <p className="text-sm tracking-[0.18em] text-ink-muted uppercase">{t("eyebrow")}</p>
        <h1 className="font-display text-4xl font-normal tracking-tight sm:text-5xl">{t("title")}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">{t("wallet")} <Address address={ctx.address} /></p>
      </header>

      <Alert tone={tones[state]} role="status" title={t(`states.${state}.title`)}>
        <p>{t(`states.${state}.body`, values)}</p>
        <p className="mt-2 font-medium text-ink">{t(`states.${state}.next`, values)}</p>
      </Alert>

      <ol aria-label={t("stepsLabel")} className="grid gap-3 sm:grid-cols-4">
        {ONBOARDING_STEPS.map((s, i) => (
          <li
            key={s}
            aria-current={i === step ? "step" : undefined}
            className={cn("flex flex-col gap-1 border-t-2 pt-2 text-sm", i < step ? "border-success" : i === step ? "border-accent" : "border-line text-ink-subtle")}
          >
            <span className="font-mono text-xs tabular">0{i + 1}</span>
            <span className="font-medium">{t(`steps.${s}.title`)}</span>
            <span className="text-xs text-ink-muted">{i < step ? t("done") : t(`steps.${s}.body`)}</span>
          </li>
        ))}
      </ol>

      <dl className="grid gap-4 rounded-2xl border border-line bg-surface p-5 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-ink-muted">{t("facts.application")}</dt>
          <dd className="mt-0.5 font-medium">{ctx.investor ? t(`kyc.${ctx.investor.kycStatus}`) : t("facts.none")}</dd>
        </div>
        <div>
          <dt className="text-ink-muted">{t("facts.onChain")}</dt>
          <dd className="mt-0.5 font-medium">{ctx.roles.verified ? t("facts.verified") : ctx.roles.registered ? t("facts.expired") : t("facts.notRegistered")}</dd>
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

      <div className="flex flex-wrap gap-3">
        {state === "verified" ? (
          <Link href="/" className={buttonStyles({ variant: "primary" })}>{t("browse")}</Link>
        ) : (
          <Link href="/" className={buttonStyles({ variant: "secondary" })}>{t("browseMeanwhile")}</Link>
        )}
        <Link href="/portfolio" className={buttonStyles({ variant: "ghost" })}>{t("portfolio")}</Link>
      </div>
    </div>
  );
}
