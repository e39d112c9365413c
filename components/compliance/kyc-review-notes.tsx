"use client";

// i18n-namespaces: complianceKyc, kyb (besides its literal ones: the namespaces it reads by variable or from the root)

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { TextArea } from "@/components/ui/input";
import { REVIEW_CHECKLIST } from "@/lib/kyc/client";
import { saveReviewAction } from "./kyc-actions";

/** The reviewer's checklist and internal notes (saved together; each save is audited). */
export function KycReviewNotes({
  applicationId,
  checklist,
  items = REVIEW_CHECKLIST,
  itemsNamespace = "complianceKyc.review.items",
  save = saveReviewAction,
}: {
  applicationId: string;
  checklist: Record<string, boolean>;
  /** Another review's checks (an issuer application's), their labels' namespace and its save action. */
  items?: readonly string[];
  itemsNamespace?: string;
  save?: (input: {
    id: string;
    checklist: Record<string, boolean>;
    note?: string;
  }) => Promise<{ ok: true } | { ok: false; message: string }>;
}) {
  const t = useTranslations("complianceKyc.review");
  const ti = useTranslations(itemsNamespace);
  const router = useRouter();
  const [checked, setChecked] = useState<Record<string, boolean>>(checklist);
  const [note, setNote] = useState("");
  const [result, setResult] = useState<{ ok: boolean; message?: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const res = await save({ id: applicationId, checklist: checked, note: note || undefined });
          setResult(res.ok ? { ok: true } : { ok: false, message: res.message });
          if (res.ok) {
            setNote("");
            router.refresh();
          }
        });
      }}
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t("checklist")}</legend>
        {items.map((key) => (
          <label key={key} className="flex gap-3 text-sm">
            <input
              type="checkbox"
              checked={!!checked[key]}
              onChange={(e) => setChecked({ ...checked, [key]: e.target.checked })}
              className="mt-0.5 accent-accent"
            />
            <span>{ti(key)}</span>
          </label>
        ))}
      </fieldset>
      <Field id="review-note" label={t("note")} hint={t("noteHint")}>
        {(p) => <TextArea {...p} value={note} onChange={(e) => setNote(e.target.value)} rows={2} />}
      </Field>
      {/* A refusal takes focus and is announced at once; a save is announced politely. */}
      {result && !result.ok ? <ErrorSummary title={result.message} focusKey={result} /> : null}
      <div aria-live="polite">{result?.ok ? <Alert tone="success" role="none" title={t("saved")} /> : null}</div>
      <SubmitButton variant="secondary" size="sm" disabled={pending}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}
