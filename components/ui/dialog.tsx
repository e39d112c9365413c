"use client";

import {
  cloneElement,
  isValidElement,
  lazy,
  Suspense,
  useState,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  type RefObject,
} from "react";

export type DialogProps = {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /**
   * Element that opens the dialog (a button: it is given `aria-haspopup`, `aria-expanded` and the click that toggles
   * the dialog). It is part of the page; the dialog's own code loads when it is first pressed.
   */
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
 * The modal itself (Radix: focus trap, scroll lock, dismissal), fetched when a dialog is first shown (React's `lazy`:
 * `next/dynamic`'s loader would itself be part of the page's first load).
 */
const RadixModal = lazy(() => import("./dialog-radix").then((m) => ({ default: m.RadixModal })));

type TriggerProps = { onClick?: (event: MouseEvent<HTMLElement>) => void };

/**
 * Accessible modal (see `RadixModal`). A dialog renders nothing, and loads no dialog code, until it first opens; then
 * it stays mounted so that closing it returns focus. Its `trigger` is rendered at once, by this component (not
 * Radix's `Trigger`), so that a page whose dialogs are closed does not carry Radix in its first load.
 */
export function Dialog(props: DialogProps) {
  const { trigger, locked } = props;
  const [inner, setInner] = useState(false);
  const open = props.open ?? inner;
  const onOpenChange = (next: boolean) => {
    if (props.open === undefined) setInner(next);
    props.onOpenChange?.(next);
  };
  const [used, setUsed] = useState(open);
  if (!used && open) setUsed(true);
  const opener = isValidElement<TriggerProps>(trigger)
    ? cloneElement(trigger as ReactElement<TriggerProps & Record<string, unknown>>, {
        "aria-haspopup": "dialog",
        "aria-expanded": open,
        "data-state": open ? "open" : "closed",
        onClick: (event: MouseEvent<HTMLElement>) => {
          trigger.props.onClick?.(event);
          if (event.defaultPrevented || locked) return;
          // What opened the dialog has focus (Safari does not focus a clicked button): focus returns to it on close.
          event.currentTarget.focus();
          onOpenChange(!open);
        },
      })
    : trigger;
  return (
    <>
      {opener}
      {used ? (
        <Suspense fallback={null}>
          <RadixModal {...props} trigger={undefined} open={open} onOpenChange={onOpenChange} />
        </Suspense>
      ) : null}
    </>
  );
}
