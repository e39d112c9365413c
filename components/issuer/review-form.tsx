"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextArea } from "@/components/ui/input";
import { type IssuerActionState, reviewListingAction } from "./actions";
import { Outcome } from "./listing-outcome";

/**
 * Compliance's review of a listing: a comment, then approve or return it. Its own file, so that the issuer's pages,
 * which use the other listing forms, carry neither its code nor its messages (issuer.review).
 */
export function ReviewForm({ id, title }: { id: string; title: string }) {
  const t = useTranslations("issuer.review");
  const [state, action, pending] = useActionState<IssuerActionState, FormData>(reviewListingAction, null);
  const err = state && !state.ok ? state.fieldErrors?.comment : undefined;
  return (
    <form action={action} className="flex flex-col gap-3" aria-label={t("formLabel", { title })}>
      <input type="hidden" name="id" value={id} />
      <Field id={`comment-${id}`} label={t("comment")} hint={t("commentHint")} error={err}>
        {(c) => <TextArea {...c} name="comment" rows={3} maxLength={2000} />}
      </Field>
      <Outcome state={state} fields={{ comment: { id: `comment-${id}`, label: t("comment") } }} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="decision" value="approve" loading={pending}>
          {t("approve")}
        </Button>
        <Button type="submit" name="decision" value="return" variant="secondary" disabled={pending}>
          {t("return")}
        </Button>
      </div>
    </form>
  );
}
