"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary, errorItems } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { TextArea } from "@/components/ui/input";
import { submitIssuerApplicationAction } from "./actions";

type Refusal = { message: string; fieldErrors: Record<string, string[]>; at: number };

/**
 * Submits the saved application for review (with the answer to compliance's request when one is open). The server
 * refuses an incomplete application or one without its three documents, in words.
 */
export function SubmitKybApplication({ id, answering }: { id: string; answering: boolean }) {
  const t = useTranslations("kyb.apply");
  const router = useRouter();
  const [response, setResponse] = useState("");
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await submitIssuerApplicationAction({ id, ...(answering ? { response } : {}) });
          if (r.ok) {
            setRefusal(null);
            router.refresh();
          } else setRefusal({ message: r.message, fieldErrors: r.fieldErrors ?? {}, at: Date.now() });
        });
      }}
    >
      {refusal ? (
        <ErrorSummary
          title={refusal.message}
          focusKey={refusal.at}
          items={errorItems(refusal.fieldErrors, {
            control: (n) => (n === "response" ? "kyb-response" : `kyb-${n}`),
            label: (n) => (t.has(n) ? t(n) : n === "response" ? t("responseLabel") : n),
          })}
        />
      ) : null}
      {answering ? (
        <Field
          id="kyb-response"
          label={t("responseLabel")}
          hint={t("responseHint")}
          error={refusal?.fieldErrors.response}
        >
          {(c) => <TextArea {...c} rows={3} value={response} onChange={(e) => setResponse(e.target.value)} />}
        </Field>
      ) : null}
      <p className="text-sm text-ink-muted">{t("submitNote")}</p>
      <SubmitButton loading={pending}>{answering ? t("resubmit") : t("submit")}</SubmitButton>
    </form>
  );
}
