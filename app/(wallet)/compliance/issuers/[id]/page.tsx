import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { saveKybReviewAction } from "@/components/compliance/kyb-actions";
import { KybDecision } from "@/components/compliance/kyb-decision";
import { ReviewChecklistSection } from "@/components/compliance/kyc-application-sections";
import { KybApplicationFacts, KybDocumentLinks } from "@/components/kyb/application-facts";
import { KybStatusBadge } from "@/components/kyb/status-badge";
import { ApplicationReviewPage } from "@/components/compliance/application-review-page";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { requirePageSession } from "@/lib/auth";
import { titleMetadata } from "@/lib/i18n/metadata";
import { getKybApplicationView } from "@/lib/kyb";
import { isKybReviewable, KYB_CHECKLIST } from "@/lib/kyb/types";

export const generateMetadata = titleMetadata("kyb.review");

/** One issuer application for compliance: the company, its documents, the checklist and the four-eyes decision. */
export default async function KybApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requirePageSession({ role: "identityAgent", next: `/compliance/issuers/${id}` });
  const [view, t, tk, locale] = await Promise.all([
    getKybApplicationView(id),
    getTranslations("kyb.review"),
    getTranslations("kyc.documents"),
    getLocale(),
  ]);
  if (!view) notFound();
  const { app, documents, readiness } = view;
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const missing = [
    ...(readiness.missingDocuments.length
      ? [t("missingDocuments", { list: list.format(readiness.missingDocuments.map((k) => tk(`kinds.${k}.title`))) })]
      : []),
    ...(readiness.uncheckedItems.length
      ? [t("uncheckedItems", { list: list.format(readiness.uncheckedItems.map((i) => t(`items.${i}`))) })]
      : []),
  ];
  return (
    <ApplicationReviewPage
      back={{ href: "/compliance/issuers", label: t("back"), breadcrumb: t("breadcrumb") }}
      title={app.data.legalNameEn || t("unnamed")}
      badges={<KybStatusBadge status={app.status} />}
      preApproved={app.preApprovedBy ? { label: t("preApprovedBy"), by: app.preApprovedBy } : null}
      notices={
        <>
          {app.status === "approved" ? <Alert tone="info" role="none" title={t("waitingGrant")} /> : null}
          {app.status === "active" ? <Alert tone="success" role="none" title={t("active")} /> : null}
          {app.status === "needs_information" ? <Alert tone="warn" role="none" title={t("waitingApplicant")} /> : null}
          {app.status === "rejected" ? (
            <Alert tone="error" role="none" title={t("rejected")}>
              <p>{app.rejectionReason}</p>
            </Alert>
          ) : null}
          {app.infoRequest ? (
            <Section id="thread" title={t("threadTitle")} look="card">
              <dl className="flex flex-col gap-2 text-sm">
                <dt className="font-medium">{t("threadRequest")}</dt>
                <dd className="whitespace-pre-wrap">{app.infoRequest}</dd>
                <dt className="font-medium">{t("threadResponse")}</dt>
                <dd className="whitespace-pre-wrap">{app.infoResponse ?? t("threadNoResponse")}</dd>
              </dl>
            </Section>
          ) : null}
        </>
      }
      main={
        <>
          <KybApplicationFacts data={app.data} />
          <KybDocumentLinks documents={documents} />
        </>
      }
      aside={
        isKybReviewable(app.status) ? (
          <>
            <ReviewChecklistSection
              applicationId={app.id}
              checklist={app.checklist}
              notes={app.notes}
              items={KYB_CHECKLIST}
              itemsNamespace="kyb.review.items"
              save={saveKybReviewAction}
            />
            <KybDecision
              applicationId={app.id}
              preApprovedBy={app.preApprovedBy}
              officer={ctx.address}
              reviewMissing={missing.length ? missing : null}
            />
          </>
        ) : null
      }
    />
  );
}
