import type { ReactNode } from "react";
import { Field, type FieldProps } from "./field";
import { Input } from "./input";

/** A number typed as text (shares, counts, prices, amounts, blocks), with its label, hint and error; kept as typed. */
export function NumField({
  id,
  label,
  value,
  set,
  error,
  hint,
  name,
  inputMode = "numeric",
  className,
}: {
  id: string;
  label: string;
  value: string;
  set: (v: string) => void;
  error?: FieldProps["error"];
  hint?: ReactNode;
  /** The control's name, for a form whose data is posted. */
  name?: string;
  inputMode?: "numeric" | "decimal";
  className?: string;
}) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(c) => (
        <Input
          {...c}
          name={name}
          inputMode={inputMode}
          value={value}
          onChange={(e) => set(e.target.value)}
          autoComplete="off"
          className={className}
        />
      )}
    </Field>
  );
}
