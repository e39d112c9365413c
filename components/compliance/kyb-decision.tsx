"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { shortAddress } from "@/lib/format/address";
import { approveKybAction, preApproveKybAction, rejectKybAction, requestKybInformationAction } from "./kyb-actions";
import { DecisionSection, MessageSteps } from "./message-steps";

/**
 * An officer's decision on an issuer application: four eyes (this officer pre-approves, or approves another
 * officer's pre-approval; the server refuses the same officer twice), request information, reject with a reason.
 * Approval is recorded in the portal; the issuer role itself is granted on-chain by the platform admin.
 */
export function KybDecision({
  applicationId,
  preApprovedBy,
  officer,
  reviewMissing,
}: {
  applicationId: string;
  preApprovedBy: string | null;
  officer: string;
  /** What the review still lacks, in words (documents, unticked checks); nothing is offered while set. */
  reviewMissing: string[] | null;
}) {
  const t = useTranslations("kyb.review");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [refusal, setRefusal] = useState<{ message: string; at: number } | null>(null);
  const samePerson = preApprovedBy !== null && preApprovedBy.toLowerCase() === officer.toLowerCase();

  function decide(which: "pre" | "approve") {
    start(async () => {
      const r = await (which === "pre" ? preApproveKybAction : approveKybAction)({ id: applicationId });
      if (r.ok) {
        setRefusal(null);
        router.refresh();
      } else setRefusal({ message: r.message, at: Date.now() });
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <DecisionSection id="kyb-approve-title" title={t("approveTitle")}>
        <p className="text-sm font-medium" data-testid="four-eyes-step">
          {preApprovedBy ? t("stepTwo", { officer: shortAddress(preApprovedBy) }) : t("stepOne")}
        </p>
        <p className="text-sm text-ink-muted">{t("approveExplain")}</p>
        {refusal ? <ErrorSummary title={refusal.message} focusKey={refusal.at} /> : null}
        {reviewMissing ? (
          <div role="note" className="flex flex-col gap-1 text-sm">
            <p className="font-medium">{t("reviewIncomplete")}</p>
            <ul className="list-disc pl-5">
              {reviewMissing.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ) : samePerson ? (
          <Alert tone="warn" role="none" title={t("samePerson")} />
        ) : (
          <div>
            <Button
              onClick={() => decide(preApprovedBy ? "approve" : "pre")}
              loading={pending}
              variant={preApprovedBy ? "primary" : "secondary"}
            >
              {preApprovedBy ? t("approve") : t("preApprove")}
            </Button>
          </div>
        )}
      </DecisionSection>
      <MessageSteps
        applicationId={applicationId}
        t={t}
        request={{ name: "kyb-request", field: "kyb-request-message", action: requestKybInformationAction }}
        reject={{ name: "kyb-reject", field: "kyb-reject-message", action: rejectKybAction }}
      />
    </div>
  );
}
