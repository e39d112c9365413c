import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { KycDecision } from "@/components/compliance/kyc-decision";
import {
  KycApplicationDetails,
  KycApplicationDocuments,
  KycApplicationHistory,
  KycInfoThread,
  KycRegistryDiff,
  KycReviewChecklist,
} from "@/components/compliance/kyc-application-sections";
import { KycStatusBadge } from "@/components/compliance/kyc-status-badge";
import { ApplicationReviewPage } from "@/components/compliance/application-review-page";
import { Alert } from "@/components/ui/alert";
import { requirePageSession } from "@/lib/auth";
import { isReviewComplete, reviewReadiness } from "@/lib/kyc/client";
import { canApprove, isReviewable, needsFourEyes, getKycApplicationView } from "@/lib/kyc";
import { formatDay } from "@/lib/format/date";
import { countryName } from "@/lib/i18n/countries";
import { titleMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = titleMetadata("complianceKyc", "application.title");

/** One application for compliance: answers, documents (authorised viewer), checklist and notes, the decision. */
export default async function KycApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requirePageSession({ role: "identityAgent", next: `/compliance/kyc/${id}` });
  const [view, t, tk, tcat, tkyc, locale] = await Promise.all([
    getKycApplicationView(id),
    getTranslations("complianceKyc"),
    getTranslations("kyc"),
    getTranslations("account.investor.categories"),
    getTranslations("onboarding.kyc"),
    getLocale(),
  ]);
  if (!view) notFound();
  const { app, investor, docs, registered } = view;
  const officer = ctx.address.toLowerCase();
  const category = app.data.category?.category ?? investor.category;
  const review = reviewReadiness({ data: app.data, documentKinds: docs.map((d) => d.kind), checklist: app.checklist });
  const previousCategory = registered?.category ?? null;
  const fourEyes = needsFourEyes({ category, previousCategory });
  const approval = canApprove(
    { status: app.status, category, previousCategory, preApprovedBy: app.preApprovedBy, review },
    officer,
  );
  const call = fourEyes
    ? app.preApprovedBy
      ? "confirmProposal"
      : registered
        ? "proposeUpdate"
        : "proposeRegistration"
    : registered
      ? "updateInvestor"
      : "registerInvestor";
  const renewal = !!registered || !!investor.kycApprovedAt;
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const reviewMissing = isReviewComplete(review)
    ? null
    : [
        ...(review.missingDocuments.length
          ? [
              tk("reviewIncomplete.documents", {
                list: list.format(review.missingDocuments.map((k) => tk(`documents.kinds.${k}.title`))),
              }),
            ]
          : []),
        ...(review.uncheckedItems.length
          ? [
              tk("reviewIncomplete.checks", {
                list: list.format(review.uncheckedItems.map((i) => t(`review.items.${i}`))),
              }),
            ]
          : []),
      ];
  const p = app.data.personal;
  const r = app.data.residence;

  return (
    <ApplicationReviewPage
      back={{ href: "/compliance/kyc", label: t("application.back"), breadcrumb: t("application.breadcrumb") }}
      title={p?.legalName ?? t("unnamed")}
      badges={
        <>
          <KycStatusBadge status={app.status} label={tkyc(app.status)} />
          {renewal ? (
            <span className="rounded-full border border-line-strong px-2.5 py-0.5 text-xs font-medium">
              {t("application.renewalBadge")}
            </span>
          ) : null}
        </>
      }
      preApproved={app.preApprovedBy ? { label: t("application.preApprovedBy"), by: app.preApprovedBy } : null}
      notices={
        <>
          {app.status === "needs_information" ? (
            <Alert tone="warn" role="none" title={t("application.waitingInvestor")} />
          ) : null}
          {app.status === "rejected" ? (
            <Alert tone="error" role="none" title={t("application.rejected")}>
              <p>{app.rejectionReason}</p>
            </Alert>
          ) : null}
          {app.status === "approved" ? (
            <Alert tone="success" role="none" title={t("application.approved")}>
              <p>
                {t("application.approvedBody", {
                  date: investor.kycExpiresAt ? formatDay(investor.kycExpiresAt, locale) : "—",
                })}
              </p>
              {app.approvalTxHash ? <code className="font-mono text-xs break-all">{app.approvalTxHash}</code> : null}
            </Alert>
          ) : null}
          {isReviewable(app.status) ? <KycRegistryDiff v={view} category={category} /> : null}
          <KycInfoThread v={view} />
        </>
      }
      main={
        <>
          <KycApplicationDetails v={view} category={category} />
          <KycApplicationDocuments v={view} />
          <KycApplicationHistory v={view} />
        </>
      }
      aside={
        <>
          {isReviewable(app.status) ? (
            <KycDecision
              applicationId={app.id}
              officer={officer}
              canApprove={approval.ok}
              approveBlockedReason={approval.ok ? null : approval.error}
              canPreApprove={fourEyes && !app.preApprovedBy}
              reviewMissing={reviewMissing}
              fourEyes={fourEyes}
              preApprovedBy={app.preApprovedBy}
              call={call}
              summary={{
                wallet: app.wallet,
                country: r ? countryName(r.residence, locale) : "—",
                category: category ? tcat(category) : "—",
                months: view.validityMonths,
              }}
            />
          ) : null}
          <KycReviewChecklist v={view} />
        </>
      }
    />
  );
}
