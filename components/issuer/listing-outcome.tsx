"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary, errorItems } from "@/components/ui/error-summary";
import type { UploadState } from "@/components/uploads/use-upload";
import type { IssuerActionState } from "./actions";
import { SavedStatus } from "./form-parts";

/**
 * What became of the last submission: a refusal (the server's, or `clientRefusal` from the browser's own check) in
 * the shared error summary, which takes focus and links to each refused field of `fields` (name → control id and
 * label); a success in a polite status.
 */
export function Outcome({
  state,
  fields = {},
  clientRefusal = null,
  clientErrors,
}: {
  state: IssuerActionState | UploadState;
  fields?: Record<string, { id: string; label: string }>;
  clientRefusal?: object | null;
  clientErrors?: Record<string, string>;
}) {
  const tUi = useTranslations("ui.errorSummary");
  const fieldErrors = clientRefusal ? clientErrors : state && !state.ok ? state.fieldErrors : undefined;
  const refused = clientRefusal ?? (state && !state.ok ? state : null);
  const items = errorItems(fieldErrors, {
    order: Object.keys(fields),
    control: (name) => fields[name]?.id ?? name,
    label: (name) => fields[name]?.label ?? name,
  });
  return (
    <>
      {refused ? (
        <ErrorSummary
          title={items.length > 0 ? tUi("fields") : state && !state.ok ? state.message : tUi("fields")}
          focusKey={refused}
          items={items}
        />
      ) : null}
      <SavedStatus state={state} />
    </>
  );
}
