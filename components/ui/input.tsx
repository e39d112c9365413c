import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";
import { ChevronDownIcon } from "./icons";

export const controlStyles =
  "h-10 w-full rounded-lg border border-line-strong bg-surface px-3 text-sm text-ink placeholder:text-ink-subtle transition-colors hover:border-ink-subtle aria-invalid:border-danger disabled:opacity-60";

export function Input({ className, ...rest }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(controlStyles, className)} {...rest} />;
}

/** A wallet or contract address as typed: monospaced, with no autocomplete or spelling marks. */
export function AddressInput({ className, ...rest }: InputHTMLAttributes<HTMLInputElement>) {
  return <Input autoComplete="off" spellCheck={false} {...rest} className={cn("font-mono", className)} />;
}

/** A longer answer (a reason, a note, a message): the other controls' look, as tall as its rows. */
export function TextArea({ className, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(controlStyles, "h-auto py-2", className)} {...rest} />;
}

export function Select({ className, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className="relative">
      <select className={cn(controlStyles, "appearance-none pr-9", className)} {...rest}>
        {children}
      </select>
      <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-ink-muted" />
    </div>
  );
}
