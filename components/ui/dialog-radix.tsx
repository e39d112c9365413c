"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { useRef } from "react";
import { cn } from "./cn";
import { findFocusFallback, returnFocus, type DialogProps } from "./dialog";
import { CloseIcon } from "./icons";

/**
 * Accessible modal (focus trap, Escape, labelled by title and description). On close — Escape, ×,
 * the overlay or the caller closing it — focus returns to the element that had it when the dialog
 * opened (WCAG 2.4.3), whether or not the dialog has a Radix trigger; if that element is gone or disabled,
 * to `returnFocusRef`, else to the heading of the opener's section — never to <body>.
 */
export function RadixModal({
  open,
  onOpenChange,
  trigger,
  title,
  description,
  children,
  className,
  closeLabel,
  returnFocusRef,
  preferReturnFocus = false,
  locked = false,
}: DialogProps) {
  const openerRef = useRef<HTMLElement | null>(null);
  const fallbackRef = useRef<HTMLElement | null>(null);
  return (
    <RadixDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!locked) onOpenChange?.(next);
      }}
    >
      {trigger ? <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger> : null}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/45 backdrop-blur-[2px]" />
        <RadixDialog.Content
          className={cn(
            "fixed inset-x-0 bottom-0 z-50 max-h-[92dvh] overflow-y-auto rounded-t-2xl border border-line bg-surface p-5 shadow-2xl outline-none",
            "sm:inset-auto sm:top-1/2 sm:left-1/2 sm:w-[min(92vw,28rem)] sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-2xl sm:p-6",
            className,
          )}
          {...(description ? {} : { "aria-describedby": undefined })}
          onOpenAutoFocus={() => {
            // Runs before focus moves into the dialog: what has focus now is what opened it.
            const active = document.activeElement;
            openerRef.current = active instanceof HTMLElement && active !== document.body ? active : null;
            fallbackRef.current = findFocusFallback(openerRef.current);
          }}
          onCloseAutoFocus={(event) => {
            // Radix only knows its own trigger; controlled dialogs would drop focus to <body>.
            // Also runs when the dialog is unmounted while open (its row removed by the refresh after the action).
            event.preventDefault();
            const fallback = fallbackRef.current;
            const opener = openerRef.current;
            openerRef.current = null;
            fallbackRef.current = null;
            const declared = returnFocusRef?.current;
            returnFocus(
              preferReturnFocus
                ? [declared, opener, fallback, findFocusFallback(null)]
                : [opener, declared, fallback, findFocusFallback(null)],
            );
          }}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <div className="flex flex-col gap-1">
              <RadixDialog.Title className="font-display text-xl font-medium tracking-tight">{title}</RadixDialog.Title>
              {description ? (
                <RadixDialog.Description className="text-sm text-ink-muted">{description}</RadixDialog.Description>
              ) : null}
            </div>
            <RadixDialog.Close
              aria-label={closeLabel}
              className="-m-1 inline-flex size-8 shrink-0 items-center justify-center rounded-full text-ink-muted hover:bg-surface-muted hover:text-ink"
            >
              <CloseIcon className="size-4" />
            </RadixDialog.Close>
          </div>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
