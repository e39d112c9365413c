import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DocumentUploads } from "@/components/onboarding/document-uploads";
import { QuestionnaireForm, SubmitForm } from "@/components/onboarding/step-forms";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { formatDay } from "@/lib/format/date";
import { countryName } from "@/lib/i18n/countries";
import {
  DISCLOSURE_VERSION,
  QUESTIONS,
  scoreQuestionnaire,
  completedSteps,
  requiredDocuments,
  type WizardStep,
} from "@/lib/kyc/client";
import type { WizardStepView } from "@/lib/kyc";

/* The longer steps of the investor application wizard (app/(wallet)/onboarding/[step]), fed by getWizardStepView. */

type Done = ReturnType<typeof completedSteps>;

/** The suitability questionnaire, with the last attempt's result and what was wrong. */
export async function QuestionnaireStep({ v, back, next }: { v: WizardStepView; back: string; next?: WizardStep }) {
  const t = await getTranslations("kyc");
  const { app } = v;
  const q = app.data.questionnaire;
  const result = q ? scoreQuestionnaire(q.answers) : null;
  return (
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
}

/** One upload per required document; continue once all are in. */
export async function DocumentsStep({ v, back, done }: { v: WizardStepView; back: string; done: Done }) {
  const t = await getTranslations("kyc");
  const { app, docs } = v;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-ink-muted">{t("documents.intro")}</p>
      <DocumentUploads
        applicationId={app.id}
        kinds={requiredDocuments(app.data)}
        documents={docs.map((d) => ({ ...d, name: d.originalName }))}
      />
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
}

/** Everything the investor entered, each with a link to its step, and the submission. */
export async function ReviewStep({ v, steps, done }: { v: WizardStepView; steps: WizardStep[]; done: Done }) {
  const [t, locale] = await Promise.all([getTranslations("kyc"), getLocale()]);
  const { app, docs } = v;
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
  return (
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
      <SubmitForm applicationId={app.id} needsResponse={app.status === "needs_information"} disabled={!done.review} />
    </div>
  );
}
