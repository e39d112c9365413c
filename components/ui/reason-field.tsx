import type { ReactNode } from "react";
import { Field } from "./field";
import { TextArea } from "./input";

/**
 * The reason typed for an audited action (a hold, a role change, a platform stop): a three-line text box of up to
 * 500 characters in a `Field`, so its hint and error are tied to it. The caller checks the text and keeps it as typed.
 */
export function ReasonField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(p) => (
        <TextArea
          {...p}
          name="reason"
          rows={3}
          maxLength={500}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
