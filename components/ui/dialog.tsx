"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { useRef, type ReactNode, type RefObject } from "react";
import { cn } from "./cn";
import { CloseIcon } from "./icons";

export type DialogProps = {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Element that opens the dialog (rendered with Radix `asChild`). */
  trigger?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Accessible name of the close button (translated by the caller). */
  closeLabel: string;
  /**
   * Where focus goes on close when the element that opened the dialog is no longer on the page or disabled (for
   * example the "Connect a wallet" button, replaced by the next step once a wallet is connected, or the buy button
   * while the purchase it confirmed is under way: the purchase's status message). Without it, or when it cannot take
   * focus either, the nearest heading before the opener (see `findFocusFallback`).
   */
  returnFocusRef?: RefObject<HTMLElement | null>;
  /**
   * Focus `returnFocusRef` before the opener on this close: the dialog's own action has made the opener beside the
   * point (a purchase confirmed in it is under way: its status says what happens next).
   */
  preferReturnFocus?: boolean;
  /** While true the dialog stays as it is (its transaction is under way): Escape, × and the trigger do nothing. */
  locked?: boolean;
};

/** Focusable now: on the page, not disabled, not hidden, not inside a closed or inert part of the page. */
function canFocus(el: HTMLElement | null | undefined): el is HTMLElement {
  if (!el || !el.isConnected || el === document.body) return false;
  if ((el as HTMLButtonElement).disabled || el.closest("[inert],[aria-hidden='true']")) return false;
  return el.getClientRects().length > 0;
}

const HEADINGS = "h1,h2,h3,h4,h5,h6";

/**
 * Where focus goes when the opener is gone and the caller declared nothing: the nearest `[data-focus-fallback]`
 * or heading that comes before the opener in its section (walking out to <main>), else the page's h1. Found when the
 * dialog opens, while the opener is still on the page (its row or form may be gone by the time it closes).
 */
export function findFocusFallback(opener: HTMLElement | null): HTMLElement | null {
  let scope: HTMLElement | null = opener?.parentElement ?? null;
  while (scope && opener) {
    const marked = scope.querySelector<HTMLElement>("[data-focus-fallback]");
    if (marked && marked !== opener) return marked;
    const before = [...scope.querySelectorAll<HTMLElement>(HEADINGS)].filter(
      (h) => h.compareDocumentPosition(opener) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (before.length > 0) return before[before.length - 1]!;
    if (scope.tagName === "MAIN" || scope === document.body) break;
    scope = scope.parentElement;
  }
  return document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("h1");
}

/**
 * Moves focus to `el`, making a static element (a heading, a status message) focusable by script only
 * (tabindex="-1": it does not join the Tab order). Returns whether focus landed there.
 */
export function focusElement(el: HTMLElement): boolean {
  if (el.tabIndex < 0 && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
  el.focus();
  return document.activeElement === el;
}

/**
 * Returns focus after a dialog closed: to the first of `candidates` that can take it (WCAG 2.4.3), never <body>.
 * Shared by every dialog (Radix's onCloseAutoFocus) so none drops the keyboard user at the top of the page.
 */
export function returnFocus(candidates: (HTMLElement | null | undefined)[]): boolean {
  for (const el of candidates) if (canFocus(el) && focusElement(el)) return true;
  return false;
}

/**
 * Accessible modal (focus trap, Escape, labelled by title and description). On close — Escape, ×,
 * the overlay or the caller closing it — focus returns to the element that had it when the dialog
 * opened (WCAG 2.4.3), whether or not the dialog has a Radix trigger; if that element is gone or disabled,
 * to `returnFocusRef`, else to the heading of the opener's section — never to <body>.
 */
export function Dialog({
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
