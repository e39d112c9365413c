"use client";

import { useEffect, useState } from "react";
import { cn } from "./cn";

export type CopyButtonProps = {
  value: string;
  /** Accessible name, e.g. "Copy address" (from the server: no client i18n runtime needed). */
  label: string;
  /** Announced after copying, e.g. "Copied to clipboard". */
  copiedLabel: string;
  className?: string;
};

export function CopyButton({ value, label, copiedLabel, className }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const id = setTimeout(() => setCopied(false), 1600);
    return () => clearTimeout(id);
  }, [copied]);
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
        aria-label={label}
        title={label}
        // Look and icon (copy, then a check once copied) from the `copy-button` utility: short markup on a page of rows.
        className={cn("copy-button", className)}
        data-copied={copied || undefined}
      />
      <span aria-live="polite" className="sr-only">
        {copied ? copiedLabel : ""}
      </span>
    </>
  );
}
