import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, type AlertTone } from "@/components/ui/alert";
import { Address } from "@/components/ui/address";
import { buttonStyles } from "@/components/ui/button";
import { startApplicationAction } from "@/components/onboarding/actions";
import { OnboardingFacts, OnboardingSteps } from "@/components/onboarding/onboarding-status";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageSession } from "@/lib/auth";
import { isEditable, needsRenewal, getOnboardingView } from "@/lib/kyc";
import { firstIncompleteStep } from "@/lib/kyc/client";
import { currentStep, onboardingState, type OnboardingState } from "@/lib/onboarding/client";
import { formatDay } from "@/lib/format/date";
import { titleMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = titleMetadata("onboarding");

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
export default async function OnboardingPage({ searchParams }: { searchParams: Promise<{ submitted?: string }> }) {
  const ctx = await requirePageSession({ next: "/onboarding" });
  const [t, tk, locale, { submitted }] = await Promise.all([
    getTranslations("onboarding"),
    getTranslations("kyc.status"),
    getLocale(),
    searchParams,
  ]);
  const { app, docs } = await getOnboardingView({ investorId: ctx.investor?.id ?? null });
  const resumeStep =
    app && isEditable(app.status)
      ? firstIncompleteStep(
          app.data,
          docs.map((d) => d.kind),
        )
      : null;
  const renewalDue =
    ctx.roles.verified &&
    needsRenewal({ expiresAt: ctx.roles.identity?.expiresAt ?? null, now: new Date() }) &&
    app?.status === "approved";
  const identity = ctx.roles.identity;
  const state = onboardingState({
    verified: ctx.roles.verified,
    registered: ctx.roles.registered,
    kycStatus: ctx.investor?.kycStatus ?? null,
  });
  const expiry = identity?.expiresAt ?? ctx.investor?.kycExpiresAt ?? null;
  const step = currentStep(state);
  const values = {
    date: expiry ? formatDay(expiry, locale) : "—",
    reason: ctx.investor?.rejectionReason ?? t("noReason"),
  };

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 pt-12 pb-20 sm:px-6 lg:px-8">
      <PageHeading
        eyebrow={t("eyebrow")}
        title={t("title")}
        intro={
          <>
            {t("wallet")} <Address address={ctx.address} />
          </>
        }
        introClassName="flex flex-wrap items-center gap-2 text-sm text-ink-muted"
      />

      {submitted ? (
        <Alert tone="success" role="status" title={tk("submittedTitle")}>
          {tk("submittedBody")}
        </Alert>
      ) : null}

      <Alert tone={tones[state]} role="status" title={t(`states.${state}.title`)}>
        <p>{t(`states.${state}.body`, values)}</p>
        {state === "needs_information" && app?.infoRequest ? (
          <blockquote className="mt-2 border-l-2 border-warn pl-3 text-ink" aria-label={tk("requestLabel")}>
            {app.infoRequest}
          </blockquote>
        ) : null}
        <p className="mt-2 font-medium text-ink">{t(`states.${state}.next`, values)}</p>
      </Alert>

      {renewalDue ? (
        <Alert tone="warn" role="none" title={tk("renewTitle")}>
          {tk("renewBody", values)}
        </Alert>
      ) : null}

      {resumeStep && app ? (
        <div className="flex flex-wrap items-center gap-3 rounded-2xl border border-accent/30 bg-accent-soft p-5">
          <p className="flex-1 text-sm">{app.status === "needs_information" ? tk("answerBody") : tk("resumeBody")}</p>
          <Link
            href={`/onboarding/${app.status === "needs_information" ? "review" : resumeStep}`}
            className={buttonStyles({ variant: "primary" })}
          >
            {app.status === "needs_information" ? tk("answer") : tk("resume")}
          </Link>
        </div>
      ) : !ctx.roles.verified &&
        !ctx.roles.compliance &&
        (state === "not_started" || state === "rejected" || state === "expired") ? (
        <form
          action={startApplicationAction}
          className="flex flex-wrap items-center gap-3 rounded-2xl border border-accent/30 bg-accent-soft p-5"
        >
          <p className="flex-1 text-sm">
            {state === "not_started"
              ? tk("startBody")
              : state === "expired"
                ? tk("renewalStartBody")
                : tk("restartBody")}
          </p>
          <button type="submit" className={buttonStyles({ variant: "primary" })}>
            {state === "not_started" ? tk("start") : tk("restart")}
          </button>
        </form>
      ) : renewalDue ? (
        <form action={startApplicationAction}>
          <button type="submit" className={buttonStyles({ variant: "primary" })}>
            {tk("renew")}
          </button>
        </form>
      ) : null}

      <OnboardingSteps step={step} />

      <OnboardingFacts ctx={ctx} expiry={expiry} />

      <div className="flex flex-wrap gap-3">
        {state === "verified" ? (
          <Link href="/" className={buttonStyles({ variant: "primary" })}>
            {t("browse")}
          </Link>
        ) : (
          <Link href="/" className={buttonStyles({ variant: "secondary" })}>
            {t("browseMeanwhile")}
          </Link>
        )}
        <Link href="/portfolio" className={buttonStyles({ variant: "ghost" })}>
          {t("portfolio")}
        </Link>
      </div>
    </div>
  );
}
