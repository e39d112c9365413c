import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DocumentUpload } from "@/components/onboarding/document-upload";
import {
  CategoryForm,
  DisclosuresForm,
  PersonalForm,
  QuestionnaireForm,
  ResidenceForm,
  SubmitForm,
} from "@/components/onboarding/step-forms";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { requirePageSession } from "@/lib/auth/guard";
import { formatDay } from "@/lib/format/date";
import { countryName, listCountries } from "@/lib/i18n/countries";
import { DISCLOSURE_VERSION } from "@/lib/kyc/disclosures";
import { QUESTIONS, scoreQuestionnaire } from "@/lib/kyc/questionnaire";
import { completedSteps, isWizardStep, requiredDocuments, stepsFor, type WizardStep } from "@/lib/kyc/steps";
import { getWizardStepView } from "@/lib/kyc/views";

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
    case "questionnaire": {
      const q = app.data.questionnaire;
      const result = q ? scoreQuestionnaire(q.answers) : null;
      body = (
        <div className="flex flex-col gap-6">
          {result ? (
            <Alert
              tone={result.passed ? "success" : "warn"}
              role="status"
              title={t(result.passed ? "questionnaire.passedTitle" : "questionnaire.failedTitle", {
                score: result.score,
                total: result.total,
              })}
              action={
                result.passed && next ? (
                  <Link href={`/onboarding/${next}`} className={buttonStyles({ variant: "primary", size: "sm" })}>
                    {t("wizard.continue")}
                  </Link>
                ) : undefined
              }
            >
              <p>{t(result.passed ? "questionnaire.passedBody" : "questionnaire.failedBody")}</p>
              {result.wrong.length > 0 ? (
                <ul className="mt-2 list-disc pl-5 text-sm">
                  {result.wrong.map((id) => (
                    <li key={id}>{t(`questionnaire.questions.${id}.explanation`)}</li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          ) : (
            <p className="text-sm text-ink-muted">{t("questionnaire.intro", { total: QUESTIONS.length })}</p>
          )}
          <QuestionnaireForm applicationId={app.id} initial={q?.answers} back={back} />
        </div>
      );
      break;
    }
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
      body = (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-ink-muted">{t("documents.intro")}</p>
          {requiredDocuments(app.data).map((kind) => {
            const d = docs.find((x) => x.kind === kind);
            return (
              <DocumentUpload
                key={kind}
                applicationId={app.id}
                kind={kind}
                uploaded={d ? { id: d.id, name: d.originalName, mime: d.mime, sizeBytes: d.sizeBytes } : null}
              />
            );
          })}
          <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-5">
            <Link href={back} className={buttonStyles({ variant: "ghost" })}>
              {t("wizard.back")}
            </Link>
            {done.documents ? (
              <Link href="/onboarding/review" className={buttonStyles({ variant: "primary" })}>
                {t("wizard.continue")}
              </Link>
            ) : (
              <p className="text-sm text-ink-muted">{t("documents.needAll")}</p>
            )}
          </div>
        </div>
      );
      break;
    case "review": {
      const p = app.data.personal;
      const r = app.data.residence;
      const c = app.data.category;
      const row = (label: string, value: React.ReactNode, edit: WizardStep) => (
        <div className="grid gap-1 border-b border-line py-3 sm:grid-cols-[12rem_1fr_auto] sm:items-baseline">
          <dt className="text-sm text-ink-muted">{label}</dt>
          <dd className="text-sm font-medium break-words">{value ?? "—"}</dd>
          <dd>
            <Link
              href={`/onboarding/${edit}`}
              className="text-sm text-accent underline"
              aria-label={t("review.editStep", { step: t(`wizard.steps.${edit}`) })}
            >
              {t("review.edit")}
            </Link>
          </dd>
        </div>
      );
      body = (
        <div className="flex flex-col gap-6">
          {app.status === "needs_information" && app.infoRequest ? (
            <Alert tone="warn" role="none" title={t("review.requestTitle")}>
              <p>{app.infoRequest}</p>
            </Alert>
          ) : null}
          {!done.review ? (
            <Alert tone="warn" role="none" title={t("review.incompleteTitle")}>
              <ul className="list-disc pl-5">
                {steps
                  .filter((s) => s !== "review" && !done[s])
                  .map((s) => (
                    <li key={s}>
                      <Link href={`/onboarding/${s}`} className="underline">
                        {t(`wizard.steps.${s}`)}
                      </Link>
                    </li>
                  ))}
              </ul>
            </Alert>
          ) : null}
          <dl>
            {row(t("personal.legalName"), p?.legalName, "personal")}
            {row(
              t("personal.dateOfBirth"),
              p ? formatDay(new Date(`${p.dateOfBirth}T00:00:00Z`), locale) : null,
              "personal",
            )}
            {row(t("personal.email"), p?.email, "personal")}
            {row(t("personal.phone"), p?.phone, "personal")}
            {row(t("personal.address"), p?.address, "personal")}
            {row(t("residence.nationality"), r ? countryName(r.nationality, locale) : null, "residence")}
            {row(t("residence.residence"), r ? countryName(r.residence, locale) : null, "residence")}
            {row(
              t("category.legend"),
              c
                ? `${t(`category.${c.category}.title`)}${c.portfolioHkd ? ` · HK$${c.portfolioHkd.toLocaleString("en-HK")}` : ""}`
                : null,
              "category",
            )}
            {c?.category !== "professional"
              ? row(
                  t("wizard.steps.questionnaire"),
                  app.data.questionnaire
                    ? t("review.score", { score: app.data.questionnaire.score, total: app.data.questionnaire.total })
                    : null,
                  "questionnaire",
                )
              : null}
            {row(
              t("wizard.steps.disclosures"),
              done.disclosures ? t("review.acknowledged", { version: DISCLOSURE_VERSION }) : null,
              "disclosures",
            )}
            {row(
              t("wizard.steps.documents"),
              docs.length ? docs.map((d) => t(`documents.kinds.${d.kind}.title`)).join(", ") : null,
              "documents",
            )}
          </dl>
          <SubmitForm
            applicationId={app.id}
            needsResponse={app.status === "needs_information"}
            disabled={!done.review}
          />
        </div>
      );
      break;
    }
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
