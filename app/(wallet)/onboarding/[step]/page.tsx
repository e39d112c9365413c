import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DocumentsStep, QuestionnaireStep, ReviewStep } from "@/components/onboarding/wizard-steps";
import { CategoryForm, DisclosuresForm, PersonalForm, ResidenceForm } from "@/components/onboarding/step-forms";
import { cn } from "@/components/ui/cn";
import { requirePageSession } from "@/lib/auth";
import { DISCLOSURE_VERSION, completedSteps, isWizardStep, stepsFor, type WizardStep } from "@/lib/kyc/client";
import { getWizardStepView } from "@/lib/kyc";
import { listCountries } from "@/lib/i18n/countries";

export async function generateMetadata({ params }: { params: Promise<{ step: string }> }): Promise<Metadata> {
  const [{ step }, t] = await Promise.all([params, getTranslations("kyc.wizard")]);
  return { title: isWizardStep(step) ? t(`steps.${step}`) : t("title") };
}

/** One step of the investor application. The application is saved server-side at every step and resumes here. */
export default async function WizardStepPage({ params }: { params: Promise<{ step: string }> }) {
  const { step } = await params;
  if (!isWizardStep(step)) notFound();
  const ctx = await requirePageSession({ next: `/onboarding/${step}` });
  if (!ctx.investor) redirect("/onboarding");
  const actor = { address: ctx.address, compliance: ctx.roles.compliance, investorId: ctx.investor.id };
  const [view, t, locale] = await Promise.all([getWizardStepView(actor), getTranslations("kyc"), getLocale()]);
  if (!view) redirect("/onboarding");
  const { app, docs } = view;
  const steps = stepsFor(app.data);
  if (!steps.includes(step)) redirect(`/onboarding/${steps[0]}`);
  const done = completedSteps(
    app.data,
    docs.map((d) => d.kind),
  );
  const index = steps.indexOf(step);
  const back = index > 0 ? `/onboarding/${steps[index - 1]}` : "/onboarding";
  const next = steps[index + 1];

  let body: React.ReactNode;
  switch (step as WizardStep) {
    case "personal":
      body = <PersonalForm applicationId={app.id} initial={app.data.personal} back={back} />;
      break;
    case "residence":
      body = (
        <ResidenceForm
          applicationId={app.id}
          initial={app.data.residence}
          countries={listCountries(locale).map(({ alpha2, name }) => ({ alpha2, name }))}
          back={back}
        />
      );
      break;
    case "category":
      body = <CategoryForm applicationId={app.id} initial={app.data.category} back={back} />;
      break;
    case "questionnaire":
      body = <QuestionnaireStep v={view} back={back} next={next} />;
      break;
    case "disclosures":
      body = (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-ink-muted">{t("disclosures.intro", { version: DISCLOSURE_VERSION })}</p>
          <DisclosuresForm
            applicationId={app.id}
            acknowledged={(app.data.disclosures ?? [])
              .filter((d) => d.version === DISCLOSURE_VERSION)
              .map((d) => d.key)}
            back={back}
          />
        </div>
      );
      break;
    case "documents":
      body = <DocumentsStep v={view} back={back} done={done} />;
      break;
    case "review":
      body = <ReviewStep v={view} steps={steps} done={done} />;
      break;
  }

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8 px-4 pt-10 pb-20 sm:px-6 lg:px-8">
      <header className="flex flex-col gap-2">
        <p className="text-sm tracking-[0.18em] text-ink-muted uppercase">{t("wizard.title")}</p>
        <h1 className="font-display text-3xl font-normal tracking-tight sm:text-4xl">{t(`wizard.steps.${step}`)}</h1>
        <p className="text-sm text-ink-muted">{t("wizard.saved")}</p>
      </header>
      <nav aria-label={t("wizard.progress")}>
        <ol className="flex flex-wrap gap-x-1 gap-y-2 text-xs">
          {steps.map((s, i) => (
            <li key={s} className="flex items-center gap-1">
              <Link
                href={`/onboarding/${s}`}
                aria-current={s === step ? "step" : undefined}
                className={cn(
                  "rounded-full border px-2.5 py-1",
                  s === step
                    ? "border-accent bg-accent-soft font-medium text-ink"
                    : done[s]
                      ? "border-success/40 text-ink"
                      : "border-line text-ink-muted",
                )}
              >
                <span className="font-mono tabular">{i + 1}</span> {t(`wizard.steps.${s}`)}
                {done[s] && s !== step ? <span className="sr-only"> ({t("wizard.complete")})</span> : null}
                {done[s] && s !== step ? <span aria-hidden="true"> ✓</span> : null}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <div className="rounded-2xl border border-line bg-surface p-5 sm:p-6">{body}</div>
    </div>
  );
}
