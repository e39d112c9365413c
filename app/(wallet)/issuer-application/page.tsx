import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getAddress } from "viem";
import { KybApplicationForm } from "@/components/kyb/application-form";
import { KybApplicationFacts, KybDocumentLinks } from "@/components/kyb/application-facts";
import { KybStatusBadge } from "@/components/kyb/status-badge";
import { SubmitKybApplication } from "@/components/kyb/submit-application";
import { DocumentUploads } from "@/components/onboarding/document-uploads";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/page-heading";
import { Section } from "@/components/ui/section";
import { requirePageSession } from "@/lib/auth";
import { titleMetadata } from "@/lib/i18n/metadata";
import { getMyIssuerApplicationView } from "@/lib/kyb";
import { isKybEditable, KYB_DOCUMENT_KINDS, type KybApplicationData, type KybDraftInput } from "@/lib/kyb/types";

export const generateMetadata = titleMetadata("kyb.apply");

function draftOf(data: KybApplicationData | null, wallet: string): KybDraftInput {
  return {
    legalNameEn: data?.legalNameEn ?? "",
    legalNameZh: data?.legalNameZh ?? "",
    crNumber: data?.crNumber ?? "",
    brNumber: data?.brNumber ?? "",
    registeredAddress: data?.registeredAddress ?? "",
    people: data?.people ?? [{ name: "", role: "" }],
    // The applying wallet is a signatory by default (the applicant may change it).
    signatoryWallets: data?.signatoryWallets ?? [getAddress(wallet)],
    listingPlan: data?.listingPlan ?? "",
  };
}

/** A company applies to list artworks: its answers, documents and status, from its own signed-in wallet. */
export default async function IssuerApplicationPage() {
  const ctx = await requirePageSession({ next: "/issuer-application" });
  const [view, t] = await Promise.all([getMyIssuerApplicationView(ctx.address), getTranslations("kyb.apply")]);
  const { app, documents } = view;
  const staff = ctx.roles.admin || ctx.roles.compliance;
  const editable = !app || app.status === "rejected" || isKybEditable(app.status);
  const fresh = !app || app.status === "rejected";
  // Who does not apply, said before anything is typed (the server refuses them too).
  const notice = staff
    ? "staff"
    : ctx.roles.issuer && !app
      ? "alreadyIssuer"
      : ctx.investor && !app
        ? "investor"
        : null;

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-8 px-4 pt-10 pb-20 sm:px-6 lg:px-8">
      <PageHeading eyebrow={t("eyebrow")} title={t("title")} intro={t("intro")} />
      {app ? (
        <div className="flex flex-col gap-3" data-testid="kyb-status">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            {t("statusLabel")} <KybStatusBadge status={app.status} />
          </p>
          <Alert
            tone={
              app.status === "rejected"
                ? "error"
                : app.status === "needs_information"
                  ? "warn"
                  : app.status === "active"
                    ? "success"
                    : "info"
            }
            role="none"
            title={t(`statusTitle.${app.status}`)}
            action={
              app.status === "active" && ctx.roles.issuer ? (
                <Link href="/issuer" className={buttonStyles({ size: "sm" })}>
                  {t("openConsole")}
                </Link>
              ) : undefined
            }
          >
            <p>{t(`statusBody.${app.status}`)}</p>
            {app.status === "needs_information" && app.infoRequest ? (
              <blockquote className="mt-2 border-l-2 border-line-strong pl-3 whitespace-pre-wrap">
                {app.infoRequest}
              </blockquote>
            ) : null}
            {app.status === "rejected" && app.rejectionReason ? (
              <blockquote className="mt-2 border-l-2 border-line-strong pl-3 whitespace-pre-wrap">
                {app.rejectionReason}
              </blockquote>
            ) : null}
          </Alert>
        </div>
      ) : null}
      {notice ? (
        <Alert tone="info" role="none" title={t(`${notice}Title`)}>
          <p>{t(`${notice}Body`)}</p>
        </Alert>
      ) : editable ? (
        <>
          <Section id="answers" title={t(fresh ? "formTitleNew" : "formTitle")} look="card">
            <KybApplicationForm initial={draftOf(app?.data ?? null, ctx.address)} />
          </Section>
          {app && !fresh ? (
            <>
              <Section id="documents" title={t("documentsTitle")} intro={t("documentsIntro")} look="plain">
                <div className="grid gap-4">
                  <DocumentUploads
                    applicationId={app.id}
                    kinds={KYB_DOCUMENT_KINDS}
                    documents={documents}
                    uploadBase="/api/uploads/issuer-applications"
                    viewBase="/api/kyb/documents"
                  />
                </div>
              </Section>
              <Section id="submit" title={t("submitTitle")} look="card">
                <SubmitKybApplication id={app.id} answering={app.status === "needs_information"} />
              </Section>
            </>
          ) : (
            <p className="text-sm text-ink-muted">{t("documentsAfterSave")}</p>
          )}
        </>
      ) : app ? (
        <>
          <KybApplicationFacts data={app.data} />
          <KybDocumentLinks documents={documents} />
        </>
      ) : null}
    </div>
  );
}
