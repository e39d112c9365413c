"use client";

import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { type FieldControlProps } from "@/components/ui/field";
import { controlStyles, Select } from "@/components/ui/input";

/** The issuer forms' shared looks and small controls (long text, files, a choice of kinds, a saved message). */
export const textareaStyles = cn(controlStyles, "h-auto min-h-28 py-2 leading-relaxed");
export const fileStyles = cn(
  controlStyles,
  "h-auto py-2 file:mr-3 file:rounded-md file:border-0 file:bg-surface-muted file:px-3 file:py-1 file:text-sm",
);

/** A select of fixed choices (document kinds, update kinds), each named by `label`. */
export function ChoiceSelect<T extends string>({
  control,
  name,
  options,
  label,
  ...rest
}: {
  control: FieldControlProps;
  name: string;
  options: readonly T[];
  label: (option: T) => string;
} & ({ defaultValue: T } | { value: T; onChange: (value: T) => void })) {
  const props =
    "onChange" in rest
      ? { value: rest.value, onChange: (e: React.ChangeEvent<HTMLSelectElement>) => rest.onChange(e.target.value as T) }
      : { defaultValue: rest.defaultValue };
  return (
    <Select {...control} name={name} {...props}>
      {options.map((k) => (
        <option key={k} value={k}>
          {label(k)}
        </option>
      ))}
    </Select>
  );
}

/** A success said in a polite status that is always in the page. */
export function SavedStatus({ state }: { state: { ok: boolean; message?: string } | null | undefined }) {
  return (
    <div aria-live="polite" role="status">
      {state?.ok && state.message ? (
        <Alert tone="success" role="none">
          {state.message}
        </Alert>
      ) : null}
    </div>
  );
}
