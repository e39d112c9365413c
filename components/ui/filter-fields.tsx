import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { Input, Select } from "./input";

/** One choice of a filter's select: its value in the URL and its words. */
export type FilterOption = { value: string | number; label: string };

/**
 * A select of a filter's choices: an optional "any" first (the empty value, no filter), then each choice. Takes the
 * control's props (id, name, default value, aria-*) as a plain `Select` does.
 */
export function ChoiceSelect({
  any,
  options,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & { any?: string; options: readonly FilterOption[] }) {
  return (
    <Select {...rest}>
      {any !== undefined ? <option value="">{any}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}

/** A filter's label above its control (and anything under it: a hint, an error). */
export function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A labelled text (or date, number) filter: `FilterField` around an `Input`, then `children` (a hint, an error). */
export function FilterInput({
  id,
  label,
  children,
  ...rest
}: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string }) {
  return (
    <FilterField id={id} label={label}>
      <Input id={id} {...rest} />
      {children}
    </FilterField>
  );
}

/** A labelled select filter: `FilterField` around a `ChoiceSelect`. */
export function FilterSelect({
  id,
  label,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  any?: string;
  options: readonly FilterOption[];
}) {
  return (
    <FilterField id={id} label={label}>
      <ChoiceSelect id={id} {...rest} />
    </FilterField>
  );
}
