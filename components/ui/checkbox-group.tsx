"use client";

/** `list` with `v` added, or taken out when it is there already (a ticked box's new selection). */
const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/**
 * A list of ticked choices: the first box carries `id` (the error summary's link moves focus there), the hint and
 * the error are said below the boxes.
 */
export function CheckboxGroup<T extends string | number>({
  id,
  legend,
  hint,
  options,
  checked,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  options: { value: T; label: string }[];
  checked: T[];
  onChange: (next: T[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-4">
        {options.map((o, i) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input
              id={i === 0 ? id : undefined}
              type="checkbox"
              checked={checked.includes(o.value)}
              onChange={() => onChange(toggle(checked, o.value))}
              className="size-4 accent-[var(--color-accent)]"
            />
            {o.label}
          </label>
        ))}
      </div>
      {hint ? <p className="text-xs text-ink-muted">{hint}</p> : null}
      <p id={`${id}-error`} aria-live="polite" className="text-xs font-medium text-danger empty:hidden">
        {error}
      </p>
    </fieldset>
  );
}
