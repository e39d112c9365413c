"use client";

import { useActionState, useId } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import type { PreferencesView } from "@/lib/notifications/types";
import { ActionOutcome, type Result } from "./action-outcome";

const groups = ["kyc", "orders", "listings", "offerings", "holdings", "roles"] as const;

export type PreferencesLabels = Record<(typeof groups)[number] | "groups" | "language" | "save" | "saved", string> & {
  languages: { en: string; "zh-HK": string };
};

/** Which notifications also come by email, and in which language. A plain form (works without JavaScript). */
export function PreferencesForm({
  action,
  preferences,
  labels,
}: {
  action: (previous: unknown, form: FormData) => Promise<Result>;
  preferences: PreferencesView;
  labels: PreferencesLabels;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const uid = useId();
  return (
    <form action={formAction} className="flex flex-col gap-5">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 font-medium">{labels.groups}</legend>
        {groups.map((g) => (
          <label key={g} className="flex min-h-6 items-center gap-3 text-sm">
            <input
              type="checkbox"
              name={g}
              defaultChecked={preferences.email[g]}
              className="size-4 accent-[var(--accent)]"
            />
            {labels[g]}
          </label>
        ))}
      </fieldset>
      <div className="flex max-w-xs flex-col gap-1.5">
        <label htmlFor={`${uid}-locale`} className="text-sm font-medium">
          {labels.language}
        </label>
        <Select id={`${uid}-locale`} name="locale" defaultValue={preferences.locale}>
          <option value="en">{labels.languages.en}</option>
          <option value="zh-HK" lang="zh-HK">
            {labels.languages["zh-HK"]}
          </option>
        </Select>
      </div>
      <SubmitButton disabled={pending}>{labels.save}</SubmitButton>
      <ActionOutcome state={state} done={labels.saved} />
    </form>
  );
}
