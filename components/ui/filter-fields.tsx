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

/**
 * A labelled text (or date, number) filter: `FilterField` around an `Input`. `description` is said with the control by
 * screen readers (its placeholder already shows it on screen); `error` is shown under it in words, marks it invalid
 * and is said instead.
 */
export function FilterInput({
  id,
  label,
  description,
  error,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, "children"> & {
  id: string;
  label: string;
  description?: string;
  error?: ReactNode;
}) {
  const said = error ? `${id}-error` : description ? `${id}-description` : undefined;
  return (
    <FilterField id={id} label={label}>
      <Input id={id} aria-invalid={error ? true : undefined} aria-describedby={said} {...rest} />
      {description ? (
        <p id={`${id}-description`} className="sr-only">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
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
