import type { ReactNode } from "react";
import { Field, type FieldProps } from "./field";
import { AddressInput } from "./input";

/** A wallet address typed as text (in the monospace face, never spell-checked), with its label, hint and error. */
export function AddressField({
  id,
  name,
  label,
  hint,
  error,
  value,
  set,
}: {
  id: string;
  /** The control's name. */
  name: string;
  label: string;
  hint?: ReactNode;
  error?: FieldProps["error"];
  value: string;
  set: (v: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(c) => <AddressInput {...c} name={name} value={value} onChange={(e) => set(e.target.value)} />}
    </Field>
  );
}
