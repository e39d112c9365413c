"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { cn } from "./cn";
import { CheckIcon, CopyIcon } from "./icons";

export type CopyButtonProps = {
  value: string;
  /** Accessible name, e.g. "Copy address". */
  label?: string;
  className?: string;
};

export function CopyButton({ value, label, className }: CopyButtonProps) {
  const t = useTranslations("ui.copy");
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
        aria-label={label ?? t("copy")}
        title={label ?? t("copy")}
        className={cn(
          "inline-flex size-7 items-center justify-center rounded-md text-ink-subtle transition-colors hover:bg-surface-muted hover:text-ink",
          className,
        )}
      >
        {copied ? <CheckIcon className="size-4 text-success" /> : <CopyIcon className="size-4" />}
      </button>
      <span aria-live="polite" className="sr-only">
        {copied ? t("copied") : ""}
      </span>
    </>
  );
}
